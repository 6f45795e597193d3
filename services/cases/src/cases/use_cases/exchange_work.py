"""What the worker's exchange timer needs: the two clients and the retry policy."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from cases.clients import ExchangeClient, IdentityClient
from cases.domain.materials import retry_delay

__all__ = ["LEASE", "MeshCalls", "RetryPolicy"]

# A claimed item is leased this long: other workers skip it, and it comes due again if this one dies mid-call.
LEASE = timedelta(minutes=2)


@dataclass(frozen=True)
class MeshCalls:
    identity: IdentityClient
    exchange: ExchangeClient


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 6
    base_seconds: float = 5.0
    max_seconds: float = 900.0

    def next_attempt(self, attempts: int, now: datetime) -> datetime | None:
        """When to try again after ``attempts`` failures; None once the limit is reached."""
        if attempts >= self.max_attempts:
            return None
        return now + retry_delay(attempts, base_seconds=self.base_seconds, max_seconds=self.max_seconds)
