"""Materials of a case (申请材料): how each was obtained, uploads, paper at the window, and the statistics."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any
from urllib.parse import quote, unquote

from fastapi import APIRouter, Header, Path, Request, Response, status
from pydantic import BaseModel, ConfigDict, Field

from cases.api.dependencies import CallerDep, SettingsDep, StaffDep, UowDep
from cases.api.paths import CaseId
from cases.clients.organizations import OrganizationNames, StaffNames
from cases.domain.access import Caller
from cases.domain.states import Actor
from cases.domain.uploads import ALLOWED_TYPES
from cases.store.case_models import CaseMaterial, Upload
from cases.use_cases import materials as cases
from meshkit.created import created_response, set_location
from meshkit.errors import ProblemError, problem_responses
from meshkit.headers import NoStore
from meshkit.hostile import MultiLineText

__all__ = ["UPLOAD_PATH", "router"]

router = APIRouter(tags=["申请材料 (materials)"], dependencies=[NoStore])

Code = Annotated[str, Path(max_length=60, description="material code on the case, e.g. M02")]


class StandInOut(BaseModel):
    member_code: str = Field(description="the member matter whose material it stands in for")
    name: str = Field(description="that member's material, not asked (被替代的材料)")
    reason: str = Field(default="", description="why (说明)")


class MaterialOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    material_code: str
    name: str
    requirement: str = Field(description="required | optional | deferrable (容缺)")
    source: str = Field(description="applicant | government (a department holds it)")
    status: str = Field(description="missing | obtained | awaiting_member (a bundle member's result)")
    method: str | None = Field(description="data_sharing | e_certificate | upload | paper | bundle_member")
    reference: str | None = Field(description="certificate identifier, resource code, upload id or org code")
    obtained_at: datetime | None
    certificate_type: str | None
    resource_code: str | None
    data_items: list[str]
    produced_by: str | None
    belongs_to: str = Field(
        default="subject",
        description="whose material, so whose data the exchange is asked for: subject 办理对象 | applicant 申请人",
    )
    asked_by: list[str] = Field(
        default=[],
        description="on a 一件事: the member matters asking for it (or whose material it stands in for); "
        "a member is accepted and granted on these; empty = every member",
    )
    stands_in_for: list[StandInOut] = Field(
        default=[],
        description="on a 一件事: members' materials this one stands in for (替代材料), not asked themselves — "
        "e.g. a newborn's 居民户口簿 for the 申请人身份证明 of 医保参保",
    )
    detail: dict[str, Any] = Field(
        description="access log id and item keys obtained (never the values), or upload; paper: received_at_org, "
        "note and, for staff, received_by (staff id) with received_by_name, for others received_by_label "
        "(窗口工作人员 · the hall)"
    )
    attempts: int = Field(description="failed tries through the exchange")
    last_error: str | None = Field(description="why the exchange could not provide it yet (a short code)")
    next_attempt_at: datetime | None


class UploadOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    material_code: str
    filename: str
    content_type: str
    size: int
    sha256: str = Field(description="SHA-256 of the content, hex")
    uploaded_at: datetime


class CaseMaterialsOut(BaseModel):
    case_id: str
    case_number: str
    materials: list[MaterialOut]
    uploads: list[UploadOut]
    still_missing: int = Field(description="required materials not obtained yet")
    paper_free_share: float | None = Field(description="share of obtained materials that came without paper")


class PaperIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    note: MultiLineText | None = Field(default=None, max_length=500, description="e.g. 原件核验，复印件一份")


class MaterialStatisticsOut(BaseModel):
    total: int
    obtained: int
    missing_required: int
    awaiting_member: int
    by_method: dict[str, int]
    paper_free_share: float | None = Field(description="obtained without paper / obtained (材料免提交率)")


def _material(material: CaseMaterial) -> MaterialOut:
    return MaterialOut.model_validate(material)


async def _as_read(request: Request, caller: Caller, materials: list[MaterialOut]) -> list[MaterialOut]:
    """Who received paper, as the reader reads it (issue 19, last outside try, failure 2): staff read the clerk's
    name (``received_by_name``) beside the id; anyone else reads the capacity and the hall
    (``received_by_label``: 窗口工作人员 · 綦江区行政服务中心), never a staff id."""
    paper = [m for m in materials if "received_by" in m.detail]
    if not paper:
        return materials
    if caller.kind == "staff":
        staff: StaffNames = request.app.state.staff_names
        bearer = request.headers.get("authorization", "").partition(" ")[2]
        names = await staff.names({m.detail["received_by"] for m in paper}, bearer=bearer)
        for m in paper:
            m.detail = {**m.detail, "received_by_name": names.get(m.detail["received_by"])}
        return materials
    halls: OrganizationNames = request.app.state.organization_names
    hall_names = await halls.names({m.detail.get("received_at_org") for m in paper})
    for m in paper:
        hall = m.detail.get("received_at_org") or ""
        shown = {k: v for k, v in m.detail.items() if k != "received_by"}
        m.detail = {
            **shown,
            "received_by_label": f"{Actor.WINDOW_CLERK.label} · {hall_names.get(hall, hall)}",
        }
    return materials


@router.get(
    "/cases/{case_id}/materials", response_model=CaseMaterialsOut, responses=problem_responses(401, 404)
)
async def list_materials(
    request: Request, uow: UowDep, caller: CallerDep, settings: SettingsDep, case_id: CaseId
) -> CaseMaterialsOut:
    """The case's materials: requirement, status, how each was obtained (method, reference), what is still
    missing, and the share obtained without paper; for those who may see the case."""
    found = await cases.case_materials(
        uow, case_id=case_id, caller=caller, district_center=settings.district_center_org
    )
    return CaseMaterialsOut(
        case_id=found.case.id,
        case_number=found.case.number,
        materials=await _as_read(request, caller, [_material(m) for m in found.materials]),
        uploads=[UploadOut.model_validate(u) for u in found.uploads],
        still_missing=found.still_missing,
        paper_free_share=found.paper_free_share,
    )


UPLOAD_PATH = "/cases/{case_id}/materials/{code}/upload"
"""The one route that takes a body larger than ``max_body_bytes`` (``CASES_UPLOAD_MAX_BYTES``)."""


@router.post(
    UPLOAD_PATH,
    response_model=UploadOut,
    status_code=status.HTTP_201_CREATED,
    responses={
        **problem_responses(401, 403, 404, 409, 413, 415, 422),
        **created_response(
            "the stored file",
            operation="download_upload",
            parameters={"case_id": "$request.path.case_id", "upload_id": "$response.body#/id"},
        ),
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {t: {"schema": {"type": "string", "format": "binary"}} for t in sorted(ALLOWED_TYPES)},
        }
    },
)
async def upload_material(
    request: Request,
    response: Response,
    uow: UowDep,
    caller: CallerDep,
    settings: SettingsDep,
    case_id: CaseId,
    code: Code,
    x_filename: Annotated[str, Header(max_length=600, description="percent-encoded UTF-8 file name")] = "",
) -> UploadOut:
    """Upload a material's file as the raw request body (上传材料): `Content-Type` = the file's type (PDF, JPEG,
    PNG or OFD), `X-Filename` = its name, percent-encoded UTF-8. Applicant or a window clerk of the case.
    The SHA-256 of the content is stored and returned; the material becomes obtained by `upload`."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > settings.upload_max_bytes:
        raise ProblemError(
            f"文件超过上限 {settings.upload_max_bytes} 字节", status=413, code="upload_too_large"
        )
    content = await request.body()
    try:  # the name's bytes must be UTF-8: anything else would be stored as U+FFFD
        filename = unquote(x_filename, errors="strict") or "upload"
    except UnicodeDecodeError:
        filename = "\ufffd"  # refused by the upload's own check, with its message
    # the body's type is the request's Content-Type (declared by the request body's media types in the contract,
    # not as a header parameter, which OpenAPI says is ignored)
    content_type = request.headers.get("content-type", "")[:100]
    upload = cases.NewUpload(filename=filename, content_type=content_type, content=content)
    row = await cases.upload_material(
        uow,
        case_id=case_id,
        code=code,
        caller=caller,
        upload=upload,
        max_bytes=settings.upload_max_bytes,
        material_cap=settings.material_upload_cap_bytes,
        case_cap=settings.case_upload_cap_bytes,
        district_center=settings.district_center_org,
        now=datetime.now(UTC),
    )
    set_location(request, response, f"/cases/{case_id}/uploads/{row.id}")
    return UploadOut.model_validate(row)


