"""Group commit for the read path: the log entries of concurrent reads share one transaction.

Every entry is chained at commit under the chain head's row lock, and that lock is held until the commit is
durable (the WAL flush, 0.4–4 ms on the machines measured). One flush per read would cap a durable exchange at
1 / flush time — about 250 reads/s on a 4 ms disk, whatever the CPU. Here the statements of the reads waiting at
the same moment run in one transaction on one connection and commit together: one flush, one pass of the lock,
for all of them; each caller gets its own statement's result only after that commit succeeded.

Work of the same :class:`Batched` kind (the hosted read with its entry; an entry alone) runs as one statement for
the whole batch, over arrays of its rows, instead of one statement per read: one round trip, one parse, one
plan. Other work runs as given, one call each. A batch that is one such statement and nothing else (the usual
case under load: all hosted reads) runs it without BEGIN and COMMIT: a single statement is its own transaction,
and its answer comes back only once that committed.

A statement that fails aborts the shared transaction; the batch is then rolled back and every item of it
retried alone, so one bad read never fails another.

One shared transaction at a time per process (``in_flight``, default 1). Every batch takes the chain head's
lock at commit and keeps it through the flush, so the transactions of the chain commit one after another however
many there are: a second one in the same process adds no commit capacity, it only splits the reads that wait into
more and smaller batches — one more flush and one more pass of the lock per batch, and each read queued behind
one more of them. With one, the reads that arrive while a batch commits all go in the next. Several
processes (replicas) still overlap: one's statement runs while another's commit flushes.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from meshkit.batching import Drains, abandon, settle
from meshkit.db import Database

__all__ = ["BatchStatement", "Batched", "GroupCommit", "Work"]

T = TypeVar("T")
Work = Callable[[Any], Awaitable[Any]]
"""Statements to run on the shared asyncpg connection; nothing else (no waiting on other systems)."""


class BatchStatement(Protocol):
    async def __call__(self, connection: Any, rows: list[Any], /) -> list[Any]:
        """Run for every row at once; one result per row, in order."""
        ...


@dataclass(frozen=True)
class Batched:
    """One row of a statement run once for all the rows of a batch that share it."""

    statement: BatchStatement
    row: Any


_Batch = list[tuple["Work | Batched", asyncio.Future[Any]]]


class GroupCommit(Drains[_Batch]):
    def __init__(self, database: Callable[[], Database], *, max_batch: int = 64, in_flight: int = 1) -> None:
        """``database`` gives the current database (tests swap the app's after its lifespan started)."""
        super().__init__(in_flight=in_flight)
        self._database = database
        self._max_batch = max_batch
        self._pending: _Batch = []

    async def run(self, work: Callable[[Any], Awaitable[T]] | Batched) -> Any:
        """Run ``work(connection)`` (or the batched row) in the next shared transaction; return its result once
        that committed."""
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self._pending.append((work, future))
        self.wake()
        return await future

    def take_batch(self) -> _Batch | None:
        if not self._pending:
            return None
        batch, self._pending = self._pending[: self._max_batch], self._pending[self._max_batch :]
        return batch

    async def run_batch(self, batch: _Batch) -> None:
        results: list[Any] = [None] * len(batch)
        kinds: dict[BatchStatement, list[tuple[int, Any]]] = {}  # statement -> (place in batch, row)
        calls: list[tuple[int, Work]] = []
        for n, (work, _) in enumerate(batch):
            if isinstance(work, Batched):
                kinds.setdefault(work.statement, []).append((n, work.row))
            else:
                calls.append((n, work))
        # One statement alone is its own transaction: no BEGIN and COMMIT round trips around it.
        alone = not calls and len(kinds) == 1
        try:
            async with self._database().driver(transaction=not alone) as connection:
                for n, call in calls:
                    results[n] = await call(connection)
                for statement, rows in kinds.items():
                    answers = await statement(connection, [row for _, row in rows])
                    for (n, _), answer in zip(rows, answers, strict=True):
                        results[n] = answer
        except Exception as exc:
            if len(batch) == 1:
                settle(batch[0][1], error=exc)
                return
            for item in batch:  # find the one that failed: each alone, in its own transaction
                await self.run_batch([item])
            return
        except BaseException as exc:  # cancelled: nobody of this batch gets an answer it could trust
            for _, future in batch:
                abandon(future, exc)
            raise
        for (_, future), result in zip(batch, results, strict=True):
            settle(future, result=result)
