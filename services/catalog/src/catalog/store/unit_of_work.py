"""The catalog's unit of work: repositories and the outbox on one session."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from catalog.store.models import OUTBOX
from catalog.store.repositories import MatterRepository
from meshkit.db import UnitOfWork

__all__ = ["CatalogUnitOfWork"]


class CatalogUnitOfWork(UnitOfWork):
    outbox = OUTBOX
    matters: MatterRepository

    def attach(self, session: AsyncSession) -> None:
        self.matters = MatterRepository(session)
