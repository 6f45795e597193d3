"""Decision documents (决定书): the written decision of an approved, denied or refused case, as data and as the PDF
a window prints; for a 一件事 parent, the notice of its member cases' decisions. Whoever may see the case may read
its decision; the names on it come from identity's records, never from the request."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, Request, Response
from pydantic import BaseModel, Field

from cases.api.decision_pdf import decision_pdf
from cases.api.dependencies import CallerDep, SettingsDep, UowDep
from cases.api.paths import CaseId
from cases.domain.decision_wording import MATTER_TYPE_LABELS, issued_verdict
from cases.domain.decisions import party_line, reason_lines
from cases.domain.labels import outcome_label
from cases.domain.subjects import subject_label
from cases.use_cases.decisions import BundleNotice, DecisionDocument, NameLookup, case_decision
from meshkit.errors import problem_responses
from meshkit.headers import NoStore

__all__ = ["NamesDep", "router"]

router = APIRouter(tags=["办件 (cases)"], dependencies=[NoStore])

BUNDLE_TITLE = "一件事办理结果告知书"


async def _names(request: Request) -> NameLookup:
    names: NameLookup = request.app.state.names
    return names


NamesDep = Annotated[NameLookup, Depends(_names)]


class DecisionOut(BaseModel):
    case_id: str
    case_number: str = Field(description="办件编号")
    kind: str = Field(
        description="grant (准予 / 予以…) | deny (不予…) | refuse (不予受理) | bundle (一件事办理结果告知书: "
        "a 一件事 parent's notice listing each member case's decision in `members`)"
    )
    title: str = Field(
        description="by the matter's type: 准予/不予行政许可决定书 and 不予受理决定书 (01 行政许可); 行政确认决定书 / "
        "不予确认决定书 (07); 给付决定书 / 不予给付决定书 (05); 办理结果告知书 / 不予办理告知书 (any other); "
        "不予受理告知书 (a refusal at the window of a non-permit); 一件事办理结果告知书 (a bundle notice)"
    )
    number: str = Field(description="决定书编号 (a bundle notice: the parent's 办件编号)")
    matter_name: str
    handling_org: str = Field(description="the deciding department's code")
    department: str = Field(description="the deciding department's full name (决定机关全称)")
    applicant_name: str = Field(description="申请人 as identity's records name them")
    subject_name: str | None = Field(description="事项对象 when the case is about someone else; else null")
    subject_kind: str | None = Field(description="person | enterprise | newborn, with subject_name")
    subject_kind_label: str | None = Field(description="自然人 | 法人 | 新生儿")
    party: str = Field(
        description="the addressee line, e.g. 申请人：陈晓梅；事项对象：陈小宝（新生儿）",
        examples=["申请人：陈晓梅"],
    )
    reasons: str | None = Field(description="the reasons as written, line breaks kept (\\n)")
    reason_lines: list[str] = Field(description="the reasons line by line, as printed")
    legal_basis: str | None = Field(
        description="依据: for a 行政许可 the 行政许可法 article and the matter's 设定依据; for any other type the "
        "matter's own 设定依据 (from the catalog version the case was filed under)"
    )
    matter_type: str | None = Field(
        default=None,
        description="事项类型 code the document is worded for (01 行政许可 … 20 公共服务); null: unknown",
    )
    matter_type_label: str | None = Field(default=None, description="事项类型 in Chinese, e.g. 行政确认")
    verdict: str | None = Field(
        default=None,
        description="the decision's sentence, e.g. …予以确认（登记）。 (null on a bundle notice)",
    )
    remedies: str | None = Field(
        description="for a refusal, and for a bundle notice when a member was refused (部分准予 or 不予许可): the "
        "right to 行政复议 and 行政诉讼, with the bodies and time limits"
    )
    outcome: str | None = Field(
        default=None,
        description="the case's outcome once concluded: approved | denied | refused | partially_granted (部分准予: "
        "a 一件事 whose members were decided differently) | withdrawn | terminated",
    )
    outcome_label: str | None = Field(
        default=None,
        description="in the words of the matter's 事项类型: 准予许可 / 不予许可 (01), 予以确认 / 不予确认 (07), 予以给付 / "
        "不予给付 (05), 已办结（予以办理） / 不予办理 (any other); 部分准予, 不予受理, …",
    )
    issued_at: datetime
    members: list[DecisionOut] = Field(
        default_factory=list, description="a bundle notice: each member case's decision, with its department"
    )
    pending_members: list[str] = Field(
        default_factory=list, description="a bundle notice: member matters without a decision yet"
    )

    @classmethod
    def of(cls, document: DecisionDocument | BundleNotice) -> DecisionOut:
        case, parties = document.case, document.parties
        subject = parties.subject
        common = {
            "case_id": case.id,
            "case_number": case.number,
            "matter_name": case.matter_name,
            "handling_org": case.handling_org,
            "department": document.department,
            "applicant_name": parties.applicant.name,
            "subject_name": subject.name if subject else None,
            "subject_kind": subject.kind if subject else None,
            "subject_kind_label": subject_label(subject.kind) if subject else None,
            "party": party_line(
                parties.applicant.name, subject.name if subject else None, subject.kind if subject else None
            ),
            "outcome": case.outcome,
            "outcome_label": outcome_label(case.outcome, case.matter_type),
        }
        if isinstance(document, BundleNotice):
            members = [cls.of(member) for member in document.members]
            return cls(
                **common,
                kind="bundle",
                title=BUNDLE_TITLE,
                number=case.number,
                reasons=None,
                reason_lines=[],
                legal_basis=None,
                remedies=document.remedies,
                issued_at=max(member.issued_at for member in members),
                members=members,
                pending_members=document.pending,
            )
        decision = document.decision
        return cls(
            **common,
            kind=decision.kind,
            title=decision.title,
            number=decision.number,
            reasons=decision.reasons,
            reason_lines=reason_lines(decision.reasons),
            legal_basis=decision.legal_basis,
            matter_type=decision.matter_type,
            matter_type_label=MATTER_TYPE_LABELS.get(decision.matter_type or ""),
            verdict=issued_verdict(decision.kind, decision.verdict, decision.matter_name),
            remedies=decision.remedies,
            issued_at=decision.issued_at,
        )


@router.get(
    "/cases/{case_id}/decision", response_model=DecisionOut, responses=problem_responses(401, 404, 503)
)
async def get_decision(
    uow: UowDep, caller: CallerDep, settings: SettingsDep, names: NamesDep, case_id: CaseId
) -> DecisionOut:
    """The case's written decision (行政许可法 §32, §38): number, the applicant (and the subject when the case is
    about someone else) by name, the deciding department's full name, reasons with their line breaks, legal basis
    and, for a refusal, where and by when the applicant may seek 行政复议 or 行政诉讼. On a 一件事 parent: the
    notice listing each member case's decision with its department."""
    document = await case_decision(
        uow, names, case_id=case_id, caller=caller, district_center=settings.district_center_org
    )
    return DecisionOut.of(document)


@router.get(
    "/cases/{case_id}/decision.pdf",
    response_class=Response,
    responses={
        200: {"content": {"application/pdf": {}}, "description": "the decision, A4"},
        **problem_responses(401, 404, 503),
    },
)
async def get_decision_pdf(
    uow: UowDep, caller: CallerDep, settings: SettingsDep, names: NamesDep, case_id: CaseId
) -> Response:
    """The decision as a PDF a window prints and hands over (or the applicant downloads); a 一件事 parent's notice
    followed by each member's decision on its own page."""
    document = await case_decision(
        uow, names, case_id=case_id, caller=caller, district_center=settings.district_center_org
    )
    title = BUNDLE_TITLE if isinstance(document, BundleNotice) else document.decision.title
    filename = quote(f"{title}.pdf")
    return Response(
        decision_pdf(document),
        media_type="application/pdf",
        headers={"Content-Disposition": f"inline; filename*=UTF-8''{filename}"},
    )
