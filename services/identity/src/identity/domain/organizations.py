"""Organization rules: the kinds of node in the 条块 tree, division codes and validity dates (DOMAIN.md §2)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

__all__ = [
    "CENTER_SUFFIX",
    "DISTRICT_DIVISION",
    "OrganizationFields",
    "OrganizationKind",
    "creates_cycle",
    "division_prefix",
    "division_within",
    "hall_code",
    "is_division_code",
    "is_valid_on",
    "organization_problems",
]

DISTRICT_DIVISION = "500110000000"  # 綦江区
# 省2 市2 县2 乡3 村3: the cumulative lengths of the levels of a 12-digit division code.
_LEVEL_ENDS = (2, 4, 6, 9, 12)
_CODE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z-]{0,39}$")
CENTER_SUFFIX = "-center"
"""A town's or village's service hall is organization ``<its 12-digit division>-center``: the cases service finds
the town hall that accepts a village's forwarded case by this name (docs/cases.md, "Which hall accepts")."""
_HALL_CODE = re.compile(rf"^([0-9]{{12}}){re.escape(CENTER_SUFFIX)}$")


class OrganizationKind(StrEnum):
    DEPARTMENT = "department"  # 部门 (条)
    DISTRICT_CENTER = "district_center"  # 区行政服务中心
    TOWN_CENTER = "town_center"  # 街镇公共服务中心
    VILLAGE_CENTER = "village_center"  # 村社区便民服务中心
    TERRITORY = "territory"  # 行政区域 (块)
    EXTERNAL = "external"  # 外部系统, e.g. 市级行政审批系统


@dataclass(frozen=True)
class OrganizationFields:
    """The full state of one organization, as created or after an update."""

    code: str
    name: str
    kind: OrganizationKind
    division_code: str
    credit_code: str | None
    parent_code: str | None
    valid_from: date
    valid_to: date | None


def is_division_code(value: str) -> bool:
    """A 12-digit statistical division code (统计用区划代码)."""
    return len(value) == 12 and value.isascii() and value.isdigit()


def division_prefix(division: str) -> str:
    """The significant part of a division code: ``500110000000`` → ``500110``, ``500110001000`` → ``500110001``."""
    for end in _LEVEL_ENDS:
        if not division[end:].strip("0"):
            return division[:end]
    return division


def division_within(territory: str, division: str) -> bool:
    """Whether ``division`` lies inside ``territory`` (a town inside its district, a village inside its town)."""
    return is_division_code(division) and division.startswith(division_prefix(territory))


def hall_code(division: str) -> str:
    """The code the service hall of a town or village division must have."""
    return f"{division}{CENTER_SUFFIX}"


def _hall_problems(fields: OrganizationFields) -> list[dict[str, str]]:
    """A town center is ``<town division>-center`` on a town's division, a village center likewise on a village's,
    and a code of that shape belongs to nothing else: the cases service routes by it."""
    level = {9: "town", 12: "village"}.get(len(division_prefix(fields.division_code)))
    wanted = {OrganizationKind.TOWN_CENTER: "town", OrganizationKind.VILLAGE_CENTER: "village"}.get(
        fields.kind
    )
    hall = _HALL_CODE.match(fields.code)
    if wanted is not None:
        label = "街镇公共服务中心" if wanted == "town" else "村社区便民服务中心"
        where = "街道/乡镇" if wanted == "town" else "村/社区"
        if level != wanted:
            return [{"field": "division_code", "message": f"{label}的区划代码应为{where}一级的 12 位代码"}]
        if fields.code != hall_code(fields.division_code):
            return [
                {
                    "field": "code",
                    "message": f"{label}的组织代码应为「区划代码{CENTER_SUFFIX}」，即 {hall_code(fields.division_code)}",
                }
            ]
    elif hall is not None:
        return [
            {
                "field": "code",
                "message": f"「区划代码{CENTER_SUFFIX}」形式的代码只用于街镇公共服务中心和村社区便民服务中心，"
                "请换一个组织代码或改选组织类型",
            }
        ]
    return []


def is_valid_on(valid_from: date, valid_to: date | None, day: date) -> bool:
    return valid_from <= day and (valid_to is None or day <= valid_to)


def creates_cycle(code: str, parent_path: Sequence[str]) -> bool:
    """Whether hanging ``code`` under the parent whose path to the root is ``parent_path`` closes a loop."""
    return code in parent_path


def organization_problems(fields: OrganizationFields) -> list[dict[str, str]]:
    """Every rule the fields break (the credit code is checked separately, with the check that failed)."""
    problems = []
    if not _CODE.match(fields.code):
        problems.append({"field": "code", "message": "组织代码只能含字母、数字和连字符，最长 40 位"})
    if not fields.name.strip():
        problems.append({"field": "name", "message": "组织名称不能为空"})
    if not is_division_code(fields.division_code):
        problems.append({"field": "division_code", "message": "区划代码应为 12 位数字"})
    if fields.valid_to is not None and fields.valid_to < fields.valid_from:
        problems.append({"field": "valid_to", "message": "失效日期不得早于生效日期"})
    if fields.parent_code == fields.code:
        problems.append({"field": "parent_code", "message": "组织不能是自己的上级"})
    if is_division_code(fields.division_code):
        problems += _hall_problems(fields)
    return problems
