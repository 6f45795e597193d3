"""Repositories of persons, enterprises and staff."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from identity.store.models import Enterprise, Person, Staff

__all__ = ["EnterpriseRepository", "PersonRepository", "StaffRepository"]


class PersonRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, person_id: str) -> Person | None:
        return await self._session.get(Person, person_id)


class EnterpriseRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, enterprise_id: str) -> Enterprise | None:
        return await self._session.get(Enterprise, enterprise_id)


class StaffRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, staff_id: str) -> Staff | None:
        return await self._session.get(Staff, staff_id)
