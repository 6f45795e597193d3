"""Decision documents (决定书): the written decision of an approved, denied or refused case, as data and as the PDF
a window prints. Whoever may see the case may read its decision."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import quote

from fastapi import APIRouter, Response
from pydantic import BaseModel, ConfigDict, Field

from cases.api.decision_pdf import decision_pdf
from cases.api.dependencies import CallerDep, SettingsDep, UowDep
from cases.api.paths import CaseId
from cases.use_cases.queries import case_decision
from meshkit.errors import problem_responses
from meshkit.headers import NoStore

__all__ = ["router"]

router = APIRouter(tags=["办件 (cases)"], dependencies=[NoStore])


class DecisionOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    case_id: str
    kind: str = Field(description="grant (准予许可) | deny (不予许可) | refuse (不予受理)")
    title: str = Field(description="准予行政许可决定书, 不予行政许可决定书 or 不予受理决定书")
    number: str = Field(description="决定书编号")
    matter_name: str
    handling_org: str
    department: str = Field(description="the deciding department's name")
    reasons: str | None
    legal_basis: str
    remedies: str | None = Field(
        description="for a refusal: the right to 行政复议 and 行政诉讼, with the bodies and time limits"
    )
    issued_at: datetime


@router.get("/cases/{case_id}/decision", response_model=DecisionOut, responses=problem_responses(401, 404))
async def get_decision(uow: UowDep, caller: CallerDep, settings: SettingsDep, case_id: CaseId) -> DecisionOut:
    """The case's written decision (行政许可法 §32, §38): number, reasons, legal basis and, for a refusal, where and
    by when the applicant may seek 行政复议 or 行政诉讼."""
    decision, department = await case_decision(
        uow, case_id=case_id, caller=caller, district_center=settings.district_center_org
    )
    fields = {name: getattr(decision, name) for name in DecisionOut.model_fields if name != "department"}
    return DecisionOut(**fields, department=department)


@router.get(
    "/cases/{case_id}/decision.pdf",
    response_class=Response,
    responses={
        200: {"content": {"application/pdf": {}}, "description": "the decision, A4"},
        **problem_responses(401, 404),
    },
)
async def get_decision_pdf(
    uow: UowDep, caller: CallerDep, settings: SettingsDep, case_id: CaseId
) -> Response:
    """The decision as a PDF a window prints and hands over (or the applicant downloads)."""
    decision, department = await case_decision(
        uow, case_id=case_id, caller=caller, district_center=settings.district_center_org
    )
    body = decision_pdf(decision, applicant="申请人", department=department)
    filename = quote(f"{decision.title}.pdf")
    return Response(
        body,
        media_type="application/pdf",
        headers={"Content-Disposition": f"inline; filename*=UTF-8''{filename}"},
    )
