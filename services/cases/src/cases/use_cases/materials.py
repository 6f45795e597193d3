"""A case's materials as its readers see them, uploads, paper received at the window, and the paper-free
statistics (材料免提交率)."""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from cases.domain.access import Caller, acting_as
from cases.domain.material_access import may_record_paper, may_upload, statistics_scope
from cases.domain.materials import PAPER_FREE_METHODS, Method, blocking, paper_free_share
from cases.domain.states import Actor
from cases.domain.uploads import UploadRefused, check_upload_caps, checked_upload
from cases.store.case_models import Case, CaseMaterial, TimelineEntry, Upload
from cases.store.unit_of_work import CasesUnitOfWork
from cases.use_cases.handling import facts_of, load_visible
from meshkit.errors import ProblemError

__all__ = [
    "CaseMaterials",
    "MaterialStatistics",
    "NewUpload",
    "case_materials",
    "download",
    "material_statistics",
    "record_paper",
    "upload_material",
]

_UPLOAD_STATUS = {
    "upload_too_large": 413,
    "material_upload_cap_reached": 413,
    "case_upload_cap_reached": 413,
    "upload_type_not_allowed": 415,
    "upload_content_mismatch": 415,
}


@dataclass(frozen=True)
class CaseMaterials:
    case: Case
    materials: Sequence[CaseMaterial]
    uploads: Sequence[Upload]
    still_missing: int  # required materials not obtained yet
    paper_free_share: float | None


@dataclass(frozen=True)
class NewUpload:
    filename: str
    content_type: str
    content: bytes


@dataclass(frozen=True)
class MaterialStatistics:
    total: int
    obtained: int
    missing_required: int
    awaiting_member: int
    by_method: dict[str, int]
    paper_free_share: float | None


async def case_materials(
    uow: CasesUnitOfWork, *, case_id: str, caller: Caller, district_center: str
) -> CaseMaterials:
    case = await load_visible(uow, case_id, caller, district_center=district_center)
    materials = await uow.materials.of_case(case.id)
    return CaseMaterials(
        case=case,
        materials=materials,
        uploads=await uow.materials.uploads(case.id),
        still_missing=blocking((m.requirement, m.status) for m in materials),
        paper_free_share=paper_free_share(m.method for m in materials),
    )


async def _supplied_material(uow: CasesUnitOfWork, case: Case, code: str) -> CaseMaterial:
    if case.concluded_at is not None:
        raise ProblemError("办件已办结，不能再提交材料", status=409, code="case_closed")
    material = await uow.materials.get(case.id, code, for_update=True)
    if material is None:
        raise ProblemError(f"办件没有材料 {code}", status=404, code="material_not_found")
    if material.status == "awaiting_member":
        raise ProblemError(
            "该材料由一件事的其他事项结果提供，无须提交", status=409, code="material_not_asked"
        )
    if material.status == "obtained" and material.method not in (Method.UPLOAD.value, Method.PAPER.value):
        raise ProblemError(
            f"该材料已通过 {material.method} 获取，无须提交", status=409, code="material_obtained"
        )
    return material


async def upload_material(
    uow: CasesUnitOfWork,
    *,
    case_id: str,
    code: str,
    caller: Caller,
    upload: NewUpload,
    max_bytes: int,
    material_cap: int,
    case_cap: int,
    district_center: str,
    now: datetime,
) -> Upload:
    """Store the file with its SHA-256 and mark the material obtained by upload (a new upload replaces the
    material's reference; earlier files stay downloadable, and count towards the material's and the case's caps;
    the case row is locked, so concurrent uploads cannot pass a cap together)."""
    case = await load_visible(uow, case_id, caller, district_center=district_center, for_update=True)
    if not may_upload(caller, facts_of(case), district_center=district_center):
        raise ProblemError("只有申请人或窗口人员可以上传材料", status=403, code="not_permitted")
    material = await _supplied_material(uow, case, code)
    try:
        facts = checked_upload(
            filename=upload.filename,
            content_type=upload.content_type,
            content=upload.content,
            max_bytes=max_bytes,
        )
        material_total, case_total = await uow.materials.upload_totals(case.id, material.material_code)
        check_upload_caps(
            size=facts.size,
            material_total=material_total,
            case_total=case_total,
            material_cap=material_cap,
            case_cap=case_cap,
        )
    except UploadRefused as refused:
        raise ProblemError(
            str(refused), status=_UPLOAD_STATUS.get(refused.code, 422), code=refused.code
        ) from None
    row = Upload(
        id=str(uuid.uuid4()),
        case_id=case.id,
        material_code=material.material_code,
        filename=facts.filename,
        content_type=facts.content_type,
        size=facts.size,
        sha256=facts.sha256,
        content=upload.content,
        uploaded_at=now,
    )
    uow.materials.add_upload(row)
    material.status, material.method, material.reference = "obtained", Method.UPLOAD.value, row.id
    material.obtained_at, material.next_attempt_at = now, None
    material.last_error = None  # the exchange's "please upload" no longer applies (outside try of issue 19)
    material.detail = {"upload_id": row.id, "sha256": facts.sha256, "size": facts.size, "by": caller.kind}
    _note(uow, case, caller, "upload_material", f"{material.material_code} {material.name}", now)
    await uow.commit()
    return row


