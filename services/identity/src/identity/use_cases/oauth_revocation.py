"""Token introspection (RFC 7662) and revocation (RFC 7009).

Access tokens are verified the way every service verifies them (signature, ``typ``, issuer, audience, expiry)
by the caller-supplied ``verify``; identity alone also knows revocations and deactivated clients and staff.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from datetime import UTC, datetime
from typing import Any

from identity.domain.oauth import REVOCABLE_TOKEN_TYPES, jwt_type, looks_like_jwt, opaque_token_hash
from identity.domain.tokens import TokenPolicy
from identity.store.models import Client, RefreshToken
from identity.store.unit_of_work import IdentityUnitOfWork
from identity.use_cases.oauth_grants import revoke_grants
from identity.use_cases.oauth_subjects import subject_claims, token_still_stands
from identity.use_cases.revocations import revoke_access_tokens
from identity.use_cases.tokens import OAuthError

__all__ = ["AccessTokenCheck", "introspect", "revoke"]

AccessTokenCheck = Callable[[str], Awaitable[Mapping[str, Any] | None]]
"""Claims of a validly signed, unexpired access token of this issuer, or None."""

INACTIVE: dict[str, Any] = {"active": False}


async def _live_refresh_token(uow: IdentityUnitOfWork, token: str, now: datetime) -> RefreshToken | None:
    row = await uow.refresh_tokens.get(opaque_token_hash(token))
    if row is None or row.rotated_at is not None or row.revoked_at is not None or row.expires_at <= now:
        return None
    return row


async def introspect(
    uow: IdentityUnitOfWork,
    *,
    caller: Client,
    token: str,
    verify: AccessTokenCheck,
    policy: TokenPolicy,
    secret: str,
    now: datetime,
) -> dict[str, Any]:
    """``active`` with the token's claims, or just ``active: false`` (expired, revoked, wrongly signed, unknown).
    Any confidential client may introspect access tokens; a refresh token only by the client it was issued to."""
    if caller.secret_hash is None:
        raise OAuthError(
            "只有机密客户端可以查询令牌 (confidential clients only)", status=401, code="invalid_client"
        )
    if looks_like_jwt(token):
        claims = await verify(token)
        if claims is None or not await token_still_stands(uow, claims):
            return INACTIVE
        return {**claims, "active": True, "token_type": "Bearer"}
    row = await _live_refresh_token(uow, token, now)
    if row is None or row.client_id != caller.client_id:
        return INACTIVE
    session = await uow.sessions.get(row.session_id) if row.session_id else None
    if session is None or session.ended_at is not None:
        return INACTIVE
    try:
        subject = await subject_claims(uow, session=session, client=caller, secret=secret)
    except OAuthError:
        return INACTIVE
    return {
        "active": True,
        "client_id": row.client_id,
        "scope": row.scope,
        "sub": subject.sub,
        "tb_kind": subject.kind,
        "iss": policy.issuer,
        "iat": int(row.issued_at.timestamp()),
        "exp": int(row.expires_at.timestamp()),
    }


async def revoke(
    uow: IdentityUnitOfWork,
    *,
    caller: Client,
    token: str,
    token_type_hint: str | None = None,
    verify: AccessTokenCheck,
    policy: TokenPolicy,
    now: datetime,
) -> None:
    """Revoke an access token (its ``jti``) or a refresh token (its whole family) issued to ``caller``.
    Unknown, invalid and other clients' tokens change nothing, and the answer is the same (RFC 7009 §2.2).
    A hint naming another token type, or an ID token (header ``typ: JWT``), is ``unsupported_token_type``
    (RFC 7009 §2.2.1): ID tokens cannot be revoked; ending the login session (end-session) is the way."""
    if token_type_hint is not None and token_type_hint not in REVOCABLE_TOKEN_TYPES:
        raise OAuthError(
            "只能撤销访问令牌和刷新令牌 (only access_token and refresh_token can be revoked)",
            code="unsupported_token_type",
        )
    if looks_like_jwt(token) and jwt_type(token) == "JWT":
        raise OAuthError(
            "ID 令牌不能撤销，请通过退出登录结束会话 (ID tokens cannot be revoked; use end_session_endpoint)",
            code="unsupported_token_type",
        )
    if looks_like_jwt(token):
        claims = await verify(token)
        if claims is not None and claims.get("client_id") == caller.client_id and claims.get("jti"):
            expires_at = datetime.fromtimestamp(int(claims["exp"]), UTC)
            await revoke_access_tokens(
                uow, jtis=[str(claims["jti"])], expires_at=expires_at, reason="revoked", now=now
            )
            await uow.commit()
        return
    row = await uow.refresh_tokens.get(opaque_token_hash(token))
    if row is not None and row.client_id == caller.client_id:
        await revoke_grants(uow, jtis=[], families=[row.family_id], reason="revoked", policy=policy, now=now)
        await uow.commit()
