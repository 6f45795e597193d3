"""Tokens: OAuth errors, client registration and authentication, and the client-credentials grant."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal, Protocol

from identity.store.models import Client
from identity.store.unit_of_work import IdentityUnitOfWork
from meshkit.errors import ProblemError

__all__ = [
    "ClientCredentials",
    "OAuthError",
    "TokenGrant",
    "authenticate_client",
    "client_secret_hash",
    "register_client",
    "register_public_client",
    "verify_client_secret",
]

# RFC 6749 §5.2: error_description is printable ASCII without '"' and '\'.
_ASCII_TAIL = re.compile(r"\(([\x20\x21\x23-\x5b\x5d-\x7e]+)\)\s*$")


class OAuthError(ProblemError):
    """An RFC 6749 §5.2 error: problem+json whose ``code`` is the OAuth error code, plus the ``error`` and
    ``error_description`` members that OAuth libraries read (the English part of the detail, in parentheses)."""

    status = 400
    code = "invalid_request"

    def __init__(
        self,
        detail: str,
        *,
        code: str | None = None,
        status: int | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        error = code or type(self).code
        match = _ASCII_TAIL.search(detail)
        super().__init__(
            detail,
            status=status,
            code=error,
            headers=headers,
            error=error,
            error_description=match.group(1) if match else error,
        )


@dataclass(frozen=True)
class TokenGrant:
    """A token response (RFC 6749 §5.1); ``expires_in`` is exactly the access token's ``exp - iat``."""

    access_token: str
    expires_in: int
    scope: str
    token_type: str = "Bearer"  # noqa: S105 - a token type, not a secret
    refresh_token: str | None = None
    id_token: str | None = None

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "access_token": self.access_token,
            "token_type": self.token_type,
            "expires_in": self.expires_in,
            "scope": self.scope,
        }
        if self.refresh_token is not None:
            body["refresh_token"] = self.refresh_token
        if self.id_token is not None:
            body["id_token"] = self.id_token
        return body


@dataclass(frozen=True)
class ClientCredentials:
    """What the client presented: ``method`` is client_secret_basic, client_secret_post or none."""

    client_id: str
    secret: str | None
    method: str


def client_secret_hash(secret: str, pepper: str) -> str:
    """Client secrets are long random strings: a keyed SHA-256 is enough and keeps the token endpoint fast.

    (Human passwords use argon2.) ``hmac.digest`` is the one-shot form of ``hmac.new(...).hexdigest()``: the same
    hash, without building an HMAC object per token (issue 21).
    """
    return hmac.digest(pepper.encode(), secret.encode(), hashlib.sha256).hex()


async def register_client(
    uow: IdentityUnitOfWork,
    *,
    client_id: str,
    name: str,
    secret: str,
    scopes: list[str],
    organization_code: str | None,
    pepper: str,
) -> Client:
    """A confidential department system (client credentials), created or updated (demo data, tests)."""
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


async def register_public_client(
    uow: IdentityUnitOfWork,
    *,
    client_id: str,
    name: str,
    scopes: list[str],
    redirect_uris: list[str],
    organization_code: str | None = None,
    sector: str | None = None,
) -> Client:
    """A public web or mobile app (authorization code + PKCE, refresh tokens), created or updated (demo data)."""
    client = await uow.clients.get(client_id)
    if client is None:
        client = Client(client_id=client_id, created_at=datetime.now(UTC), active=True, audiences=["tongban"])
        uow.clients.add(client)
    client.name = name
    client.secret_hash = None
    client.scopes = " ".join(scopes)
    client.grant_types = ["authorization_code", "refresh_token"]
    client.redirect_uris = redirect_uris
    client.organization_code = organization_code
    client.sector = sector
    await uow.commit()
    return client


_NO_SECRET = secrets.token_hex(
    32
)  # compared where a client has no (previous) secret: matches no presented one


def _refused(credentials: ClientCredentials) -> OAuthError:
    headers = (
        {"WWW-Authenticate": 'Basic realm="tongban"'} if credentials.method == "client_secret_basic" else None
    )
    return OAuthError(
        "客户端认证失败 (client authentication failed)", status=401, code="invalid_client", headers=headers
    )


class _ClientSecrets(Protocol):
    """What authentication reads of a client: the ORM ``Client`` or the hot path's ``ClientGrantRecord``."""

    @property
    def secret_hash(self) -> str | None: ...
    @property
    def previous_secret_hash(self) -> str | None: ...
    @property
    def active(self) -> bool: ...


def verify_client_secret(
    client: _ClientSecrets | None, *, credentials: ClientCredentials, pepper: str, confidential_only: bool
) -> Literal["public", "current", "previous"]:
    """Which secret the client proved (``public``: a public client naming itself), else 401 ``invalid_client``.
    Unknown, inactive and wrong all look the same."""
    if client is not None and client.secret_hash is None and not confidential_only and client.active:
        if credentials.method == "none":
            return "public"
        raise _refused(credentials)
    # Compare against something even for unknown or public clients, so timing does not reveal which exist: a
    # random hash of this process (no secret hashes to it), compared as a stored one would be (issue 21: was a
    # fresh random secret hashed per request, two HMACs and two reads of the OS's random source per token).
    expected = (client.secret_hash if client else None) or _NO_SECRET
    previous = (client.previous_secret_hash if client else None) or _NO_SECRET
    presented = client_secret_hash(credentials.secret or "", pepper)
    current_matches = hmac.compare_digest(expected, presented)
    previous_matches = hmac.compare_digest(previous, presented)  # during a rotation's overlap
    if (
        client is None
        or client.secret_hash is None
        or not client.active
        or credentials.method == "none"
        or not (current_matches or (previous_matches and client.previous_secret_hash is not None))
    ):
        raise _refused(credentials)
    return "current" if current_matches else "previous"


async def authenticate_client(
    uow: IdentityUnitOfWork, *, credentials: ClientCredentials, pepper: str, confidential_only: bool = False
) -> Client:
    """Confidential clients prove their secret (basic or post); public clients name themselves (PKCE protects
    their codes). Unknown, inactive and wrong all look the same."""
    # PostgreSQL's text holds no NUL: an id with one names no client (and its read would fail)
    named = credentials.client_id and "\x00" not in credentials.client_id
    client = await uow.clients.get(credentials.client_id) if named else None
    proved = verify_client_secret(
        client, credentials=credentials, pepper=pepper, confidential_only=confidential_only
    )
    assert client is not None  # verify_client_secret refused an unknown client
    if proved == "previous":  # the old secret still in use: retiring it waits (see retire_previous_secret)
        client.previous_secret_used_at = datetime.now(UTC)
        await uow.commit()  # nothing else is pending yet: authentication comes first
    return client
