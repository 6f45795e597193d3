"""Batched reads by key: the reads waiting at the same moment share one statement, never an answer read before
they were asked.

A hot path that reads one row by key per request (the token endpoint reads its client) pays, per request, a
round trip to PostgreSQL and the server's work for one statement — most of what PostgreSQL does for it. Under
load, many such reads wait at the same time. :class:`ReadBatches` sends one statement for the keys of all the
reads that are waiting when it is sent (``WHERE key = ANY($1)``), at most ``in_flight`` statements at once; a
read asked while those run waits for the next one (the drain of :mod:`meshkit.batching`).

What it never does is answer a read from a statement sent before the read was asked (no cache, no joining a
statement already on its way): every answer comes from a statement that began after its read was asked, so it
sees every transaction committed before that — a change committed before a request arrived decides that
request, as with a statement of its own. At low load a read is sent at once, alone.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Hashable, Mapping, Sequence
from typing import Any, Generic, TypeVar

from meshkit.batching import Drains, abandon, settle
from meshkit.db import Database

__all__ = ["BatchRead", "ReadBatches"]

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

BatchRead = Callable[[Any, Sequence[K]], Awaitable[Mapping[K, V]]]
"""One statement for many keys on a driver connection: the rows found, by key (a key not found is absent)."""

_Batch = dict[Any, list[asyncio.Future[Any]]]  # key -> the reads of it waiting


class ReadBatches(Drains[_Batch], Generic[K, V]):
    def __init__(
        self,
        database: Callable[[], Database],
        statement: BatchRead[K, V],
        *,
        in_flight: int = 1,
        max_keys: int = 64,
    ) -> None:
        """``statement`` runs on the driver pool of the database ``database()`` gives (a callable: the holder of a
        batcher need not keep the database alive), outside a transaction (one statement needs none);
        ``in_flight`` bounds the statements running at once (a connection each), ``max_keys`` the keys of one."""
        super().__init__(in_flight=in_flight)
        self._database = database
        self._statement = statement
        self._max_keys = max_keys
        self._waiting: _Batch = {}

    async def read(self, key: K) -> V | None:
        """The row of ``key`` as a statement sent after this call finds it, or None when there is none."""
        future: asyncio.Future[V | None] = asyncio.get_running_loop().create_future()
        self._waiting.setdefault(key, []).append(future)
        self.wake()
        return await future

    def take_batch(self) -> _Batch | None:
        if not self._waiting:
            return None
        # taken before the statement is sent: whoever asks from now on waits for the next one
        return {key: self._waiting.pop(key) for key in list(self._waiting)[: self._max_keys]}

    async def run_batch(self, batch: _Batch) -> None:
        try:
            async with self._database().driver(transaction=False) as connection:
                found = await self._statement(connection, list(batch))
        except Exception as exc:
            if (
                len(batch) > 1
            ):  # a key the statement refused (a byte PostgreSQL does not take) fails its reads only
                for key, futures in batch.items():
                    await self.run_batch({key: futures})
                return
            for futures in batch.values():
                for future in futures:
                    settle(future, error=exc)
            return
        except BaseException as exc:  # cancelled (the server stopping): nobody of this batch gets an answer
            for futures in batch.values():
                for future in futures:
                    abandon(future, exc)
            raise
        for key, futures in batch.items():
            row = found.get(key)
            for future in futures:
                settle(future, result=row)
