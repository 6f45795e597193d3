"""Fixed-window counts shared by every gateway process, kept in a NATS JetStream key-value bucket.

A count per (class, caller, window) lives under one key; a process takes units from it with compare-and-set
(``update`` at the revision it read, ``create`` for a new window), so no two processes hand out the same unit and
the sum never passes the limit. A process takes a *lease* of several units at a time for generous classes and
spends them locally (one store round trip per lease, not per request; the next lease is taken while a quarter of
the current one is left, so a steady caller never waits for it); strict classes lease one unit, so every
login or registration is counted where all processes see it. Keys expire with the bucket's TTL.

A lease starts at :attr:`LimitClass.lease` units and doubles each time the previous one was spent within
``_QUICK`` seconds, up to 2 % of the allowance (:attr:`LimitClass.most_leased`); one that lasted past four times
that starts over. A caller sending thousands of requests a second then costs the store a round trip or two a
second, not one per hundred requests (issue 21: at 9,000 requests a second from one caller the leases' round trips
were a tenth of the gateway's CPU per proxied request), and a caller near its limit still gets only what is left.

Without the store (NATS away or not yet reached) each process counts alone with the same limits: limits keep
holding per process, work is never refused for the store's sake, and the fallback is counted in metrics.

A store that does not answer in ``store_timeout`` (a frozen NATS: the connection stays up, nothing answers) is
left alone for ``store_retry`` seconds: requests count locally without asking it, and a background probe (never a
request) finds out when it answers again. Issue 19, outside try: with NATS frozen every token request and every
submit waited out the 0.5 s store timeout (0.52 s instead of 0.04 s).
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from nats.errors import Error as NatsError
from nats.js.errors import (
    BucketNotFoundError,
    KeyNotFoundError,
    KeyWrongLastSequenceError,
    NoStreamResponseError,
)
from nats.js.kv import KeyValue

from gateway.limits import LimitClass

__all__ = ["SharedWindows"]

log = logging.getLogger("gateway.limits")

_CAS_TRIES = 8


class _Contended(Exception):
    """The count kept changing under every try."""


_SWEEP_EVERY = 30.0  # seconds between two sweeps of ended windows
_QUICK = 0.5  # a lease spent within this many seconds makes the next one twice as large
_NO_LEASE = (1, 0.0)
_SPENT = -1  # a lease entry meaning: nothing left for this caller in this window


@dataclass
class SharedWindows:
    store: Callable[[], KeyValue | None]
    """The bucket when the store is reachable, else None."""
    clock: Callable[[], float] = time.time
    store_timeout: float = 0.5
    on_fallback: Callable[[], None] = lambda: None
    on_lost: Callable[[], None] = lambda: None
    """The bucket is gone (a NATS restart loses a memory-stored bucket): the store makes it again."""
    store_retry: float = 2.0
    """Seconds a store that timed out is not asked by requests; then a background probe asks it."""
    monotonic: Callable[[], float] = time.monotonic
    _unanswered_until: float | None = None  # set while the store is skipped after a timeout
    _probe: asyncio.Task[None] | None = None
    _leases: dict[tuple[str, str, int], int] = field(default_factory=dict)
    _local: dict[tuple[str, str, int], int] = field(default_factory=dict)
    _pending: dict[tuple[str, str, int], asyncio.Future[None]] = field(default_factory=dict)
    """The reservation under way per slot: one store round trip at a time per caller and window."""
    _ends: dict[tuple[str, str, int], float] = field(default_factory=dict)
    _dry: set[tuple[str, str, int]] = field(default_factory=set)
    """Slots whose last lease was taken ahead and found nothing left: spent once the current lease is."""
    _ahead: set[asyncio.Task[None]] = field(default_factory=set)
    _sizes: dict[tuple[str, str, int], tuple[int, float]] = field(default_factory=dict)
    """Per slot: the size of its last lease and when it was granted (see the module)."""
    _swept_at: float = 0.0

    async def take(self, limit_class: LimitClass, caller: str) -> float | None:
        """Spend one unit of ``caller``'s allowance in this window: ``None`` when granted, else the seconds until
        the window ends (``Retry-After``)."""
        now = self.clock()
        index = int(now // limit_class.window)
        slot = (limit_class.name, caller, index)
        end = (index + 1) * limit_class.window
        while True:
            left = self._leases.get(slot, 0)
            if left > 0:
                self._leases[slot] = left - 1
                size = self._sizes.get(slot, _NO_LEASE)[0]
                if size > 1 and left - 1 == size // 4 and slot not in self._pending:
                    self._prefetch(limit_class, caller, index, slot, end)
                return None
            if left < 0 or slot in self._dry:
                # spent for this window (the shared count only grows): refused here, no store round trip
                self._leases[slot] = _SPENT
                return end - now
            pending = self._pending.get(slot)
            if pending is None:
                break
            # Another request of this caller is taking the next lease: wait for it rather than race it (issue 21:
            # 32 concurrent requests whose lease ran out each went to the store, contended on the one key, timed
            # out and counted one unit locally — so the next ones went to the store again, every request waiting)
            await asyncio.shield(pending)
        granted = await self._next_lease(limit_class, caller, index, slot, end, self._claim(slot))
        if granted == 0:
            self._leases[slot] = _SPENT
            return end - now
        self._leases[slot] = self._leases.get(slot, 0) + granted - 1
        return None

    def _prefetch(
        self, limit_class: LimitClass, caller: str, index: int, slot: tuple[str, str, int], end: float
    ) -> None:
        """Take the next lease while a quarter of this one is left, so a steady caller's requests never wait
        for the store at a lease's end (issue 21: at saturation every lease boundary held all of a caller's
        requests in that process for a store round trip — two, with a compare-and-set — and the tail grew)."""

        # claimed now, not when the task first runs: takes that find this lease spent before then wait for it
        # instead of taking another (whose claim the task's would overwrite, leaving its waiters waiting)
        pending = self._claim(slot)

        async def ahead() -> None:
            granted = await self._next_lease(limit_class, caller, index, slot, end, pending)
            if granted == 0:
                self._dry.add(slot)  # refused when this lease runs out, without asking the store again
            elif self._leases.get(slot, 0) >= 0:
                self._leases[slot] = self._leases.get(slot, 0) + granted

        task = asyncio.get_running_loop().create_task(ahead(), name="gateway-limit-lease")
        self._ahead.add(task)
        task.add_done_callback(self._ahead.discard)

    def _claim(self, slot: tuple[str, str, int]) -> asyncio.Future[None]:
        """Mark the slot's next lease as under way: other takes of the slot wait for the returned future."""
        pending = self._pending[slot] = asyncio.get_running_loop().create_future()
        return pending

    async def _next_lease(
        self,
        limit_class: LimitClass,
        caller: str,
        index: int,
        slot: tuple[str, str, int],
        end: float,
        pending: asyncio.Future[None],
    ) -> int:
        """Units of the next lease (0: none left), one round trip at a time per slot (others wait for
        ``pending``, which :meth:`_claim` made)."""
        try:
            now = self.monotonic()
            size = self._lease_size(limit_class, slot, now)
            granted = await self._reserve(limit_class, caller, index, size)
            if granted is None:
                granted = self._count_locally(limit_class, slot, size)
            self._sizes[slot] = (size, now)
        finally:
            del self._pending[slot]
            pending.set_result(None)
        self._sweep(self.clock())
        self._ends[slot] = end
        return granted

    def _lease_size(self, limit_class: LimitClass, slot: tuple[str, str, int], now: float) -> int:
        """Twice the last lease when it was spent quickly, the class's own lease when it lasted (see the module)."""
        last = self._sizes.get(slot)
        if last is None:
            return limit_class.lease
        size, granted_at = last
        if now - granted_at < _QUICK:
            return min(2 * size, limit_class.most_leased)
        if now - granted_at > 4 * _QUICK:
            return limit_class.lease
        return size

    async def _reserve(self, limit_class: LimitClass, caller: str, index: int, size: int) -> int | None:
        """Units taken from the shared count (0: none left), or None without the store."""
        kv = self.store()
        if kv is None or not self._answering(kv):
            self.on_fallback()
            return None
        key = f"{limit_class.name}.{hashlib.sha256(caller.encode()).hexdigest()[:32]}.{index}"
        try:
            async with asyncio.timeout(self.store_timeout):
                return await _take_units(kv, key, limit_class.limit, size)
        except (TimeoutError, NatsError, OSError, _Contended) as exc:
            # any failure of the store (a lost bucket included) is the store's, never the request's: count
            # locally (issue 19's outside try: after a NATS restart every request was answered 503)
            log.warning("rate-limit store unavailable, counting locally", extra={"error": type(exc).__name__})
            self.on_fallback()
            if isinstance(exc, NoStreamResponseError | BucketNotFoundError):
                self.on_lost()
            else:  # silent or failing: no request waits on it again until a probe has its answer
                self._unanswered_until = self.monotonic() + self.store_retry
            return None

    def _answering(self, kv: KeyValue) -> bool:
        """Whether requests may ask the store now; past a skipped store's wait, starts the probe that decides."""
        if self._unanswered_until is None:
            return True
        if self.monotonic() >= self._unanswered_until and (self._probe is None or self._probe.done()):
            self._probe = asyncio.create_task(self._ask(kv), name="gateway-limit-store-probe")
        return False

    async def _ask(self, kv: KeyValue) -> None:
        try:
            async with asyncio.timeout(self.store_timeout):
                await kv.status()
        except Exception as exc:
            log.debug("rate-limit store still unavailable", extra={"error": type(exc).__name__})
            self._unanswered_until = self.monotonic() + self.store_retry
            return
        self._unanswered_until = None

    def _count_locally(self, limit_class: LimitClass, slot: tuple[str, str, int], size: int) -> int:
        """Units granted from this process's own count: a lease as from the store (one unit for strict classes)."""
        used = self._local.get(slot, 0)
        units = min(size, limit_class.limit - used)
        if units <= 0:
            return 0
        self._local[slot] = used + units
        return units

    def _sweep(self, now: float) -> None:
        """Forget the leases and local counts of windows that have ended, now and then."""
        if now - self._swept_at < _SWEEP_EVERY:
            return
        self._swept_at = now
        for slot in [slot for slot, end in self._ends.items() if end <= now]:
            del self._ends[slot]
            self._leases.pop(slot, None)
            self._local.pop(slot, None)
            self._sizes.pop(slot, None)
            self._dry.discard(slot)


async def _take_units(kv: KeyValue, key: str, limit: int, lease: int) -> int:
    """Compare-and-set: read the count, add what is taken, write it at the revision read; again on a race."""
    for _ in range(_CAS_TRIES):
        try:
            entry = await kv.get(key)
            used, revision = int(entry.value or b"0"), entry.revision
        except KeyNotFoundError:
            used, revision = 0, None
        if used >= limit:
            return 0
        units = min(lease, limit - used)
        try:
            if revision is None:
                await kv.create(key, str(used + units).encode())
            else:
                await kv.update(key, str(used + units).encode(), last=revision)
        except KeyWrongLastSequenceError:
            continue  # another process took units in between: read again
        return units
    raise _Contended
