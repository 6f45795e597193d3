"""Who may do what in the hub, from the verified token's claims (kind, org, roles, scopes)."""

from __future__ import annotations

from typing import Protocol

__all__ = ["OPERATOR_ROLES", "OPERATOR_SCOPE", "Caller", "is_government", "is_operator", "speaks_for"]

OPERATOR_ROLES = frozenset({"admin", "administrator", "operator", "auditor"})
OPERATOR_SCOPE = "exchange:admin"


class Caller(Protocol):
    """The parts of ``meshkit.auth.Principal`` the rules read."""

    @property
    def sub(self) -> str: ...
    @property
    def client_id(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def org(self) -> str | None: ...
    @property
    def roles(self) -> frozenset[str]: ...
    @property
    def scopes(self) -> frozenset[str]: ...


def is_government(caller: Caller) -> bool:
    """Staff and department systems of an organization (政务部门用户)."""
    return caller.kind in ("staff", "system") and bool(caller.org)


def is_operator(caller: Caller) -> bool:
    """Hub operators and auditors: administrators by role, or an operations system by scope."""
    return is_government(caller) and (
        not caller.roles.isdisjoint(OPERATOR_ROLES) or OPERATOR_SCOPE in caller.scopes
    )


def speaks_for(caller: Caller, org_code: str) -> bool:
    """Staff or a system of this organization, or an operator."""
    return (is_government(caller) and caller.org == org_code) or is_operator(caller)
