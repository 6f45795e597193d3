"""Resource definitions kept per process: reads that miss together share one query (a batch of reads answers
its items concurrently), a failed query fails only the reads that waited on it, and a forgotten definition is
not kept from a query begun before."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest

from exchange.store.driver import ResourceSnapshots
from meshkit.db import Database

pytestmark = pytest.mark.integration

LEGAL = "500110-SCJGJ-FR-001"


class Counting:
    """The test database, counting the connections the snapshots take; ``hold`` keeps each query waiting."""

    def __init__(self, database: Database) -> None:
        self.database, self.queries, self.fail = database, 0, False
        self.hold = asyncio.Event()
        self.hold.set()

    @asynccontextmanager
    async def driver(self, *, transaction: bool = True) -> AsyncIterator[Any]:
        self.queries += 1
        await self.hold.wait()
        if self.fail:
            raise ConnectionError("database unavailable")
        async with self.database.driver(transaction=transaction) as connection:
            yield connection


async def test_reads_that_miss_together_share_one_query(demo: Database) -> None:
    counting, snapshots = Counting(demo), ResourceSnapshots(ttl=60)
    counting.hold.clear()
    reads = [asyncio.create_task(snapshots.get(counting, LEGAL)) for _ in range(50)]  # type: ignore[arg-type]
    await asyncio.sleep(0.05)
    counting.hold.set()
    resources = await asyncio.gather(*reads)
    assert counting.queries == 1
    assert {r.code for r in resources if r is not None} == {LEGAL}
    assert None not in resources
    await snapshots.get(counting, LEGAL)  # type: ignore[arg-type]
    assert counting.queries == 1  # kept


async def test_a_failed_query_fails_its_readers_and_the_next_read_asks_again(demo: Database) -> None:
    counting, snapshots = Counting(demo), ResourceSnapshots(ttl=60)
    counting.hold.clear()
    counting.fail = True
    reads = [asyncio.create_task(snapshots.get(counting, LEGAL)) for _ in range(5)]  # type: ignore[arg-type]
    await asyncio.sleep(0.05)
    counting.hold.set()
    outcomes = await asyncio.gather(*reads, return_exceptions=True)
    assert all(isinstance(o, ConnectionError) for o in outcomes)
    counting.fail = False
    assert (await snapshots.get(counting, LEGAL)) is not None  # type: ignore[arg-type]
    assert counting.queries == 2


async def test_a_cancelled_query_leaves_its_waiters_to_ask_themselves(demo: Database) -> None:
    counting, snapshots = Counting(demo), ResourceSnapshots(ttl=60)
    counting.hold.clear()
    first = asyncio.create_task(snapshots.get(counting, LEGAL))  # type: ignore[arg-type]
    await asyncio.sleep(0.01)
    waiting = asyncio.create_task(snapshots.get(counting, LEGAL))  # type: ignore[arg-type]
    await asyncio.sleep(0.01)
    first.cancel()
    await asyncio.sleep(0.01)
    counting.hold.set()
    resource = await waiting
    assert resource is not None
    assert resource.code == LEGAL
    assert first.cancelled()
    assert counting.queries == 2


async def test_a_definition_forgotten_during_a_query_is_not_kept(demo: Database) -> None:
    counting, snapshots = Counting(demo), ResourceSnapshots(ttl=60)
    counting.hold.clear()
    read = asyncio.create_task(snapshots.get(counting, LEGAL))  # type: ignore[arg-type]
    await asyncio.sleep(0.01)
    snapshots.forget(LEGAL)  # changed through this replica meanwhile
    counting.hold.set()
    await read
    await snapshots.get(counting, LEGAL)  # type: ignore[arg-type]
    assert counting.queries == 2
