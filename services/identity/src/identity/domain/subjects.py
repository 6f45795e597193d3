"""Subjects: staff roles, real-name levels (acr) and how they are reached, registration channels, passwords."""

from __future__ import annotations

from enum import IntEnum, StrEnum

__all__ = [
    "PASSWORD_MAX_LENGTH",
    "PASSWORD_MIN_LENGTH",
    "ROLE_LABELS",
    "IdentityLevel",
    "RegistrationChannel",
    "StaffRole",
    "VerificationMethod",
    "level_of",
    "password_problem",
    "raised_level",
]

PASSWORD_MIN_LENGTH = 8
PASSWORD_MAX_LENGTH = 128


class StaffRole(StrEnum):
    WINDOW_CLERK = "window_clerk"
    REVIEWER = "reviewer"
    DEPARTMENT_HEAD = "department_head"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"
    OPERATOR = "operator"  # the data-exchange hub's operators (members, directories, allowlists)
    AUDITOR = "auditor"  # reads the access log whole, hidden entries included


ROLE_LABELS: dict[StaffRole, str] = {
    StaffRole.WINDOW_CLERK: "窗口人员",
    StaffRole.REVIEWER: "审核人员",
    StaffRole.DEPARTMENT_HEAD: "部门负责人",
    StaffRole.SUPERVISOR: "监察人员",
    StaffRole.ADMIN: "管理员",
    StaffRole.OPERATOR: "平台运维人员",
    StaffRole.AUDITOR: "审计人员",
}


class IdentityLevel(IntEnum):
    """Real-name level (实名等级), carried as ``acr`` in access tokens."""

    SELF_DECLARED = 1  # 自行申报: registered with a valid ID number
    POPULATION_CHECKED = 2  # 人口库比对: checked against the population resource
    IN_PERSON = 3  # 窗口核验: checked in person at a window


class VerificationMethod(StrEnum):
    POPULATION_RESOURCE = "population_resource"
    IN_PERSON = "in_person"


class RegistrationChannel(StrEnum):
    ONLINE = "online"  # 网上自助注册
    WINDOW = "window"  # 窗口代为注册


_LEVELS = {
    VerificationMethod.POPULATION_RESOURCE: IdentityLevel.POPULATION_CHECKED,
    VerificationMethod.IN_PERSON: IdentityLevel.IN_PERSON,
}


def level_of(method: VerificationMethod) -> IdentityLevel:
    """The level a verification establishes."""
    return _LEVELS[method]


def raised_level(current: int, method: VerificationMethod) -> IdentityLevel | None:
    """The level after a verification; None when it would not raise the current level (levels never go down)."""
    target = level_of(method)
    return target if target > current else None


def password_problem(password: str) -> str | None:
    """Why a password is refused, or None: 8–128 characters with at least one letter and one digit."""
    if len(password) < PASSWORD_MIN_LENGTH:
        return f"密码至少 {PASSWORD_MIN_LENGTH} 位"
    if len(password) > PASSWORD_MAX_LENGTH:
        return f"密码最多 {PASSWORD_MAX_LENGTH} 位"
    if not any(c.isascii() and c.isalpha() for c in password) or not any(c.isdigit() for c in password):
        return "密码须同时包含字母和数字"
    return None
