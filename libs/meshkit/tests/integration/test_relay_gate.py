"""The relay's gate (issue 21): while events keep coming the relay scans by itself and the outbox's inserts do not
notify, because a notifying commit takes PostgreSQL's one notification lock through its WAL flush and every
notifying commit of the server (each application's filing) went one after another, one fsync each. Idle, the relay
lets the gate go and a commit wakes it as before; an insert made while the gate was held is published when it
commits, never left for the poll. Real PostgreSQL, real nats-server."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

import asyncpg
import pytest
from sqlalchemy import func, select

from meshkit.db import Database
from meshkit.embedded import EmbeddedNats
from meshkit.outbox import NOTIFY_CHANNEL, OutboxRelay, add_event
from meshkit.streams import ensure_stream
from meshkit.testing import eventually
from meshkit.testing.scratch import OUTBOX, PINGED, Pinged, stage
from meshkit.worker import connect_nats

pytestmark = pytest.mark.integration

LINGER = 0.02
POLL = 30.0  # never reached in these tests: what is published was woken or scanned for


@asynccontextmanager
async def relay_running(db: Database, url: str, *, linger: float = LINGER) -> AsyncIterator[OutboxRelay]:
    nc = await connect_nats(url, name="test")
    js = nc.jetstream(timeout=2.0)
    await ensure_stream(js, "SCRATCH", ["scratch.>"])
    stop = asyncio.Event()
    relay = OutboxRelay(db, js, OUTBOX, service="scratch", poll_interval=POLL, linger=linger)
    task = asyncio.create_task(relay.run(stop))
    try:
        yield relay
    finally:
        stop.set()
        await asyncio.wait_for(task, timeout=10)
        await nc.close()


@asynccontextmanager
async def notifications(db: Database) -> AsyncIterator[list[str]]:
    """Every notification the outbox's trigger sends while the block runs."""
    url = db.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
    heard: list[str] = []
    connection = await asyncpg.connect(url)
    await connection.add_listener(NOTIFY_CHANNEL, lambda *args: heard.append(str(args[-1])))
    try:
        yield heard
    finally:
        await connection.close()


def published_all(relay: OutboxRelay) -> Callable[[], object]:
    async def probe() -> None:
        assert await relay.backlog() == 0

    return probe


def published(db: Database, count: int) -> Callable[[], object]:
    async def probe() -> None:
        async with db.engine.connect() as conn:
            done = await conn.scalar(
                select(func.count()).select_from(OUTBOX).where(OUTBOX.c.published_at.is_not(None))
            )
        assert done == count

    return probe


async def test_issue21_while_events_keep_coming_commits_do_not_notify(
    database: Database, nats_factory: Callable[[], EmbeddedNats]
) -> None:
    """Issue 21 (the paced applications' tail): sixty commits 10 ms apart, each its own transaction. The relay
    takes the gate after the first and publishes the rest by scanning; the commits stop notifying (each
    notification had serialized its commit with every other's WAL flush). Every event is still published."""
    server = nats_factory()
    server.start()
    async with relay_running(database, server.url) as relay, notifications(database) as heard:
        await asyncio.sleep(0.5)  # connected; its first scan found nothing
        for n in range(60):
            await stage(database, 1, aggregate=f"flow-{n}")
            await asyncio.sleep(0.01)
        await eventually(published_all(relay), timeout=10)
        flowing = len(heard)
    assert flowing <= 20, f"{flowing} of 60 commits notified while the relay was busy"  # old: all 60


async def test_issue21_an_insert_made_while_the_gate_was_held_is_published_when_it_commits(
    database: Database, nats_factory: Callable[[], EmbeddedNats]
) -> None:
    """A transaction that inserted its event while the relay held the gate (so it did not notify) and commits
    long after the flow stopped is published at its commit, not at the next poll (30 s here): the relay lets the
    gate go when the flow stops and scans on until no such transaction is open."""
    server = nats_factory()
    server.start()
    async with relay_running(database, server.url) as relay, notifications(database) as heard:
        await asyncio.sleep(0.5)
        for n in range(20):  # a flow: the relay holds the gate
            await stage(database, 1, aggregate=f"flow-{n}")
            await asyncio.sleep(0.01)
        before = len(heard)
        async with database.sessions() as session, session.begin():
            await add_event(session, OUTBOX, PINGED, aggregate_id="late", sequence=1, payload=Pinged(n=1))
            await session.flush()  # the insert (and its trigger) ran while the gate was held
            await eventually(published(database, 20), timeout=5)  # the committed ones
            await asyncio.sleep(0.5)  # the flow stopped long ago: the relay let the gate go meanwhile
            assert len(heard) == before  # the open insert did not notify
        await eventually(published_all(relay), timeout=3)


async def test_once_the_flow_stops_a_commit_wakes_the_idle_relay_again(
    database: Database, nats_factory: Callable[[], EmbeddedNats]
) -> None:
    """After a flow the relay lets the gate go: the next lone commit notifies and is published at once (the poll
    is 30 s away)."""
    server = nats_factory()
    server.start()
    async with relay_running(database, server.url) as relay, notifications(database) as heard:
        await asyncio.sleep(0.5)
        for n in range(20):
            await stage(database, 1, aggregate=f"flow-{n}")
            await asyncio.sleep(0.01)
        await eventually(published_all(relay), timeout=10)
        await asyncio.sleep(0.5)  # idle again
        before = len(heard)
        await stage(database, 1, aggregate="lone")
        await eventually(published_all(relay), timeout=3)
        assert len(heard) == before + 1


async def test_without_a_linger_the_relay_takes_no_gate_and_every_commit_notifies(
    database: Database, nats_factory: Callable[[], EmbeddedNats]
) -> None:
    """``*_OUTBOX_LINGER`` 0: holding the gate the relay would scan without a pause, so it never takes it."""
    server = nats_factory()
    server.start()
    async with relay_running(database, server.url, linger=0.0) as relay, notifications(database) as heard:
        await asyncio.sleep(0.5)
        for n in range(20):
            await stage(database, 1, aggregate=f"flow-{n}")
            await asyncio.sleep(0.01)
        await eventually(published_all(relay), timeout=10)

        async def all_heard() -> None:
            assert len(heard) == 20

        await eventually(all_heard, timeout=3)
