"""Who may do what in the hub, from the verified token's claims (kind, org, roles, scopes).

Least privilege (ARCHITECTURE §7): every operation names the scope a department *system* needs and the roles a
*staff member* needs, and most are further bound to the caller's own organization (the provider of a resource,
the requester of a share request, the issuer of a certificate). The table :data:`PERMISSIONS` is the whole
matrix; docs/exchange.md prints it and ``tests/api/test_authorization_matrix.py`` tries every cell.
Whether a read of a subject's data has a *basis* (a case, a grant, a registered duty) is a separate question,
answered by ``exchange.domain.bases``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

__all__ = [
    "OPERATOR_SCOPE",
    "PERMISSIONS",
    "PLATFORM_SCOPE",
    "Caller",
    "Operation",
    "Permission",
    "is_government",
    "is_operator",
    "may",
]

OPERATOR_SCOPE = "exchange:admin"
PLATFORM_SCOPE = "exchange:platform"
"""The cases platform's system (通办办件平台): reads for the cases the hub knows and issues the certificates of
approved cases for the deciding department — each still verified against the hub's view of the case."""


class Operation(StrEnum):
    READ = "read"  # records, certificate lookups, batches (and the basis check on top)
    PUSH_RECORDS = "push_records"  # hosted records of the caller's own resources
    DEFINE_RESOURCES = "define_resources"  # register or change the caller's own resources
    SET_ENDPOINT = "set_endpoint"  # a proxied resource's provider endpoint
    REQUEST_SHARING = "request_sharing"  # ask a provider for a grant, withdraw the request
    ANSWER_SHARING = "answer_sharing"  # grant or refuse a request for the caller's own resource
    SUBSCRIBE = "subscribe"  # change notifications of resources the member may read
    ISSUE_CERTIFICATES = "issue_certificates"  # register certificates, change their status
    HIDE_READS = "hide_reads"  # hide a read from the subject for a while (under a duty that allows it)
    ADMINISTER = "administer"  # members, certificate types, duties, endpoint allowlists, city link replay
    AUDIT = "audit"  # verify the chain, see every entry including hidden ones


@dataclass(frozen=True)
class Permission:
    scope: str  # what a system client's token must carry
    roles: frozenset[str]  # any of these for staff
    label: str  # what the operation is, for people


def _roles(*roles: str) -> frozenset[str]:
    return frozenset(roles)


PERMISSIONS: dict[Operation, Permission] = {
    Operation.READ: Permission(
        "exchange:read", _roles("window_clerk", "reviewer", "department_head"), "读取共享数据、查询电子证照"
    ),
    Operation.PUSH_RECORDS: Permission("exchange:records:write", _roles("admin"), "推送本单位库表数据"),
    Operation.DEFINE_RESOURCES: Permission("exchange:resources:write", _roles("admin"), "登记本单位数据资源"),
    Operation.SET_ENDPOINT: Permission("exchange:resources:write", _roles("admin"), "设置本单位接口地址"),
    Operation.REQUEST_SHARING: Permission(
        "exchange:sharing", _roles("department_head", "admin"), "提出、撤回共享申请"
    ),
    Operation.ANSWER_SHARING: Permission(
        "exchange:sharing", _roles("department_head", "admin"), "答复本单位资源的共享申请"
    ),
    Operation.SUBSCRIBE: Permission("exchange:subscribe", _roles("admin"), "订阅数据变更"),
    Operation.ISSUE_CERTIFICATES: Permission(
        "exchange:certificates:issue", _roles("reviewer", "department_head"), "签发电子证照、变更证照状态"
    ),
    Operation.HIDE_READS: Permission(
        "exchange:read:hide", _roles("department_head"), "依法暂不向本人显示查询记录"
    ),
    Operation.ADMINISTER: Permission(OPERATOR_SCOPE, _roles("operator"), "平台运维"),
    Operation.AUDIT: Permission("exchange:audit", _roles("operator", "auditor"), "审计访问日志"),
}


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


def may(caller: Caller, operation: Operation, org: str | None = None) -> bool:
    """May this caller perform ``operation`` — for organization ``org`` when given (its own data only)?

    A system needs the operation's scope, a staff member one of its roles; both must belong to ``org``. No
    scope or role implies another: an operator administers the hub but reads, pushes and issues nothing."""
    if not is_government(caller):
        return False
    permission = PERMISSIONS[operation]
    if caller.kind == "system":
        entitled = permission.scope in caller.scopes
    else:
        entitled = not caller.roles.isdisjoint(permission.roles)
    if not entitled:
        return False
    return org is None or caller.org == org


def is_operator(caller: Caller) -> bool:
    """Hub operators: role ``operator`` (staff) or scope ``exchange:admin`` (an operations system)."""
    return may(caller, Operation.ADMINISTER)
