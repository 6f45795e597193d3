"""Tokens: signing keys, JWKS, clients and the client-credentials grant."""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import time
from dataclasses import dataclass
from typing import Any

from identity.domain import access_token_claims, granted_scopes
from identity.keys import ActiveKey, load_key, new_key, sign
from identity.store.models import Client, SigningKey
from identity.store.unit_of_work import IdentityUnitOfWork
from meshkit.errors import ProblemError

__all__ = [
    "OAuthError",
    "TokenGrant",
    "active_signing_key",
    "client_secret_hash",
    "issue_client_token",
    "jwks",
    "register_client",
]


class OAuthError(ProblemError):
    """An RFC 6749 §5.2 error; the API renders it as ``{"error": ..., "error_description": ...}``."""

    status = 400
    code = "invalid_request"


@dataclass(frozen=True)
class TokenGrant:
    access_token: str
    expires_in: int
    scope: str
    token_type: str = "Bearer"  # noqa: S105 - a token type, not a secret


def client_secret_hash(secret: str, pepper: str) -> str:
    """Client secrets are long random strings: a keyed SHA-256 is enough and keeps the token endpoint fast.

    (Human passwords use argon2.)
    """
    return hmac.new(pepper.encode(), secret.encode(), hashlib.sha256).hexdigest()


async def active_signing_key(uow: IdentityUnitOfWork, *, secret: str) -> ActiveKey:
    """The newest unretired key, created on first use."""
    row = await uow.keys.newest_active()
    if row is None:
        kid, encrypted, public_jwk = new_key(secret)
        row = SigningKey(kid=kid, private_key=encrypted, public_jwk=public_jwk)
        uow.keys.add(row)
        await uow.commit()
    return load_key(row.kid, row.private_key, secret)


async def jwks(uow: IdentityUnitOfWork) -> dict[str, list[dict[str, Any]]]:
    return {"keys": [json.loads(key.public_jwk) for key in await uow.keys.published()]}


async def register_client(
    uow: IdentityUnitOfWork, *, client_id: str, name: str, secret: str, scopes: list[str],
    organization_code: str | None, pepper: str,
) -> Client:  # fmt: skip
    client = await uow.clients.get(client_id)
    if client is None:
        client = Client(client_id=client_id)
        uow.clients.add(client)
    client.name = name
    client.secret_hash = client_secret_hash(secret, pepper)
    client.scopes = " ".join(scopes)
    client.organization_code = organization_code
    await uow.commit()
    return client


async def issue_client_token(
    uow: IdentityUnitOfWork, *, client_id: str, client_secret: str, scope: str | None, key: ActiveKey,
    issuer: str, audience: str, ttl: int, pepper: str,
) -> TokenGrant:  # fmt: skip
    """OAuth 2.0 client credentials (RFC 6749 §4.4) for department systems: no refresh token."""
    client = await uow.clients.get(client_id)
    # Compare against something even for unknown or public clients, so timing does not reveal which exist.
    expected = (client.secret_hash if client else None) or client_secret_hash(secrets.token_hex(16), pepper)
    if (
        client is None
        or client.secret_hash is None
        or not client.active
        or not hmac.compare_digest(expected, client_secret_hash(client_secret, pepper))
    ):
        raise OAuthError("客户端认证失败 (client authentication failed)", status=401, code="invalid_client")
    scopes = granted_scopes(scope, client.scopes)
    if scopes is None:
        raise OAuthError("请求的权限范围超出允许范围 (scope not allowed)", code="invalid_scope")
    organization = await uow.organizations.get(client.organization_code) if client.organization_code else None
    claims = access_token_claims(
        issuer=issuer, audience=audience, subject=client.client_id, client_id=client.client_id, scopes=scopes,
        kind="system", organization=client.organization_code,
        region=organization.division_code if organization else None,
        issued_at=int(time.time()), ttl=ttl, token_id=secrets.token_urlsafe(16),
    )  # fmt: skip
    return TokenGrant(access_token=sign(key, claims), expires_in=ttl, scope=" ".join(scopes))
