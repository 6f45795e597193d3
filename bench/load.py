"""The load generator's loops, kept from measuring its own pauses.

The benchmark client is a Python process on the same machine as the mesh. Its pauses would be counted as the
mesh's latency: an open loop measures from each request's scheduled start, so a 120 ms garbage collection in the
client (a full collection over the ~200,000 objects the bench process imported, set off by the thousands of
tasks an open loop used to create at once) showed up as a 120 ms stall of the services. So:

- the open loop starts each request when it is due (one scheduler task), not thousands of sleeping tasks at once;
- each measured phase runs with the client's heap frozen (``gc.freeze``): full collections walk only what the
  phase itself allocated;
- the client's own event-loop lag is measured alongside (a 5 ms ticker), and reported, so a run whose generator
  stalled anyway can be told apart from a slow mesh.
"""

from __future__ import annotations

import asyncio
import gc
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

__all__ = ["Lag", "closed_loop", "measured_phase", "paced"]

Send = Callable[[int], Awaitable[int]]
"""Send request number n; its HTTP status."""


@dataclass
class Lag:
    """How late the client's event loop woke a 5 ms ticker: its worst, in ms."""

    worst_ms: float = 0.0
    samples: list[float] = field(default_factory=list)


async def _tick(lag: Lag, stop: asyncio.Event, period: float = 0.005) -> None:
    while not stop.is_set():
        planned = time.perf_counter() + period
        await asyncio.sleep(period)
        late = (time.perf_counter() - planned) * 1000
        lag.worst_ms = max(lag.worst_ms, late)


@asynccontextmanager
async def measured_phase() -> AsyncIterator[Lag]:
    """Freeze the client's heap for the phase and measure its event loop's lag meanwhile."""
    gc.collect()
    gc.freeze()
    lag, stop = Lag(), asyncio.Event()
    ticker = asyncio.create_task(_tick(lag, stop))
    try:
        yield lag
    finally:
        stop.set()
        await ticker
        gc.unfreeze()
        lag.worst_ms = round(lag.worst_ms, 1)


async def paced(send: Send, expected: int, rate: float, seconds: float) -> tuple[list[float], int]:
    """Open loop: request n is due at start + n / rate and its latency counts from then, so queueing in the mesh
    counts (no coordinated omission). Returns (latencies in ms, failures)."""
    latencies: list[float] = []
    failures = 0
    running: set[asyncio.Task[None]] = set()

    async def one(n: int, due: float) -> None:
        nonlocal failures
        status = await send(n)
        latencies.append((time.perf_counter() - due) * 1000)
        failures += status != expected

    start = time.perf_counter() + 0.01
    for n in range(int(rate * seconds)):
        due = start + n / rate
        wait = due - time.perf_counter()
        if wait > 0:
            await asyncio.sleep(wait)
        task = asyncio.create_task(one(n, due))
        running.add(task)
        task.add_done_callback(running.discard)
    if running:
        await asyncio.gather(*running)
    return latencies, failures


async def closed_loop(
    send: Send, expected: int, concurrency: int, seconds: float
) -> tuple[float, dict[int, int]]:
    """``concurrency`` senders, each sending its next request when its last was answered, for ``seconds``.
    Returns (answered with ``expected`` per second, count per status)."""
    deadline = time.perf_counter() + seconds
    counter = iter(range(10**9))
    statuses: dict[int, int] = {}

    async def sender() -> None:
        while time.perf_counter() < deadline:
            status = await send(next(counter))
            statuses[status] = statuses.get(status, 0) + 1

    started = time.perf_counter()
    await asyncio.gather(*(sender() for _ in range(concurrency)))
    return statuses.get(expected, 0) / (time.perf_counter() - started), statuses
