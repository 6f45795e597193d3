"""Reads in a batch (批量读取): many record reads and certificate lookups in one request.

A platform system that reads for many cases at once (the cases worker resolving the materials of every new
application) pays one request, one token check and one rate-limit pass for the lot instead of one each. Every
item is still a read of its own: decided under the sharing rules, logged in the chain with its own purpose and
case, and answered with its own status — the same document or problem the single-read route would give. A body
that does not parse is refused whole (422, every violation listed); the batch costs one rate-limit token per item.
"""

from __future__ import annotations

import asyncio
import logging
from contextlib import AbstractContextManager, nullcontext
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, Field

from exchange.api.certificates import LookupIn, LookupOut, answer_lookup
from exchange.api.dependencies import DataPrincipal, admit
from exchange.api.lanes import json_bytes
from exchange.api.records import ReadIn, ReadOut, answer_read
from meshkit.auth import Principal, current_principal
from meshkit.errors import Problem, ProblemError, problem_body, problem_responses
from meshkit.headers import NoStore
from meshkit.lanes import ServedBy, declared
from meshkit.observability import TRACEPARENT_PATTERN, continued_trace, current_request_id

__all__ = ["MAX_BATCH", "router", "serve_batch"]

log = logging.getLogger("exchange.batch")

MAX_BATCH = 100
PATH = "/reads"

router = APIRouter(tags=["共享数据 (records)"], dependencies=[NoStore])


class _Traced(BaseModel):
    traceparent: str | None = Field(
        default=None,
        max_length=55,
        pattern=TRACEPARENT_PATTERN,
        description="the W3C trace context of the work this read belongs to (e.g. the application whose material "
        "it is): the item is answered, logged and passed on to the providing system within that trace, not the "
        "batch's",
        examples=["00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"],
    )


class RecordReadIn(ReadIn, _Traced):
    """A read of one subject's record, as ``POST /resources/{code}/read`` takes it, with the resource code."""

    kind: Literal["record"]
    resource_code: str = Field(max_length=50, description="resource code (资源代码)")


class CertificateLookupIn(LookupIn, _Traced):
    """A certificate lookup, as ``POST /certificates/lookup`` takes it."""

    kind: Literal["certificates"]


BatchItem = Annotated[RecordReadIn | CertificateLookupIn, Field(discriminator="kind")]


class BatchIn(BaseModel):
    reads: list[BatchItem] = Field(min_length=1, max_length=MAX_BATCH)


class BatchResult(BaseModel):
    status: int = Field(
        description="what the single-read route would have answered: 200, or a problem's status"
    )
    result: ReadOut | LookupOut | None = Field(default=None, description="the answer, when status is 200")
    problem: Problem | None = Field(
        default=None,
        description="why not, otherwise (e.g. not_granted, "
        "purpose_required, record_not_found with its access_log_id)",
    )


class BatchOut(BaseModel):
    results: list[BatchResult] = Field(description="one per read, in the order asked")


async def serve_batch(request: Request) -> Response:
    """``POST /reads`` as a fast lane: token, body, then the rate limit for as many reads as the batch holds."""
    principal = await current_principal(request, None)
    body = (await declared(request, BatchIn)).body
    await admit(request, principal, cost=len(body.reads))
    results = await asyncio.gather(*(_answer(request, principal, item) for item in body.reads))
    return Response(json_bytes({"results": list(results)}), media_type="application/json")


def _traced(item: RecordReadIn | CertificateLookupIn) -> AbstractContextManager[object]:
    """Each item runs in a task of its own (``asyncio.gather``): its trace context stays its own."""
    return continued_trace(item.traceparent, current_request_id()) if item.traceparent else nullcontext()


async def _answer(
    request: Request, principal: Principal, item: RecordReadIn | CertificateLookupIn
) -> dict[str, Any]:
    with _traced(item):
        answer = await _answer_item(request, principal, item)
    return answer


async def _answer_item(
    request: Request, principal: Principal, item: RecordReadIn | CertificateLookupIn
) -> dict[str, Any]:
    try:
        if isinstance(item, RecordReadIn):
            result = await answer_read(request, principal, item.resource_code, item)
        else:
            result = await answer_lookup(request, principal, item)
    except ProblemError as exc:
        problem = problem_body(
            status=exc.status,
            code=exc.code,
            detail=exc.detail,
            instance=PATH,
            title=exc.title,
            errors=exc.errors,
            **exc.extra,
        )
        log.debug("batch item answered", extra={"kind": item.kind, "status": exc.status, "code": exc.code})
        return {"status": exc.status, "problem": problem}
    except Exception:  # one item's fault must not cost the others their answers (they are logged already)
        request_id = current_request_id()
        log.exception("batch item failed", extra={"path": PATH, "kind": item.kind})
        problem = problem_body(
            status=500,
            code="internal_error",
            instance=PATH,
            request_id=request_id,
            detail=f"服务器内部错误，请凭请求编号联系运维 (request id {request_id})",
        )
        return {"status": 500, "problem": problem}
    log.debug("batch item answered", extra={"kind": item.kind, "status": 200})
    return {"status": 200, "result": result}


class _BatchRoute(ServedBy):
    handler = staticmethod(serve_batch)


async def read_batch(body: BatchIn, principal: DataPrincipal) -> BatchOut:
    """Many reads in one request (批量读取): record reads (`kind` = `record`) and certificate lookups (`kind` =
    `certificates`), at most 100. Each is decided, logged and answered on its own, exactly as the single routes
    would: the response is 200 with one result per read (its status and document, or its problem); only a body
    that does not parse (422) or the rate limit (429: the batch takes one token per read) refuse it whole."""
    raise RuntimeError("the contract of POST /reads; requests are served by serve_batch")


router.add_api_route(
    PATH,
    read_batch,
    methods=["POST"],
    response_model=BatchOut,
    route_class_override=_BatchRoute,
    responses=problem_responses(400, 401, 413, 422, 429),
)
