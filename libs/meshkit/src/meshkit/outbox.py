"""Transactional outbox: the event row is written in the same transaction as the state change; a relay publishes.

The relay claims unpublished rows with ``FOR UPDATE SKIP LOCKED`` (several replicas are safe), publishes them to
JetStream with ``Nats-Msg-Id`` = event id (the stream drops duplicates inside its window), awaits every ack of the
batch concurrently, then marks the acked rows published. It wakes on LISTEN/NOTIFY from an insert trigger and on a
short poll as a fallback; woken by a notification it lingers a moment first, so that commits arriving one by one go
out together. NATS being down only grows the backlog; no user request fails because of it.

While events keep coming, the relay holds a gate (a session advisory lock on its listening connection) and scans
every linger by itself; the trigger (:func:`gated_notify_sql`) then does not notify. A transaction that notified
takes PostgreSQL's one notification lock at commit and holds it through its WAL flush, so every notifying commit of
the whole server went one after another, one fsync each, and the applications' tail followed the disk's
(issue 21: docs/architecture.md, "The outbox relay's gate"). Idle, the relay lets the gate go and the trigger wakes
it as before.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import asyncpg
from nats.js import JetStreamContext
from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy import event as sa_event
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session, SessionTransaction

from meshkit.events import CloudEvent, EventPayload, EventSpec, new_event, trace_headers
from meshkit.observability import metrics

if TYPE_CHECKING:
    from meshkit.db import Database

__all__ = [
    "BatchResult",
    "OutboxRelay",
    "add_event",
    "add_events",
    "gated_notify_sql",
    "notify_trigger_sql",
    "observe_committed",
    "on_committed",
    "outbox_table",
]

log = logging.getLogger("meshkit.outbox")

OUTBOX_TABLE = "outbox"
NOTIFY_CHANNEL = "outbox_pending"


def outbox_table(metadata: MetaData) -> Table:
    return Table(
        OUTBOX_TABLE,
        metadata,
        Column("position", BigInteger, primary_key=True, autoincrement=True),
        Column("event_id", String(36), nullable=False, unique=True),
        Column("subject", String(200), nullable=False),
        Column("aggregate_id", String(100), nullable=False),
        Column("envelope", JSONB, nullable=False),
        Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
        Column("published_at", DateTime(timezone=True), nullable=True),
        Column("attempts", Integer, nullable=False, server_default=text("0")),
        Column("last_error", Text, nullable=True),
        Index("ix_outbox_pending", "position", postgresql_where=text("published_at IS NULL")),
    )


def notify_trigger_sql() -> tuple[list[str], list[str]]:
    """SQL statements for a migration: (upgrade, downgrade) of the trigger that wakes the relay on inserts."""
    upgrade = [
        f"""CREATE OR REPLACE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('{NOTIFY_CHANNEL}', '');
  RETURN NULL;
END $$""",
        f"CREATE TRIGGER outbox_notify AFTER INSERT ON {OUTBOX_TABLE} FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()",
    ]
    downgrade = [
        f"DROP TRIGGER IF EXISTS outbox_notify ON {OUTBOX_TABLE}",
        "DROP FUNCTION IF EXISTS outbox_notify()",
    ]
    return upgrade, downgrade


# The relay's gate, and the lock an insert that did not notify holds to its commit: advisory locks in the two-int
# key space (the services' own advisory locks use one bigint).
GATE_KEY = (0x6F757462, 1)  # "outb", 1
SILENT_KEY = (0x6F757462, 2)


def gated_notify_sql() -> tuple[list[str], list[str]]:
    """SQL statements for a migration: (upgrade, downgrade) of the insert trigger's function, notifying only while
    no relay holds the gate (:class:`OutboxRelay`). The gate is tried shared and let go at once, so a relay can take
    it between two inserts. An insert that finds it held takes a shared lock to its commit (``SILENT_KEY``) before it
    looks again: a relay letting the gate go waits until no such transaction is left before its last scan, so no
    commit is left for the poll; one that finds the gate gone meanwhile notifies after all."""
    gate = "{}, {}".format(*GATE_KEY)
    silent = "{}, {}".format(*SILENT_KEY)
    notify = f"PERFORM pg_advisory_unlock_shared({gate});\n    PERFORM pg_notify('{NOTIFY_CHANNEL}', '');"
    upgrade = [
        f"""CREATE OR REPLACE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF pg_try_advisory_lock_shared({gate}) THEN
    {notify}
    RETURN NULL;
  END IF;
  PERFORM pg_advisory_xact_lock_shared({silent});
  IF pg_try_advisory_lock_shared({gate}) THEN
    {notify}
  END IF;
  RETURN NULL;
