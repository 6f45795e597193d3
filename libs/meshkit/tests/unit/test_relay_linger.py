"""The relay's loop: after a notification it lingers before claiming, never after a full batch or a poll, and a
notification that lands during a scan is never lost. Rows are counted in memory; notifications come by hand."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any, cast

import pytest

from meshkit.outbox import BatchResult, OutboxRelay
from meshkit.testing import eventually

pytestmark = pytest.mark.unit


class ScriptedRelay(OutboxRelay):
    """The real loop over rows counted in memory: each scan takes up to a batch of them."""

    def __init__(self, *, linger: float, batch_size: int = 500, poll_interval: float = 30.0) -> None:
        nothing = cast(Any, None)
        super().__init__(
            nothing,
            nothing,
            nothing,
            service="scratch",
            batch_size=batch_size,
            linger=linger,
            poll_interval=poll_interval,
        )
        self.pending = 0
        self.scans: list[tuple[float, int]] = []  # (when, rows taken)
        self.during_next_scan: Callable[[], None] | None = None

    async def publish_batch(self) -> BatchResult:
        taken = min(self.pending, self._batch_size)
        self.pending -= taken
        self.scans.append((time.monotonic(), taken))
        if self.during_next_scan is not None:
            self.during_next_scan()
            self.during_next_scan = None
        await asyncio.sleep(0)
        return BatchResult(taken, 0)

    async def _listen(self, stop: asyncio.Event) -> None:
        await stop.wait()

    def commit(self, rows: int = 1) -> None:
        """What a committed insert does: rows pending, and the trigger's notification."""
        self.pending += rows
        self._wake.set()

    def taken(self) -> list[int]:
        return [rows for _, rows in self.scans]


@asynccontextmanager
async def running(relay: ScriptedRelay) -> AsyncIterator[asyncio.Task[None]]:
    stop = asyncio.Event()
    task = asyncio.create_task(relay.run(stop))

    async def first_scan_done() -> None:
        assert relay.scans

    await eventually(first_scan_done, timeout=2, interval=0.01)
    try:
        yield task
    finally:
        stop.set()
        await asyncio.wait_for(task, timeout=2)


async def _all_taken(relay: ScriptedRelay, timeout: float) -> None:
    async def probe() -> None:
        assert relay.pending == 0

    await eventually(probe, timeout=timeout, interval=0.01)


async def test_commits_during_the_linger_go_in_one_batch() -> None:
    relay = ScriptedRelay(linger=0.5)
    async with running(relay):
        relay.commit()
        woken = time.monotonic()
        await asyncio.sleep(0.05)
        relay.commit(2)
        await _all_taken(relay, timeout=5)
        await asyncio.sleep(0.1)
    assert relay.taken() == [0, 3]
    assert relay.scans[1][0] - woken >= 0.45


async def test_without_linger_a_notification_is_claimed_at_once() -> None:
    relay = ScriptedRelay(linger=0.0)
    async with running(relay):
        relay.commit()
        woken = time.monotonic()
        await _all_taken(relay, timeout=5)
    assert relay.taken() == [0, 1]
    assert relay.scans[1][0] - woken < 0.2


async def test_a_full_batch_goes_on_at_once() -> None:
    relay = ScriptedRelay(linger=1.0, batch_size=5)
    async with running(relay):
        relay.commit(12)
        await _all_taken(relay, timeout=5)
        await asyncio.sleep(0.1)
    assert relay.taken() == [0, 5, 5, 2]  # and then it waits: a partial batch took all there was
    assert relay.scans[3][0] - relay.scans[1][0] < 0.5  # no linger between the batches of a backlog


async def test_a_notification_during_a_scan_is_not_lost() -> None:
    relay = ScriptedRelay(linger=0.05, poll_interval=30.0)
    async with running(relay):
        relay.during_next_scan = relay.commit  # lands after the scan cleared the flag
        relay.commit()
        await _all_taken(relay, timeout=5)  # not after the 30 s poll
    assert relay.taken() == [0, 1, 1]


async def test_a_poll_that_finds_rows_claims_without_lingering() -> None:
    relay = ScriptedRelay(linger=5.0, poll_interval=0.1)
    async with running(relay):
        relay.pending = 3  # committed while no notification was heard
        await _all_taken(relay, timeout=2)
    assert relay.taken()[-1] == 3


async def test_stop_interrupts_the_linger() -> None:
    relay = ScriptedRelay(linger=30.0)
    async with running(relay) as task:
        relay.commit()
        await asyncio.sleep(0.05)
    assert task.done()
    assert relay.pending == 1  # stopped while lingering: nothing claimed after the notification