@router.post(
    "/cases/{case_id}/materials/{code}/paper",
    response_model=MaterialOut,
    responses=problem_responses(401, 403, 404, 409),
)
async def record_paper(
    request: Request,
    uow: UowDep,
    caller: CallerDep,
    settings: SettingsDep,
    case_id: CaseId,
    code: Code,
    body: PaperIn,
) -> MaterialOut:
    """A window clerk records the paper material received at the window (纸质材料)."""
    material = await cases.record_paper(
        uow,
        case_id=case_id,
        code=code,
        caller=caller,
        note=body.note,
        district_center=settings.district_center_org,
        now=datetime.now(UTC),
    )
    return (await _as_read(request, caller, [_material(material)]))[0]


@router.get(
    "/cases/{case_id}/uploads/{upload_id}",
    response_class=Response,
    responses={
        200: {"content": {t: {} for t in sorted(ALLOWED_TYPES)}, "description": "the file"},
        **problem_responses(401, 404),
    },
)
async def download_upload(
    uow: UowDep,
    caller: CallerDep,
    settings: SettingsDep,
    case_id: CaseId,
    upload_id: Annotated[str, Path(max_length=36)],
) -> Response:
    """Download an uploaded file (those who may see the case); `X-Content-SHA256` carries its hash."""
    upload: Upload = await cases.download(
        uow, case_id=case_id, upload_id=upload_id, caller=caller, district_center=settings.district_center_org
    )
    return Response(
        content=upload.content,
        media_type=upload.content_type,
        headers={
            "Content-Disposition": f"attachment; filename*=UTF-8''{quote(upload.filename)}",
            "X-Content-SHA256": upload.sha256,
            "Cache-Control": "no-store",
        },
    )


@router.get(
    "/statistics/materials", response_model=MaterialStatisticsOut, responses=problem_responses(401, 403)
)
async def statistics(uow: UowDep, caller: StaffDep) -> MaterialStatisticsOut:
    """How materials were obtained across the caller's scope (staff: their organization's cases; supervisors:
    their territory), and the share obtained without paper (材料免提交率)."""
    found = await cases.material_statistics(uow, caller=caller)
    return MaterialStatisticsOut(
        total=found.total,
        obtained=found.obtained,
        missing_required=found.missing_required,
        awaiting_member=found.awaiting_member,
        by_method=found.by_method,
        paper_free_share=found.paper_free_share,
    )
