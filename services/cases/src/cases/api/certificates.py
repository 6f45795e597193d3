"""What was issued on a case (电子证照): the certificate's type, number, holder and issuer, labelled in Chinese.
Whoever may see the case may read it; the holder is the case's subject as identity's records name it, its
identifier masked (issue 19 outside try, failure 4: the certificate on a case showed no content)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from fastapi import APIRouter
from pydantic import BaseModel, Field

from cases.api.decisions import NamesDep
from cases.api.dependencies import CallerDep, SettingsDep, UowDep
from cases.api.paths import CaseId
from cases.domain.subjects import subject_label
from cases.use_cases.decisions import BundleCertificates, IssuedCertificate, case_certificate
from meshkit.errors import problem_responses
from meshkit.headers import NoStore

__all__ = ["router"]

router = APIRouter(tags=["办件 (cases)"], dependencies=[NoStore])

# What a person reads beside each field of the certificate (the response's own keys stay English for integrators).
CERTIFICATE_LABELS: dict[str, str] = {
    "identifier": "证照编号",
    "type_name": "证照名称",
    "holder_name": "持证主体",
    "holder_kind_label": "持证主体类别",
    "holder_identifier_masked": "持证主体证件号码",
    "issuer": "发证机关",
    "valid_from": "有效期起始日期",
    "case_number": "办件编号",
    "matter_name": "办理事项",
    "certificates": "已签发的电子证照",
    "waiting_members": "尚未签发的子办件",
}


class IssuedCertificateOut(BaseModel):
    case_id: str = Field(description="the case that issued it (on a 一件事 parent: the member case)")
    case_number: str = Field(description="办件编号 (on a 一件事 parent: the member's)")
    matter_name: str = Field(default="", description="办理事项: the matter of the case that issued it")
    identifier: str = Field(description="证照编号: the GB/T 36904 identifier the registry assigned")
    type_code: str = Field(
        description="证照类型代码: the national type code (defining authority's credit code + 3-digit serial), "
        "the same the exchange's registry reports for this certificate"
    )
    type_name: str = Field(description="证照名称, e.g. 营业执照 (the code when the catalog names none)")
    holder_kind: str = Field(
        description="person | enterprise | newborn: the case's subject, not the applicant"
    )
    holder_kind_label: str = Field(description="自然人 | 法人 | 新生儿")
    holder_name: str = Field(description="持证主体 as identity's records name it")
    holder_identifier_masked: str | None = Field(
        description="ID number or credit code, masked; null for a newborn (no number yet)"
    )
    issuer_org: str
    issuer: str = Field(description="发证机关全称")
    valid_from: date | None = Field(description="有效期起始日期 (the issuing day, Beijing time)")
    issued_at: datetime | None
    labels: dict[str, str] = Field(description="the Chinese label of each field a person reads")

    @classmethod
    def of(cls, issued: IssuedCertificate) -> IssuedCertificateOut:
        case, holder = issued.case, issued.holder
        return cls(
            case_id=case.id,
            case_number=case.number,
            matter_name=case.matter_name,
            identifier=case.certificate_id or "",
            type_code=issued.type_code,
            type_name=issued.type_name,
            holder_kind=holder.kind,
            holder_kind_label=subject_label(holder.kind),
            holder_name=holder.name,
            holder_identifier_masked=holder.masked,
            issuer_org=case.handling_org,
            issuer=issued.issuer,
            valid_from=issued.valid_from,
            issued_at=case.certificate_issued_at,
            labels=CERTIFICATE_LABELS,
        )


class BundleCertificatesOut(BaseModel):
    """A 一件事 parent's certificates: the parent issues none itself; each member case issues its own."""

    case_id: str
    case_number: str = Field(description="the parent's 办件编号")
    kind: Literal["bundle"] = "bundle"
    matter_name: str = Field(description="the 一件事's name")
    certificates: list[IssuedCertificateOut] = Field(
        description="each member's issued certificate, with the member's case_id, case_number and matter_name"
    )
    waiting_members: list[str] = Field(
        description="members whose certificate is still due, e.g. 社会保障卡申领（待签发）"
    )
    labels: dict[str, str] = Field(description="the Chinese label of each field a person reads")

    @classmethod
    def of(cls, bundle: BundleCertificates) -> BundleCertificatesOut:
        return cls(
            case_id=bundle.case.id,
            case_number=bundle.case.number,
            matter_name=bundle.case.matter_name,
            certificates=[IssuedCertificateOut.of(issued) for issued in bundle.certificates],
            waiting_members=bundle.waiting,
            labels=CERTIFICATE_LABELS,
        )


@router.get(
    "/cases/{case_id}/certificate",
    response_model=IssuedCertificateOut | BundleCertificatesOut,
    responses=problem_responses(401, 404, 503),
)
async def get_issued_certificate(
    uow: UowDep, caller: CallerDep, settings: SettingsDep, names: NamesDep, case_id: CaseId
) -> IssuedCertificateOut | BundleCertificatesOut:
    """The e-certificate issued on the case (电子证照): what it is, its number, to whom it was issued (the case's
    subject: a newborn's 出生医学证明 is the child's) and by which department; 404 `certificate_not_found` while
    none is issued (the case's `certificate_state` says why). On a 一件事 parent (`kind: bundle`): the
    certificates its member cases issued, each naming its member, and the members still waiting; 404 while no
    member the caller may see has issued one."""
    issued = await case_certificate(
        uow, names, case_id=case_id, caller=caller, district_center=settings.district_center_org
    )
    if isinstance(issued, BundleCertificates):
        return BundleCertificatesOut.of(issued)
    return IssuedCertificateOut.of(issued)
