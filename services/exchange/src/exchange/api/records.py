"""The data path: providers push hosted records; government users read records, every read logged."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Request, Response
from pydantic import AwareDatetime, BaseModel, Field

from exchange.api.dependencies import DataPrincipal, LimitsDep, PusherPrincipal, SealerDep, UowDep, admit
from exchange.api.lanes import json_bytes
from exchange.api.resources import ItemKey
from exchange.domain.sharing import Purpose
from exchange.runtime import runtime_of
from exchange.use_cases import reads, records
from meshkit.auth import Principal, current_principal
from meshkit.bounds import JSON_INTEGER_MAX
from meshkit.errors import problem_responses
from meshkit.headers import NoStore
from meshkit.hostile import MULTI_LINE, MultiLineText
from meshkit.lanes import ServedBy, declared
from meshkit.observability import current_request_id

__all__ = ["ReadIn", "ReadOut", "answer_read", "router"]

router = APIRouter(prefix="/resources/{code}", tags=["共享数据 (records)"], dependencies=[NoStore])

Code = Annotated[str, Path(max_length=50, description="resource code (资源代码)")]


class PurposeIn(BaseModel):
    """Why the data is read (用途) and on which basis the hub can check: the case the reader's organization handles
    (办件编号), or the code of a registered duty (履职依据); with neither, a current grant of the reader's
    organization for the resource (有条件共享授权). Free text opens nothing."""

    purpose: MultiLineText | None = Field(
        default=None, max_length=500, examples=["开办餐饮店一件事 申请人身份核验"]
    )
    case_ref: str | None = Field(
        default=None,
        max_length=50,
        examples=["50011020261125000001"],
        description="the case (办件编号) the reader's organization handles or received, "
        "whose party the subject is",
    )
    legal_basis: str | None = Field(
        default=None,
        max_length=500,
        examples=["500110-GAJ-XZ-001"],
        description="the code of a registered duty (履职依据编码) of the reader's organization: GET /duties",
    )

    served_org: str | None = Field(
        default=None,
        max_length=40,
        pattern=r"^[0-9A-Za-z-]+$",
        examples=["500110-GNJD-GGFW"],
        description="the cases platform only (scope exchange:platform), reading under `case_ref`: the organization "
        "(hall or department) handling the case at that moment, whom the read serves and the log names; checked "
        "against the hub's record of the case (refused `served_org_not_in_case` otherwise). Default: the case's "
        "handling department. Any other reader reads for its own organization",
    )

    def as_purpose(self) -> Purpose:
        return Purpose(
            purpose=self.purpose,
            case_ref=_given(self.case_ref),
            legal_basis=_given(self.legal_basis),
            served_org=self.served_org,
        )


def _given(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


class ReadIn(PurposeIn):
    identifier: str = Field(
        max_length=40, description="the subject's ID number or credit code; body only, never URL"
    )
    subject_kind: Literal["person", "enterprise"] | None = None
    person_id: str | None = Field(
        default=None,
        max_length=100,
        deprecated=True,
        description="ignored: the hub decides whose data a read touched from the "
        "identifier read, never from the caller",
    )
    items: list[ItemKey] | None = Field(
        default=None, max_length=200, description="data item keys; default all granted"
    )
    hidden_until: AwareDatetime | None = Field(
        default=None,
        description="hide this read from the subject until then: "
        "only under a registered duty that allows it (e.g. an investigation), by "
        "a role allowed to hide, within the duty's maximum",
    )


class ReadOut(BaseModel):
    resource_code: str
    items: list[str] = Field(description="the items returned: requested and granted")
    withheld: list[str] = Field(description="requested items not granted to the caller")
    data: dict[str, Any]
    access_log_id: str
    method: str


class RecordIn(BaseModel):
    identifier: str = Field(max_length=40)
    version: int = Field(
        ge=0, le=JSON_INTEGER_MAX, description="the provider's version; older or equal versions are ignored"
    )
    data: Annotated[dict[str, Any], MULTI_LINE] | None = None
    deleted: bool = False


class PushIn(BaseModel):
    records: list[RecordIn]


class PushOut(BaseModel):
    received: int
    applied: int
    stale: int = Field(description="records not newer than what the hub already holds")


async def serve_read(request: Request) -> Response:
    """``POST /resources/{code}/read`` as a plain ``Request -> Response`` function: the same checks, in the
    same order, as the route's signature declares (token, rate limit, path and body validation), without
    FastAPI's dependency solving and response-model pass, which cost more CPU than the read itself."""
    principal = await admit(request, await current_principal(request, None))
    given = await declared(request, ReadIn)
    answer = await answer_read(request, principal, given.path["code"], given.body)
    return Response(json_bytes(answer), media_type="application/json")


async def answer_read(request: Request, principal: Principal, code: str, body: ReadIn) -> dict[str, Any]:
    """The read, decided and logged: the answer's document (``ReadOut``), or the refusal raised."""
    query = reads.ReadQuery(
        resource_code=code,
        identifier=body.identifier,
        purpose=body.as_purpose(),
        subject_kind=body.subject_kind,
        items=body.items,
        hidden_until=body.hidden_until,
    )
    path = runtime_of(request).read_path
    result = await reads.read_record(path, caller=principal, query=query, request_id=current_request_id())
    return {
        "resource_code": result.resource_code,
        "items": list(result.items),
        "withheld": list(result.withheld),
        "data": result.data,
        "access_log_id": result.access_log_id,
        "method": result.method,
    }


class _ReadRoute(ServedBy):
    handler = staticmethod(serve_read)


async def read_record(code: Code, body: ReadIn, principal: DataPrincipal) -> ReadOut:
    """Read one subject's record (读取共享数据): only granted items, and only on a basis the hub checks — a case the
    reader's organization handles whose party the subject is, a registered duty, or a current grant. Every
    decision is logged and chained; refusals name their code (e.g. `case_not_handled_by_reader`,
    `subject_not_in_case`, `legal_basis_unknown`, `basis_required`, `not_permitted`)."""
    raise RuntimeError("the contract of POST /resources/{code}/read; requests are served by serve_read")


router.add_api_route(
    "/read",
    read_record,
    methods=["POST"],
    response_model=ReadOut,
    route_class_override=_ReadRoute,
    responses=problem_responses(400, 401, 403, 404, 413, 422, 429, 502, 503, 504),
)


@router.put(
    "/records", response_model=PushOut, responses=problem_responses(401, 403, 404, 409, 413, 422, 429)
)
async def push_records(
    code: Code, body: PushIn, uow: UowDep, principal: PusherPrincipal, sealer: SealerDep, limits: LimitsDep
) -> PushOut:
    """Push hosted records (库表推送), bulk or incremental: newer versions replace older ones."""
    pushed = [records.PushedRecord(r.identifier, r.version, r.data, r.deleted) for r in body.records]
    summary = await records.push_records(
        uow, caller=principal, resource_code=code, records=pushed, sealer=sealer, limits=limits
    )
    return PushOut(received=summary.received, applied=summary.applied, stale=summary.stale)
