"""Import and export of the implementation list (实施清单) as .xlsx or .csv."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from catalog.api.dependencies import EditorDep, UowDep
from catalog.api.schemas.reference import ImportReportOut, RowErrorOut
from catalog.transfer import read_table
from catalog.transfer.files import TableError
from catalog.use_cases import transfer
from meshkit.errors import ProblemError, problem_responses

__all__ = ["router"]

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
            # the service's body limit (``CATALOG_MAX_BODY_BYTES``, 1 MiB by default) bounds the sheet
            "text/csv": {"schema": {"type": "string", "maxLength": 1_048_576}, "example": _CSV_EXAMPLE},
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


@router.post(
    "/imports",
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
    """Import the implementation list (导入): the body is the file (one row per material). Every matter becomes
    a new draft version, or with `publish` a published one. Bad rows are reported with their row number and
    reason; a matter is never half-applied, and with `all_or_nothing` (default) nothing is applied at all."""
    fmt = _format(request, format)
    try:
        records = read_table(await request.body(), fmt)
    except TableError as exc:
        raise ProblemError(str(exc), status=422, code="unreadable_file") from exc
    report = await transfer.import_matters(
        uow, principal, records=records, publish=publish, all_or_nothing=all_or_nothing
    )
    return ImportReportOut(
        rows=report.rows,
        matters=report.matters,
        imported=report.imported,
        applied=report.applied,
        errors=[RowErrorOut(row=e.row, column=e.column, message=e.message) for e in report.errors],
    )


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
