"""Outbox → relay → JetStream → consumer with inbox, on a real PostgreSQL and a real nats-server."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

import pytest
from sqlalchemy import func, select, text

from meshkit.db import Database
from meshkit.embedded import EmbeddedNats
from meshkit.events import DEAD_LETTER_STREAM, CloudEvent
from meshkit.inbox import ConsumerSpec, run_consumer
from meshkit.outbox import OutboxRelay, add_event
from meshkit.streams import ensure_stream
from meshkit.testing import eventually
from meshkit.testing.scratch import INBOX, OUTBOX, PINGED, Pinged, apply_effect, effect_counts, stage
from meshkit.worker import connect_nats

pytestmark = pytest.mark.integration


@asynccontextmanager
async def running(
    db: Database,
    url: str,
    spec: ConsumerSpec | None,
    *,
    ack_timeout: float = 5.0,
    poll_interval: float = 0.05,
    linger: float = 0.02,
) -> AsyncIterator[OutboxRelay]:
    nc = await connect_nats(url, name="test")
    js = nc.jetstream(timeout=2.0)
    await ensure_stream(js, "SCRATCH", ["scratch.>"])
    stop = asyncio.Event()
    relay = OutboxRelay(
        db, js, OUTBOX, service="scratch", poll_interval=poll_interval, linger=linger, ack_timeout=ack_timeout
    )
    tasks = [asyncio.create_task(relay.run(stop))]
    if spec is not None:
        tasks.append(asyncio.create_task(run_consumer(db, js, INBOX, spec, service="scratch", stop=stop)))
    try:
        yield relay
    finally:
        stop.set()
        await asyncio.gather(*tasks, return_exceptions=True)
        await nc.close()


def consumer(name: str, handler=apply_effect, **kwargs) -> ConsumerSpec:  # type: ignore[no-untyped-def]
    return ConsumerSpec(
        durable=name, stream="SCRATCH", subjects=["scratch.pinged.v1"], handler=handler, **kwargs
    )


async def test_every_committed_event_is_applied_exactly_once(
    database: Database, nats_factory: Callable[[], EmbeddedNats]
) -> None:
    server = nats_factory()  # a scratch producer: the session's NATS admits only the mesh's users
    server.start()
    ids = await stage(database, 50)
    async with running(database, server.url, consumer("once")) as relay:

        async def all_applied() -> None:
            assert await effect_counts(database) == dict.fromkeys(ids, 1)

        await eventually(all_applied)
        assert await relay.backlog() == 0


async def test_a_commit_wakes_the_idle_relay_without_waiting_for_its_poll(
    database: Database, nats_factory: Callable[[], EmbeddedNats]
) -> None:
    """The relay LISTENs for the outbox's insert notification; polling is only the safety net."""
    server = nats_factory()
    server.start()
    async with running(database, server.url, consumer("woken"), poll_interval=30.0) as relay:
        await asyncio.sleep(0.5)  # the first scan found nothing; the relay now waits on its 30 s poll
        ids = await stage(database, 3, aggregate="woken")

        async def applied() -> None:
            counts = await effect_counts(database)
            assert {i: counts.get(i) for i in ids} == dict.fromkeys(ids, 1)

        await eventually(applied, timeout=5)
        assert await relay.backlog() == 0


async def test_commits_during_the_linger_are_published_in_one_batch(
    database: Database, nats_factory: Callable[[], EmbeddedNats]
) -> None:
    """Woken by a commit, the relay waits its linger before claiming: the commits of that moment go together."""
    server = nats_factory()
    server.start()
    async with running(database, server.url, None, poll_interval=30.0, linger=0.8) as relay:
        await asyncio.sleep(1.5)  # the listener is connected and its first scan found nothing
        for aggregate in ("a", "b", "c"):
            await stage(database, 2, aggregate=aggregate)  # three transactions, three notifications
            await asyncio.sleep(0.1)
        await eventually(_zero(relay), timeout=5)
    async with database.engine.connect() as conn:
        batches = await conn.scalar(select(func.count(func.distinct(OUTBOX.c.published_at))))
    assert batches == 1  # marked in one transaction: published_at is its now()


async def test_rolled_back_transaction_publishes_nothing(
    database: Database, nats_server: EmbeddedNats
) -> None:
    async with database.sessions() as session:
        await session.begin()
        await add_event(session, OUTBOX, PINGED, aggregate_id="a", sequence=1, payload=Pinged(n=1))
        await session.rollback()
    async with database.engine.connect() as conn:
        assert await conn.scalar(select(func.count()).select_from(OUTBOX)) == 0


async def test_event_committed_while_nats_is_down_arrives_when_it_returns(
    database: Database, nats_factory: Callable[[], EmbeddedNats]
) -> None:
    server = nats_factory()
    server.start()
    async with running(database, server.url, consumer("outage"), ack_timeout=0.5) as relay:
        first = await stage(database, 1)
        await eventually(lambda: _expect(database, first))
        server.stop()
        during = await stage(database, 5, aggregate="agg-2")
        await asyncio.sleep(1.5)  # the relay tries, fails, backs off; the request path never noticed
        assert await relay.backlog() > 0
        server.start()
        await eventually(lambda: _expect(database, first + during), timeout=20)
        await eventually(_zero(relay), timeout=10)


