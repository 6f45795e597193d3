"""Process priority: background work (workers, background lanes) yields the CPU to the APIs people wait on."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

__all__ = ["AUTOGROUP", "lower_priority"]

AUTOGROUP = Path("/proc/self/autogroup")


def lower_priority(nice: int, *, autogroup: Path = AUTOGROUP) -> None:
    """Background work yields the CPU to the APIs (``<SERVICE>_WORKER_NICE``; 0 keeps the priority): the
    workers, and a service's background lane (:func:`meshkit.app.build_app`).

    Linux with autogroup scheduling (the default on desktops and many servers) shares the CPU between
    sessions first and applies a process's nice value only within its session; the launcher starts every
    process in a session of its own, so ``os.nice`` alone changed nothing between a worker and the APIs. A
    worker leading its own session therefore gives its autogroup the same nice value (never a session it
    shares, such as a shell's)."""
    if nice <= 0:
        return
    with contextlib.suppress(OSError):  # e.g. a sandbox that forbids it: run at the normal priority
        os.nice(nice)
    if os.getsid(0) == os.getpid():
        with contextlib.suppress(OSError):  # no autogroup scheduling here: os.nice is all there is
            autogroup.write_text(str(nice))
