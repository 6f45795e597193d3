"""Import and export of the implementation list (实施清单) as .xlsx or .csv."""

from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from catalog.api.dependencies import EditorDep, UowDep
from catalog.api.schemas.reference import (
    ImportCountsOut,
    ImportReportOut,
    MatterOutcomeOut,
    RejectedMatterOut,
    RowErrorOut,
)
from catalog.settings import CatalogSettings
from catalog.transfer import RowError, read_table
from catalog.transfer.files import TableError
from catalog.use_cases import transfer
from meshkit.errors import ProblemError, problem_responses

__all__ = ["IMPORT_PATH", "router"]

IMPORT_PATH = "/imports"
"""The one route that takes a body larger than ``max_body_bytes``: up to ``CATALOG_IMPORT_MAX_BYTES``."""

router = APIRouter(tags=["导入导出 (import and export)"])
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MEDIA = {"csv": "text/csv; charset=utf-8", "xlsx": XLSX}
Format = Annotated[str, Query(max_length=4, pattern="^(csv|xlsx)$", description="csv | xlsx")]
_CSV_EXAMPLE = (
    "实施编码,事项名称,事项类型,实施主体编码,实施主体,法定时限,承诺时限,行使层级,材料名称,电子证照类型,共享资源编码,共享数据项\r\n"
    "500110-MZJ-GLJT,高龄津贴申领,行政给付,500110-MZJ,区民政局,20,10,区级、街镇级,申请人身份证明,居民身份证,"
    "500110-GAJ-RK-001,姓名、公民身份号码\r\n"
)
IMPORT_BODY = {
    "requestBody": {
        "required": True,
        "description": "the implementation list itself as the raw body, one row per material (the columns of "
        "`GET /exports`); its type from `Content-Type` or `?format=`",
        "content": {
            # the import's own limit (``CATALOG_IMPORT_MAX_BYTES``, 8 MiB by default) bounds the sheet
            "text/csv": {"schema": {"type": "string", "maxLength": 8 * 1_048_576}, "example": _CSV_EXAMPLE},
            XLSX: {"schema": {"type": "string", "format": "binary"}},
            "application/octet-stream": {
                "schema": {
                    "type": "string",
                    "format": "binary",
                    "description": "either, with `?format=csv` or `?format=xlsx`",
                }
            },
        },
    }
}


def _format(request: Request, given: str | None) -> str:
    if given:
        return given
    media = request.headers.get("content-type", "").split(";")[0].strip()
    for fmt, known in MEDIA.items():
        if media == known.split(";")[0]:
            return fmt
    raise ProblemError(
        f"无法识别文件格式（Content-Type: {media or '无'}），请用 ?format=csv 或 xlsx",
        status=415,
        code="unsupported_format",
    )


def _too_large(limit: int) -> ProblemError:
    return ProblemError(
        f"表格文件超过导入上限 {limit // 1_048_576} MiB（{limit} 字节）：请按部门拆分后分批导入，"
        "或由管理员调大 CATALOG_IMPORT_MAX_BYTES",
        status=413,
        code="sheet_too_large",
    )


async def _sheet_bytes(request: Request, limit: int) -> bytes:
    """The body, read as it streams in and refused as soon as it passes ``limit`` (not after buffering it all)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise _too_large(limit)
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _too_large(limit)
        chunks.append(chunk)
    return b"".join(chunks)


def _errors(errors: list[RowError]) -> list[RowErrorOut]:
    return [RowErrorOut(row=e.row, column=e.column, message=e.message) for e in errors]


@router.post(
    IMPORT_PATH,
    response_model=ImportReportOut,
    responses=problem_responses(401, 403, 413, 415, 422),
    openapi_extra=IMPORT_BODY,
)
async def import_matters(
    request: Request,
    uow: UowDep,
    principal: EditorDep,
    format: Annotated[
        str | None,
        Query(max_length=4, pattern="^(csv|xlsx)$", description="csv | xlsx; default from Content-Type"),
    ] = None,
    publish: Annotated[bool, Query(description="also submit and publish each matter (reviewers)")] = False,
    all_or_nothing: Annotated[bool, Query(description="one bad row: nothing is applied")] = True,
) -> ImportReportOut:
    """Import the implementation list (导入): the body is the file (one row per material, or materials listed
    in one 申请材料 cell), up to `CATALOG_IMPORT_MAX_BYTES` (8 MiB by default; 413 `sheet_too_large` beyond).
    Title rows, two-row headers and common headings are understood (docs/catalog.md). A matter the catalog
    already holds as the sheet says is left unchanged (no version, no event); a changed one updates its open
    draft or gets a new draft version, with `publish` published. Bad rows are reported with the sheet's row and
    column heading; a matter is never half-applied, and with `all_or_nothing` (default) nothing is applied."""
    fmt = _format(request, format)
    settings: CatalogSettings = request.app.state.settings
    data = await _sheet_bytes(request, settings.import_max_bytes)
    try:
        sheet = await asyncio.to_thread(read_table, data, fmt)  # seconds for a district's sheet: off the loop
    except TableError as exc:
        raise ProblemError(str(exc), status=422, code="unreadable_file") from exc
    report = await transfer.import_matters(
        uow, principal, records=sheet, publish=publish, all_or_nothing=all_or_nothing
    )
    return ImportReportOut(
        rows=report.rows,
        matters=report.matters,
        imported=report.imported,
        outcomes=[
            MatterOutcomeOut(code=o.code, row=o.row, outcome=o.outcome, version=o.version)
            for o in report.outcomes
        ],
        counts=ImportCountsOut(
            created=report.count("created"),
            updated=report.count("updated"),
            published=report.count("published"),
            unchanged=report.count("unchanged"),
            rejected=len(report.rejected),
        ),
        rejected=[_rejected(report, code, rows) for code, rows in report.rejected.items()],
        errors=_errors(report.errors),
        warnings=_errors(report.warnings),
        applied=report.applied,
    )


def _rejected(report: transfer.ImportReport, code: str, rows: tuple[int, ...]) -> RejectedMatterOut:
    """A matter not applied, with why (issue 19, last outside try: a clean row was listed with no reason)."""
    held_back = code in report.held_back
    reason = (
        transfer.held_back_reason("all_or_nothing=false")
        if held_back
        else f"此事项有错误，见 errors 中第 {'、'.join(str(r) for r in rows)} 行"
    )
    return RejectedMatterOut(code=code, rows=list(rows), held_back=held_back, reason=reason)


@router.get("/exports", responses={200: {"content": {MEDIA["csv"]: {}, XLSX: {}}}, **problem_responses(422)})
async def export_matters(
    uow: UowDep,
    format: Format = "xlsx",
    department: Annotated[str | None, Query(max_length=40, description="one department only")] = None,
) -> Response:
    """Export the matters in force (导出) in the import's layout; importing the file gives the same matters."""
    data = await transfer.export_matters(uow, fmt=format, department=department)
    name = f"catalog.{format}"
    return Response(
        data, media_type=MEDIA[format], headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )
