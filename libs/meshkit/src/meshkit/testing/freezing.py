"""Freezing a process in a test the way an operator's ``kill -STOP`` does, and knowing it is frozen."""

from __future__ import annotations

import contextlib
import os
import signal
import time
from pathlib import Path

__all__ = ["freeze"]


def freeze(pid: int, *, timeout: float = 10.0) -> None:
    """SIGSTOP ``pid``, then wait until the kernel has stopped every thread of it. ``kill`` returns once the signal
    is queued: a thread running on another core could still greet one more connection (a CI run saw a NATS server
    "answer" right after its SIGSTOP)."""
    os.kill(pid, signal.SIGSTOP)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        states = []
        for task in Path(f"/proc/{pid}/task").iterdir():
            with contextlib.suppress(FileNotFoundError):
                states.append((task / "stat").read_text().rsplit(")", 1)[1].split()[0])
        if states and all(state in "Tt" for state in states):
            return
        time.sleep(0.01)
    raise AssertionError(f"process {pid} did not stop within {timeout} s")
