"""Repositories of the OpenID Provider's state: login sessions, codes, refresh tokens, revocations."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from identity.store.models import AuthorizationCode, LoginSession, RefreshToken, RevokedToken

__all__ = ["CodeRepository", "RefreshTokenRepository", "RevokedTokenRepository", "SessionRepository"]


class SessionRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, session_id: str) -> LoginSession | None:
        return await self._session.get(LoginSession, session_id)


class CodeRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, code_hash: str) -> AuthorizationCode | None:
        return await self._session.get(AuthorizationCode, code_hash)


class RefreshTokenRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, token_hash: str) -> RefreshToken | None:
        return await self._session.get(RefreshToken, token_hash)


class RevokedTokenRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, jti: str) -> RevokedToken | None:
        return await self._session.get(RevokedToken, jti)
