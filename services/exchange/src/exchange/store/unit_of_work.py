"""The exchange unit of work: repositories and the outbox on one session."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from exchange.store.models import OUTBOX
from exchange.store.repositories import ResourceRepository
from meshkit.db import UnitOfWork

__all__ = ["ExchangeUnitOfWork"]


class ExchangeUnitOfWork(UnitOfWork):
    outbox = OUTBOX
    resources: ResourceRepository

    def attach(self, session: AsyncSession) -> None:
        self.resources = ResourceRepository(session)
