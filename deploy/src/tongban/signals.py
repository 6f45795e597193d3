"""SIGINT/SIGTERM set an event instead of raising, so the launcher stops its children in order."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

__all__ = ["stop_on_signals"]


@contextmanager
def stop_on_signals(event: threading.Event) -> Iterator[threading.Event]:
    """While inside, SIGINT and SIGTERM only set ``event``; the previous handlers come back on exit."""

    def handler(signum: int, frame: FrameType | None) -> None:
        event.set()

    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield event
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)
