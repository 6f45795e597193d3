"""A case's basis for reading its parties' data, as the exchange checks it (办件依据): which organizations handle
or received the case, whose case it is, and whether it is open."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from cases.domain.access import Caller, may_read_basis
from cases.store.unit_of_work import CasesUnitOfWork
from meshkit.errors import ProblemError

__all__ = ["CaseBasis", "case_basis"]


@dataclass(frozen=True)
class CaseBasis:
    case_id: str
    case_number: str
    parent_case_id: str | None
    handling_org: str
    matter_code: str
    applicant_kind: str
    applicant_id: str
    parties: tuple[tuple[str, str], ...]  # (kind, identity id): the applicant and the subject
    orgs: tuple[str, ...]  # handling and receiving organizations, with a 一件事's member departments
    status: str
    outcome: str | None
    concluded_at: datetime | None


async def case_basis(uow: CasesUnitOfWork, *, caller: Caller, number: str) -> CaseBasis:
    if not may_read_basis(caller):
        raise ProblemError(
            "只有具备 cases:basis 权限的系统可以查询办件依据 (scope cases:basis required)",
            status=403,
            code="not_permitted",
        )
    case = await uow.cases.by_number(number)
    if case is None:
        raise ProblemError(f"办件 {number} 不存在", status=404, code="case_not_found")
    orgs = {case.handling_org, case.received_by_org} | ({case.accepting_org} if case.accepting_org else set())
    if case.kind == "bundle":
        orgs |= {member.handling_org for member in await uow.cases.children(case.id)}
    return CaseBasis(
        case_id=case.id,
        case_number=case.number,
        parent_case_id=case.parent_id,
        handling_org=case.handling_org,
        matter_code=case.matter_code,
        applicant_kind=case.applicant_kind,
        applicant_id=case.applicant_id,
        parties=tuple(
            dict.fromkeys([(case.applicant_kind, case.applicant_id), (case.subject_kind, case.subject_id)])
        ),
        orgs=tuple(sorted(orgs)),
        status=case.status,
        outcome=case.outcome,
        concluded_at=case.concluded_at,
    )
