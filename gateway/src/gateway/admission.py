"""Bounded concurrency per upstream, a short queue shared fairly between clients, 503 beyond it (issue 21).

Each gateway process lets at most ``upstream_concurrency`` requests be in flight to one upstream. Past that, a
request waits in that upstream's queue; the queue holds at most ``upstream_queue`` requests, of which one client
may hold at most ``upstream_queue_per_client``, and a freed slot goes to the clients in turn (round robin over the
clients that wait, each client's own requests in arrival order) — so one client sending many requests at once
neither fills the queue nor goes ahead of another client's single request. A request the queue cannot take, or
that waited ``upstream_queue_wait`` seconds without a slot, is answered at once: 503 ``upstream_busy`` with
``Retry-After``, instead of joining a backlog that only grows the tail for everyone.

A client is the token's client (``sub`` of the verified principal) when there is one, else the source address the
rate limits use (:func:`gateway.throttle.remember_source`).
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Iterable, Mapping

from prometheus_client import Counter, Gauge
from starlette.types import Scope

from gateway.throttle import PRINCIPAL, SOURCE
from meshkit.auth import Principal

__all__ = ["Admission", "Gate", "client_key", "refused_busy"]

refused_busy = Counter(
    "gateway_upstream_busy",
    "Requests answered 503 because the upstream's slots and queue were full",
    ["upstream"],
)
queued_now = Gauge(
    "gateway_upstream_queued",
    "Requests waiting for a slot to an upstream",
    ["upstream"],
    multiprocess_mode="livesum",
)


def client_key(scope: Scope) -> str:
    """Whose request this is, for the queue's fairness: the token's subject, else the source address."""
    principal = scope.get(PRINCIPAL)
    if isinstance(principal, Principal):
        return f"sub:{principal.sub}"
    return f"ip:{scope.get(SOURCE, '')}"


class Gate:
    """The slots and the fair queue of one upstream, within one process (one event loop).

    At saturation about half of all requests wait here (issue 21), so waiting is kept cheap: one future per
    request; the waits' deadlines are kept in arrival order (the same wait for everyone, so the first is always
    the earliest) and one timer per gate ends the expired ones; the gauge of waiting requests is written at most
    every ``_GAUGE_EVERY`` seconds (a multiprocess gauge is a locked write to a shared file on every change)."""

    def __init__(self, name: str, *, limit: int, queue: int, per_client: int, wait: float) -> None:
        self.name = name
        self.limit = limit
        self.queue = queue
        self.per_client = per_client
        self.wait = wait
        self.active = 0
        self.queued = 0
        # clients in turn: the first key is served next, then moved to the end if it has more waiting
        self._waiting: dict[str, deque[asyncio.Future[None]]] = {}
        self._deadlines: deque[tuple[float, asyncio.Future[None]]] = deque()  # arrival order = deadline order
        self._timer: asyncio.TimerHandle | None = None
        self._gauge = queued_now.labels(name)
        self._gauge_due = False

    async def enter(self, client: str) -> bool:
        """Take a slot (``True``); ``False`` when the queue cannot take the request or the wait ran out."""
        if self.active < self.limit and not self.queued:
            self.active += 1
            return True
        mine = self._waiting.get(client)
        if self.queued >= self.queue or (mine is not None and len(mine) >= self.per_client):
            return False
        loop = asyncio.get_running_loop()
        future: asyncio.Future[None] = loop.create_future()
        if mine is None:
            mine = self._waiting[client] = deque()
        mine.append(future)
        self._count(+1)
        deadline = loop.time() + self.wait
        self._deadlines.append((deadline, future))
        if self._timer is None:
            self._timer = loop.call_at(deadline, self._expire)
        try:
            await future
        except TimeoutError:
            self._forget(client, future)
            return False
        except asyncio.CancelledError:
            if future.done() and not future.cancelled() and future.exception() is None:
                self.leave()  # the slot was handed over just as the client left: pass it on
            else:  # still waiting, or its wait ran out in the same turn: no slot was taken
                future.cancel()
                self._forget(client, future)
            raise
        return True

    def leave(self) -> None:
        """Give the slot back, or hand it straight to the next client in turn."""
        while self._waiting:
            client = next(iter(self._waiting))
            line = self._waiting.pop(client)
            future = line.popleft()
            if line:
                self._waiting[client] = line  # back of the turn
            self._count(-1)
            if not future.done():
                future.set_result(None)  # the slot passes on: ``active`` stays
                return
        self.active -= 1

    def _expire(self) -> None:
        """End the waits that ran out (answered 503 unless a slot came first); wake again at the next deadline."""
        self._timer = None
        deadlines = self._deadlines
        loop = asyncio.get_running_loop()
        now = loop.time()
        while deadlines and (deadlines[0][1].done() or deadlines[0][0] <= now):
            _, future = deadlines.popleft()
            if not future.done():
                future.set_exception(TimeoutError())
        if deadlines:
            self._timer = loop.call_at(deadlines[0][0], self._expire)

    def _forget(self, client: str, future: asyncio.Future[None]) -> None:
        line = self._waiting.get(client)
        if line is not None and future in line:
            line.remove(future)
            self._count(-1)
            if not line:
                del self._waiting[client]

    def _count(self, change: int) -> None:
        self.queued += change
        if not self._gauge_due:
            self._gauge_due = True
            asyncio.get_running_loop().call_later(_GAUGE_EVERY, self._write_gauge)

    def _write_gauge(self) -> None:
        self._gauge_due = False
        self._gauge.set(self.queued)


_GAUGE_EVERY = 0.25  # seconds between writes of the waiting-requests gauge


class Admission:
    """One :class:`Gate` per upstream service."""

    def __init__(
        self,
        services: Iterable[str],
        *,
        limit: int,
        queue: int,
        per_client: int,
        wait: float,
        limits: Mapping[str, int] | None = None,
    ) -> None:
        """``limits``: a service's own in-flight bound instead of ``limit``."""
        own = limits or {}
        self.gates = {
            name: Gate(name, limit=own.get(name, limit), queue=queue, per_client=per_client, wait=wait)
            for name in services
        }
        self.retry_after = max(1, round(wait))

    def gate(self, service: str) -> Gate:
        return self.gates[service]
