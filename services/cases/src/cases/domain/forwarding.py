"""Forwarding (转办): a case received at one hall and accepted at another. Pure.

A village hall takes an application for a matter its level may not accept; the matter's levels send it to the
town center or the district center (:func:`cases.domain.access.accepting_hall`). The case records both halls from
filing on (``received_by_org``, ``accepting_org``), so the forwarding is a fact of the case itself: its timeline
shows it from those two columns, for every case ever forwarded, with no row of its own to keep in step."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

__all__ = ["Forwarding", "forwarding_of", "serving_org"]


@dataclass(frozen=True)
class Forwarding:
    from_org: str
    to_org: str
    at: datetime


def forwarding_of(*, received_by: str, accepting: str | None, received_at: datetime) -> Forwarding | None:
    """The forwarding of a case received at ``received_by`` and accepted at ``accepting``, or None (the same hall,
    or a case filed before accepting halls were recorded)."""
    if accepting is None or accepting == received_by:
        return None
    return Forwarding(from_org=received_by, to_org=accepting, at=received_at)


def serving_org(*, accepted: bool, received_by: str, accepting: str | None, handling: str) -> str:
    """The organization handling the case now, whom a read for it serves ("who read my data" names it): until
    acceptance the hall that accepts it (its window pre-reviews the materials; a forwarded case's accepting hall,
    the receiving hall for cases filed before 0011), from acceptance on the department that decides."""
    if accepted:
        return handling
    return accepting or received_by
