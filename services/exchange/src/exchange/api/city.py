"""The city-platform link (市级平台对接): outbound status, dead letters and replay; the signed inbound endpoint
where the platform pushes matters and cases down (回流)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Header, Path, Query, Request, Security
from fastapi.security import APIKeyHeader
from pydantic import BaseModel, ConfigDict, Field

from exchange.api.dependencies import NowDep, SealerDep, SettingsDep, UowDep, permitted
from exchange.domain.access import Operation
from exchange.runtime import runtime_of
from exchange.use_cases import city, city_inbound
from exchange.use_cases.city_inbound import MAX_BATCH, MAX_ITEMS
from meshkit.auth import Principal
from meshkit.bounds import JSON_INTEGER_MAX
from meshkit.errors import ProblemError, problem_responses
from meshkit.headers import NoStore

__all__ = ["router"]

router = APIRouter(prefix="/city-link", tags=["市级平台对接 (city platform link)"], dependencies=[NoStore])


class LinkStatus(BaseModel):
    backlog: int = Field(description="records waiting to be delivered")
    dead: int = Field(description="records dead-lettered after the retry limit")
    delivered: int
    held_behind_dead: int = Field(description="records of cases whose earlier record is dead (kept in order)")
    lag_seconds: float = Field(description="age of the oldest undelivered record")
    oldest_pending_at: datetime | None
    last_delivered_at: datetime | None


class DeadLetter(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    record_id: str
    case_number: str
    kind: str
    operation: str
    batch: str
    attempts: int
    last_error: str | None = Field(description="why it was dead-lettered")
    created_at: datetime


class ReplayIn(BaseModel):
    ids: list[Annotated[int, Field(ge=1, le=JSON_INTEGER_MAX)]] | None = Field(
        default=None, max_length=10_000, description="dead records to retry; all if empty"
    )


class ReplayOut(BaseModel):
    requeued: int


class PushOut(BaseModel):
    received: int
    ids: list[int]


@router.get("/status", response_model=LinkStatus, responses=problem_responses(401, 403))
async def link_status(
    now: NowDep,
    uow: UowDep,
    principal: Annotated[Principal, permitted(Operation.ADMINISTER, what="查看对接队列", code="forbidden")],
) -> LinkStatus:
    """Backlog, lag and dead letters of the delivery to the city platform (operators)."""
    return LinkStatus(**await city.link_status(uow, caller=principal, now=now))


@router.get("/dead-letters", response_model=list[DeadLetter], responses=problem_responses(401, 403))
async def list_dead_letters(
    uow: UowDep,
    principal: Annotated[Principal, permitted(Operation.ADMINISTER, what="查看对接队列", code="forbidden")],
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[DeadLetter]:
    """Records the platform kept refusing, with the reason (operators)."""
    return [DeadLetter.model_validate(r) for r in await city.dead_letters(uow, caller=principal, limit=limit)]


@router.post("/replay", response_model=ReplayOut, responses=problem_responses(401, 403))
async def replay_city_records(
    now: NowDep,
    body: ReplayIn,
    uow: UowDep,
    principal: Annotated[Principal, permitted(Operation.ADMINISTER, what="重放对接队列", code="forbidden")],
) -> ReplayOut:
    """Put dead records back in line, in their original order per case (operators)."""
    return ReplayOut(requeued=await city.replay(uow, caller=principal, ids=body.ids, now=now))


_PUSH_EXAMPLE = {
    "batch": "CQ-20261206-000123",
    "items": [{"matter_code": "500000-SCJGJ-QYDJ", "name": "企业设立登记", "version": 3}],
}
PUSH_BODY = {
    "requestBody": {
        "required": True,
        "description": "the push, exactly as signed: the signature covers `timestamp\\nnonce\\nbody` byte for byte, "
        "so the body is read raw (a re-serialized copy would not verify)",
        "content": {
            "application/json": {
                "schema": {
                    "title": "CityPush",
                    "type": "object",
                    "required": ["batch", "items"],
                    "properties": {
                        "batch": {
                            "type": "string",
                            "minLength": 1,
                            "maxLength": MAX_BATCH,
                            "description": "the platform's batch number",
                        },
                        "items": {
                            "type": "array",
                            "maxItems": MAX_ITEMS,
                            "items": {
                                "type": "object",
                                "description": "a matter (with `matter_code`) or a case (with `case_number`) as the "
                                "platform sends it; kept sealed as received",
                            },
                        },
                    },
                },
                "example": _PUSH_EXAMPLE,
            }
        },
    }
}


# The city platform authenticates by signing each push (not with a token): declared as the operation's security.
CITY_SIGNATURE = APIKeyHeader(
    name="X-Tongban-Signature",
    scheme_name="city_signature",
    auto_error=False,
    description="The city platform's signature (市级平台签名, SM2-SM3 or HMAC-SHA256, base64) over "
    "`timestamp\\nnonce\\nbody`, with X-Tongban-Signature-Alg, X-Tongban-Timestamp and X-Tongban-Nonce",
)


async def _city_signature(value: Annotated[str | None, Security(CITY_SIGNATURE)]) -> str:
    """401 before anything else is looked at when the push is unsigned."""
    if not value:
        raise ProblemError(
            "缺少市级平台签名 X-Tongban-Signature (the city platform signs every push)",
            status=401,
            code="invalid_signature",
        )
    if len(value) > 512:
        raise ProblemError(
            "签名过长 (X-Tongban-Signature over 512 characters)", status=401, code="invalid_signature"
        )
    return value


@router.post(
    "/inbound/{kind}",
    response_model=PushOut,
    status_code=202,
    responses=problem_responses(401, 409, 413, 422),
    openapi_extra=PUSH_BODY,
)
async def receive_city_push(
    request: Request,
    uow: UowDep,
    settings: SettingsDep,
    sealer: SealerDep,
    now: NowDep,
    kind: Annotated[Literal["matters", "cases"], Path(description="what is pushed down")],
    algorithm: Annotated[str, Header(alias="X-Tongban-Signature-Alg", max_length=20)],
    timestamp: Annotated[str, Header(alias="X-Tongban-Timestamp", max_length=20)],
    nonce: Annotated[str, Header(alias="X-Tongban-Nonce", min_length=8, max_length=64)],
    signature: Annotated[str, Depends(_city_signature)],
) -> PushOut:
    """回流: the city platform pushes matters or cases down, signed (SM2-SM3 or HMAC-SHA256) over
    ``timestamp\\nnonce\\nbody``; body ``{"batch": ..., "items": [...]}``."""
    verifier = runtime_of(request).city_verifier
    push = city_inbound.SignedPush(algorithm, timestamp, nonce, signature, await request.body())
    ids = await city_inbound.receive_push(
        uow,
        kind="matter" if kind == "matters" else "case",
        push=push,
        verifier=verifier,
        sealer=sealer,
        now=now,
        max_skew=settings.city_clock_skew,
    )
    return PushOut(received=len(ids), ids=ids)
