"""Data-sharing rules as pure functions and enums (DOMAIN.md §6)."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["SharingMethod", "SharingType"]


class SharingType(StrEnum):
    UNCONDITIONAL = "unconditional"  # 无条件共享
    CONDITIONAL = "conditional"  # 有条件共享
    NOT_SHARED = "not_shared"  # 不予共享


class SharingMethod(StrEnum):
    API = "api"  # 接口
    TABLE = "table"  # 库表
    FILE = "file"  # 文件
