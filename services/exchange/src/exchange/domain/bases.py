"""On what basis a read of a person's or a company's data rests (DOMAIN.md §6, 个人信息保护法 §§34–35).

A read names its basis, and the hub checks it against its own records — never the caller's word:

- a **case** (``case_ref``): the hub knows the case, the reader's organization handles or received it (the cases
  platform reads for any case it hosts), the subject read is one of the case's parties, and the case is open or
  concluded within the configured window;
- a registered **duty** (``legal_basis`` = the duty's code): an entry of the reader's organization in the duties
  the operators keep, citing its statute, current, and covering the resource;
- a current **grant** (有条件共享) of the reader's organization for the resource, which the provider approved with
  its purpose and legal basis.

Free text opens nothing. Hiding a read from its subject needs a duty that allows it, a role allowed to hide, and a
date within the duty's maximum. Pure functions: the use case loads the facts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from meshkit.legaldate import local_date

__all__ = [
    "Basis",
    "BasisKind",
    "BasisRefusal",
    "BasisVerdict",
    "CaseFacts",
    "DutyTerms",
    "check_hiding",
    "decide_basis",
    "issuing_refusal",
    "served_org",
]


DECIDED = frozenset({"approved", "denied", "partially_granted"})
"""Decisions a department may still need the subject's data for after concluding (delivery, certificates, review);
a case withdrawn, terminated or not accepted ends its basis when it ends. ``partially_granted`` (部分准予) is a 一件事
whose members were decided differently (cases, issue 19): decided, like its members."""


class BasisKind(StrEnum):
    CASE = "case"
    DUTY = "duty"
    GRANT = "grant"


class BasisRefusal(StrEnum):
    """Stable problem codes of reads refused for their basis (each logged and chained like every decision)."""

    NOT_PERMITTED = "not_permitted"  # the token's scopes or roles do not include reading
    BASIS_REQUIRED = "basis_required"  # no case, no duty, no grant
    CASE_UNKNOWN = "case_unknown"
    CASE_NOT_HANDLED = "case_not_handled_by_reader"
    SUBJECT_NOT_IN_CASE = "subject_not_in_case"
    CASE_CLOSED = "case_closed"
    LEGAL_BASIS_UNKNOWN = "legal_basis_unknown"
    DUTY_NOT_COVERING = "duty_does_not_cover_resource"
    HIDING_NOT_ALLOWED = "hiding_not_allowed"
    SERVED_ORG_NOT_IN_CASE = (
        "served_org_not_in_case"  # the platform named an organization the case does not have
    )


@dataclass(frozen=True)
class CaseFacts:
    """A case as the hub knows it."""

    number: str
    handling_org: str
    matter_code: str | None
    orgs: frozenset[str]  # handling and receiving (a 一件事 parent: with its member departments)
    subject_refs: frozenset[str]  # the parties' subject refs, as far as they are bound
    status: str
    outcome: str | None
    concluded_at: datetime | None


@dataclass(frozen=True)
class DutyTerms:
    code: str
    member_code: str
    name: str
    statute: str
    resources: tuple[str, ...]  # empty: every resource
    allows_hiding: bool
    max_hidden_days: int
    valid_from: date
    valid_to: date | None
    active: bool

    def current(self, today: date) -> bool:
        return self.active and self.valid_from <= today and (self.valid_to is None or today <= self.valid_to)


@dataclass(frozen=True)
class Basis:
    kind: BasisKind
    reference: str  # the case number, duty code or grant id(s)
    statute: str | None = None  # what the log records as the legal basis


@dataclass(frozen=True)
class BasisVerdict:
    basis: Basis | None = None
    refusal: BasisRefusal | None = None
    detail: str = ""


def _no(refusal: BasisRefusal, detail: str) -> BasisVerdict:
    return BasisVerdict(refusal=refusal, detail=detail)


def _case(
    case: CaseFacts | None,
    number: str,
    *,
    reader_org: str,
    platform: bool,
    subject_ref: str,
    now: datetime,
    window: timedelta,
) -> BasisVerdict:
    if case is None:
        return _no(BasisRefusal.CASE_UNKNOWN, f"办件 {number} 不存在或尚未登记到共享平台，请核对办件编号")
    if not platform and reader_org not in case.orgs:
        return _no(
            BasisRefusal.CASE_NOT_HANDLED,
            f"办件 {number} 不由本单位办理或受理，不能以此读取数据 (the case is not handled by the reader)",
        )
    if subject_ref not in case.subject_refs:
        return _no(
            BasisRefusal.SUBJECT_NOT_IN_CASE,
            f"所读取的数据主体不是办件 {number} 的当事人 (the subject is not a party to the case)",
        )
    if case.concluded_at is not None:
        decided = case.outcome in DECIDED
        if not decided or now - case.concluded_at > window:
            why = (
                f"已于 {case.concluded_at:%Y-%m-%d} 办结超过 {window.days} 天"
                if decided
                else "已撤回、终止或不予受理"
            )
            return _no(
                BasisRefusal.CASE_CLOSED, f"办件 {number} {why}，不能再以此读取数据 (the case is closed)"
            )
    return BasisVerdict(Basis(BasisKind.CASE, number))


def _duty(
    duty: DutyTerms | None, code: str, *, reader_org: str, resource_code: str, today: date
) -> BasisVerdict:
    if duty is None or duty.member_code != reader_org or not duty.current(today):
        return _no(
            BasisRefusal.LEGAL_BASIS_UNKNOWN,
            f"“{code[:60]}”不是本单位现行有效的已登记履职依据；无办件时须填写平台登记的履职依据编码 "
            "(legal_basis must be the code of a registered duty of the reader)",
        )
    if duty.resources and resource_code not in duty.resources:
        return _no(
            BasisRefusal.DUTY_NOT_COVERING,
            f"履职依据 {duty.code}（{duty.name}）不包括数据资源 {resource_code}",
        )
    return BasisVerdict(Basis(BasisKind.DUTY, duty.code, f"{duty.name}：{duty.statute}"))


def decide_basis(
    *,
    case_ref: str | None,
    legal_basis: str | None,
    case: CaseFacts | None,
    duty: DutyTerms | None,
    grant_ids: tuple[str, ...],
    reader_org: str,
    platform: bool,
    resource_code: str,
    subject_ref: str,
    now: datetime,
    window: timedelta,
) -> BasisVerdict:
    """The basis of one read: the case it names, else the duty it names, else a current grant of the reader."""
    if case_ref:
        return _case(
            case,
            case_ref,
            reader_org=reader_org,
            platform=platform,
            subject_ref=subject_ref,
            now=now,
            window=window,
        )
    if legal_basis:
        return _duty(
            duty, legal_basis, reader_org=reader_org, resource_code=resource_code, today=local_date(now)
        )
    if grant_ids:
        return BasisVerdict(Basis(BasisKind.GRANT, ",".join(grant_ids)))
    return _no(
        BasisRefusal.BASIS_REQUIRED,
        "读取个人或企业数据须有可核验的依据：本单位办理的办件编号 (case_ref)、已登记的履职依据编码 (legal_basis) "
        "或已获批准的共享授权 (a case, a registered duty or a grant is required)",
    )


def check_hiding(
    hidden_until: datetime | None,
    *,
    basis: Basis | None,
    duty: DutyTerms | None,
    may_hide: bool,
    now: datetime,
) -> BasisVerdict | None:
    """None when the read may be shown (or hidden as asked); else why it may not be hidden."""
    if hidden_until is None or hidden_until <= now:
        return None
    if basis is None or basis.kind != BasisKind.DUTY or duty is None or not duty.allows_hiding:
        return _no(
            BasisRefusal.HIDING_NOT_ALLOWED,
            "只有依允许暂不告知的履职依据（如刑事侦查）读取时才能对本人隐藏查询记录 (hiding needs a duty that allows it)",
        )
    if not may_hide:
        return _no(
            BasisRefusal.HIDING_NOT_ALLOWED, "本人员或系统无权隐藏查询记录 (role or scope to hide missing)"
        )
    if hidden_until - now > timedelta(days=duty.max_hidden_days):
        return _no(
            BasisRefusal.HIDING_NOT_ALLOWED,
            f"履职依据 {duty.code} 至多允许隐藏 {duty.max_hidden_days} 天 (hidden_until beyond the duty's maximum)",
        )
    return None


def issuing_refusal(
    case: CaseFacts | None,
    number: str | None,
    *,
    issuer_org: str,
    holder_ref: str,
    type_code: str,
    result_type: str | None,
) -> str | None:
    """Why a certificate may not be issued under this case (None: it may): only for an approved case that the
    issuing department handles, to one of its parties, of the type its matter results in (``result_type``: the
    directory's code of the matter's result, None when the matter issues none; the use case passes the asked type
    when the hub has not heard of the matter from the catalog)."""
    if not number:
        return "签发电子证照须提供所依据的办件编号 (case_ref required)"
    if case is None:
        return f"办件 {number} 不存在或尚未登记到共享平台"
    if issuer_org != case.handling_org:
        return f"办件 {number} 不由发证部门 {issuer_org} 办理"
    if case.outcome != "approved":
        return f"办件 {number} 尚未准予许可，不能签发电子证照 (the case is not approved)"
    if holder_ref not in case.subject_refs:
        return f"持证主体不是办件 {number} 的当事人 (the holder is not a party to the case)"
    if result_type is None or result_type != type_code:
        return f"办件 {number} 的办理结果不是该类电子证照 (the case's matter does not result in this certificate type)"
    return None


def served_org(
    requested: str | None, *, basis: Basis, case: CaseFacts | None, reader_org: str | None, platform: bool
) -> tuple[str | None, BasisVerdict | None]:
    """The organization a read served, as the log names it (issue 19 outside try, failure 2), or why not.

    The cases platform reads on a case's behalf: the read served the hall or department handling the case at
    that moment, which the platform names (``served_org``) from the case's own record and the hub checks against
    its record of the case (one of its organizations); without one, the case's handling department. Every other
    reader reads for itself: its own organization, and a ``served_org`` other than that is refused — as is one for
    a platform read that rests on no case (a duty or a grant is the reader's own)."""
    if platform and basis.kind == BasisKind.CASE and case is not None:
        if requested is None:
            return case.handling_org, None
        if requested in case.orgs:
            return requested, None
        return None, _no(
            BasisRefusal.SERVED_ORG_NOT_IN_CASE,
            f"办件 {case.number} 不由 {requested[:40]} 办理或受理，不能以其名义读取 (served_org is not an "
            "organization of the case)",
        )
    if requested is None or requested == reader_org:
        return reader_org, None
    return None, _no(
        BasisRefusal.SERVED_ORG_NOT_IN_CASE,
        "只有通办办件平台可以依办件代其办理单位读取，且须以该办件为依据 (served_org is only for the cases "
        "platform reading under a case)",
    )
