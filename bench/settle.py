"""Waiting for the machine to go quiet between benchmarks.

A benchmark leaves work behind (the materials a burst of applications asks the exchange for, the city link's
records, the relay's backlog); measured at once, the next benchmark would share the cores with it. Between
benchmarks the run waits until the machine's CPUs are mostly idle, from /proc/stat — at most 30 s each: on a
machine that never goes quiet (other people's work) a longer wait only made the run long (43 minutes with
120 s waits), and ``make bench`` stays under 10 minutes; the seconds waited are reported (``settle_s``).
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

__all__ = ["settle"]

STAT = Path("/proc/stat")


def _busy_and_total() -> tuple[int, int]:
    fields = [int(v) for v in STAT.read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle + iowait
    return sum(fields) - idle, sum(fields)


async def settle(*, below: float = 0.2, window: float = 2.0, timeout: float = 30.0) -> float:
    """Seconds waited until the CPUs were busy less than ``below`` of the time over ``window`` seconds."""
    if not STAT.exists():  # noqa: ASYNC240 - one stat of procfs, before any waiting
        return 0.0
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        busy, total = _busy_and_total()
        await asyncio.sleep(window)
        busy2, total2 = _busy_and_total()
        if total2 > total and (busy2 - busy) / (total2 - total) < below:
            break
    return round(time.monotonic() - started, 1)
