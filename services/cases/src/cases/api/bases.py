"""The basis of a case for the exchange's read checks (办件依据)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Path
from pydantic import BaseModel, Field

from cases.api.dependencies import BasisReaderDep, UowDep
from cases.use_cases.bases import case_basis
from meshkit.errors import problem_responses
from meshkit.headers import NoStore

__all__ = ["router"]

router = APIRouter(tags=["办件 (cases)"], dependencies=[NoStore])


class PartyOut(BaseModel):
    kind: str = Field(description="person | enterprise | newborn")
    id: str = Field(description="identity's id")


class CaseBasisOut(BaseModel):
    case_id: str
    case_number: str = Field(description="办件编号")
    parent_case_id: str | None = Field(description="the 一件事 parent of a member case")
    handling_org: str = Field(description="the department that decides (and issues its certificate)")
    matter_code: str = Field(description="the matter it was filed under (事项编码)")
    applicant_kind: str = Field(description="person | enterprise")
    applicant_id: str = Field(description="identity's id of the applicant")
    parties: list[PartyOut] = Field(
        description="whose case it is: the applicant and the subject (办理对象) when they differ"
    )
    orgs: list[str] = Field(description="organizations handling or receiving it (a 一件事 with its members')")
    status: str
    outcome: str | None = Field(
        description="approved | denied | refused | withdrawn | terminated, once concluded"
    )
    concluded_at: datetime | None


@router.get("/case-bases/{number}", response_model=CaseBasisOut, responses=problem_responses(401, 403, 404))
async def get_case_basis(
    uow: UowDep, caller: BasisReaderDep, number: Annotated[str, Path(max_length=50, description="办件编号")]
) -> CaseBasisOut:
    """Who handles the case for whom, and whether it is open (办件依据): what the exchange checks a read of a
    person's or a company's data against when the read cites this case. Systems with scope `cases:basis` only;
    carries ids and codes, never names or identifiers."""
    basis = await case_basis(uow, caller=caller, number=number)
    return CaseBasisOut(
        case_id=basis.case_id,
        case_number=basis.case_number,
        parent_case_id=basis.parent_case_id,
        handling_org=basis.handling_org,
        matter_code=basis.matter_code,
        applicant_kind=basis.applicant_kind,
        applicant_id=basis.applicant_id,
        parties=[PartyOut(kind=kind, id=party) for kind, party in basis.parties],
        orgs=list(basis.orgs),
        status=basis.status,
        outcome=basis.outcome,
        concluded_at=basis.concluded_at,
    )
