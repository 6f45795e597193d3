"""Inbox and durable consumers: each event's effect happens once, however often JetStream delivers it.

A consumer records the event id in the inbox in the same transaction as its effect; a redelivery finds the id and
changes nothing. Failures are nak'ed with backoff. A failure of the event's own (its handler raising on it) counts:
after ``max_deliver`` of them the event goes to the dead-letter stream with the reason, and a log line says why. An
outage (:func:`meshkit.outages.is_outage`: the database or broker unreachable, a timeout) never counts: the event
is nak'ed with a capped backoff for as long as the outage lasts (a PostgreSQL outage of 45 s once dead-lettered
every event of that minute, and nothing replayed them). JetStream itself never stops redelivering
(``max_deliver`` -1 on the server); the count of an event's own failures is kept per process, so with several
workers an event may be tried up to ``max_deliver`` times in each before it is dead-lettered.

The events of one fetch are applied in one transaction (one inbox insert, one commit and WAL flush for all of
them, each handler in turn on the same session, or the consumer's batch handler once for all of them), then
acked. If any of them fails, that transaction is rolled back and each event is applied again alone with the
per-event handler, so one bad event never holds up or fails another. A consumer may linger after a fetch that
was not full, so that events trickling in arrive in larger fetches.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
from collections.abc import Awaitable, Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from nats.aio.msg import Msg
from nats.errors import TimeoutError as NatsTimeoutError
from nats.js import JetStreamContext
from nats.js.api import AckPolicy, ConsumerConfig, DeliverPolicy
from nats.js.errors import NotFoundError
from pydantic import ValidationError
from sqlalchemy import (
    Column,
    DateTime,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    bindparam,
    func,
    select,
)
from sqlalchemy.dialects.postgresql import ARRAY, insert
from sqlalchemy.ext.asyncio import AsyncSession

from meshkit.db import Database
from meshkit.events import DEAD_LETTER_PREFIX, DEAD_LETTER_STREAM, CloudEvent
from meshkit.observability import continued_trace, metrics
from meshkit.outages import is_outage, outage_delay
from meshkit.streams import StreamPolicy, ensure_stream
from meshkit.tracing import consumer_span

__all__ = [
    "BatchHandler",
    "ConsumerSpec",
    "Handler",
    "inbox_table",
    "record_many",
    "record_once",
    "run_consumer",
]

log = logging.getLogger("meshkit.inbox")

INBOX_TABLE = "inbox"

Handler = Callable[[AsyncSession, CloudEvent], Awaitable[None]]
BatchHandler = Callable[[AsyncSession, Sequence[CloudEvent]], Awaitable[None]]


def inbox_table(metadata: MetaData) -> Table:
    return Table(
        INBOX_TABLE,
        metadata,
        Column("consumer", String(100), nullable=False),
        Column("event_id", String(36), nullable=False),
        Column("subject", String(200), nullable=False),
        Column("processed_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
        PrimaryKeyConstraint("consumer", "event_id"),
    )


async def record_once(session: AsyncSession, table: Table, *, consumer: str, event: CloudEvent) -> bool:
    """Insert the inbox row; False when this consumer already processed the event."""
    result = await session.execute(
        insert(table)
        .values(consumer=consumer, event_id=event.id, subject=event.type)
        .on_conflict_do_nothing()
        .returning(table.c.event_id)
    )
    return result.first() is not None


async def record_many(
    session: AsyncSession, table: Table, *, consumer: str, events: Sequence[CloudEvent]
) -> set[str]:
    """Insert the inbox rows of ``events``; the ids this consumer had not processed before.

    One statement of the same shape for any number of events (the ids and subjects as two arrays, unnested), so
    SQLAlchemy compiles it once and the driver prepares it once: a multi-row VALUES was compiled anew for every
    fetch (issue 21: ≈ 10 % of the exchange worker's CPU went to compiling its batch inserts)."""
    result = await session.execute(
        _many_statement(table),
        {"consumer": consumer, "event_ids": [e.id for e in events], "subjects": [e.type for e in events]},
    )
    return {str(row[0]) for row in result}


@functools.cache  # one construct per inbox table (a few per process): not rebuilt for every fetch
def _many_statement(table: Table) -> Any:
    ids = func.unnest(bindparam("event_ids", type_=ARRAY(String)))
    subjects = func.unnest(bindparam("subjects", type_=ARRAY(String)))
    rows = select(bindparam("consumer", type_=String), ids, subjects)
    return (
        insert(table)
        .from_select(["consumer", "event_id", "subject"], rows)
        .on_conflict_do_nothing()
        .returning(table.c.event_id)
    )


@dataclass(frozen=True)
class ConsumerSpec:
    """A durable pull consumer of one producer's stream.

    ``batch_handler``, when given, applies the new events of a fetch in one call (in delivery order; the ones
    already in the inbox left out); ``handler`` still applies an event alone, when the fetch held only one or
    the batch failed. ``linger``: seconds to wait after a fetch that was not full (its events already handled
    and acked) before the next, so the next one gathers more; 0 fetches again at once.
    """

    durable: str
    stream: str
    subjects: Sequence[str]
    handler: Handler
    max_deliver: int = 5
    backoff: Sequence[float] = field(default=(0.2, 1.0, 5.0, 15.0, 60.0))
    ack_wait: float = 30.0
    batch: int = 100
    batch_handler: BatchHandler | None = None
    linger: float = 0.0


class ConsumerRunner:
    def __init__(
        self,
        database: Database,
        js: JetStreamContext,
        inbox: Table,
        spec: ConsumerSpec,
        service: str,
        streams: StreamPolicy | None = None,
    ):
        self._db = database
        self._js = js
        self._inbox = inbox
        self._spec = spec
        self._service = service
        self._streams = streams
        self._failures: dict[int, int] = {}  # stream sequence -> failures of the event's own (not outages)
        for family in (metrics.consumer_processed, metrics.consumer_failures, metrics.dead_letters):
            family.labels(service, spec.durable)  # each series from 0: an alert's rate() has a first sample

    async def ensure(self) -> None:
        spec = self._spec
        await ensure_stream(self._js, DEAD_LETTER_STREAM, [f"{DEAD_LETTER_PREFIX}.>"], self._streams)
        config = ConsumerConfig(
            durable_name=spec.durable,
            deliver_policy=DeliverPolicy.ALL,
            ack_policy=AckPolicy.EXPLICIT,
            ack_wait=spec.ack_wait,
            max_deliver=-1,  # our own count decides; the server must never drop an event during an outage
            filter_subjects=list(spec.subjects),
            max_ack_pending=10_000,
        )
        await self._js.add_consumer(spec.stream, config)

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                await self.ensure()
                break
            except NotFoundError:  # the producer's worker has not created its stream yet
                log.info(
                    "waiting for stream", extra={"stream": self._spec.stream, "consumer": self._spec.durable}
                )
                await asyncio.sleep(1.0)
            except Exception as exc:
                if not is_outage(exc):
                    raise
                await self._wait_out(exc, stop)
        sub = await self._js.pull_subscribe_bind(self._spec.durable, self._spec.stream)
        try:
            while not stop.is_set():
                try:
                    msgs = await sub.fetch(self._spec.batch, timeout=1.0)
                except (TimeoutError, NatsTimeoutError):
                    continue
                except Exception as exc:
                    if not is_outage(exc):
                        raise
                    await self._wait_out(
                        exc, stop
                    )  # the client reconnects meanwhile; the consumer is durable
                    continue
                try:
                    await self.handle_batch(msgs)
                except Exception as exc:
                    if not is_outage(exc):
                        raise
                    await self._wait_out(
                        exc, stop
                    )  # an ack or nak lost: redelivered, the inbox keeps it once
                if len(msgs) < self._spec.batch and self._spec.linger > 0:
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(stop.wait(), timeout=self._spec.linger)
        finally:
            with contextlib.suppress(Exception):
                await sub.unsubscribe()

    async def _wait_out(self, exc: Exception, stop: asyncio.Event) -> None:
        log.warning(
            "broker unavailable, waiting",
            extra={"consumer": self._spec.durable, "error": type(exc).__name__},
        )
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=1.0)

    async def handle_batch(self, msgs: Sequence[Msg]) -> None:
        """Apply the events of one fetch in one transaction (each with the handler in turn, or all with the batch
        handler at once); on any failure, each alone in its own with the handler. Handlers therefore change
        nothing but the session's database (as the inbox needs anyway)."""
        parsed: list[tuple[Msg, CloudEvent]] = []
        for msg in msgs:
            event = await self._parsed(msg)
            if event is not None:
                parsed.append((msg, event))
        if len(parsed) <= 1:
            for msg, event in parsed:
                await self._apply(msg, event)
            return
        spec = self._spec
        by_id = {event.id: msg for msg, event in parsed}
        try:
            async with self._db.sessions() as session, session.begin():
                events = [event for _, event in parsed]
                fresh = await record_many(session, self._inbox, consumer=spec.durable, events=events)
                unseen = []
                for event in events:
                    if event.id in fresh:
                        fresh.discard(event.id)  # the same event twice in one fetch: applied once
                        unseen.append(event)
                if spec.batch_handler is None:
                    for event in unseen:
                        with _trace_of(by_id[event.id], event):
                            await spec.handler(session, event)
                elif unseen:
                    with _trace_of(*parsed[0]):  # one batch, one handling: the first event's trace
                        await spec.batch_handler(session, unseen)
        except Exception:
            for msg, event in parsed:
                await self._apply(msg, event)
            return
        for msg, event in parsed:
            with _trace_of(msg, event):
                await self._done(msg, event)

    async def _parsed(self, msg: Msg) -> CloudEvent | None:
        """The event, or None after dead-lettering what is not one."""
        try:
            return CloudEvent.model_validate_json(msg.data)
        except ValidationError as exc:
            reason = f"not a CloudEvent: {exc.error_count()} validation errors"
            await self._dead_letter(msg, reason, msg.metadata.num_delivered)
            return None

    async def _apply(self, msg: Msg, event: CloudEvent) -> None:
        spec = self._spec
        with _trace_of(msg, event):  # its log lines, outgoing calls and new events continue the event's trace
            try:
                async with self._db.sessions() as session, session.begin():
                    if await record_once(session, self._inbox, consumer=spec.durable, event=event):
                        await spec.handler(session, event)
            except Exception as exc:
                await self._failed(msg, event, exc)
                return
            await self._done(msg, event)

    async def _failed(self, msg: Msg, event: CloudEvent, exc: Exception) -> None:
        spec, attempt = self._spec, msg.metadata.num_delivered
        outage = is_outage(exc)
        if outage:
            delay = outage_delay(attempt)
        else:
            sequence = msg.metadata.sequence.stream
            own = self._failures.pop(sequence, 0) + 1
            if own >= spec.max_deliver:
                log.error("consumer gave up", exc_info=exc, extra=_context(spec.durable, event, attempt))
                await self._dead_letter(msg, f"{type(exc).__name__}: {exc}"[:1000], attempt)
                return
            if len(self._failures) >= 10_000:
                self._failures.clear()  # a bound on memory; the worst case is a few more tries
            self._failures[sequence] = own
            delay = spec.backoff[min(own - 1, len(spec.backoff) - 1)]
        log.warning(
            "consumer failed, will retry",
            extra={
                **_context(spec.durable, event, attempt),
                "error": type(exc).__name__,
                "outage": outage,
                "retry_in": delay,
            },
        )
        metrics.consumer_failures.labels(self._service, spec.durable).inc()
        await msg.nak(delay=delay)

    async def _done(self, msg: Msg, event: CloudEvent) -> None:
        spec = self._spec
        self._failures.pop(msg.metadata.sequence.stream, None)
        await msg.ack()
        metrics.consumer_processed.labels(self._service, spec.durable).inc()
        log.debug("event processed", extra=_context(spec.durable, event, msg.metadata.num_delivered))
        lag = (datetime.now(UTC) - event.time).total_seconds()
        metrics.event_lag.labels(self._service, spec.durable).observe(max(lag, 0.0))

    async def _dead_letter(self, msg: Msg, reason: str, attempt: int) -> None:
        subject = f"{DEAD_LETTER_PREFIX}.{self._service}.{self._spec.durable}"
        headers = {
            "Tongban-Original-Subject": msg.subject,
            "Tongban-Reason": reason.replace("\n", " ")[:1000],
            "Tongban-Deliveries": str(attempt),
            "Tongban-Consumer": self._spec.durable,
            **{
                k: v
                for k, v in (getattr(msg, "headers", None) or {}).items()
                if k in ("traceparent", "X-Request-Id")
            },
        }
        await self._js.publish(subject, msg.data, headers=headers)
        await msg.term()
        metrics.dead_letters.labels(self._service, self._spec.durable).inc()
        log.error(
            "event dead-lettered",
            extra={
                "consumer": self._spec.durable,
                "subject": msg.subject,
                "reason": reason,
                "deliveries": attempt,
            },
        )


