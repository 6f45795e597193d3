"""Events the cases service publishes (stream CASES, subjects ``cases.>``). None yet: case handling comes next."""

from __future__ import annotations

from meshkit.events import EventSpec

__all__ = ["EVENTS"]

EVENTS: list[EventSpec] = []  # type: ignore[type-arg]
