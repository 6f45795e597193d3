"""Reading a case's decision document and what was issued on it, as whoever may see the case reads them.

Who may read is the case's own rule (:func:`load_visible`: a stranger gets 404). Everything a document names comes
from the service's records and identity's, never from the request: the applicant and the subject of the case
(their names asked of identity with the platform's own token, masked identifiers only), the deciding department's
full name (:func:`cases.domain.departments.authority_name`), and for a 一件事 parent the decisions of its member
cases, each with its own department (issue 19 outside try, failures 1, 2, 4 and 5).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from cases.clients.applicants import Named
from cases.clients.errors import CallFailed
from cases.domain.access import Caller, can_see
from cases.domain.departments import authority_name
from cases.domain.issuing import CertificateState, certificate_state, certificate_type_code
from cases.store.case_models import Case, Decision
from cases.store.unit_of_work import CasesUnitOfWork
from cases.use_cases.handling import facts_of, load_visible
from meshkit.errors import ProblemError
from meshkit.legaldate import local_date

__all__ = [
    "BundleCertificates",
    "BundleNotice",
    "DecisionDocument",
    "IssuedCertificate",
    "NameLookup",
    "case_certificate",
    "case_decision",
]


class NameLookup(Protocol):
    """identity's name (and masked identifier) of a subject, asked with the platform's own token."""

    async def __call__(self, kind: str, subject_id: str) -> Named: ...


@dataclass(frozen=True)
class Parties:
    applicant: Named
    subject: Named | None  # None: the case is about the applicant herself


@dataclass(frozen=True)
class DecisionDocument:
    case: Case
    decision: Decision
    department: str  # the deciding department's full name
    parties: Parties


@dataclass(frozen=True)
class BundleNotice:
    """A 一件事 parent's notice: each member case's decision with its own department; members still open listed."""

    case: Case
    department: str  # the lead department's full name
    parties: Parties
    members: list[DecisionDocument]
    pending: list[str]  # matter names of members without a decision yet
    remedies: str | None = (
        None  # a member was refused: its 行政复议 / 行政诉讼 notice (bodies and time limits)
    )


@dataclass(frozen=True)
class IssuedCertificate:
    case: Case
    type_code: str  # the national type code, as the registry has it (certificate_type_code)
    type_name: str
    issuer: str
    holder: Named
    valid_from: date | None


@dataclass(frozen=True)
class BundleCertificates:
    """A 一件事 parent's certificates: those its member cases issued, and members whose certificate is still due."""

    case: Case
    certificates: list[IssuedCertificate]
    waiting: list[str]  # "<matter>（待签发）" of members whose certificate is pending or failed


def _unavailable() -> ProblemError:
    return ProblemError(
        "暂时无法从统一身份认证取得申请人和办理对象的姓名，请稍后重试 (identity cannot be reached)",
        status=503,
        code="identity_unavailable",
        headers={"Retry-After": "5"},
    )


async def _parties(names: NameLookup, case: Case) -> Parties:
    same = (case.subject_kind, case.subject_id) == (case.applicant_kind, case.applicant_id)
    try:
        if same:
            return Parties(await names(case.applicant_kind, case.applicant_id), None)
        applicant, subject = await asyncio.gather(
            names(case.applicant_kind, case.applicant_id), names(case.subject_kind, case.subject_id)
        )
    except CallFailed:
        raise _unavailable() from None
    return Parties(applicant, subject)


async def _department(uow: CasesUnitOfWork, case: Case) -> str:
    matter = await uow.open_matters.get(case.matter_code)
    return authority_name(case.handling_org, matter.department_name if matter is not None else None)


async def case_decision(
    uow: CasesUnitOfWork, names: NameLookup, *, case_id: str, caller: Caller, district_center: str
) -> DecisionDocument | BundleNotice:
    """The case's written decision — for a 一件事 parent, the notice of its members' decisions — for whoever may
    see the case; 404 in Chinese while there is none."""
    case = await load_visible(uow, case_id, caller, district_center=district_center)
    if case.kind == "bundle":
        return await _bundle_notice(uow, names, case)
    decision = await uow.cases.decision(case.id)
    if decision is None:
        raise ProblemError(
            f"办件 {case.number} 还没有决定书（准予许可、不予许可或不予受理后才有）",
            status=404,
            code="decision_not_found",
        )
    return DecisionDocument(case, decision, await _department(uow, case), await _parties(names, case))


