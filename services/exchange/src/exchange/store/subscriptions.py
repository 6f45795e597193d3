"""Queries of subscriptions and their deliveries (publish/subscribe)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from exchange.store.models import Delivery, Subscription

__all__ = ["DeliveryRepository", "SubscriptionRepository"]


class SubscriptionRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    def add(self, subscription: Subscription) -> None:
        self._session.add(subscription)

    async def get(self, subscription_id: uuid.UUID) -> Subscription | None:
        return await self._session.get(Subscription, subscription_id)

    async def of_member(self, member_code: str | None) -> Sequence[Subscription]:
        query = select(Subscription).where(Subscription.active.is_(True)).order_by(Subscription.created_at)
        if member_code is not None:
            query = query.where(Subscription.member_code == member_code)
        return (await self._session.scalars(query)).all()

    async def for_resource(self, resource_code: str) -> Sequence[Subscription]:
        query = select(Subscription).where(
            Subscription.resource_code == resource_code, Subscription.active.is_(True)
        )
        return (await self._session.scalars(query)).all()

    async def many(self, ids: set[uuid.UUID]) -> dict[uuid.UUID, Subscription]:
        if not ids:
            return {}
        rows = await self._session.scalars(select(Subscription).where(Subscription.id.in_(ids)))
        return {row.id: row for row in rows}


class DeliveryRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add_once(self, rows: Sequence[dict[str, Any]]) -> int:
        """Queue deliveries; a (subscription, event) pair already queued is skipped."""
        if not rows:
            return 0
        statement = insert(Delivery).values(list(rows)).on_conflict_do_nothing().returning(Delivery.id)
        return len((await self._session.execute(statement)).all())

    async def claim_due(self, now: datetime, limit: int) -> Sequence[Delivery]:
        query = (
            select(Delivery)
            .where(Delivery.status == "pending", Delivery.next_attempt_at <= now)
            .order_by(Delivery.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        return (await self._session.scalars(query)).all()

    async def backlog(self, subscription_id: uuid.UUID) -> dict[str, Any]:
        """Pending and dead counts, the oldest pending delivery and the last error."""
        query = select(
            func.count().filter(Delivery.status == "pending"),
            func.count().filter(Delivery.status == "dead"),
            func.count().filter(Delivery.status == "delivered"),
            func.min(Delivery.created_at).filter(Delivery.status == "pending"),
        ).where(Delivery.subscription_id == subscription_id)
        pending, dead, delivered, oldest = (await self._session.execute(query)).one()
        last_error = await self._session.scalar(
            select(Delivery.last_error)
            .where(Delivery.subscription_id == subscription_id, Delivery.last_error.is_not(None))
            .order_by(Delivery.id.desc())
            .limit(1)
        )
        return {
            "pending": pending,
            "dead": dead,
            "delivered": delivered,
            "oldest_pending_at": oldest,
            "last_error": last_error,
        }

    async def requeue_dead(self, subscription_id: uuid.UUID, now: datetime) -> int:
        statement = (
            update(Delivery)
            .where(Delivery.subscription_id == subscription_id, Delivery.status == "dead")
            .values(status="pending", attempts=0, refusals=0, next_attempt_at=now)
        )
        result = await self._session.execute(statement)
        return int(result.rowcount or 0)  # type: ignore[attr-defined]
