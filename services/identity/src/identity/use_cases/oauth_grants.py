"""The token endpoint's grants for people: authorization code + PKCE, and refresh-token rotation with reuse
detection. A reused code revokes what it issued; a reused refresh token revokes its whole family."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Sequence
from datetime import datetime, timedelta

from identity.domain.oauth import new_opaque_token, opaque_token_hash, pkce_matches, session_sid
from identity.domain.tokens import TokenPolicy, access_token_claims, id_token_claims, narrowed_scopes
from identity.keys import ActiveKey, sign
from identity.store.models import Client, LoginSession, RefreshToken
from identity.store.unit_of_work import IdentityUnitOfWork
from identity.use_cases.oauth_subjects import subject_claims
from identity.use_cases.revocations import revoke_access_tokens, revoke_families
from identity.use_cases.tokens import OAuthError, TokenGrant

__all__ = ["exchange_code", "refresh_tokens", "revoke_grants"]

log = logging.getLogger("identity.grants")


def _invalid_grant(detail: str) -> OAuthError:
    return OAuthError(detail, code="invalid_grant")


async def revoke_grants(
    uow: IdentityUnitOfWork,
    *,
    jtis: Sequence[str],
    families: Sequence[str],
    reason: str,
    policy: TokenPolicy,
    now: datetime,
) -> None:
    """Revoke access tokens by id and refresh families (with the access tokens issued alongside them), and
    announce both so every service refuses them. The entries live until every such token has expired anyway."""
    await revoke_access_tokens(
        uow, jtis=jtis, expires_at=now + timedelta(seconds=policy.access_ttl), reason=reason, now=now
    )
    await revoke_families(uow, families=families, reason=reason, policy=policy, now=now)


async def _issue(
    uow: IdentityUnitOfWork,
    *,
    client: Client,
    session: LoginSession,
    scopes: Sequence[str],
    granted: str,
    nonce: str | None,
    family: str | None,
    refresh_expires_at: datetime | None,
    key: ActiveKey,
    policy: TokenPolicy,
    secret: str,
    now: datetime,
) -> tuple[TokenGrant, str, str | None]:
    """Access token, ID token (scope openid) and, for clients allowed to refresh, a refresh token whose scope
    is the whole original grant. Returns the grant, the access token's id and the refresh family."""
    subject = await subject_claims(uow, session=session, client=client, secret=secret)
    issued_at = int(now.timestamp())
    jti = secrets.token_urlsafe(16)
    refreshable = "refresh_token" in client.grant_types
    family = (family or secrets.token_urlsafe(16)) if refreshable else None
    claims = access_token_claims(
        policy=policy,
        subject=subject,
        client_id=client.client_id,
        scopes=scopes,
        issued_at=issued_at,
        token_id=jti,
        audiences=client.audiences,
        sid=session_sid(session.id),
        family=family,
    )
    access_token = sign(key, claims)
    id_token = None
    if "openid" in scopes:
        id_claims = id_token_claims(
            policy=policy,
            subject=subject,
            client_id=client.client_id,
            issued_at=issued_at,
            nonce=nonce,
            access_token=access_token,
        )
        id_token = sign(key, id_claims, typ="JWT")
    refresh_token = None
    if family is not None:
        refresh_token = new_opaque_token()
        uow.refresh_tokens.add(
            RefreshToken(
                token_hash=opaque_token_hash(refresh_token),
                family_id=family,
                client_id=client.client_id,
                session_id=session.id,
                scope=granted,
                access_jti=jti,
                issued_at=now,
                expires_at=refresh_expires_at or now + timedelta(seconds=policy.refresh_ttl),
            )
        )
    grant = TokenGrant(
        access_token=access_token,
        expires_in=claims["exp"] - claims["iat"],
        scope=" ".join(scopes),
        refresh_token=refresh_token,
        id_token=id_token,
    )
    return grant, jti, family


async def _open_session(uow: IdentityUnitOfWork, session_id: str | None) -> LoginSession:
    session = await uow.sessions.get(session_id) if session_id else None
    if session is None or session.ended_at is not None:
        raise _invalid_grant("登录会话已结束 (the login session has ended)")
    return session