@contextlib.contextmanager
def _trace_of(msg: Msg, event: CloudEvent) -> Iterator[None]:
    """Inside the trace the event was published in: the message's headers (the outbox relay's), else the
    envelope's own extension attributes (a message republished without them); a consumer span when tracing is
    on (:mod:`meshkit.tracing`)."""
    headers = getattr(msg, "headers", None) or {}  # a message without headers (or a test's stand-in)
    extra = event.model_extra or {}
    traceparent = headers.get("traceparent") or extra.get("traceparent")
    request_id = headers.get("X-Request-Id") or extra.get("requestid")
    traceparent = traceparent if isinstance(traceparent, str) else None
    with (
        continued_trace(traceparent, request_id if isinstance(request_id, str) else None),
        consumer_span(f"{event.type} process", traceparent),
    ):
        yield


def _context(durable: str, event: CloudEvent, attempt: int) -> dict[str, object]:
    return {"consumer": durable, "event_id": event.id, "event_type": event.type, "delivery": attempt}


async def run_consumer(
    database: Database,
    js: JetStreamContext,
    inbox: Table,
    spec: ConsumerSpec,
    *,
    service: str,
    stop: asyncio.Event,
    streams: StreamPolicy | None = None,
) -> None:
    await ConsumerRunner(database, js, inbox, spec, service, streams).run(stop)
