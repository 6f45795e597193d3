"""Queries live here and only here."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from exchange.store.models import Resource

__all__ = ["ResourceRepository"]


class ResourceRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, code: str) -> Resource | None:
        return await self._session.get(Resource, code)

    async def merge(self, resource: Resource) -> None:
        await self._session.merge(resource)

    async def list(self, *, provider_code: str | None) -> Sequence[Resource]:
        query = select(Resource).order_by(Resource.code)
        if provider_code:
            query = query.where(Resource.provider_code == provider_code)
        return (await self._session.scalars(query)).all()
