"""Members subscribe to changes of resources they may read, by NATS or by signed webhook."""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from exchange.clients.outbound import Outbound
from exchange.domain.access import Caller, Operation, is_operator, may
from exchange.sealing import Sealer
from exchange.store.models import Subscription
from exchange.store.unit_of_work import ExchangeUnitOfWork
from exchange.use_cases.directory import access_of, get_resource
from exchange.use_cases.errors import Forbidden, Invalid, NotFound, ReadRefused

__all__ = [
    "CHANNELS",
    "NewSubscription",
    "SubscriptionView",
    "cancel",
    "list_subscriptions",
    "replay_dead",
    "subscribe",
]

CHANNELS = ("nats", "webhook")


@dataclass(frozen=True)
class NewSubscription:
    subscription: Subscription
    secret: str | None  # shown once, for webhooks


@dataclass(frozen=True)
class SubscriptionView:
    subscription: Subscription
    backlog: dict[str, Any]


async def subscribe(
    uow: ExchangeUnitOfWork,
    *,
    caller: Caller,
    resource_code: str,
    channel: str,
    webhook_url: str | None,
    sealer: Sealer,
    today: date,
    outbound: Outbound | None = None,
) -> NewSubscription:
    """Subscribe the caller's organization. A webhook URL must pass the outbound policy as written (and as its name
    resolves now); every delivery is checked again where its connection is made."""
    if not may(caller, Operation.SUBSCRIBE):
        raise Forbidden(
            "只有本单位管理员或具备 exchange:subscribe 权限的系统可以订阅数据变更", code="not_permitted"
        )
    resource = await get_resource(uow, code=resource_code)
    grants = await uow.grants.granted_to(caller.org or "")
    decision = access_of(resource, caller, grants, today)
    if not decision.allowed:
        assert decision.refusal is not None
        raise ReadRefused("只能订阅本单位有权读取的资源：" + decision.detail, code=decision.refusal.value)
    if channel not in CHANNELS:
        raise Invalid(f"订阅方式须为 {' 或 '.join(CHANNELS)}", code="invalid_channel")
    secret = None
    if channel == "webhook":
        if not webhook_url:
            raise Invalid("webhook 订阅须提供 http(s) 回调地址", code="webhook_url_required")
        if outbound is None:
            raise TypeError("a webhook URL is screened: pass the outbound client")
        refusal = await outbound.screen(webhook_url)
        if refusal is not None:
            raise Invalid(
                f"回调地址不符合出站策略：{refusal.message} (the webhook URL is refused by the outbound policy)",
                code="webhook_url_refused",
                errors=[{"field": "webhook_url", "reason": refusal.reason, "message": refusal.message}],
            )
        secret = secrets.token_urlsafe(32)
    subscription = Subscription(
        id=uuid.uuid4(),
        member_code=caller.org,
        resource_code=resource.code,
        channel=channel,
        webhook_url=webhook_url if channel == "webhook" else None,
        sealed_secret=sealer.seal_secret(secret) if secret else None,
        created_by=caller.sub,
        active=True,
    )
    uow.subscriptions.add(subscription)
    await uow.commit()
    return NewSubscription(subscription, secret)


async def _own(uow: ExchangeUnitOfWork, caller: Caller, subscription_id: uuid.UUID) -> Subscription:
    subscription = await uow.subscriptions.get(subscription_id)
    if subscription is None or not subscription.active:
        raise NotFound("订阅不存在", code="subscription_not_found")
    if not (may(caller, Operation.SUBSCRIBE, org=subscription.member_code) or is_operator(caller)):
        raise Forbidden("只能管理本单位的订阅", code="not_permitted")
    return subscription


async def list_subscriptions(uow: ExchangeUnitOfWork, *, caller: Caller) -> list[SubscriptionView]:
    """The caller's organization's subscriptions (operators: all), each with its delivery backlog."""
    if not (may(caller, Operation.SUBSCRIBE) or is_operator(caller)):
        raise Forbidden("只有本单位管理员、订阅系统或平台运维人员可以查看订阅", code="not_permitted")
    member = None if is_operator(caller) else caller.org
    subscriptions: Sequence[Subscription] = await uow.subscriptions.of_member(member)
    return [SubscriptionView(s, await uow.deliveries.backlog(s.id)) for s in subscriptions]


async def cancel(uow: ExchangeUnitOfWork, *, caller: Caller, subscription_id: uuid.UUID) -> None:
    subscription = await _own(uow, caller, subscription_id)
    subscription.active = False
    await uow.commit()


async def replay_dead(
    uow: ExchangeUnitOfWork, *, caller: Caller, subscription_id: uuid.UUID, now: datetime
) -> SubscriptionView:
    """Put a subscription's dead deliveries back in line (after the subscriber fixed its endpoint)."""
    subscription = await _own(uow, caller, subscription_id)
    await uow.deliveries.requeue_dead(subscription.id, now)
    await uow.commit()
    return SubscriptionView(subscription, await uow.deliveries.backlog(subscription.id))
