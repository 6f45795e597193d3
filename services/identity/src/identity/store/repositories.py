"""Queries live here and only here."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from identity.store.models import Client, Organization, SigningKey

__all__ = ["ClientRepository", "KeyRepository", "OrganizationRepository"]


class OrganizationRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, code: str) -> Organization | None:
        return await self._session.get(Organization, code)

    async def merge(self, organization: Organization) -> None:
        await self._session.merge(organization)

    async def children(self, parent_code: str | None, *, kind: str | None = None) -> Sequence[Organization]:
        query = select(Organization).where(Organization.parent_code.is_(None) if parent_code is None
                                           else Organization.parent_code == parent_code)  # fmt: skip
        if kind:
            query = query.where(Organization.kind == kind)
        return (await self._session.scalars(query.order_by(Organization.code))).all()


class ClientRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, client_id: str) -> Client | None:
        return await self._session.get(Client, client_id)

    def add(self, client: Client) -> None:
        self._session.add(client)


class KeyRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def published(self) -> Sequence[SigningKey]:
        return (await self._session.scalars(select(SigningKey).order_by(SigningKey.created_at.desc()))).all()

    async def newest_active(self) -> SigningKey | None:
        query = (
            select(SigningKey).where(SigningKey.retired_at.is_(None)).order_by(SigningKey.created_at.desc())
        )
        return (await self._session.scalars(query.limit(1))).first()

    def add(self, key: SigningKey) -> None:
        self._session.add(key)