END $$"""
    ]
    return upgrade, notify_trigger_sql()[0][:1]  # down: the function that always notifies


CommittedObserver = Callable[[CloudEvent], None]
_observers: dict[str, list[CommittedObserver]] = {}
_PENDING = "meshkit.outbox.committed"


def on_committed(spec: EventSpec[Any], observer: CommittedObserver) -> None:
    """Call ``observer`` with each event of ``spec`` this process stages, once its transaction has committed (never
    for one rolled back): where a service counts what happened (its business metrics), exactly where it happened.
    An observer must be quick and must not raise (what it raises is logged and dropped)."""
    _observers.setdefault(spec.subject, []).append(observer)


def observe_committed(event: CloudEvent) -> None:
    """Tell the observers of ``event``'s type (:func:`on_committed`) that it committed: for a path that writes its
    outbox row without :func:`add_event` (a one-statement insert), called once that statement has committed."""
    for observer in _observers.get(event.type, ()):
        try:
            observer(event)
        except Exception:
            log.exception("event observer failed")


def _after_commit(session: AsyncSession) -> list[Callable[[], None]]:
    sync = session.sync_session
    pending: list[Callable[[], None]] | None = sync.info.get(_PENDING)
    if pending is None:
        calls: list[Callable[[], None]] = []
        sync.info[_PENDING] = pending = calls

        def committed(_: Session) -> None:
            done = list(calls)
            calls.clear()
            for call in done:
                try:
                    call()
                except Exception:
                    log.exception("event observer failed")

        def rolled_back(_: Session, previous: SessionTransaction) -> None:
            if previous.parent is None:  # the outermost transaction: its events were never committed
                calls.clear()

        sa_event.listen(sync, "after_commit", committed)
        sa_event.listen(sync, "after_soft_rollback", rolled_back)
    return pending


async def add_event(
    session: AsyncSession,
    table: Table,
    spec: EventSpec[Any],
    *,
    aggregate_id: str,
    sequence: int,
    payload: EventPayload,
) -> CloudEvent:
    """Stage an event in the caller's transaction. It is published only if that transaction commits."""
    if not isinstance(payload, spec.payload):
        raise TypeError(f"{spec.subject} takes {spec.payload.__name__}, not {type(payload).__name__}")
    event = new_event(spec, aggregate_id=aggregate_id, sequence=sequence, payload=payload)
    await session.execute(
        insert(table).values(
            event_id=event.id,
            subject=spec.subject,
            aggregate_id=aggregate_id,
            envelope=event.model_dump(mode="json"),
        )
    )
    for observer in _observers.get(spec.subject, ()):
        _after_commit(session).append(functools.partial(observer, event))
    return event


async def add_events(
    session: AsyncSession, table: Table, spec: EventSpec[Any], items: Sequence[tuple[str, int, EventPayload]]
) -> list[CloudEvent]:
    """:func:`add_event` for many events of one type in one multi-row statement, in the order given (their outbox
    positions follow it): ``items`` are (aggregate id, sequence, payload)."""
    events = []
    for aggregate_id, sequence, payload in items:
        if not isinstance(payload, spec.payload):
            raise TypeError(f"{spec.subject} takes {spec.payload.__name__}, not {type(payload).__name__}")
        events.append(new_event(spec, aggregate_id=aggregate_id, sequence=sequence, payload=payload))
    if not events:
        return events
    await session.execute(
        insert(table).values(
            [
                {
                    "event_id": event.id,
                    "subject": spec.subject,
                    "aggregate_id": aggregate_id,
                    "envelope": event.model_dump(mode="json"),
                }
                for event, (aggregate_id, _, _) in zip(events, items, strict=True)
            ]
        )
    )
    for observer in _observers.get(spec.subject, ()):
        _after_commit(session).extend(functools.partial(observer, event) for event in events)
    return events


