"""Organization rules: the kinds of node in the 条块 tree."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["OrganizationKind"]


class OrganizationKind(StrEnum):
    DEPARTMENT = "department"  # 部门 (条)
    DISTRICT_CENTER = "district_center"  # 区行政服务中心
    TOWN_CENTER = "town_center"  # 街镇公共服务中心
    VILLAGE_CENTER = "village_center"  # 村社区便民服务中心
    TERRITORY = "territory"  # 行政区域 (块)
    EXTERNAL = "external"  # 外部系统, e.g. 市级行政审批系统
