"""Repositories of what proves an account: one-time phone codes and enterprise agents (经办人)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from identity.store.models import AuthorizationCode, EnterpriseAgent, LoginSession, PhoneCode, RefreshToken

__all__ = ["AgentRepository", "PhoneCodeRepository"]


class PhoneCodeRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def serialize_sending(self, *keys: str) -> None:
        """Transaction-scoped advisory locks: two concurrent requests for one number or source count one by one."""
        for key in sorted(set(keys)):
            await self._session.execute(
                text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 17))"), {"key": f"phone-code:{key}"}
            )

    async def sent_since(
        self, *, phone_lookup: str | None, source_key: str | None, since: datetime
    ) -> list[datetime]:
        query = select(PhoneCode.created_at).where(PhoneCode.created_at > since)
        if phone_lookup is not None:
            query = query.where(PhoneCode.phone_lookup == phone_lookup)
        if source_key is not None:
            query = query.where(PhoneCode.source_key == source_key)
        return list((await self._session.scalars(query)).all())

    async def latest_open(self, *, purpose: str, phone_lookup: str, now: datetime) -> PhoneCode | None:
        """The newest unused, unexpired code for this number and purpose, locked ``FOR UPDATE``."""
        query = (
            select(PhoneCode)
            .where(
                PhoneCode.purpose == purpose,
                PhoneCode.phone_lookup == phone_lookup,
                PhoneCode.used_at.is_(None),
                PhoneCode.expires_at > now,
            )
            .order_by(PhoneCode.created_at.desc())
            .limit(1)
            .with_for_update()
        )
        return (await self._session.scalars(query)).first()

    def add(self, code: PhoneCode) -> None:
        self._session.add(code)


class AgentRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    def add(self, agent: EnterpriseAgent) -> None:
        self._session.add(agent)

    async def get(self, agent_id: str) -> EnterpriseAgent | None:
        return await self._session.get(EnterpriseAgent, agent_id)

    async def of_enterprise(self, enterprise_id: str) -> Sequence[EnterpriseAgent]:
        query = (
            select(EnterpriseAgent)
            .where(EnterpriseAgent.enterprise_id == enterprise_id)
            .order_by(EnterpriseAgent.granted_at, EnterpriseAgent.id)
        )
        return (await self._session.scalars(query)).all()

    async def current(self, *, enterprise_id: str, person_id: str, now: datetime) -> EnterpriseAgent | None:
        """The person's authorization for the enterprise that is neither revoked nor expired."""
        query = select(EnterpriseAgent).where(
            EnterpriseAgent.enterprise_id == enterprise_id,
            EnterpriseAgent.person_id == person_id,
            EnterpriseAgent.revoked_at.is_(None),
            EnterpriseAgent.expires_at > now,
        )
        return (await self._session.scalars(query)).first()

    async def acting_for(self, person_id: str, *, now: datetime) -> Sequence[str]:
        """Ids of the enterprises the person currently acts for as an agent."""
        query = select(EnterpriseAgent.enterprise_id).where(
            EnterpriseAgent.person_id == person_id,
            EnterpriseAgent.revoked_at.is_(None),
            EnterpriseAgent.expires_at > now,
        )
        return list(dict.fromkeys((await self._session.scalars(query)).all()))

    async def revoke_all(self, enterprise_id: str, *, by: str, now: datetime) -> int:
        query = (
            update(EnterpriseAgent)
            .where(EnterpriseAgent.enterprise_id == enterprise_id, EnterpriseAgent.revoked_at.is_(None))
            .values(revoked_at=now, revoked_by=by)
        )
        result = await self._session.execute(query)
        return int(getattr(result, "rowcount", 0) or 0)

    async def open_enterprise_sessions(
        self, enterprise_id: str, *, person_id: str | None, now: datetime
    ) -> Sequence[LoginSession]:
        """Open login sessions for the enterprise (of one person, or of everyone), locked ``FOR UPDATE``."""
        query = select(LoginSession).where(
            LoginSession.enterprise_id == enterprise_id,
            LoginSession.ended_at.is_(None),
            LoginSession.expires_at > now,
        )
        if person_id is not None:
            query = query.where(LoginSession.subject_id == person_id)
        return (await self._session.scalars(query.with_for_update())).all()

    async def issued_in_sessions(self, session_ids: Sequence[str]) -> tuple[list[str], list[str]]:
        """(access token ids issued for their codes, refresh families) of these login sessions."""
        if not session_ids:
            return [], []
        jtis = await self._session.scalars(
            select(AuthorizationCode.issued_jti).where(
                AuthorizationCode.session_id.in_(session_ids), AuthorizationCode.issued_jti.is_not(None)
            )
        )
        families = await self._session.scalars(
            select(func.distinct(RefreshToken.family_id)).where(RefreshToken.session_id.in_(session_ids))
        )
        return [j for j in jtis.all() if j], list(families.all())