@dataclass(frozen=True)
class BatchResult:
    published: int
    failed: int


_FIRST_BACKOFF = 0.1  # seconds after a failed batch, doubling up to 5 s
_TRY_AND_LET_GO = (
    "SELECT CASE WHEN pg_try_advisory_lock($1, $2) THEN pg_advisory_unlock($1, $2) ELSE false END"
)


class OutboxRelay:
    def __init__(
        self,
        database: Database,
        js: JetStreamContext,
        table: Table,
        *,
        service: str,
        batch_size: int = 500,
        poll_interval: float = 1.0,
        linger: float = 0.02,
        ack_timeout: float = 5.0,
    ) -> None:
        self._db = database
        self._js = js
        self._table = table
        self._service = service
        self._batch_size = batch_size
        self._poll_interval = poll_interval
        self._linger = linger
        self._ack_timeout = ack_timeout
        self._wake = asyncio.Event()
        self._listener: asyncpg.Connection | None = None  # the LISTENing connection, which holds the gate
        self._gate: asyncpg.Connection | None = None  # the connection the gate is held on, while held
        metrics.outbox_published.labels(service)  # the series from 0, before the first event

    async def publish_batch(self) -> BatchResult:
        """Publish one batch of pending rows. Rows whose ack did not come stay pending, with the error noted."""
        t = self._table
        async with self._db.engine.begin() as conn:
            rows = (
                await conn.execute(
                    select(t.c.position, t.c.event_id, t.c.subject, t.c.envelope)
                    .where(t.c.published_at.is_(None))
                    .order_by(t.c.position)
                    .limit(self._batch_size)
                    .with_for_update(skip_locked=True)
                )
            ).all()
            if not rows:
                return BatchResult(0, 0)
            futures = []
            for row in rows:
                body = CloudEvent.model_validate(row.envelope).model_dump_json().encode()
                headers = {"Nats-Msg-Id": row.event_id, **trace_headers(row.envelope)}
                futures.append(await self._js.publish_async(row.subject, body, headers=headers))
            results = await asyncio.gather(
                *(asyncio.wait_for(f, self._ack_timeout) for f in futures), return_exceptions=True
            )
            done = [
                row.position for row, r in zip(rows, results, strict=True) if not isinstance(r, BaseException)
            ]
            failed = [(row, r) for row, r in zip(rows, results, strict=True) if isinstance(r, BaseException)]
            if done:
                await conn.execute(update(t).where(t.c.position.in_(done)).values(published_at=func.now()))
            if failed:
                first = failed[0][1]
                await conn.execute(
                    update(t)
                    .where(t.c.position.in_([row.position for row, _ in failed]))
                    .values(attempts=t.c.attempts + 1, last_error=f"{type(first).__name__}: {first}"[:500])
                )
                log.warning(
                    "outbox publish failed",
                    extra={"failed": len(failed), "published": len(done), "error": type(first).__name__},
                )
        metrics.outbox_published.labels(self._service).inc(len(done))
        return BatchResult(len(done), len(failed))

    async def backlog(self) -> int:
        t = self._table
        async with self._db.engine.connect() as conn:
            count = await conn.scalar(select(func.count()).select_from(t).where(t.c.published_at.is_(None)))
        return int(count or 0)

    async def run(self, stop: asyncio.Event) -> None:
        listener = asyncio.create_task(self._listen(stop))
        backoff = 0.0  # seconds to wait after a failed batch; 0 after a good one
        notified = False  # the last wait ended on a notification (not the poll, not a full batch)
        draining = False  # the gate was let go: scanning on until every insert that did not notify has ended
        try:
            while not stop.is_set():
                if (notified or draining or self._holds_gate()) and self._linger > 0:
                    # One commit woke us (or events keep coming): the next ones of this moment go in the same
                    # batch, so that events trickling in cost one claim, publish and mark together.
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(stop.wait(), timeout=self._linger)
                    if stop.is_set():
                        break
                # before the scan: the inserts that did not notify have all ended, so this scan sees them
                drained = draining and await self._silent_inserts_ended()
                # Cleared before the scan, so a notification that arrives during it is not lost: the wait below
                # then returns at once instead of after a whole poll interval.
                self._wake.clear()
                try:
                    result = await self.publish_batch()
                except Exception:
                    log.exception("outbox relay cycle failed")
                    result = BatchResult(0, 1)
                notified = False
                if result.failed:  # NATS or the database is unhappy: back off (up to 5 s), notified or not
                    draining = await self._let_gate_go() or draining
                    backoff = min(max(backoff * 2, _FIRST_BACKOFF), 5.0)
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(stop.wait(), timeout=backoff)
                    continue
                backoff = 0.0
                if result.published >= self._batch_size:
                    continue  # a full batch: more are waiting, on at once
                if result.published and self._linger > 0 and await self._take_gate():
                    draining = False
                    continue  # events are coming: scan again after the linger, without notifications
                if await self._let_gate_go():  # the flow stopped: inserts notify again from now on
                    draining = True
                    continue
                if draining and not drained:
                    continue
                draining = False
                # A partial batch took every row committed before the scan; later commits have notified.
                notified = await self._wait(stop)
        finally:
            listener.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await listener

    def _holds_gate(self) -> bool:
        """Whether the gate is held: on the listening connection, still open (a dropped connection let it go)."""
        gate = self._gate
        if gate is None or gate.is_closed():
            return False
        return gate is self._listener

    async def _take_gate(self) -> bool:
        """Hold the gate (inserts stop notifying) unless held already; False when it cannot be had now (no
        listening connection, or an insert trying it at this instant: the next scan tries again)."""
        if self._holds_gate():
            return True
        connection = self._listener
        if connection is None or connection.is_closed():
            return False
        try:
            taken = bool(await connection.fetchval("SELECT pg_try_advisory_lock($1, $2)", *GATE_KEY))
        except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError):
            return False
        self._gate = connection if taken else None
        return taken

    async def _let_gate_go(self) -> bool:
        """Let the gate go if held; True when it was (the caller then drains)."""
        gate, self._gate = self._gate, None
        if gate is None or gate.is_closed():
            return False
        with contextlib.suppress(OSError, asyncpg.PostgresError, asyncpg.InterfaceError):
            await gate.execute("SELECT pg_advisory_unlock($1, $2)", *GATE_KEY)
        return True

    async def _silent_inserts_ended(self) -> bool:
        """Whether no transaction that skipped its notification is still open (each holds ``SILENT_KEY`` shared to
        its end): tried and let go in one statement, never waited for, so a long transaction keeps the relay
        scanning instead of blocking anyone. Without a listening connection there is no gate either: True."""
        connection = self._listener
        if connection is None or connection.is_closed():
            return True
        try:
            return bool(await connection.fetchval(_TRY_AND_LET_GO, *SILENT_KEY))
        except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError):
            return True  # the connection is going: so is the gate; the poll is the safety net

    async def _wait(self, stop: asyncio.Event) -> bool:
        """Wait for a notification, ``stop`` or the poll interval; True when a notification ended it."""
        if self._wake.is_set():
            return True
        stop_task = asyncio.create_task(stop.wait())
        wake_task = asyncio.create_task(self._wake.wait())
        try:
            await asyncio.wait(
                {stop_task, wake_task}, timeout=self._poll_interval, return_when=asyncio.FIRST_COMPLETED
            )
        finally:
            stop_task.cancel()
            wake_task.cancel()
        return self._wake.is_set() and not stop.is_set()

    async def _listen(self, stop: asyncio.Event) -> None:
        """Hold one raw connection that LISTENs for the insert trigger; reconnect if it drops."""
        url = self._db.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
        while not stop.is_set():
            conn: asyncpg.Connection | None = None
            try:
                conn = await asyncpg.connect(url)
                await conn.add_listener(NOTIFY_CHANNEL, lambda *_: self._wake.set())
                self._listener = conn
                self._wake.set()  # rows committed while no one listened are picked up now, not at the next poll
                await stop.wait()
            except (OSError, asyncpg.PostgresError) as exc:
                log.warning("outbox listener reconnecting", extra={"error": type(exc).__name__})
                await asyncio.sleep(1.0)
            finally:
                if conn is not None:
                    self._listener = None  # the gate, if held on it, goes with it
                    with contextlib.suppress(Exception):
                        await conn.close()
