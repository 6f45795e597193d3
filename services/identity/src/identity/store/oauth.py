"""Repositories of the OpenID Provider's state: login sessions, codes, refresh tokens, revocations."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, func, select, tuple_, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from identity.store.models import (
    AuthorizationCode,
    LoginSession,
    Person,
    RefreshToken,
    Revocation,
    RevokedToken,
    Staff,
)

__all__ = [
    "CodeRepository",
    "RefreshTokenRepository",
    "RevocationRepository",
    "RevokedTokenRepository",
    "SessionRepository",
]


class SessionRepository:
    """Login sessions (single sign-on), and the login bookkeeping on the subject rows."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, session_id: str) -> LoginSession | None:
        return await self._session.get(LoginSession, session_id)

    def add(self, login: LoginSession) -> None:
        self._session.add(login)

    async def open_of(
        self, *, subject_id: str | None = None, enterprise_id: str | None = None, now: datetime
    ) -> Sequence[LoginSession]:
        """Open sessions of an account (a person's enterprise sessions included) or acting for an enterprise."""
        query = select(LoginSession).where(LoginSession.ended_at.is_(None), LoginSession.expires_at > now)
        if subject_id is not None:
            query = query.where(LoginSession.subject_id == subject_id)
        if enterprise_id is not None:
            query = query.where(LoginSession.enterprise_id == enterprise_id)
        return (await self._session.scalars(query.with_for_update())).all()

    async def lock_subject(self, subject: Person | Staff) -> None:
        """Re-read the row under ``FOR UPDATE`` so concurrent failed logins count one by one."""
        await self._session.refresh(subject, with_for_update=True)

    async def purge(self, *, before: datetime) -> int:
        """Sessions that ended or expired before ``before`` and that no code or refresh token still names."""
        still_named = select(RefreshToken.session_id).where(RefreshToken.session_id.is_not(None))
        coded = select(AuthorizationCode.session_id)
        query = delete(LoginSession).where(
            LoginSession.expires_at < before,
            LoginSession.id.not_in(still_named),
            LoginSession.id.not_in(coded),
        )
        return _count(await self._session.execute(query))


class CodeRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, code_hash: str) -> AuthorizationCode | None:
        return await self._session.get(AuthorizationCode, code_hash)

    async def claim(self, code_hash: str) -> AuthorizationCode | None:
        """The code locked ``FOR UPDATE``: two concurrent redemptions are serialized, the second sees it used."""
        return await self._session.get(AuthorizationCode, code_hash, with_for_update=True)

    def add(self, code: AuthorizationCode) -> None:
        self._session.add(code)

    async def purge(self, *, before: datetime) -> int:
        query = delete(AuthorizationCode).where(AuthorizationCode.expires_at < before)
        return _count(await self._session.execute(query))


class RefreshTokenRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, token_hash: str) -> RefreshToken | None:
        return await self._session.get(RefreshToken, token_hash)

    async def claim(self, token_hash: str) -> RefreshToken | None:
        """The token locked ``FOR UPDATE``, so one presentation rotates it and a concurrent one sees it rotated."""
        return await self._session.get(RefreshToken, token_hash, with_for_update=True)

    def add(self, token: RefreshToken) -> None:
        self._session.add(token)

    async def revoke_family(self, family_id: str, *, now: datetime) -> Sequence[str]:
        """Revoke every token of the family; returns the ids of the access tokens issued with them."""
        query = (
            update(RefreshToken)
            .where(RefreshToken.family_id == family_id, RefreshToken.revoked_at.is_(None))
            .values(revoked_at=now)
            .execution_options(synchronize_session="fetch")
        )
        await self._session.execute(query)
        jtis = select(RefreshToken.access_jti).where(
            RefreshToken.family_id == family_id, RefreshToken.access_jti.is_not(None)
        )
        return [jti for jti in (await self._session.scalars(jtis)).all() if jti]

    async def families_of_session(self, session_id: str) -> Sequence[str]:
        query = select(RefreshToken.family_id).where(RefreshToken.session_id == session_id).distinct()
        return (await self._session.scalars(query)).all()

    async def purge(self, *, before: datetime) -> int:
        return _count(
            await self._session.execute(delete(RefreshToken).where(RefreshToken.expires_at < before))
        )


class RevokedTokenRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, jti: str) -> RevokedToken | None:
        return await self._session.get(RevokedToken, jti)

    async def is_revoked(self, jti: str) -> bool:
        return (
            await self._session.scalar(select(RevokedToken.jti).where(RevokedToken.jti == jti))
        ) is not None

    async def revoke(self, jtis: Sequence[str], *, expires_at: datetime, now: datetime) -> None:
        """Deny-list access tokens until they would have expired anyway; revoking twice is harmless."""
        if not jtis:
            return
        rows = [{"jti": jti, "expires_at": expires_at, "revoked_at": now} for jti in dict.fromkeys(jtis)]
        await self._session.execute(insert(RevokedToken).values(rows).on_conflict_do_nothing())

    async def purge(self, *, before: datetime) -> int:
        return _count(
            await self._session.execute(delete(RevokedToken).where(RevokedToken.expires_at < before))
        )


class RevocationRepository:
    """Deny-list entries by (kind, value): sessions, families, subjects, enterprises, clients."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, entries: Sequence[tuple[str, str]], *, at: datetime, until: datetime) -> None:
        """Deny each (kind, value) for tokens as the kind says (``meshkit.revocation``); a repeated entry
        moves to the later time."""
        if not entries:
            return
        rows = [
            {"kind": k, "value": v, "revoked_at": at, "expires_at": until} for k, v in dict.fromkeys(entries)
        ]
        statement = insert(Revocation).values(rows)
        await self._session.execute(
            statement.on_conflict_do_update(
                index_elements=[Revocation.kind, Revocation.value],
                set_={
                    "revoked_at": func.greatest(Revocation.revoked_at, statement.excluded.revoked_at),
                    "expires_at": func.greatest(Revocation.expires_at, statement.excluded.expires_at),
                },
            )
        )

    async def matching(self, keys: Sequence[tuple[str, str]]) -> Sequence[Revocation]:
        if not keys:
            return []
        query = select(Revocation).where(tuple_(Revocation.kind, Revocation.value).in_(list(keys)))
        return (await self._session.scalars(query)).all()

    async def purge(self, *, before: datetime) -> int:
        return _count(await self._session.execute(delete(Revocation).where(Revocation.expires_at < before)))


def _count(result: object) -> int:
    return int(getattr(result, "rowcount", 0) or 0)
