"""Queries live here and only here: the directory (resources, members and their systems)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from exchange.store.models import Member, MemberSystem, Resource

__all__ = ["MemberRepository", "ResourceRepository", "SystemRepository"]


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


class SystemRepository:
    """The members' systems (OAuth clients) by name."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def of_member(self, member_code: str) -> Sequence[MemberSystem]:
        query = select(MemberSystem).where(MemberSystem.member_code == member_code)
        return (await self._session.scalars(query.order_by(MemberSystem.client_id))).all()

    async def put(self, *, client_id: str, member_code: str, name: str, by: str) -> None:
        """Enter or rename the system (a client id moved to another member follows it)."""
        values = {"client_id": client_id, "member_code": member_code, "name": name, "updated_by": by}
        statement = insert(MemberSystem).values(**values)
        await self._session.execute(
            statement.on_conflict_do_update(
                index_elements=[MemberSystem.client_id],
                set_={"member_code": member_code, "name": name, "updated_by": by, "updated_at": func.now()},
            )
        )

    async def names(self, client_ids: set[str]) -> dict[str, str]:
        if not client_ids:
            return {}
        query = select(MemberSystem.client_id, MemberSystem.name).where(
            MemberSystem.client_id.in_(client_ids)
        )
        rows = await self._session.execute(query)
        return dict(rows.all())

    async def members(self, client_ids: set[str]) -> dict[str, str]:
        """client id -> the member (organization code) the system belongs to, as the hub's operators entered it."""
        if not client_ids:
            return {}
        query = select(MemberSystem.client_id, MemberSystem.member_code).where(
            MemberSystem.client_id.in_(client_ids)
        )
        return dict((await self._session.execute(query)).all())
