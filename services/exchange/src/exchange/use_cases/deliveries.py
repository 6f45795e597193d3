"""Changes reach subscribers: fan-out of ``exchange.record_changed.v1`` into deliveries, and their delivery with
retries and backoff (webhook: signed POST; NATS: ``exchange.notify.<member code>``)."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Protocol

from exchange.clients.webhooks import WebhookClient, WebhookFailed
from exchange.domain.city import next_attempt_at
from exchange.domain.outbound import UNREACHABLE
from exchange.sealing import Sealer
from exchange.store.models import Delivery, Subscription
from exchange.store.unit_of_work import ExchangeUnitOfWork
from exchange.use_cases.directory import access_of

__all__ = ["DeliveryPolicy", "Notifier", "deliver_due", "fan_out", "notify_subject"]

log = logging.getLogger("exchange.deliveries")


class Notifier(Protocol):
    """Publishes one notification to NATS JetStream and waits for the ack."""

    async def publish(self, subject: str, body: dict[str, Any], *, message_id: str) -> None: ...


@dataclass(frozen=True)
class DeliveryPolicy:
    max_attempts: int
    backoff_base: float
    backoff_cap: float
    batch: int = 100


def notify_subject(member_code: str) -> str:
    return f"exchange.notify.{member_code}"


async def fan_out(uow: ExchangeUnitOfWork, *, event_id: str, change: dict[str, Any], today: date) -> int:
    """Queue the change for every subscription whose member may still read the resource. Does not commit."""
    resource = await uow.resources.get(str(change["resource_code"]))
    if resource is None:
        return 0
    rows = []
    for subscription in await uow.subscriptions.for_resource(resource.code):
        caller = _MemberCaller(subscription.member_code)
        grants = await uow.grants.granted_to(subscription.member_code)
        if access_of(resource, caller, grants, today).allowed:
            rows.append(
                {
                    "subscription_id": subscription.id,
                    "event_id": event_id,
                    "resource_code": resource.code,
                    "subject_ref": change["subject_ref"],
                    "version": change["version"],
                    "operation": change["operation"],
                }
            )
    return await uow.deliveries.add_once(rows)


@dataclass(frozen=True)
class _MemberCaller:
    org: str
    sub: str = "subscription"
    client_id: str = "subscription"
    kind: str = "system"
    roles: frozenset[str] = frozenset()
    scopes: frozenset[str] = frozenset()


def _body(delivery: Delivery, subscription: Subscription) -> dict[str, Any]:
    return {
        "type": "exchange.record_changed.v1",
        "delivery_id": str(delivery.id),
        "event_id": delivery.event_id,
        "subscription_id": str(subscription.id),
        "resource_code": delivery.resource_code,
        "subject_ref": delivery.subject_ref,
        "version": delivery.version,
        "operation": delivery.operation,
    }


async def deliver_due(
    uow: ExchangeUnitOfWork,
    *,
    webhooks: WebhookClient,
    notifier: Notifier | None,
    sealer: Sealer,
    policy: DeliveryPolicy,
    now: datetime,
) -> tuple[int, int]:
    """Send one batch of due deliveries; returns (delivered, failed). A subscriber that is unreachable, slow or
    failing (5xx) is retried with a capped backoff for as long as it lasts; a delivery it refuses (4xx, or the
    outbound policy) ``max_attempts`` times is dead."""
    due = await uow.deliveries.claim_due(now, policy.batch)
    if not due:
        return 0, 0
    subscriptions = await uow.subscriptions.many({d.subscription_id for d in due})

    async def send(delivery: Delivery) -> tuple[str, bool] | None:
        """None when delivered, else what is recorded and whether the subscriber refused it."""
        subscription = subscriptions[delivery.subscription_id]
        body = _body(delivery, subscription)
        try:
            if subscription.channel == "webhook":
                assert subscription.webhook_url
                assert subscription.sealed_secret
                secret = sealer.open_secret(subscription.sealed_secret)
                await webhooks.deliver(
                    url=subscription.webhook_url, secret=secret, delivery_id=str(delivery.id), change=body
                )
            elif notifier is None:
                return "NATS not connected", False
            else:
                await notifier.publish(
                    notify_subject(subscription.member_code), body, message_id=f"delivery-{delivery.id}"
                )
        except WebhookFailed as exc:
            return str(exc), exc.refused  # refused by policy, unreachable, or the status class: nothing more
        except (OSError, TimeoutError) as exc:
            if subscription.channel == "webhook":
                return UNREACHABLE, False
            return str(exc) or type(exc).__name__, False
        return None

    errors = await asyncio.gather(*(send(d) for d in due))
    failed = 0
    for delivery, outcome in zip(due, errors, strict=True):
        delivery.attempts += 1
        if outcome is None:
            delivery.status, delivery.delivered_at, delivery.last_error = "delivered", now, None
            continue
        failed += 1
        error, refused = outcome
        delivery.last_error = error[:500]
        delivery.refusals += refused  # a subscriber that is down is waited out; only refusals count
        if delivery.refusals >= policy.max_attempts:
            delivery.status = "dead"
            log.warning(
                "delivery dead-lettered", extra={"delivery": delivery.id, "attempts": delivery.attempts}
            )
        else:
            delivery.next_attempt_at = next_attempt_at(
                now, delivery.attempts, base=policy.backoff_base, cap=policy.backoff_cap
            )
    await uow.commit()
    return len(due) - failed, failed
