"""好差评: five levels, once per case by the applicant; a bad rating opens a rectification task."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "LEVELS",
    "RECTIFICATION_LABELS",
    "STEP_LABELS",
    "RectificationDepartments",
    "RectificationStatus",
    "needs_rectification",
    "rectification_departments",
    "rectification_transitions",
]

LEVELS: dict[int, str] = {5: "非常满意", 4: "满意", 3: "基本满意", 2: "不满意", 1: "非常不满意"}

RECTIFICATION_WORKING_DAYS = 15


class RectificationStatus(StrEnum):
    OPEN = "open"  # 待回访
    CALLED_BACK = "called_back"  # 已回访
    VERIFIED = "verified"  # 已核实
    RECTIFIED = "rectified"  # 已整改
    CLOSED = "closed"  # 已反馈 (办结)


RECTIFICATION_LABELS = {
    RectificationStatus.OPEN: "待回访",
    RectificationStatus.CALLED_BACK: "已回访",
    RectificationStatus.VERIFIED: "已核实",
    RectificationStatus.RECTIFIED: "已整改",
    RectificationStatus.CLOSED: "已反馈",
}

STEP_LABELS = {  # what each recorded step was, as the rater reads it
    RectificationStatus.CALLED_BACK: "回访",
    RectificationStatus.VERIFIED: "核实",
    RectificationStatus.RECTIFIED: "整改",
    RectificationStatus.CLOSED: "反馈",
}

_NEXT = {
    RectificationStatus.OPEN: RectificationStatus.CALLED_BACK,
    RectificationStatus.CALLED_BACK: RectificationStatus.VERIFIED,
    RectificationStatus.VERIFIED: RectificationStatus.RECTIFIED,
    RectificationStatus.RECTIFIED: RectificationStatus.CLOSED,
}


def needs_rectification(score: int) -> bool:
    """Every 不满意 or 非常不满意 opens a rectification task for the handling department."""
    return score <= 2


def rectification_transitions(status: RectificationStatus) -> RectificationStatus | None:
    """Callback → verification → rectification → feedback, in that order."""
    return _NEXT.get(status)


@dataclass(frozen=True)
class RectificationDepartments:
    """Who handles a rectification: ``coordinator`` leads it, ``concerned`` record its steps with the coordinator,
    ``involved`` (all of them and the other members of a 一件事) see it with the rating and its comment."""

    coordinator: str
    concerned: tuple[str, ...]
    involved: tuple[str, ...]

    def may_see(self, org: str | None) -> bool:
        return org is not None and org in self.involved

    def may_act(self, org: str | None) -> bool:
        return org is not None and (org == self.coordinator or org in self.concerned)


def rectification_departments(
    handling_org: str, members: Sequence[tuple[str, str | None]] = ()
) -> RectificationDepartments:
    """The departments of a bad rating's rectification (docs/cases.md "差评整改: which departments").

    A single case (or a member case rated on its own): its handling department alone. A 一件事 parent, given its
    members as (department, outcome): the lead department coordinates; the complaint concerns every member
    department whose member did not end 准予许可 (refused, denied, withdrawn, terminated) — when all were
    approved, the rating is about the 一件事 as a whole and concerns every member department; every member
    department sees it."""
    if not members:
        return RectificationDepartments(handling_org, (handling_org,), (handling_org,))
    every = tuple(dict.fromkeys(org for org, _ in members))
    failed = tuple(dict.fromkeys(org for org, outcome in members if outcome != "approved"))
    involved = tuple(dict.fromkeys((handling_org, *every)))
    return RectificationDepartments(handling_org, failed or every, involved)
