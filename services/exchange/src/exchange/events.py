"""Events the exchange publishes (stream EXCHANGE, subjects ``exchange.>``). None yet: sharing comes next."""

from __future__ import annotations

from meshkit.events import EventSpec

__all__ = ["EVENTS"]

EVENTS: list[EventSpec] = []  # type: ignore[type-arg]
