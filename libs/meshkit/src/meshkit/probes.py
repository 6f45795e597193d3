"""Checks behind ``/readyz``, run so that a hung backend never holds the answer.

Readiness (what serving a request needs: the database, the revocation replay at start) is asked each time with a
budget of :data:`READY_CHECK_SECONDS`, below the gateway's per-upstream ``readiness_timeout`` (1 s): a database
that does not answer in time is reported down by the service itself instead of the gateway timing the whole
service out.

Health (reported beside readiness, never deciding it: the broker) is probed in the background, each check with
its own short timeout, all concurrently, one probe per check in flight; a result is kept :data:`HEALTH_FRESH_SECONDS`
and ``/readyz`` waits at most :data:`HEALTH_WAIT_SECONDS` for a fresh one, answering the last known result (or
``probing``) otherwise. Issue 19, outside try: a NATS frozen by SIGSTOP made every service's ``/readyz`` take
1.00 s (its NATS probe's timeout), the gateway's 1.0 s budget ran out, and the gateway answered 503 while every
request was being served.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Awaitable, Callable, Mapping

__all__ = [
    "HEALTH_FRESH_SECONDS",
    "HEALTH_PROBE_SECONDS",
    "HEALTH_WAIT_SECONDS",
    "READY_CHECK_SECONDS",
    "Check",
    "HealthProbes",
    "outcome",
    "run_checks",
]

Check = Callable[[], Awaitable[None]]

READY_CHECK_SECONDS = 0.7
"""Each readiness check's budget: under the gateway's 1 s per upstream, with room for the HTTP round trip."""
HEALTH_PROBE_SECONDS = 0.5
"""Each health probe's own timeout (a frozen NATS completes the TCP connect and then says nothing)."""
HEALTH_WAIT_SECONDS = 0.2
"""The longest ``/readyz`` waits for health probes still running; it answers the last known result then."""
HEALTH_FRESH_SECONDS = 2.0
"""A health result younger than this is answered without probing again (probers may ask every second)."""


async def outcome(check: Check, timeout: float) -> str:
    """``ok``, or ``down: <error class>`` when ``check`` raises or takes longer than ``timeout`` seconds."""
    try:
        async with asyncio.timeout(timeout):
            await check()
    except Exception as exc:
        return f"down: {type(exc).__name__}"
    return "ok"


async def run_checks(checks: Mapping[str, Check], timeout: float = READY_CHECK_SECONDS) -> dict[str, str]:
    """Every check concurrently, each within ``timeout``."""
    results = await asyncio.gather(*(outcome(check, timeout) for check in checks.values()))
    return dict(zip(checks, results, strict=True))


class HealthProbes:
    """Background probes with a short cache: :meth:`results` never takes much longer than ``wait``."""

    def __init__(
        self,
        *,
        timeout: float = HEALTH_PROBE_SECONDS,
        wait: float = HEALTH_WAIT_SECONDS,
        fresh: float = HEALTH_FRESH_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.timeout = timeout
        self.wait = wait
        self.fresh = fresh
        self._clock = clock
        self._known: dict[str, tuple[float, str]] = {}  # name -> (when probed, result)
        self._running: dict[str, asyncio.Task[str]] = {}

    async def results(self, checks: Mapping[str, Check]) -> dict[str, str]:
        now = self._clock()
        waiting: dict[str, asyncio.Task[str]] = {}
        for name, check in checks.items():
            known = self._known.get(name)
            if known is not None and now - known[0] < self.fresh:
                continue
            task = self._running.get(name)
            if task is None:
                task = asyncio.create_task(self._probe(name, check), name=f"health-probe-{name}")
                self._running[name] = task
            waiting[name] = task
        if waiting:
            # a probe outlives a /readyz that stopped waiting for it (asyncio.wait cancels nothing), and its
            # result serves the next one
            await asyncio.wait(waiting.values(), timeout=self.wait)
        return {name: self._known.get(name, (0.0, "probing"))[1] for name in checks}

    async def _probe(self, name: str, check: Check) -> str:
        try:
            result = await outcome(check, self.timeout)
            self._known[name] = (self._clock(), result)
            return result
        finally:
            self._running.pop(name, None)

    async def close(self) -> None:
        for task in list(self._running.values()):
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
