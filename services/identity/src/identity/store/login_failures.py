"""Failed logins per (account, source address), and the account's recent total across sources."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from identity.store.models import LoginFailure

__all__ = ["LoginFailureRepository"]


class LoginFailureRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def of(self, subject_id: str, source: str, *, for_update: bool = False) -> LoginFailure | None:
        query = select(LoginFailure).where(
            LoginFailure.subject_id == subject_id, LoginFailure.source == source
        )
        if for_update:
            query = query.with_for_update()
        return (await self._session.execute(query)).scalar_one_or_none()

    def add(self, failure: LoginFailure) -> None:
        self._session.add(failure)

    async def recent_total(self, subject_id: str, *, since: datetime) -> int:
        """Failures of the account from every source whose last failure is after ``since``."""
        query = select(func.coalesce(func.sum(LoginFailure.failures), 0)).where(
            LoginFailure.subject_id == subject_id, LoginFailure.updated_at > since
        )
        return int((await self._session.execute(query)).scalar_one())

    async def forget(self, subject_id: str, source: str | None = None) -> None:
        """A success from ``source`` (or a new password: every source) clears the count."""
        query = delete(LoginFailure).where(LoginFailure.subject_id == subject_id)
        if source is not None:
            query = query.where(LoginFailure.source == source)
        await self._session.execute(query)

    async def purge(self, *, before: datetime) -> int:
        """Counts last touched before ``before`` (their locks are long over)."""
        result = await self._session.execute(delete(LoginFailure).where(LoginFailure.updated_at < before))
        return int(getattr(result, "rowcount", 0) or 0)