async def _bundle_notice(uow: CasesUnitOfWork, names: NameLookup, parent: Case) -> BundleNotice:
    decided: list[tuple[Case, Decision]] = []
    pending: list[str] = []
    for member in await uow.cases.children(parent.id):
        decision = await uow.cases.decision(member.id)
        if decision is None:
            pending.append(member.matter_name)
        else:
            decided.append((member, decision))
    if not decided:
        raise ProblemError(
            f"一件事「{parent.matter_name}」（办件 {parent.number}）的各子办件还没有作出决定",
            status=404,
            code="decision_not_found",
        )
    parties = await _parties(names, parent)  # members carry the parent's applicant and subject
    bundle = await uow.open_bundles.get(parent.bundle_code) if parent.bundle_code else None
    lead = authority_name(parent.handling_org, bundle.lead_department_name if bundle is not None else None)
    members = [
        DecisionDocument(member, decision, await _department(uow, member), parties)
        for member, decision in decided
    ]
    # part (or all) refused: the refusal's notice of 行政复议 and 行政诉讼, as the refusing member's decision has it
    remedies = next((d.remedies for _, d in decided if d.remedies), None)
    return BundleNotice(parent, lead, parties, members, pending, remedies)


async def case_certificate(
    uow: CasesUnitOfWork, names: NameLookup, *, case_id: str, caller: Caller, district_center: str
) -> IssuedCertificate | BundleCertificates:
    """What was issued on the case (电子证照): its type, number, holder (the case's subject) and issuer. On a
    一件事 parent, which issues nothing itself: what its members issued, each member the caller may see."""
    case = await load_visible(uow, case_id, caller, district_center=district_center)
    if case.kind == "bundle":
        return await _bundle_certificates(uow, names, case, caller, district_center)
    if case.certificate_id is None or case.result_certificate_type is None:
        state = certificate_state(case)
        raise ProblemError(
            f"办件 {case.number} 没有已签发的电子证照（{state.label}）",
            status=404,
            code="certificate_not_found",
        )
    return await _issued(uow, names, case)


async def _bundle_certificates(
    uow: CasesUnitOfWork, names: NameLookup, parent: Case, caller: Caller, district_center: str
) -> BundleCertificates:
    """The members' issued certificates (issue 19 outside try, failure 2: the parent answered 无证照 while its
    members had issued 出生医学证明 and 居民户口簿); a member the caller may not see is left out, as on its own."""
    members = [
        member
        for member in await uow.cases.children(parent.id)
        if can_see(caller, facts_of(member), district_center=district_center)
    ]
    issued = [member for member in members if member.certificate_id and member.result_certificate_type]
    waiting = [
        f"{member.matter_name}（{certificate_state(member).label}）"
        for member in members
        if member not in issued and certificate_state(member) is not CertificateState.NONE
    ]
    if not issued:
        still = f"：{'、'.join(waiting)}" if waiting else ""
        raise ProblemError(
            f"一件事「{parent.matter_name}」（办件 {parent.number}）的子办件还没有签发电子证照{still}",
            status=404,
            code="certificate_not_found",
        )
    return BundleCertificates(parent, [await _issued(uow, names, member) for member in issued], waiting)


async def _issued(uow: CasesUnitOfWork, names: NameLookup, case: Case) -> IssuedCertificate:
    try:
        holder = await names(case.subject_kind, case.subject_id)
    except CallFailed:
        raise _unavailable() from None
    issued_at = case.certificate_issued_at
    return IssuedCertificate(
        case=case,
        type_code=certificate_type_code(case.certificate_id or "", case.result_certificate_type or ""),
        type_name=await _type_name(uow, case),
        issuer=await _department(uow, case),
        holder=holder,
        valid_from=local_date(issued_at) if issued_at is not None else None,  # the worker's valid_from
    )


async def _type_name(uow: CasesUnitOfWork, case: Case) -> str:
    """The certificate type's name as the catalog's materials call it (the matter's own, then its bundle's)."""
    code = case.result_certificate_type
    lists = []
    matter = await uow.open_matters.get(case.matter_code)
    if matter is not None:
        lists.append(matter.materials)
    if case.bundle_code:
        bundle = await uow.open_bundles.get(case.bundle_code)
        if bundle is not None:
            lists.append(bundle.materials)
    # the subject's own material of that type first: a newborn's 居民户口簿, not the parents' (the applicant's)
    # papers of the same type, which the matter also asks for (issue 19's outside try)
    named = [
        (material.get("belongs_to", "subject") != "subject", str(material["name"]))
        for materials in lists
        for material in materials
        if material.get("certificate_type") == code and material.get("name")
    ]
    return min(named, key=lambda found: found[0])[1] if named else code or ""
