"""Subscriptions (订阅): changes of resources a member may read, by NATS or signed webhook, with backlog."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, Field

from exchange.api.dependencies import NowDep, OutboundDep, SealerDep, UowDep, permitted
from exchange.domain.access import Operation
from exchange.use_cases import subscriptions
from exchange.use_cases.deliveries import notify_subject
from meshkit.auth import Principal
from meshkit.created import created_response, set_location
from meshkit.errors import problem_responses
from meshkit.legaldate import local_date

__all__ = ["router"]

router = APIRouter(prefix="/subscriptions", tags=["订阅 (subscriptions)"])


class SubscriptionIn(BaseModel):
    resource_code: str = Field(max_length=50)
    channel: Literal["nats", "webhook"]
    webhook_url: str | None = Field(default=None, max_length=500)


class Backlog(BaseModel):
    pending: int
    dead: int
    delivered: int
    oldest_pending_at: datetime | None
    last_error: str | None


class SubscriptionOut(BaseModel):
    id: uuid.UUID
    member_code: str
    resource_code: str
    channel: str
    webhook_url: str | None
    nats_subject: str | None = Field(description="for NATS subscriptions: where notifications are published")
    created_at: datetime | None
    backlog: Backlog | None = None
    secret: str | None = Field(default=None, description="webhook HMAC secret, shown only once at creation")


def _out(view: Any, backlog: dict[str, Any] | None = None, secret: str | None = None) -> SubscriptionOut:
    return SubscriptionOut(
        id=view.id,
        member_code=view.member_code,
        resource_code=view.resource_code,
        channel=view.channel,
        webhook_url=view.webhook_url,
        created_at=view.created_at,
        nats_subject=notify_subject(view.member_code) if view.channel == "nats" else None,
        backlog=Backlog(**backlog) if backlog is not None else None,
        secret=secret,
    )


@router.post(
    "",
    response_model=SubscriptionOut,
    status_code=201,
    responses={
        **problem_responses(403, 404, 422),
        **created_response(
            "the subscription (`/subscriptions/{id}`: replay, delete)",
            operation="replay_subscription",
            parameters={"subscription_id": "$response.body#/id"},
        ),
    },
)
async def subscribe(
    request: Request,
    response: Response,
    now: NowDep,
    body: SubscriptionIn,
    uow: UowDep,
    principal: Annotated[Principal, permitted(Operation.SUBSCRIBE, what="订阅数据变更")],
    sealer: SealerDep,
    outbound: OutboundDep,
) -> SubscriptionOut:
    """Subscribe one's organization to changes of a resource it may read. A webhook URL that the outbound policy
    refuses as written (scheme, an internal address in any spelling) is 422 ``webhook_url_refused``."""
    created = await subscriptions.subscribe(
        uow,
        caller=principal,
        resource_code=body.resource_code,
        channel=body.channel,
        webhook_url=body.webhook_url,
        sealer=sealer,
        today=local_date(now),
        outbound=outbound,
    )
    set_location(request, response, f"/subscriptions/{created.subscription.id}")
    return _out(created.subscription, secret=created.secret)


@router.get("", response_model=list[SubscriptionOut], responses=problem_responses(403))
async def list_subscriptions(
    uow: UowDep,
    principal: Annotated[Principal, permitted(Operation.SUBSCRIBE, Operation.ADMINISTER, what="查看订阅")],
) -> list[SubscriptionOut]:
    """One's organization's subscriptions, each with its delivery backlog (pending, dead, last error)."""
    views = await subscriptions.list_subscriptions(uow, caller=principal)
    return [_out(v.subscription, v.backlog) for v in views]


@router.post(
    "/{subscription_id}/replay", response_model=SubscriptionOut, responses=problem_responses(403, 404)
)
async def replay_subscription(
    now: NowDep,
    subscription_id: uuid.UUID,
    uow: UowDep,
    principal: Annotated[Principal, permitted(Operation.SUBSCRIBE, Operation.ADMINISTER, what="重放订阅")],
) -> SubscriptionOut:
    """Retry the subscription's dead deliveries."""
    view = await subscriptions.replay_dead(uow, caller=principal, subscription_id=subscription_id, now=now)
    return _out(view.subscription, view.backlog)


@router.delete("/{subscription_id}", status_code=204, responses=problem_responses(403, 404))
async def cancel_subscription(
    subscription_id: uuid.UUID,
    uow: UowDep,
    principal: Annotated[Principal, permitted(Operation.SUBSCRIBE, Operation.ADMINISTER, what="取消订阅")],
) -> Response:
    """Cancel a subscription."""
    await subscriptions.cancel(uow, caller=principal, subscription_id=subscription_id)
    return Response(status_code=204)
