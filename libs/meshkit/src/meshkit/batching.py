"""Work that waits at the same moment, taken in batches: the drain both batched hot paths share.

Two hot paths turn many concurrent requests into one statement: the token endpoint's client reads
(:class:`meshkit.read_batches.ReadBatches`) and the exchange's access-log entries, committed together
(``exchange.store.group_commit``). Both schedule the same way, written once here: a caller adds its work and
wakes a drain; at most ``in_flight`` drains run at once; each takes what is waiting (a batch) and runs it, and
takes again until nothing waits. At low load a request is taken at once, alone; under load the requests that
arrive while a batch runs wait for the next one, and the batches grow with the load. What a batch is, how it is
taken and run, is the subclass's.
"""

from __future__ import annotations

import asyncio
from abc import ABC, abstractmethod
from typing import Any, Generic, TypeVar

__all__ = ["Drains", "abandon", "settle"]

B = TypeVar("B")


class Drains(ABC, Generic[B]):
    """At most ``in_flight`` drains at once, each running the batches :meth:`take_batch` gives until it gives none."""

    def __init__(self, *, in_flight: int) -> None:
        self._in_flight = in_flight
        self._running = 0
        self._tasks: set[asyncio.Task[None]] = set()

    def wake(self) -> None:
        """Called after work was added: a drain takes it, a new one when fewer than ``in_flight`` run."""
        if self._running < self._in_flight:
            self._running += 1
            task = asyncio.create_task(self._drain())
            self._tasks.add(task)  # held: the loop keeps only a weak reference to a task
            task.add_done_callback(self._tasks.discard)

    async def _drain(self) -> None:
        try:
            while (batch := self.take_batch()) is not None:
                await self.run_batch(batch)
        finally:
            self._running -= 1

    @abstractmethod
    def take_batch(self) -> B | None:
        """The next batch, removed from what waits; None when nothing waits."""

    @abstractmethod
    async def run_batch(self, batch: B) -> None:
        """Run ``batch`` and answer each of its callers (:func:`settle`); raise only when cancelled."""


def settle(future: asyncio.Future[Any], *, result: Any = None, error: BaseException | None = None) -> None:
    """Answer a waiting caller with ``result`` or ``error`` (a caller that went away is skipped)."""
    if future.done():
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(result)


def abandon(future: asyncio.Future[Any], exc: BaseException) -> None:
    """A caller whose batch was interrupted by ``exc`` (the server stopping): cancelled, or failed with it."""
    if future.done():
        return
    if isinstance(exc, asyncio.CancelledError):
        future.cancel()
    else:
        future.set_exception(exc)
