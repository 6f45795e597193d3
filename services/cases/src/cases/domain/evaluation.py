"""好差评: five levels, once per case by the applicant; a bad rating opens a rectification task."""

from __future__ import annotations

from enum import StrEnum

__all__ = [
    "LEVELS",
    "RECTIFICATION_LABELS",
    "STEP_LABELS",
    "RectificationStatus",
    "needs_rectification",
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
