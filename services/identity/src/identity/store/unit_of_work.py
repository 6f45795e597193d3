"""The identity unit of work: repositories and the outbox on one session."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from identity.store.models import OUTBOX
from identity.store.repositories import ClientRepository, KeyRepository, OrganizationRepository
from meshkit.db import UnitOfWork

__all__ = ["IdentityUnitOfWork"]


class IdentityUnitOfWork(UnitOfWork):
    outbox = OUTBOX
    organizations: OrganizationRepository
    clients: ClientRepository
    keys: KeyRepository

    def attach(self, session: AsyncSession) -> None:
        self.organizations = OrganizationRepository(session)
        self.clients = ClientRepository(session)
        self.keys = KeyRepository(session)
