"""Version workflow: draft → in review → published → retired, and validity periods that never overlap."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from catalog.domain.codes import MatterStatus

__all__ = [
    "TRANSITIONS",
    "Validity",
    "ValidityPlan",
    "can_transition",
    "is_editable",
    "plan_validity",
]

# action -> (from statuses, to status)
TRANSITIONS: dict[str, tuple[frozenset[str], MatterStatus]] = {
    "submit": (frozenset({MatterStatus.DRAFT}), MatterStatus.IN_REVIEW),
    "return": (frozenset({MatterStatus.IN_REVIEW}), MatterStatus.DRAFT),
    "publish": (frozenset({MatterStatus.IN_REVIEW}), MatterStatus.PUBLISHED),
    "retire": (frozenset({MatterStatus.PUBLISHED}), MatterStatus.RETIRED),
}


def can_transition(status: str, action: str) -> bool:
    allowed, _ = TRANSITIONS[action]
    return status in allowed


def is_editable(status: str) -> bool:
    """Only drafts change; a published or retired version is immutable (its validity may only be closed)."""
    return status == MatterStatus.DRAFT


@dataclass(frozen=True)
class Validity:
    """``[valid_from, valid_to)``; ``valid_to`` None means open-ended."""

    version: int
    valid_from: date
    valid_to: date | None

    def overlaps(self, other: Validity) -> bool:
        ends_after_start = other.valid_to is None or self.valid_from < other.valid_to
        starts_before_end = self.valid_to is None or other.valid_from < self.valid_to
        return ends_after_start and starts_before_end


@dataclass(frozen=True)
class ValidityPlan:
    """What publishing a version does to the others: the open-ended one it supersedes is closed."""

    close: tuple[int, date] | None  # (version, new valid_to)
    violations: tuple[dict[str, str], ...]


def plan_validity(candidate: Validity, others: Sequence[Validity]) -> ValidityPlan:
    """Refuse overlaps with every published or retired version; supersede the open-ended one by closing it.

    An open-ended version that started earlier (or the same day: a correction) is closed on the candidate's
    first day. Any other overlap is refused, naming each version it collides with.
    """
    close: tuple[int, date] | None = None
    violations = []
    for other in others:
        if other.valid_to is None and other.valid_from <= candidate.valid_from:
            close = (other.version, candidate.valid_from)
            continue
        if candidate.overlaps(other):
            until = other.valid_to.isoformat() if other.valid_to else "长期"
            violations.append(
                {
                    "field": "valid_from",
                    "rule": "validity_overlap",
                    "message": f"有效期与第 {other.version} 版（{other.valid_from.isoformat()} 至 {until}）重叠",
                }
            )
    return ValidityPlan(close=close, violations=tuple(violations))
