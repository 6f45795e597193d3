"""Queries live here and only here."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from catalog.domain import MatterStatus
from catalog.store.models import Matter

__all__ = ["MatterRepository"]


class MatterRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    def add(self, matter: Matter) -> None:
        self._session.add(matter)

    async def get(self, matter_id: str, *, for_update: bool = False) -> Matter | None:
        query = select(Matter).where(Matter.id == matter_id)
        if for_update:
            query = query.with_for_update()
        return (await self._session.scalars(query)).first()

    async def next_version(self, code: str) -> int:
        current = await self._session.scalar(select(func.max(Matter.version)).where(Matter.code == code))
        return int(current or 0) + 1

    async def current_published(self, code: str) -> Matter | None:
        query = (
            select(Matter)
            .where(Matter.code == code, Matter.status == MatterStatus.PUBLISHED)
            .order_by(Matter.version.desc())
            .limit(1)
        )
        return (await self._session.scalars(query)).first()

    async def list_published(
        self, *, text: str | None, limit: int, offset: int
    ) -> tuple[Sequence[Matter], int]:
        where = [Matter.status == MatterStatus.PUBLISHED]
        if text:
            where.append(Matter.name.contains(text, autoescape=True))
        total = await self._session.scalar(select(func.count()).select_from(Matter).where(*where))
        rows = await self._session.scalars(
            select(Matter).where(*where).order_by(Matter.code, Matter.version).limit(limit).offset(offset)
        )
        return rows.all(), int(total or 0)
