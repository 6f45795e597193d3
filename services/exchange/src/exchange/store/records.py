"""Queries of hosted records (库表)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from exchange.store.driver import driver
from exchange.store.models import Record

__all__ = ["AppliedChange", "RecordRepository"]


@dataclass(frozen=True)
class AppliedChange:
    subject_ref: str
    version: int
    deleted: bool


class RecordRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def sealed(self, resource_code: str, subject_ref: str) -> bytes | None:
        """The sealed payload of a live record, or None."""
        connection = await driver(self._session)
        value: bytes | None = await connection.fetchval(
            "SELECT sealed FROM records WHERE resource_code = $1 AND subject_ref = $2 AND NOT deleted",
            resource_code,
            subject_ref,
        )
        return value

    async def upsert_newer(self, resource_code: str, rows: Sequence[dict[str, Any]]) -> list[AppliedChange]:
        """Insert or replace records whose version is newer than the stored one; returns what changed.

        Each row: ``subject_ref``, ``version``, ``sealed`` (None when deleted), ``deleted``.
        """
        if not rows:
            return []
        statement = insert(Record).values([{**row, "resource_code": resource_code} for row in rows])
        upsert = statement.on_conflict_do_update(
            index_elements=[Record.resource_code, Record.subject_ref],
            set_={
                "version": statement.excluded.version,
                "sealed": statement.excluded.sealed,
                "deleted": statement.excluded.deleted,
                "updated_at": func.now(),
            },
            where=Record.version < statement.excluded.version,
        ).returning(Record.subject_ref, Record.version, Record.deleted)
        result = await self._session.execute(upsert)
        return [AppliedChange(ref, version, deleted) for ref, version, deleted in result.all()]

    async def count(self, resource_code: str) -> int:
        query = select(func.count()).where(Record.resource_code == resource_code, Record.deleted.is_(False))
        return int(await self._session.scalar(query) or 0)
