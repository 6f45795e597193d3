"""Queries live here and only here: the directory (resources and members)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from exchange.store.models import Member, Resource

__all__ = ["MemberRepository", "ResourceRepository"]


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


class MemberRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, code: str) -> Member | None:
        return await self._session.get(Member, code)

    async def merge(self, member: Member) -> Member:
        return await self._session.merge(member)

    async def list(self) -> Sequence[Member]:
        return (await self._session.scalars(select(Member).order_by(Member.code))).all()

    async def names(self, codes: set[str]) -> dict[str, str]:
        if not codes:
            return {}
        rows = await self._session.execute(select(Member.code, Member.name).where(Member.code.in_(codes)))
        return dict(rows.all())
