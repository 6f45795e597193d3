"""Registered duties (履职依据) as operators keep them."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from exchange.store.basis_models import Duty

__all__ = ["DutyRepository"]


class DutyRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, code: str) -> Duty | None:
        return await self._session.get(Duty, code)

    def add(self, duty: Duty) -> None:
        self._session.add(duty)

    async def of_member(self, member_code: str | None) -> Sequence[Duty]:
        query = select(Duty).order_by(Duty.member_code, Duty.code)
        if member_code is not None:
            query = query.where(Duty.member_code == member_code)
        return (await self._session.scalars(query)).all()
