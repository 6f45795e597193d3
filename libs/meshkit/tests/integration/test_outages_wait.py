"""Outages delay work, never lose it (issue 20): a consumer waits out a database outage instead of dead-lettering,
and a pooled connection the database closed is replaced before it is used."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from meshkit.db import Database
from meshkit.embedded import EmbeddedNats, EmbeddedPostgres
from meshkit.errors import install_error_handlers
from meshkit.events import DEAD_LETTER_STREAM, CloudEvent
from meshkit.inbox import ConsumerSpec, run_consumer
from meshkit.outbox import OutboxRelay
from meshkit.streams import ensure_stream
from meshkit.testing import eventually
from meshkit.testing.outage import CuttableProxy
from meshkit.testing.scratch import INBOX, OUTBOX, apply_effect, effect_counts, stage
from meshkit.worker import connect_nats

pytestmark = pytest.mark.integration


@pytest.fixture
async def proxy(embedded_postgres: EmbeddedPostgres) -> AsyncIterator[CuttableProxy]:
    proxy = CuttableProxy("127.0.0.1", embedded_postgres.port)
    await proxy.start()
    yield proxy
    await proxy.close()


async def _dead_letters(js) -> int:  # type: ignore[no-untyped-def]
    await ensure_stream(js, DEAD_LETTER_STREAM, ["deadletter.>"])
    return int((await js.stream_info(DEAD_LETTER_STREAM)).state.messages)


async def test_failure8_a_database_outage_longer_than_every_backoff_dead_letters_nothing(
    database: Database, proxy: CuttableProxy, nats_factory: Callable[[], EmbeddedNats]
) -> None:
    """Issue 20, failure 8: a PostgreSQL outage of 45 s dead-lettered every event of that minute (connection refused
    was treated like a poison message). Now the consumer waits it out, and applies each event once afterwards."""
    server = nats_factory()
    server.start()
    behind_proxy = Database.from_url(
        proxy.url_for(database.engine.url.render_as_string(hide_password=False)), pool_size=2
    )
    nc = await connect_nats(server.url, name="test")
    js = nc.jetstream(timeout=2.0)
    await ensure_stream(js, "SCRATCH", ["scratch.>"])
    spec = ConsumerSpec(
        durable="waits",
        stream="SCRATCH",
        subjects=["scratch.pinged.v1"],
        handler=apply_effect,
        max_deliver=2,  # the old code gave up after two tries, a fraction of a second apart
        backoff=(0.05,),
    )
    stop = asyncio.Event()
    relay = OutboxRelay(database, js, OUTBOX, service="scratch", poll_interval=0.05)
    tasks = [
        asyncio.create_task(relay.run(stop)),
        asyncio.create_task(run_consumer(behind_proxy, js, INBOX, spec, service="scratch", stop=stop)),
    ]
    try:
        await proxy.cut()
        ids = await stage(database, 10)
        await eventually(lambda: _relayed(relay), timeout=10)
        await asyncio.sleep(3.0)  # several deliveries fail with the database unreachable
        assert await effect_counts(database) == {}
        await proxy.restore()

        async def all_applied() -> None:
            assert await effect_counts(database) == dict.fromkeys(ids, 1)

        await eventually(all_applied, timeout=60)
        assert await _dead_letters(js) == 0
        assert not any(task.done() for task in tasks), "the consumer kept running through the outage"
    finally:
        stop.set()
        await asyncio.gather(*tasks, return_exceptions=True)
        await nc.close()
        await behind_proxy.dispose()


async def _relayed(relay: OutboxRelay) -> None:
    assert await relay.backlog() == 0


async def test_an_event_that_fails_on_its_own_content_is_still_dead_lettered(
    database: Database, nats_factory: Callable[[], EmbeddedNats]
) -> None:
    server = nats_factory()
    server.start()
    nc = await connect_nats(server.url, name="test")
    js = nc.jetstream(timeout=2.0)
    await ensure_stream(js, "SCRATCH", ["scratch.>"])

    async def refuse_the_third(session: AsyncSession, event: CloudEvent) -> None:
        if event.data["n"] == 3:
            raise ValueError("bad content")
        await apply_effect(session, event)

    spec = ConsumerSpec(
        durable="poison",
        stream="SCRATCH",
        subjects=["scratch.pinged.v1"],
        handler=refuse_the_third,
        max_deliver=2,
        backoff=(0.05,),
    )
    stop = asyncio.Event()
    relay = OutboxRelay(database, js, OUTBOX, service="scratch", poll_interval=0.05)
    tasks = [
        asyncio.create_task(relay.run(stop)),
        asyncio.create_task(run_consumer(database, js, INBOX, spec, service="scratch", stop=stop)),
    ]
    try:
        ids = await stage(database, 5)

        async def settled() -> None:
            assert len(await effect_counts(database)) == 4
            assert await _dead_letters(js) == 1

        await eventually(settled, timeout=30)
        assert set(await effect_counts(database)) == {i for n, i in enumerate(ids) if n != 3}
    finally:
        stop.set()
        await asyncio.gather(*tasks, return_exceptions=True)
        await nc.close()


async def test_failure10_a_pooled_connection_the_database_closed_is_not_used(
    database: Database, proxy: CuttableProxy
) -> None:
    """Issue 20, failure 10: after a PostgreSQL restart the first request of each process on the ORM path answered
    500 (a pooled connection the server had closed was handed out). It is now detected at checkout and replaced."""
    behind_proxy = Database.from_url(
        proxy.url_for(database.engine.url.render_as_string(hide_password=False)), pool_size=2
    )
    try:
        for _ in range(2):
            async with behind_proxy.sessions() as session:
                assert await session.scalar(text("SELECT 1")) == 1
        await proxy.cut()  # what a restart does to every open connection
        await proxy.restore()
        await asyncio.sleep(0.2)  # the client's event loop notices the closed sockets
        async with behind_proxy.sessions() as session:
            assert await session.scalar(text("SELECT 1")) == 1
        async with behind_proxy.driver() as connection:
            assert await connection.fetchval("SELECT 1") == 1
    finally:
        await behind_proxy.dispose()


async def test_failure10_a_database_outage_answers_503_with_retry_after(
    database: Database, proxy: CuttableProxy
) -> None:
    """Issue 20, failure 10: a database outage answered 500 ``internal_error``; it is a wait, not a fault."""
    behind_proxy = Database.from_url(proxy.url_for(database.engine.url.render_as_string(hide_password=False)))
    app = FastAPI()
    install_error_handlers(app)

    @app.get("/count")
    async def count() -> dict[str, int]:
        async with behind_proxy.sessions() as session:
            return {"n": int(await session.scalar(text("SELECT 1")) or 0)}

    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            assert (await client.get("/count")).json() == {"n": 1}
            await proxy.cut()
            down = await client.get("/count")
            assert down.status_code == 503, down.text
            assert down.headers["content-type"] == "application/problem+json"
            assert down.json()["code"] == "backend_unavailable"
            assert int(down.headers["retry-after"]) > 0
            assert "稍后重试" in down.json()["detail"]
            await proxy.restore()
            await asyncio.sleep(0.2)
            assert (await client.get("/count")).json() == {"n": 1}
    finally:
        await behind_proxy.dispose()