def _zero(relay: OutboxRelay) -> Callable[[], object]:
    async def probe() -> None:
        assert await relay.backlog() == 0

    return probe


async def _expect(database: Database, ids: list[str]) -> None:
    assert await effect_counts(database) == dict.fromkeys(ids, 1)


async def test_failing_consumer_dead_letters_with_reason(
    database: Database, nats_factory: Callable[[], EmbeddedNats], caplog: pytest.LogCaptureFixture
) -> None:
    nats_server = nats_factory()  # a stream of its own: only this test's event
    nats_server.start()
    attempts = 0

    async def broken(session, event) -> None:  # type: ignore[no-untyped-def]
        nonlocal attempts
        attempts += 1
        raise ValueError("field n out of range")

    spec = consumer("broken", handler=broken, max_deliver=3, backoff=(0.05, 0.05))
    caplog.set_level(logging.WARNING, logger="meshkit.inbox")
    ids = await stage(database, 1)
    async with running(database, nats_server.url, spec):
        await eventually(_dead_lettered(caplog), timeout=15)
    assert attempts == 3
    assert await effect_counts(database) == {}  # the failed effect was rolled back every time
    record = next(r for r in caplog.records if r.getMessage() == "event dead-lettered")
    assert "ValueError: field n out of range" in record.reason  # type: ignore[attr-defined]

    nc = await connect_nats(nats_server.url, name="dlq-check")
    try:
        js = nc.jetstream()
        message = await js.get_last_msg(DEAD_LETTER_STREAM, "deadletter.scratch.broken")
        assert message.headers is not None
        assert message.headers["Tongban-Reason"].startswith("ValueError")
        assert ids[0] in (message.data or b"").decode()
    finally:
        await nc.close()


def _dead_lettered(caplog: pytest.LogCaptureFixture) -> Callable[[], object]:
    async def probe() -> None:
        assert any(r.getMessage() == "event dead-lettered" for r in caplog.records)

    return probe


async def test_redelivered_event_has_no_second_effect(
    database: Database, nats_factory: Callable[[], EmbeddedNats]
) -> None:
    """Past JetStream's duplicate window the inbox alone must stop a second effect."""
    server = nats_factory()
    server.start()
    ids = await stage(database, 1)
    async with running(database, server.url, consumer("redelivery")):
        await eventually(lambda: _expect(database, ids))
        nc = await connect_nats(server.url, name="replayer")
        try:
            async with database.engine.connect() as conn:
                envelope = (await conn.execute(select(OUTBOX.c.envelope))).scalar_one()
            body = CloudEvent.model_validate(envelope).model_dump_json().encode()
            await nc.jetstream().publish("scratch.pinged.v1", body, headers={"Nats-Msg-Id": "another-id"})
        finally:
            await nc.close()
        await asyncio.sleep(0.5)
    assert await effect_counts(database) == dict.fromkeys(ids, 1)


async def _relayed(database: Database, url: str) -> None:
    """Publish what is staged, with no consumer yet: its first fetch then finds all of it."""
    async with running(database, url, None) as relay:

        async def published() -> None:
            assert await relay.backlog() == 0

        await eventually(published)


async def test_the_events_of_one_fetch_are_applied_in_one_transaction(
    database: Database, nats_factory: Callable[[], EmbeddedNats]
) -> None:
    server = nats_factory()
    server.start()
    ids = await stage(database, 20)
    await _relayed(database, server.url)
    transactions: list[int] = []

    async def applied_in(session, event) -> None:  # type: ignore[no-untyped-def]
        transactions.append((await session.execute(text("SELECT txid_current()"))).scalar_one())
        await apply_effect(session, event)

    async with running(database, server.url, consumer("batched", handler=applied_in)):
        await eventually(lambda: _expect(database, ids))
    assert len(transactions) == 20
    assert len(set(transactions)) < 20  # shared: a fetch's events commit together


async def test_a_bad_event_in_a_fetch_fails_alone(
    database: Database, nats_factory: Callable[[], EmbeddedNats], caplog: pytest.LogCaptureFixture
) -> None:
    server = nats_factory()
    server.start()
    ids = await stage(database, 10)
    await _relayed(database, server.url)

    async def picky(session, event) -> None:  # type: ignore[no-untyped-def]
        if event.data["n"] == 3:
            raise ValueError("n = 3 is refused")
        await apply_effect(session, event)

    caplog.set_level(logging.WARNING, logger="meshkit.inbox")
    spec = consumer("picky", handler=picky, max_deliver=2, backoff=(0.05,))
    async with running(database, server.url, spec):
        await eventually(_dead_lettered(caplog), timeout=15)
        await eventually(lambda: _expect(database, [i for n, i in enumerate(ids) if n != 3]))
    assert await effect_counts(database) == {i: 1 for n, i in enumerate(ids) if n != 3}
