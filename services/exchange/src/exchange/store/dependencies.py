"""Queries of the matters' dependencies on shared resources and e-certificates."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from exchange.store.dependency_models import CatalogMatter, MatterDependency

__all__ = ["MatterDependencyRepository"]


class MatterDependencyRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def _claim(self, code: str, version: int, values: dict[str, Any]) -> bool:
        """Record ``version`` of ``code`` unless a newer (or the same) version is known; True when recorded."""
        statement = insert(CatalogMatter).values(code=code, version=version, **values)
        result = await self._session.execute(
            statement.on_conflict_do_update(
                index_elements=[CatalogMatter.code], set_={"version": version, **values},
                where=CatalogMatter.version < version,
            ).returning(CatalogMatter.code)
        )  # fmt: skip
        return result.first() is not None

    async def published(
        self,
        *,
        code: str,
        version: int,
        name: str,
        department_code: str,
        dependencies: Sequence[dict[str, Any]],
    ) -> bool:
        """Replace the dependencies of ``code`` with those of ``version`` (ignored when older than known)."""
        values = {"name": name, "department_code": department_code, "open": True}
        if not await self._claim(code, version, values):
            return False
        await self._session.execute(delete(MatterDependency).where(MatterDependency.matter_code == code))
        for position, dependency in enumerate(dependencies):
            self._session.add(
                MatterDependency(matter_code=code, position=position, matter_version=version, **dependency)
            )
        await self._session.flush()
        return True

    async def retired(self, *, code: str, version: int) -> None:
        statement = insert(CatalogMatter).values(code=code, version=version, open=False)
        await self._session.execute(
            statement.on_conflict_do_update(
                index_elements=[CatalogMatter.code], set_={"version": version, "open": False},
                where=CatalogMatter.version <= version,
            )
        )  # fmt: skip
        current = await self._session.get(CatalogMatter, code, populate_existing=True)
        if current is not None and not current.open:
            await self._session.execute(delete(MatterDependency).where(MatterDependency.matter_code == code))

    async def dependents(self, *, resource_code: str | None = None, certificate_type: str | None = None
                         ) -> Sequence[MatterDependency]:  # fmt: skip
        """Materials of open matters that rely on a resource or on an e-certificate type."""
        query = select(MatterDependency).order_by(MatterDependency.matter_code, MatterDependency.position)
        if resource_code is not None:
            query = query.where(MatterDependency.resource_code == resource_code)
        if certificate_type is not None:
            query = query.where(MatterDependency.certificate_type == certificate_type)
        return (await self._session.scalars(query)).all()
