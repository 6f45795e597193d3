"""Reference data: the code lists (字典) and the editor-managed synonyms."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from catalog.store.models import DictionaryEntry, Synonym

__all__ = ["DictionaryRepository", "SynonymRepository"]


class DictionaryRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session
        self._active: dict[str, dict[str, str]] | None = None  # per unit of work: imports publish many

    async def entries(self, dictionary: str | None = None) -> Sequence[DictionaryEntry]:
        query = select(DictionaryEntry).order_by(DictionaryEntry.dictionary, DictionaryEntry.position)
        if dictionary is not None:
            query = query.where(DictionaryEntry.dictionary == dictionary)
        return (await self._session.scalars(query)).all()

    async def active(self) -> dict[str, dict[str, str]]:
        """dictionary -> code -> label, active codes only: what the quality rules accept."""
        if self._active is None:
            rows = await self._session.execute(
                select(DictionaryEntry.dictionary, DictionaryEntry.code, DictionaryEntry.label)
                .where(DictionaryEntry.active)
                .order_by(DictionaryEntry.dictionary, DictionaryEntry.position)
            )
            self._active = {}
            for dictionary, code, label in rows:
                self._active.setdefault(dictionary, {})[code] = label
        return self._active

    async def put(self, *, dictionary: str, code: str, label: str, active: bool) -> DictionaryEntry:
        self._active = None
        position = await self._session.scalar(
            select(func.coalesce(func.max(DictionaryEntry.position) + 1, 0)).where(
                DictionaryEntry.dictionary == dictionary
            )
        )
        statement = insert(DictionaryEntry).values(
            dictionary=dictionary, code=code, label=label, active=active, position=position
        )
        await self._session.execute(
            statement.on_conflict_do_update(
                index_elements=["dictionary", "code"], set_={"label": label, "active": active}
            )
        )
        entry = await self._session.get(DictionaryEntry, (dictionary, code), populate_existing=True)
        assert entry is not None
        return entry


class SynonymRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def all(self) -> Sequence[Synonym]:
        return (await self._session.scalars(select(Synonym).order_by(Synonym.term))).all()

    async def put(self, *, term: str, expansions: list[str], actor: str) -> Synonym:
        statement = insert(Synonym).values(term=term, expansions=expansions, updated_by=actor)
        await self._session.execute(
            statement.on_conflict_do_update(
                index_elements=["term"],
                set_={"expansions": expansions, "updated_by": actor, "updated_at": func.now()},
            )
        )
        synonym = await self._session.get(Synonym, term, populate_existing=True)
        assert synonym is not None
        return synonym

    async def remove(self, term: str) -> bool:
        result = await self._session.execute(
            delete(Synonym).where(Synonym.term == term).returning(Synonym.term)
        )
        return result.first() is not None
