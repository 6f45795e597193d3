"""Catalog rules as pure functions and enums (DOMAIN.md §4)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = ["MATTER_TYPES", "MatterDraft", "MatterStatus", "quality_violations"]

MATTER_TYPES: dict[str, str] = {
    "01": "行政许可",
    "02": "行政处罚",
    "03": "行政强制",
    "04": "行政征收",
    "05": "行政给付",
    "06": "行政检查",
    "07": "行政确认",
    "08": "行政奖励",
    "09": "行政裁决",
    "10": "其他行政权力",
    "20": "公共服务",
}


class MatterStatus(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    RETIRED = "retired"


@dataclass(frozen=True)
class MatterDraft:
    code: str
    name: str
    matter_type: str
    department_code: str
    statutory_days: int
    promised_days: int


def quality_violations(draft: MatterDraft) -> list[dict[str, str]]:
    """Every rule a matter breaks; publishing needs an empty list."""
    violations = []
    if draft.matter_type not in MATTER_TYPES:
        violations.append({"field": "matter_type", "message": f"事项类型 {draft.matter_type} 不在国家目录中"})
    if draft.promised_days > draft.statutory_days:
        violations.append({"field": "promised_days", "message": "承诺时限不得超过法定时限"})
    return violations
