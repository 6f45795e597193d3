"""What a person reads beside each code of "who read my data" (谁查看了我的数据): the outcome of a read and why it
was refused or failed, read with :func:`meshkit.labels.label_of` (a code without a label reads as itself); the
test keeps every known one labelled."""

from __future__ import annotations

from exchange.domain.bases import BasisRefusal
from exchange.domain.sharing import Outcome, Refusal

__all__ = ["OUTCOME_LABELS", "READER_KIND_LABELS", "REASON_LABELS", "reader_phrase"]

OUTCOME_LABELS: dict[str, str] = {
    Outcome.GRANTED: "已提供数据",
    Outcome.NOT_FOUND: "允许读取，但提供部门没有该记录",
    Outcome.REFUSED: "已拒绝",
    Outcome.FAILED: "未能读取",
}

REASON_LABELS: dict[str, str] = {
    Refusal.NOT_GRANTED: "读取部门没有获得共享授权",
    Refusal.GRANT_EXPIRED: "共享授权已过期",
    Refusal.PURPOSE_REQUIRED: "未说明用途",
    Refusal.NOT_SHARED: "该数据不予共享",
    Refusal.NOT_GOVERNMENT: "只有政府部门可以读取",
    BasisRefusal.NOT_PERMITTED: "读取方没有读取权限",
    BasisRefusal.BASIS_REQUIRED: "没有可核验的依据（办件、履职依据或共享授权）",
    BasisRefusal.CASE_UNKNOWN: "所称办件不存在",
    BasisRefusal.CASE_NOT_HANDLED: "所称办件不由读取部门办理",
    BasisRefusal.SUBJECT_NOT_IN_CASE: "被读取者不是所称办件的当事人",
    BasisRefusal.CASE_CLOSED: "所称办件已办结",
    BasisRefusal.LEGAL_BASIS_UNKNOWN: "所称履职依据未登记",
    BasisRefusal.DUTY_NOT_COVERING: "履职依据不涵盖该数据",
    BasisRefusal.HIDING_NOT_ALLOWED: "无权隐藏读取记录",
    BasisRefusal.SERVED_ORG_NOT_IN_CASE: "所称办理单位不是该办件的办理或受理单位",
    "basis_unavailable": "暂时无法核验依据",
    "record_unreadable": "记录无法读取",
    "provider_timeout": "提供部门系统未在时限内应答",
    "endpoint_refused": "提供部门系统拒绝了请求",
    "provider_unavailable": "提供部门系统暂不可用",
}

READER_KIND_LABELS: dict[str, str] = {
    "system": "部门系统",
    "staff": "工作人员",
    "person": "个人用户",
    "enterprise": "企业用户",
}


def reader_phrase(*, organization: str | None, system: str | None, caller_kind: str) -> str:
    """Who read, as the person whose data it was reads it (issue 19, remaining failure 3): the organization and
    the system by their Chinese names, saying so where the hub's operators have not entered one (never a code,
    never a made-up name), and the kind of user for a login that is no department's own."""
    org = organization or "未登记的单位"
    named = system or "名称尚未登记的系统"
    if caller_kind in ("person", "enterprise"):
        return f"{READER_KIND_LABELS[caller_kind]}经{org}的{named}查询"
    return f"{org}的{named}" if caller_kind == "system" else f"{org}工作人员经{named}查询"
