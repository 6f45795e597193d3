"""What must hold after the faults, read from the databases and the streams (never from the API's answers):
nothing acknowledged is lost, no effect happens twice."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import asyncpg
from nats.aio.client import Client as NATS
from nats.js.errors import NotFoundError

from cases.consumers import CONSUMERS as CASES_CONSUMERS
from exchange.worker import CONSUMERS as EXCHANGE_CONSUMERS
from meshkit.events import DEAD_LETTER_STREAM, stream_for
from meshkit.inbox import ConsumerSpec

from .load import History

__all__ = ["Databases", "check_applications", "check_consumers", "check_reads", "check_streams"]

PRODUCERS = ("identity", "catalog", "cases", "exchange")
CONSUMERS_OF: dict[str, Sequence[ConsumerSpec]] = {"cases": CASES_CONSUMERS, "exchange": EXCHANGE_CONSUMERS}


def subject_matches(pattern: str, subject: str) -> bool:
    """NATS subject matching: ``*`` is one token, ``>`` the rest."""
    wanted, tokens = pattern.split("."), subject.split(".")
    for i, token in enumerate(wanted):
        if token == ">":
            return len(tokens) > i
        if i >= len(tokens) or (token != "*" and token != tokens[i]):
            return False
    return len(wanted) == len(tokens)


@dataclass(frozen=True)
class Databases:
    """The embedded PostgreSQL, as its superuser (the test reads every service's tables)."""

    port: int

    async def fetch(self, database: str, sql: str, *args: object) -> list[asyncpg.Record]:
        conn = await asyncpg.connect(f"postgresql://postgres@127.0.0.1:{self.port}/{database}")
        try:
            return list(await conn.fetch(sql, *args))
        finally:
            await conn.close()


async def check_applications(db: Databases, history: History) -> None:
    """Every application answered 201 exists exactly once (by its Idempotency-Key), the case it was told; every
    unanswered one at most once; every refused one not at all."""
    rows = await db.fetch(
        "cases",
        "SELECT idempotency_key, array_agg(id::text) AS ids FROM cases WHERE idempotency_key = ANY($1) "
        "GROUP BY idempotency_key",
        [op.key for op in history.operations if op.kind == "application"],
    )
    found = {row["idempotency_key"]: list(row["ids"]) for row in rows}
    for op in history.of("application", "ok"):
        assert found.get(op.key) == [op.result], f"accepted application {op.key}: {found.get(op.key)}"
    for op in history.of("application", "unknown"):
        assert len(found.get(op.key, [])) <= 1, f"unanswered application {op.key} filed twice"
    for op in history.of("application", "failed"):
        if op.status is not None and op.status < 500:
            assert op.key not in found, f"refused application {op.key} ({op.status}) was filed"


async def check_reads(db: Databases, history: History) -> None:
    """Every read answered 200 has exactly one access-log entry (the one it was told), chained exactly once; an
    unanswered read at most one."""
    rows = await db.fetch(
        "exchange",
        "SELECT e.request_id, e.id::text AS id, count(c.seq) AS links FROM access_log e "
        "LEFT JOIN access_chain c ON c.entry_id = e.id WHERE e.request_id = ANY($1) GROUP BY e.request_id, e.id",
        [op.key for op in history.operations if op.kind == "read"],
    )
    entries: dict[str, list[tuple[str, int]]] = {}
    for row in rows:
        entries.setdefault(row["request_id"], []).append((row["id"], int(row["links"])))
    for op in history.of("read", "ok"):
        assert entries.get(op.key) == [(op.result, 1)], f"read {op.key}: entries {entries.get(op.key)}"
    for op in history.of("read", "unknown"):
        assert len(entries.get(op.key, [])) <= 1, f"unanswered read {op.key} logged twice"


async def outbox_events(db: Databases, service: str) -> dict[str, str]:
    """event id -> subject of every event the service ever staged."""
    rows = await db.fetch(service, "SELECT event_id, subject FROM outbox")
    return {row["event_id"]: row["subject"] for row in rows}


async def check_drained(db: Databases) -> None:
    for service in PRODUCERS:
        rows = await db.fetch(service, "SELECT count(*) AS n FROM outbox WHERE published_at IS NULL")
        assert rows[0]["n"] == 0, f"{service}: {rows[0]['n']} events not published yet"


async def check_streams(db: Databases, nc: NATS, replicas: int) -> dict[str, int]:
    """Each producer's stream holds each event of its outbox exactly once (by Nats-Msg-Id), on ``replicas``
    peers all current; nothing went to the dead letters."""
    js = nc.jetstream(timeout=5.0)
    counts = {}
    for service in PRODUCERS:
        stream = stream_for(service)
        info = await js.stream_info(stream)
        assert info.config.num_replicas == replicas, f"{stream}: R{info.config.num_replicas}"
        assert info.cluster is not None
        peers = [info.cluster.leader, *[r.name for r in info.cluster.replicas or []]]
        assert len(peers) == replicas, f"{stream}: peers {peers}"
        assert all(r.current for r in info.cluster.replicas or []), f"{stream}: a replica lags"
        ids = []
        first, last = info.state.first_seq, info.state.last_seq
        for seq in range(first, last + 1) if info.state.messages else ():
            message = await js.get_msg(stream, seq)
            ids.append((message.headers or {}).get("Nats-Msg-Id"))
        staged = await outbox_events(db, service)
        assert len(ids) == len(set(ids)), f"{stream}: an event published twice"
        assert set(ids) == set(staged), f"{stream}: {len(set(staged) - set(ids))} staged events missing"
        counts[stream] = len(ids)
    try:
        dead = await js.stream_info(DEAD_LETTER_STREAM)
        assert dead.state.messages == 0, f"{dead.state.messages} dead letters"
    except NotFoundError:
        pass
    return counts


async def check_consumers(db: Databases, nc: NATS) -> dict[str, int]:
    """Every consumer processed each event of its subjects exactly once: its inbox holds exactly the events its
    producer staged on those subjects (the inbox's key makes a second row impossible; a missing one is a lost
    event), and the server has nothing pending or unacknowledged for it."""
    js = nc.jetstream(timeout=5.0)
    staged = {service: await outbox_events(db, service) for service in PRODUCERS}
    by_stream = {stream_for(service): service for service in PRODUCERS}
    processed = {}
    for service, specs in CONSUMERS_OF.items():
        for spec in specs:
            producer = staged[by_stream[spec.stream]]
            wanted = {
                event
                for event, subject in producer.items()
                if any(subject_matches(pattern, subject) for pattern in spec.subjects)
            }
            rows = await db.fetch(service, "SELECT event_id FROM inbox WHERE consumer = $1", spec.durable)
            done = [row["event_id"] for row in rows]
            assert len(done) == len(set(done))
            assert set(done) == wanted, (
                f"{spec.durable}: {len(wanted - set(done))} events not processed, "
                f"{len(set(done) - wanted)} processed that were never staged"
            )
            info = await js.consumer_info(spec.stream, spec.durable)
            assert info.num_pending == 0, f"{spec.durable}: {info.num_pending} pending"
            assert info.num_ack_pending == 0, f"{spec.durable}: {info.num_ack_pending} unacknowledged"
            processed[spec.durable] = len(done)
    return processed


async def check_caught_up(nc: NATS, node: str) -> dict[str, str]:
    """``node`` is a peer of every producer's stream again and current in it: its leader, or a replica that is
    current (the R3 check of :func:`check_streams`, for the one node a partition cut off)."""
    js = nc.jetstream(timeout=5.0)
    roles = {}
    for service in PRODUCERS:
        stream = stream_for(service)
        info = await js.stream_info(stream)
        assert info.cluster is not None
        if info.cluster.leader == node:
            roles[stream] = "leader"
            continue
        replica = next((r for r in info.cluster.replicas or [] if r.name == node), None)
        assert replica is not None, f"{stream}: {node} is not a peer"
        assert replica.current, f"{stream}: {node} lags ({replica.lag} behind, seen {replica.active} s ago)"
        roles[stream] = "current replica"
    return roles