async def exchange_code(
    uow: IdentityUnitOfWork,
    *,
    client: Client,
    code: str | None,
    redirect_uri: str | None,
    code_verifier: str | None,
    key: ActiveKey,
    policy: TokenPolicy,
    secret: str,
    now: datetime,
) -> TokenGrant:
    """RFC 6749 §4.1.3 with RFC 7636 §4.6: the code is single use, bound to the client, the redirect URI and
    the PKCE challenge (S256)."""
    if "authorization_code" not in client.grant_types:
        raise OAuthError(
            "该客户端未开通授权码模式 (grant not allowed for this client)", code="unauthorized_client"
        )
    if not code:
        raise OAuthError("缺少参数 code (code is required)")
    row = await uow.codes.claim(opaque_token_hash(code))
    if row is None or row.client_id != client.client_id:
        raise _invalid_grant("授权码无效 (invalid authorization code)")
    if row.used_at is not None:
        await revoke_grants(
            uow,
            jtis=[row.issued_jti or ""],
            families=[row.issued_family] if row.issued_family else [],
            reason="code_reused",
            policy=policy,
            now=now,
        )
        await uow.commit()
        log.warning(
            "authorization code reused: its tokens are revoked", extra={"client_id": client.client_id}
        )
        raise _invalid_grant("授权码已使用过，其签发的令牌已撤销 (authorization code already used)")
    if row.expires_at <= now:
        raise _invalid_grant("授权码已过期 (authorization code expired)")
    if redirect_uri != row.redirect_uri:
        raise _invalid_grant("redirect_uri 与授权请求不一致 (redirect_uri mismatch)")
    if not code_verifier:
        raise OAuthError("缺少 PKCE 参数 code_verifier (code_verifier is required)")
    if not pkce_matches(code_verifier, row.code_challenge):
        raise _invalid_grant("PKCE 校验失败 (code_verifier does not match the challenge)")
    session = await _open_session(uow, row.session_id)
    row.used_at = now
    scopes = row.scope.split()
    grant, jti, family = await _issue(
        uow,
        client=client,
        session=session,
        scopes=scopes,
        granted=row.scope,
        nonce=row.nonce,
        family=None,
        refresh_expires_at=None,
        key=key,
        policy=policy,
        secret=secret,
        now=now,
    )
    row.issued_jti, row.issued_family = jti, family
    await uow.commit()
    return grant


async def refresh_tokens(
    uow: IdentityUnitOfWork,
    *,
    client: Client,
    refresh_token: str | None,
    scope: str | None,
    key: ActiveKey,
    policy: TokenPolicy,
    secret: str,
    now: datetime,
) -> TokenGrant:
    """RFC 6749 §6 with rotation: each refresh token works once; presenting a rotated or revoked one revokes
    the family. The scope may be narrowed for the new access token, never widened."""
    if "refresh_token" not in client.grant_types:
        raise OAuthError(
            "该客户端未开通刷新令牌 (grant not allowed for this client)", code="unauthorized_client"
        )
    if not refresh_token:
        raise OAuthError("缺少参数 refresh_token (refresh_token is required)")
    row = await uow.refresh_tokens.claim(opaque_token_hash(refresh_token))
    if row is None or row.client_id != client.client_id:
        raise _invalid_grant("刷新令牌无效 (invalid refresh token)")
    if row.rotated_at is not None or row.revoked_at is not None:
        await revoke_grants(
            uow, jtis=[], families=[row.family_id], reason="refresh_token_reused", policy=policy, now=now
        )
        await uow.commit()
        log.warning("refresh token reused: family revoked", extra={"client_id": client.client_id})
        raise _invalid_grant("刷新令牌已使用或已撤销，整组令牌已撤销 (refresh token reused or revoked)")
    if row.expires_at <= now:
        raise _invalid_grant("刷新令牌已过期 (refresh token expired)")
    scopes = narrowed_scopes(scope, row.scope)
    if scopes is None:
        raise OAuthError("刷新时不能扩大权限范围 (scope wider than the original grant)", code="invalid_scope")
    session = await _open_session(uow, row.session_id)
    row.rotated_at = now
    grant, _, _ = await _issue(
        uow,
        client=client,
        session=session,
        scopes=scopes,
        granted=row.scope,
        nonce=None,
        family=row.family_id,
        refresh_expires_at=row.expires_at,
        key=key,
        policy=policy,
        secret=secret,
        now=now,
    )
    await uow.commit()
    return grant