async def record_paper(
    uow: CasesUnitOfWork,
    *,
    case_id: str,
    code: str,
    caller: Caller,
    note: str | None,
    district_center: str,
    now: datetime,
) -> CaseMaterial:
    """A clerk records the paper material received at the window (纸质材料)."""
    case = await load_visible(uow, case_id, caller, district_center=district_center, for_update=True)
    if not may_record_paper(caller, facts_of(case), district_center=district_center):
        raise ProblemError("只有窗口人员可以登记纸质材料", status=403, code="not_permitted")
    material = await _supplied_material(uow, case, code)
    material.status, material.method, material.reference = "obtained", Method.PAPER.value, caller.org
    material.obtained_at, material.next_attempt_at = now, None
    material.last_error = None  # the exchange's "please bring paper" no longer applies
    material.detail = {"received_by": caller.sub, "received_at_org": caller.org, "note": note}
    _note(uow, case, caller, "paper_material", f"{material.material_code} {material.name}", now)
    await uow.commit()
    return material


def _note(uow: CasesUnitOfWork, case: Case, caller: Caller, action: str, opinion: str, now: datetime) -> None:
    """A timeline row for a material supplied (the status does not change)."""
    uow.cases.add(
        TimelineEntry(
            case_id=case.id,
            action=action,
            from_status=case.status,
            to_status=case.status,
            actor_id=caller.sub,
            actor_org=caller.org,
            actor_role=acting_as(caller, (Actor.WINDOW_CLERK, Actor.DEPARTMENT_HEAD)).value,
            opinion=opinion,
            at=now,
        )
    )


async def download(
    uow: CasesUnitOfWork, *, case_id: str, upload_id: str, caller: Caller, district_center: str
) -> Upload:
    case = await load_visible(uow, case_id, caller, district_center=district_center)
    upload = await uow.materials.upload(case.id, upload_id)
    if upload is None:
        raise ProblemError("文件不存在", status=404, code="upload_not_found")
    return upload


async def material_statistics(uow: CasesUnitOfWork, *, caller: Caller) -> MaterialStatistics:
    """Across the cases in the caller's scope: how materials were obtained and the share without paper."""
    scope = statistics_scope(caller)
    if scope is None:
        raise ProblemError("材料统计仅供工作人员和监察人员使用", status=403, code="not_permitted")
    orgs, prefix = scope
    rows = await uow.materials.statistics(orgs=orgs, region_prefix=prefix)
    by_method: Counter[str] = Counter()
    total = missing = awaiting = 0
    for status, method, requirement, count in rows:
        total += count
        if method:
            by_method[method] += count
        if status == "missing" and requirement == "required":
            missing += count
        if status == "awaiting_member":
            awaiting += count
    obtained = sum(by_method.values())
    paper_free = sum(n for m, n in by_method.items() if m in PAPER_FREE_METHODS)
    return MaterialStatistics(
        total=total,
        obtained=obtained,
        missing_required=missing,
        awaiting_member=awaiting,
        by_method=dict(sorted(by_method.items())),
        paper_free_share=paper_free / obtained if obtained else None,
    )
