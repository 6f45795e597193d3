"""Share requests (共享申请) for conditional resources, and their answers (授权 / 拒绝)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from exchange.api.dependencies import NowDep, ReadPathDep, SettingsDep, UowDep, permitted
from exchange.api.resources import ItemKey
from exchange.domain.access import Operation
from exchange.domain.grants import effective_status
from exchange.store.driver import GrantCopies
from exchange.store.models import ShareRequest
from exchange.use_cases import grants
from meshkit.auth import Principal
from meshkit.bounds import MAX_OFFSET
from meshkit.created import created_response, set_location
from meshkit.errors import problem_responses
from meshkit.hostile import MultiLineText
from meshkit.legaldate import IsoDate, local_date

__all__ = ["router"]

router = APIRouter(prefix="/share-requests", tags=["共享申请 (share requests)"])


class RequestIn(BaseModel):
    resource_code: str = Field(max_length=50)
    purpose: MultiLineText = Field(min_length=2, max_length=1000, description="用途")
    legal_basis: MultiLineText = Field(min_length=2, max_length=1000, description="法律依据")
    items: list[ItemKey] = Field(min_length=1, max_length=200, description="data item keys asked for")
    valid_from: IsoDate
    valid_to: IsoDate


class AnswerIn(BaseModel):
    reason: MultiLineText | None = Field(default=None, max_length=2000, description="required when refusing")
    items: list[ItemKey] | None = Field(
        default=None, max_length=200, description="grant fewer items than asked"
    )
    valid_to: IsoDate | None = Field(default=None, description="grant a shorter validity")


class RefuseIn(BaseModel):
    reason: MultiLineText = Field(min_length=1, max_length=2000, description="拒绝理由")


class RequestOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    resource_code: str
    requester_code: str
    requested_by: str
    purpose: str
    legal_basis: str
    items: list[str]
    valid_from: date
    valid_to: date
    status: str
    requested_on: date
    due_on: date = Field(description="the provider must answer by this date (10 working days)")
    overdue: bool = False
    answered_at: datetime | None
    answered_by: str | None
    answer: str | None


def _out(request: ShareRequest, day: date) -> RequestOut:
    out = RequestOut.model_validate(request)
    out.status = effective_status(request.status, request.valid_to, day).value
    out.overdue = request.status == "pending" and request.due_on < day
    return out


@router.post(
    "",
    response_model=RequestOut,
    status_code=201,
    responses={
        **problem_responses(403, 404, 409, 422),
        **created_response(
            "the share request",
            operation="get_request",
            parameters={"request_id": "$response.body#/id"},
        ),
    },
)
async def request_share(
    http: Request,
    response: Response,
    now: NowDep,
    body: RequestIn,
    uow: UowDep,
    principal: Annotated[Principal, permitted(Operation.REQUEST_SHARING, what="申请共享")],
    settings: SettingsDep,
) -> RequestOut:
    """Ask the provider for a conditional resource; the answer is due in 10 working days."""
    draft = grants.RequestDraft(
        body.resource_code, body.purpose, body.legal_basis, body.items, body.valid_from, body.valid_to
    )
    today = local_date(now)
    request = await grants.request_share(
        uow, caller=principal, draft=draft, today=today, working_days=settings.grant_answer_working_days
    )
    set_location(http, response, f"/share-requests/{request.id}")
    return _out(request, today)


@router.get("", response_model=list[RequestOut], responses=problem_responses(403, 422))
async def list_requests(
    uow: UowDep,
    principal: Annotated[
        Principal,
        permitted(
            Operation.REQUEST_SHARING, Operation.ANSWER_SHARING, Operation.ADMINISTER, what="查看共享申请"
        ),
    ],
    now: NowDep,
    role: Annotated[
        Literal["requester", "provider", "all"], Query(description="as requester or provider")
    ] = "requester",
    status: Annotated[Literal["pending", "granted", "refused", "withdrawn"] | None, Query()] = None,
    overdue: Annotated[bool, Query(description="only pending requests past their due date")] = False,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> list[RequestOut]:
    """Share requests of one's organization, as requester or as provider; ``overdue=true`` lists late answers."""
    today = local_date(now)
    found = await grants.list_requests(
        uow,
        caller=principal,
        role=role,
        status=status,
        overdue=overdue,
        today=today,
        limit=limit,
        offset=offset,
    )
    return [_out(r, today) for r in found]


@router.get("/{request_id}", response_model=RequestOut, responses=problem_responses(403, 404))
async def get_request(
    request_id: uuid.UUID,
    uow: UowDep,
    principal: Annotated[
        Principal,
        permitted(
            Operation.REQUEST_SHARING, Operation.ANSWER_SHARING, Operation.ADMINISTER, what="查看共享申请"
        ),
    ],
    now: NowDep,
) -> RequestOut:
    """One share request (requester or provider)."""
    return _out(await grants.get_request(uow, caller=principal, request_id=request_id), local_date(now))


@router.post(
    "/{request_id}/grant", response_model=RequestOut, responses=problem_responses(403, 404, 409, 422)
)
async def grant_request(
    now: NowDep,
    request_id: uuid.UUID,
    body: AnswerIn,
    uow: UowDep,
    principal: Annotated[Principal, permitted(Operation.ANSWER_SHARING, what="答复共享申请")],
    path: ReadPathDep,
) -> RequestOut:
    """Grant (授权), optionally fewer items or a shorter validity (provider only)."""
    request = await grants.answer_request(
        uow,
        caller=principal,
        request_id=request_id,
        grant=True,
        reason=body.reason,
        items=body.items,
        valid_to=body.valid_to,
        now=now,
    )
    path.grants.forget(GrantCopies.key(request.resource_code, request.requester_code))
    return _out(request, local_date(now))


@router.post(
    "/{request_id}/refuse", response_model=RequestOut, responses=problem_responses(403, 404, 409, 422)
)
async def refuse_request(
    now: NowDep,
    request_id: uuid.UUID,
    body: RefuseIn,
    uow: UowDep,
    principal: Annotated[Principal, permitted(Operation.ANSWER_SHARING, what="答复共享申请")],
) -> RequestOut:
    """Refuse with a reason (拒绝并说明理由; provider only)."""
    request = await grants.answer_request(
        uow,
        caller=principal,
        request_id=request_id,
        grant=False,
        reason=body.reason,
        items=None,
        valid_to=None,
        now=now,
    )
    return _out(request, local_date(now))


@router.post("/{request_id}/withdraw", response_model=RequestOut, responses=problem_responses(403, 404, 409))
async def withdraw_request(
    request_id: uuid.UUID,
    uow: UowDep,
    principal: Annotated[Principal, permitted(Operation.REQUEST_SHARING, what="撤回共享申请")],
    now: NowDep,
    path: ReadPathDep,
) -> RequestOut:
    """Withdraw a pending request or give up a grant (requester only): this replica's reads stop using the grant
    at once, the others within `EXCHANGE_RESOURCE_CACHE_SECONDS`."""
    request = await grants.withdraw_request(uow, caller=principal, request_id=request_id)
    path.grants.forget(GrantCopies.key(request.resource_code, request.requester_code))
    return _out(request, local_date(now))
