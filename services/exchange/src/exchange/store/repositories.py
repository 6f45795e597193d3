"""Queries live here and only here: the directory (resources and members)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from exchange.store.driver import driver
from exchange.store.models import Member, Resource

__all__ = ["MemberRepository", "ResourceRepository"]

_RESOURCE_COLUMNS = [c.key for c in Resource.__table__.columns]
_RESOURCE_BY_CODE = f"SELECT {', '.join(_RESOURCE_COLUMNS)} FROM resources WHERE code = $1"  # noqa: S608


class ResourceRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, code: str) -> Resource | None:
        return await self._session.get(Resource, code)

    async def snapshot(self, code: str) -> Resource | None:
        """A detached copy for reading (the read path): one plain query, no identity map, never expired."""
        row = await (await driver(self._session)).fetchrow(_RESOURCE_BY_CODE, code)
        return None if row is None else Resource(**dict(row))

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
