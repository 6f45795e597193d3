"""The catalog's unit of work: repositories and the outbox on one session."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from catalog.store.bundles import BundleRepository
from catalog.store.models import OUTBOX
from catalog.store.reference import DictionaryRepository, SynonymRepository
from catalog.store.repositories import HistoryRepository, MatterRepository
from catalog.store.search import SearchRepository
from meshkit.db import UnitOfWork

__all__ = ["CatalogUnitOfWork"]


class CatalogUnitOfWork(UnitOfWork):
    outbox = OUTBOX
    matters: MatterRepository
    history: HistoryRepository
    bundles: BundleRepository
    search: SearchRepository
    dictionaries: DictionaryRepository
    synonyms: SynonymRepository

    def attach(self, session: AsyncSession) -> None:
        self.matters = MatterRepository(session)
        self.history = HistoryRepository(session)
        self.bundles = BundleRepository(session)
        self.search = SearchRepository(session, self._database)
        self.dictionaries = DictionaryRepository(session)
        self.synonyms = SynonymRepository(session)
