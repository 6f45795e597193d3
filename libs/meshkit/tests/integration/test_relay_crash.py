"""A relay killed with SIGKILL after publishing but before marking rows published causes no duplicate effect."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections.abc import Callable

import pytest
from sqlalchemy import func, select, text

from meshkit.db import Database
from meshkit.embedded import EmbeddedNats
from meshkit.inbox import ConsumerSpec, run_consumer
from meshkit.outbox import OutboxRelay
from meshkit.streams import ensure_stream
from meshkit.testing import eventually
from meshkit.testing.scratch import INBOX, OUTBOX, apply_effect, effect_counts, stage
from meshkit.worker import connect_nats

pytestmark = pytest.mark.integration

# Holds the relay inside its "mark published" UPDATE, i.e. after every ack has arrived.
STALL_MARKING = [
    "CREATE FUNCTION stall() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(120); RETURN NULL; END $$",
    "CREATE TRIGGER stall BEFORE UPDATE ON outbox FOR EACH STATEMENT EXECUTE FUNCTION stall()",
]


async def test_sigkill_between_publish_and_mark_published(
    database: Database, nats_factory: Callable[[], EmbeddedNats]
) -> None:
    server = nats_factory()
    server.start()
    ids = await stage(database, 20)
    async with database.engine.begin() as conn:
        for statement in STALL_MARKING:
            await conn.execute(text(statement))

    nc = await connect_nats(server.url, name="test")
    js = nc.jetstream(timeout=2.0)
    await ensure_stream(js, "SCRATCH", ["scratch.>"])
    stop = asyncio.Event()
    spec = ConsumerSpec(durable="crash", stream="SCRATCH", subjects=["scratch.>"], handler=apply_effect)
    consumer = asyncio.create_task(run_consumer(database, js, INBOX, spec, service="scratch", stop=stop))
    url = database.engine.url.render_as_string(hide_password=False)
    relay = subprocess.Popen(  # noqa: ASYNC220 - the test kills it; nothing awaits its output
        [sys.executable, "-m", "meshkit.testing.relay_process", url, server.url]
    )
    try:

        async def consumed_but_not_marked() -> None:
            assert await effect_counts(database) == dict.fromkeys(ids, 1)
            async with database.engine.connect() as conn:
                pending = await conn.scalar(
                    select(func.count()).select_from(OUTBOX).where(OUTBOX.c.published_at.is_(None))
                )
            assert pending == len(ids)

        await eventually(
            consumed_but_not_marked, timeout=60
        )  # a relay process starts slowly on a busy machine
        relay.kill()  # SIGKILL: no cleanup, its transaction never commits
        relay.wait()
        async with database.engine.begin() as conn:
            # What PostgreSQL does on its own once TCP keepalive notices the dead client; faster here.
            await conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'scratch-relay'"
                )
            )
            await conn.execute(text("DROP TRIGGER stall ON outbox"))

        successor = OutboxRelay(database, js, OUTBOX, service="scratch")
        relay_task = asyncio.create_task(successor.run(stop))

        async def drained() -> None:
            assert await successor.backlog() == 0

        await eventually(drained, timeout=20)
        await asyncio.sleep(0.5)  # give any duplicate time to land
        assert await effect_counts(database) == dict.fromkeys(ids, 1)
        stop.set()
        await relay_task
    finally:
        stop.set()
        if relay.poll() is None:
            relay.kill()
        await consumer
        await nc.close()
