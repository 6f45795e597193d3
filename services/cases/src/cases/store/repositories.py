"""Queries live here and only here."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from cases.store.models import OpenMatter

__all__ = ["OpenMatterRepository"]


class OpenMatterRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def upsert_newer(self, values: dict[str, object]) -> None:
        """Keep the highest version per code, whatever order the events arrive in."""
        statement = insert(OpenMatter).values(**values)
        excluded = statement.excluded
        await self._session.execute(
            statement.on_conflict_do_update(
                index_elements=[OpenMatter.code],
                set_={
                    "matter_id": excluded.matter_id, "version": excluded.version, "name": excluded.name,
                    "matter_type": excluded.matter_type, "department_code": excluded.department_code,
                    "statutory_days": excluded.statutory_days, "promised_days": excluded.promised_days,
                    "updated_at": func.now(),
                },
                where=OpenMatter.version < excluded.version,
            )
        )  # fmt: skip

    async def get(self, code: str) -> OpenMatter | None:
        return await self._session.get(OpenMatter, code)

    async def page(self, *, limit: int, offset: int) -> tuple[Sequence[OpenMatter], int]:
        total = await self._session.scalar(select(func.count()).select_from(OpenMatter))
        rows = await self._session.scalars(
            select(OpenMatter).order_by(OpenMatter.code).limit(limit).offset(offset)
        )
        return rows.all(), int(total or 0)
