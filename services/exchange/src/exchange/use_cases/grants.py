"""Share requests for conditional resources: request, grant, refuse with a reason, withdraw; overdue answers."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from exchange.domain.access import Caller, Operation, is_operator, may
from exchange.domain.calendar import CalendarUnavailable
from exchange.domain.grants import (
    GrantProblem,
    RequestStatus,
    answer_due,
    check_items,
    check_validity,
    may_answer,
)
from exchange.domain.sharing import SharingType
from exchange.store.models import ShareRequest
from exchange.store.unit_of_work import ExchangeUnitOfWork
from exchange.use_cases.directory import get_resource
from exchange.use_cases.errors import Conflict, Forbidden, Invalid, NotFound
from meshkit.legaldate import local_date

__all__ = [
    "RequestDraft",
    "answer_request",
    "get_request",
    "list_requests",
    "request_share",
    "withdraw_request",
]


@dataclass(frozen=True)
class RequestDraft:
    resource_code: str
    purpose: str
    legal_basis: str
    items: Sequence[str]
    valid_from: date
    valid_to: date


def _problem(exc: GrantProblem) -> Invalid | Conflict:
    if exc.code == "request_answered":
        return Conflict(str(exc), code=exc.code)
    return Invalid(str(exc), code=exc.code)


async def request_share(
    uow: ExchangeUnitOfWork, *, caller: Caller, draft: RequestDraft, today: date, working_days: int = 10
) -> tuple[ShareRequest, bool]:
    """The new request (True), or the same organization's pending request asking the same (False): a retry, or
    the same request sent twice, does not queue a second one for the provider to answer."""
    if not may(caller, Operation.REQUEST_SHARING):
        raise Forbidden(
            "只有部门负责人、管理员或具备 exchange:sharing 权限的系统可以申请共享", code="not_permitted"
        )
    resource = await get_resource(uow, code=draft.resource_code)
    if resource.sharing_type == SharingType.NOT_SHARED:
        raise Forbidden(f"该资源不予共享，依据：{resource.legal_basis or '未注明'}", code="not_shared")
    if caller.org == resource.provider_code:
        raise Conflict("提供部门读取本单位数据无需申请 (the provider needs no grant)", code="not_needed")
    try:
        items = check_items(draft.items, resource.item_keys)
        check_validity(draft.valid_from, draft.valid_to, today)
        due = answer_due(await uow.calendar.load(), today, working_days)
    except GrantProblem as exc:
        raise _problem(exc) from exc
    except CalendarUnavailable as exc:
        raise Invalid(str(exc), code="calendar_unavailable") from exc
    request = ShareRequest(
        id=uuid.uuid4(),
        resource_code=resource.code,
        requester_code=caller.org,
        requested_by=caller.sub,
        purpose=draft.purpose,
        legal_basis=draft.legal_basis,
        items=list(items),
        valid_from=draft.valid_from,
        valid_to=draft.valid_to,
        status=RequestStatus.PENDING,
        requested_on=today,
        due_on=due,
    )
    same = await uow.grants.pending_same(request)
    if same is not None:
        await uow.commit()  # ends the transaction and its lock
        return same, False
    uow.grants.add(request)
    await uow.commit()
    return request, True


async def get_request(uow: ExchangeUnitOfWork, *, caller: Caller, request_id: uuid.UUID) -> ShareRequest:
    request = await uow.grants.get(request_id)
    if request is None:
        raise NotFound("共享申请不存在", code="share_request_not_found")
    resource = await get_resource(uow, code=request.resource_code)
    if not (
        may(caller, Operation.REQUEST_SHARING, org=request.requester_code)
        or may(caller, Operation.ANSWER_SHARING, org=resource.provider_code)
        or is_operator(caller)
    ):
        raise Forbidden("只有申请部门和提供部门可以查看该申请", code="not_permitted")
    return request


async def answer_request(
    uow: ExchangeUnitOfWork,
    *,
    caller: Caller,
    request_id: uuid.UUID,
    grant: bool,
    reason: str | None,
    items: Sequence[str] | None,
    valid_to: date | None,
    now: datetime,
) -> ShareRequest:
    """The provider grants (optionally fewer items or a shorter validity) or refuses with a reason."""
    request = await uow.grants.get(request_id, for_update=True)
    if request is None:
        raise NotFound("共享申请不存在", code="share_request_not_found")
    resource = await get_resource(uow, code=request.resource_code)
    if not may(caller, Operation.ANSWER_SHARING, org=resource.provider_code):
        raise Forbidden(
            "只有提供部门的负责人、管理员或其系统可以答复共享申请 (the provider answers)",
            code="not_permitted",
        )
    try:
        may_answer(RequestStatus(request.status))
        if grant:
            if items is not None:
                request.items = list(check_items(items, request.items))  # at most what was asked
            if valid_to is not None:
                check_validity(request.valid_from, min(valid_to, request.valid_to), local_date(now))
                request.valid_to = min(valid_to, request.valid_to)
    except GrantProblem as exc:
        raise _problem(exc) from exc
    if not grant and len((reason or "").strip()) < 4:
        raise Invalid("拒绝共享须说明理由 (a refusal needs a reason)", code="reason_required")
    request.status = RequestStatus.GRANTED if grant else RequestStatus.REFUSED
    request.answer, request.answered_at, request.answered_by = reason, now, caller.sub
    await uow.commit()
    return request


async def withdraw_request(uow: ExchangeUnitOfWork, *, caller: Caller, request_id: uuid.UUID) -> ShareRequest:
    request = await uow.grants.get(request_id, for_update=True)
    if request is None:
        raise NotFound("共享申请不存在", code="share_request_not_found")
    if not may(caller, Operation.REQUEST_SHARING, org=request.requester_code):
        raise Forbidden("只有申请部门可以撤回申请", code="not_permitted")
    if request.status not in (RequestStatus.PENDING, RequestStatus.GRANTED):
        raise Conflict("该申请已结束，不能撤回", code="request_answered")
    request.status = RequestStatus.WITHDRAWN
    await uow.commit()
    return request


async def list_requests(
    uow: ExchangeUnitOfWork,
    *,
    caller: Caller,
    role: str,
    status: str | None,
    overdue: bool,
    today: date,
    limit: int,
    offset: int,
) -> Sequence[ShareRequest]:
    """As requester or as provider (one's own organization), or everything for operators (``role=all``)."""
    if role == "all":
        if not is_operator(caller):
            raise Forbidden("只有平台运维人员可以查看全部申请")
        org = None
    elif not (may(caller, Operation.REQUEST_SHARING) or may(caller, Operation.ANSWER_SHARING)):
        raise Forbidden(
            "只有部门负责人、管理员或具备 exchange:sharing 权限的系统可以查看共享申请", code="not_permitted"
        )
    else:
        org = caller.org
    return await uow.grants.search(
        requester_code=org if role == "requester" else None,
        provider_code=org if role == "provider" else None,
        status=status,
        overdue_on=today if overdue else None,
        limit=limit,
        offset=offset,
    )
