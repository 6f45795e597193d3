"""Repositories of persons, enterprises and staff. Sensitive values are found only by their keyed lookup hash."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from identity.store.models import Enterprise, Newborn, Organization, Person, Staff

__all__ = ["EnterpriseRepository", "NewbornRepository", "PersonRepository", "StaffRepository"]


class PersonRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, person_id: str) -> Person | None:
        return await self._session.get(Person, person_id)

    async def by_id_number(self, lookup: str) -> Person | None:
        """By the keyed hash of the ID number (``PiiCipher.lookup("id_number", ...)``)."""
        return (await self._session.scalars(select(Person).where(Person.id_number_lookup == lookup))).first()

    async def by_phone(self, lookup: str) -> Sequence[Person]:
        """By the keyed hash of the phone; a phone may be shared (e.g. within a family)."""
        query = select(Person).where(Person.phone_lookup == lookup).order_by(Person.created_at)
        return (await self._session.scalars(query)).all()

    def add(self, person: Person) -> None:
        self._session.add(person)


class EnterpriseRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, enterprise_id: str) -> Enterprise | None:
        return await self._session.get(Enterprise, enterprise_id)

    async def by_credit_code(self, lookup: str) -> Enterprise | None:
        query = select(Enterprise).where(Enterprise.credit_code_lookup == lookup)
        return (await self._session.scalars(query)).first()

    async def represented_by(self, person_id: str) -> Sequence[Enterprise]:
        query = (
            select(Enterprise)
            .where(Enterprise.legal_representative_id == person_id)
            .order_by(Enterprise.created_at, Enterprise.id)
        )
        return (await self._session.scalars(query)).all()

    def add(self, enterprise: Enterprise) -> None:
        self._session.add(enterprise)


class StaffRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, staff_id: str) -> Staff | None:
        return await self._session.get(Staff, staff_id)

    async def by_username(self, username: str) -> Staff | None:
        return (await self._session.scalars(select(Staff).where(Staff.username == username))).first()

    async def search(
        self,
        *,
        division_prefix: str | None,
        organization_code: str | None,
        role: str | None,
        active: bool | None,
        limit: int,
        offset: int,
    ) -> tuple[Sequence[Staff], int]:
        """Staff whose territorial scope and organization both lie under ``division_prefix`` (None: everywhere)."""
        query = select(Staff)
        if division_prefix:
            query = query.join(Organization, Organization.code == Staff.organization_code).where(
                Staff.scope_division.startswith(division_prefix, autoescape=True),
                Organization.division_code.startswith(division_prefix, autoescape=True),
            )
        if organization_code:
            query = query.where(Staff.organization_code == organization_code)
        if role:
            query = query.where(Staff.roles.contains([role]))
        if active is not None:
            query = query.where(Staff.active.is_(active))
        total = await self._session.scalar(select(func.count()).select_from(query.subquery()))
        page = query.order_by(Staff.organization_code, Staff.username).limit(limit).offset(offset)
        return (await self._session.scalars(page)).all(), int(total or 0)

    def add(self, staff: Staff) -> None:
        self._session.add(staff)


class NewbornRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, newborn_id: str) -> Newborn | None:
        return await self._session.get(Newborn, newborn_id)

    async def of_guardian(self, guardian_id: str) -> Sequence[Newborn]:
        query = (
            select(Newborn).where(Newborn.guardian_id == guardian_id).order_by(Newborn.birth_date, Newborn.id)
        )
        return (await self._session.scalars(query)).all()

    def add(self, newborn: Newborn) -> None:
        self._session.add(newborn)
