"""Queries of share requests (共享申请) and grants."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from exchange.store.models import Resource, ShareRequest

__all__ = ["ShareRequestRepository"]


class ShareRequestRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    def add(self, request: ShareRequest) -> None:
        self._session.add(request)

    async def get(self, request_id: uuid.UUID, *, for_update: bool = False) -> ShareRequest | None:
        query = select(ShareRequest).where(ShareRequest.id == request_id)
        if for_update:
            query = query.with_for_update()
        return (await self._session.scalars(query)).first()

    async def pending_same(self, request: ShareRequest) -> ShareRequest | None:
        """A pending request of the same organization asking the same of the same resource, if there is one —
        looked for under a transaction lock on (requester, resource), so concurrent askers see each other."""
        key = f"share-request:{request.requester_code}:{request.resource_code}"
        await self._session.execute(select(func.pg_advisory_xact_lock(func.hashtextextended(key, 0))))
        query = select(ShareRequest).where(
            ShareRequest.resource_code == request.resource_code,
            ShareRequest.requester_code == request.requester_code,
            ShareRequest.status == "pending",
            ShareRequest.purpose == request.purpose,
            ShareRequest.legal_basis == request.legal_basis,
            ShareRequest.valid_from == request.valid_from,
            ShareRequest.valid_to == request.valid_to,
        )
        for found in (await self._session.scalars(query)).all():
            if sorted(found.items) == sorted(request.items):
                return found
        return None

    async def granted(self, *, resource_code: str, requester_code: str) -> Sequence[ShareRequest]:
        """Every granted request of one organization for one resource (current or expired)."""
        query = select(ShareRequest).where(
            ShareRequest.resource_code == resource_code,
            ShareRequest.requester_code == requester_code,
            ShareRequest.status == "granted",
        )
        return (await self._session.scalars(query)).all()

    async def granted_to(self, requester_code: str) -> Sequence[ShareRequest]:
        query = select(ShareRequest).where(
            ShareRequest.requester_code == requester_code, ShareRequest.status == "granted"
        )
        return (await self._session.scalars(query)).all()

    async def search(
        self,
        *,
        requester_code: str | None = None,
        provider_code: str | None = None,
        status: str | None = None,
        overdue_on: date | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> Sequence[ShareRequest]:
        query = select(ShareRequest).order_by(ShareRequest.due_on, ShareRequest.created_at)
        if requester_code is not None:
            query = query.where(ShareRequest.requester_code == requester_code)
        if provider_code is not None:
            query = query.join(Resource, Resource.code == ShareRequest.resource_code).where(
                Resource.provider_code == provider_code
            )
        if status is not None:
            query = query.where(ShareRequest.status == status)
        if overdue_on is not None:
            query = query.where(ShareRequest.status == "pending", ShareRequest.due_on < overdue_on)
        return (await self._session.scalars(query.limit(limit).offset(offset))).all()
