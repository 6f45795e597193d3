"""Queries live here and only here."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from cases.store.models import OpenBundle, OpenMatter

__all__ = ["OpenBundleRepository", "OpenMatterRepository"]


class OpenMatterRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def upsert_newer(self, values: dict[str, Any]) -> None:
        """Keep the highest version per code, whatever order the events arrive in."""
        statement = insert(OpenMatter).values(**values)
        changed = {key: statement.excluded[key] for key in values if key != "code"}
        await self._session.execute(
            statement.on_conflict_do_update(
                index_elements=[OpenMatter.code],
                set_={**changed, "updated_at": func.now()},
                where=OpenMatter.version < statement.excluded.version,
            )
        )

    async def remove_retired(self, code: str, version: int) -> None:
        """A retired version closes the matter unless a newer version is already here."""
        await self._session.execute(
            delete(OpenMatter).where(OpenMatter.code == code, OpenMatter.version <= version)
        )

    async def get(self, code: str) -> OpenMatter | None:
        return await self._session.get(OpenMatter, code)

    async def page(self, *, limit: int, offset: int) -> tuple[Sequence[OpenMatter], int]:
        total = await self._session.scalar(select(func.count()).select_from(OpenMatter))
        rows = await self._session.scalars(
            select(OpenMatter).order_by(OpenMatter.code).limit(limit).offset(offset)
        )
        return rows.all(), int(total or 0)


class OpenBundleRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def upsert_newer(self, values: dict[str, Any]) -> None:
        statement = insert(OpenBundle).values(**values)
        changed = {key: statement.excluded[key] for key in values if key != "code"}
        await self._session.execute(
            statement.on_conflict_do_update(
                index_elements=[OpenBundle.code],
                set_={**changed, "updated_at": func.now()},
                where=OpenBundle.version < statement.excluded.version,
            )
        )

    async def remove_retired(self, code: str, version: int) -> None:
        await self._session.execute(
            delete(OpenBundle).where(OpenBundle.code == code, OpenBundle.version <= version)
        )

    async def get(self, code: str) -> OpenBundle | None:
        return await self._session.get(OpenBundle, code)
