"""Queries of the matters' dependencies on shared resources and e-certificates."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, literal, literal_column, select, union
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
                index_elements=[CatalogMatter.code],
                set_={"version": version, **values},
                where=CatalogMatter.version < version,
            ).returning(CatalogMatter.code)
        )
        return result.first() is not None

    async def published(
        self,
        *,
        code: str,
        version: int,
        name: str,
        department_code: str,
        dependencies: Sequence[dict[str, Any]],
        result_certificate_type: str | None = None,
    ) -> bool:
        """Replace the dependencies of ``code`` with those of ``version`` (ignored when older than known)."""
        values = {
            "name": name,
            "department_code": department_code,
            "open": True,
            "result_certificate_type": result_certificate_type,
        }
        if not await self._claim(code, version, values):
            return False
        await self._session.execute(delete(MatterDependency).where(MatterDependency.matter_code == code))
        for position, dependency in enumerate(dependencies):
            self._session.add(
                MatterDependency(matter_code=code, position=position, matter_version=version, **dependency)
            )
        await self._session.flush()
        return True

    async def result_type(self, code: str) -> tuple[str | None] | None:
        """(the certificate type a matter results in, or None) — or None when the hub has not heard of the matter."""
        row = (
            await self._session.execute(
                select(CatalogMatter.result_certificate_type).where(CatalogMatter.code == code)
            )
        ).first()
        return None if row is None else (row[0],)

    async def retired(self, *, code: str, version: int) -> None:
        statement = insert(CatalogMatter).values(code=code, version=version, open=False)
        await self._session.execute(
            statement.on_conflict_do_update(
                index_elements=[CatalogMatter.code],
                set_={"version": version, "open": False},
                where=CatalogMatter.version <= version,
            )
        )
        current = await self._session.get(CatalogMatter, code, populate_existing=True)
        if current is not None and not current.open:
            await self._session.execute(delete(MatterDependency).where(MatterDependency.matter_code == code))

    async def dependents(
        self, *, resource_code: str | None = None, certificate_type: str | None = None
    ) -> Sequence[MatterDependency]:
        """Materials of open matters that rely on a resource or on an e-certificate type."""
        query = select(MatterDependency).order_by(MatterDependency.matter_code, MatterDependency.position)
        if resource_code is not None:
            query = query.where(MatterDependency.resource_code == resource_code)
        if certificate_type is not None:
            query = query.where(MatterDependency.certificate_type == certificate_type)
        return (await self._session.scalars(query)).all()

    async def certificate_types_in_use(self) -> Sequence[tuple[str, str, str, str]]:
        """(type as the catalog names it, matter code, matter name, "result" | "material") over the open matters."""
        results = select(
            CatalogMatter.result_certificate_type, CatalogMatter.code, CatalogMatter.name, literal("result")
        ).where(CatalogMatter.open, CatalogMatter.result_certificate_type.is_not(None))
        materials = (
            select(
                MatterDependency.certificate_type, CatalogMatter.code, CatalogMatter.name, literal("material")
            )
            .join(CatalogMatter, CatalogMatter.code == MatterDependency.matter_code)
            .where(CatalogMatter.open, MatterDependency.certificate_type.is_not(None))
        )
        rows = (
            await self._session.execute(
                union(results, materials).order_by(literal_column("1"), literal_column("2"))
            )
        ).all()
        return [(str(t), str(c), str(n), str(r)) for t, c, n, r in rows]
