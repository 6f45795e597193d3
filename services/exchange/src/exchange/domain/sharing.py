"""Sharing rules (DOMAIN.md §6): who may read which items of a resource, and why not.

Pure functions over plain values: the use cases load the resource and the caller's grants, this module decides.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

__all__ = [
    "GOVERNMENT_KINDS",
    "Decision",
    "GrantTerms",
    "Outcome",
    "Purpose",
    "Refusal",
    "ResourceTerms",
    "SharingMethod",
    "SharingType",
    "decide_read",
    "missing_purpose",
]


class SharingType(StrEnum):
    UNCONDITIONAL = "unconditional"  # 无条件共享
    CONDITIONAL = "conditional"  # 有条件共享
    NOT_SHARED = "not_shared"  # 不予共享


class SharingMethod(StrEnum):
    API = "api"  # 接口: the hub forwards to the provider system (proxied)
    TABLE = "table"  # 库表: the provider pushes records to the hub (hosted)
    FILE = "file"  # 文件


class Outcome(StrEnum):
    """What happened to one read, as the access log records it."""

    GRANTED = "granted"  # data returned
    NOT_FOUND = "not_found"  # allowed, but the provider holds no record of this subject
    REFUSED = "refused"  # the rules said no; ``reason`` says which
    FAILED = "failed"  # allowed, but the provider did not answer (timeout, error)


class Refusal(StrEnum):
    """Stable reason codes of refused reads (the problem+json ``code``)."""

    NOT_GRANTED = "not_granted"
    GRANT_EXPIRED = "grant_expired"
    PURPOSE_REQUIRED = "purpose_required"
    NOT_SHARED = "not_shared"
    NOT_GOVERNMENT = "not_government_user"


GOVERNMENT_KINDS = frozenset({"staff", "system"})


@dataclass(frozen=True)
class ResourceTerms:
    code: str
    provider_code: str
    sharing_type: SharingType
    items: tuple[str, ...]
    legal_basis: str | None = None


@dataclass(frozen=True)
class GrantTerms:
    """A granted share request of one organization for one resource."""

    id: str
    items: tuple[str, ...]
    valid_from: date
    valid_to: date


@dataclass(frozen=True)
class Purpose:
    """Why a read happens: a purpose, and the case it serves or the legal basis for it."""

    purpose: str | None
    case_ref: str | None = None
    legal_basis: str | None = None
    served_org: str | None = None  # the platform's claim of whom the read serves: checked against the case


@dataclass(frozen=True)
class Decision:
    allowed: bool
    items: tuple[str, ...] = ()
    withheld: tuple[str, ...] = ()
    refusal: Refusal | None = None
    detail: str = ""
    grant_ids: tuple[str, ...] = field(default=())


def missing_purpose(purpose: Purpose) -> bool:
    """Every read says what it is for (用途); its basis (case, duty or grant) is checked by ``domain.bases``."""
    return not (purpose.purpose or "").strip()


def _refuse(refusal: Refusal, detail: str) -> Decision:
    return Decision(allowed=False, refusal=refusal, detail=detail)


def _allow(requested: Sequence[str], allowed: Sequence[str], grant_ids: tuple[str, ...] = ()) -> Decision:
    permitted = [item for item in requested if item in allowed]
    withheld = tuple(item for item in requested if item not in allowed)
    if not permitted:
        return _refuse(Refusal.NOT_GRANTED, "请求的数据项均未获授权 (none of the requested items is granted)")
    return Decision(allowed=True, items=tuple(permitted), withheld=withheld, grant_ids=grant_ids)


def decide_read(
    *,
    resource: ResourceTerms,
    caller_kind: str,
    caller_org: str | None,
    grants: Sequence[GrantTerms],
    requested: Sequence[str] | None,
    purpose: Purpose,
    today: date,
) -> Decision:
    """May this caller read these items of this resource today, for this purpose?"""
    if caller_kind not in GOVERNMENT_KINDS or not caller_org:
        return _refuse(
            Refusal.NOT_GOVERNMENT, "只有政务部门的工作人员或系统可以读取共享数据 (government users only)"
        )
    if missing_purpose(purpose):
        return _refuse(
            Refusal.PURPOSE_REQUIRED,
            "读取共享数据须说明用途 (purpose required)",
        )
    wanted = list(dict.fromkeys(requested)) if requested else list(resource.items)
    if caller_org == resource.provider_code:
        return _allow(wanted, resource.items)  # the provider reads its own data
    if resource.sharing_type == SharingType.NOT_SHARED:
        basis = resource.legal_basis or "未注明"
        return _refuse(Refusal.NOT_SHARED, f"该资源不予共享，依据：{basis}")
    if resource.sharing_type == SharingType.UNCONDITIONAL:
        return _allow(wanted, resource.items)
    current = [g for g in grants if g.valid_from <= today <= g.valid_to]
    if not current:
        if any(g.valid_to < today for g in grants):
            return _refuse(Refusal.GRANT_EXPIRED, "共享授权已过期，请重新申请 (the grant has expired)")
        return _refuse(Refusal.NOT_GRANTED, "有条件共享资源须先申请并获得授权 (no granted share request)")
    granted = [item for grant in current for item in grant.items if item in resource.items]
    return _allow(wanted, granted, tuple(g.id for g in current))
