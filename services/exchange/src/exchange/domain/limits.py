"""Limits on the data path: a token bucket per client (in-process), and payload sizes."""

from __future__ import annotations

import math
from collections import OrderedDict
from dataclasses import dataclass

__all__ = ["OverBurst", "PayloadLimits", "RateLimiter", "TokenBucket"]


class OverBurst(Exception):
    """A request that costs more tokens than the client's bucket ever holds (a batch too large for its limit)."""

    def __init__(self, burst: int) -> None:
        super().__init__(f"at most {burst} per request")
        self.burst = burst


class TokenBucket:
    """``rate`` tokens per second up to ``burst``; each request takes one (a batch one per item). Time is passed
    in (pure)."""

    __slots__ = ("burst", "rate", "stamp", "tokens")

    def __init__(self, rate: float, burst: float, now: float) -> None:
        self.rate = rate
        self.burst = burst
        self.tokens = burst
        self.stamp = now

    def take(self, now: float, cost: float = 1.0) -> float:
        """0.0 when allowed; otherwise the seconds until ``cost`` tokens are available (for ``Retry-After``).
        Raises :class:`OverBurst` when ``cost`` is more than the bucket holds."""
        if cost > self.burst:
            raise OverBurst(int(self.burst))
        self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        if self.tokens >= cost:
            self.tokens -= cost
            return 0.0
        return (cost - self.tokens) / self.rate


class RateLimiter:
    """One bucket per client id; per-client rates override the default. Least recently seen clients are evicted."""

    def __init__(
        self,
        *,
        rate: float,
        burst: float,
        overrides: dict[str, float] | None = None,
        max_clients: int = 10_000,
        share: int = 1,
    ) -> None:
        """``share``: how many processes enforce the limit side by side; each takes that fraction of every rate
        and burst, so together they allow what is configured."""
        self._rate = rate / share
        self._burst = max(burst / share, 1.0)
        self._overrides = {client: value / share for client, value in (overrides or {}).items()}
        self._max = max_clients
        self._buckets: OrderedDict[str, TokenBucket] = OrderedDict()

    def check(self, client_id: str, now: float, cost: int = 1) -> int:
        """0 when allowed, else whole seconds to wait (at least 1); ``cost``: reads in the request (a batch).
        Raises :class:`OverBurst` when the request could never fit."""
        bucket = self._buckets.get(client_id)
        if bucket is None:
            rate = self._overrides.get(client_id, self._rate)
            bucket = TokenBucket(rate, max(self._burst * rate / self._rate, 1.0), now)
            self._buckets[client_id] = bucket
            if len(self._buckets) > self._max:
                self._buckets.popitem(last=False)
        else:
            self._buckets.move_to_end(client_id)
        wait = bucket.take(now, cost)
        return 0 if wait == 0.0 else max(1, math.ceil(wait))


@dataclass(frozen=True)
class PayloadLimits:
    records_per_push: int = 1000
    record_bytes: int = 16_384
    provider_response_bytes: int = 262_144

    def too_many(self, count: int) -> bool:
        return count > self.records_per_push
