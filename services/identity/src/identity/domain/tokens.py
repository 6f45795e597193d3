"""Token rules as pure functions: scopes, the subject a token speaks for, access-token and ID-token claims."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

__all__ = [
    "OIDC_SCOPES",
    "SubjectClaims",
    "TokenPolicy",
    "access_token_claims",
    "at_hash",
    "audience_claim",
    "granted_scopes",
    "id_token_claims",
    "narrowed_scopes",
]

OIDC_SCOPES = (
    "openid",
    "profile",
    "phone",
)  # what userinfo answers: profile → name etc., phone → masked phone


@dataclass(frozen=True)
class TokenPolicy:
    """Lifetimes (seconds) and names the OpenID Provider issues tokens with."""

    issuer: str
    audience: str
    access_ttl: int
    id_token_ttl: int
    refresh_ttl: int
    code_ttl: int
    session_ttl: int


@dataclass(frozen=True)
class SubjectClaims:
    """Who a token speaks for (ARCHITECTURE §7). ``sub`` is already pairwise when the client has a sector."""

    kind: str  # person | enterprise | staff | system
    sub: str
    acr: int
    auth_time: int | None = None
    org: str | None = None  # staff: organization code; enterprise: the enterprise's id; system: its org
    region: str | None = (
        None  # 12-digit division: staff's territorial scope, a system's organization division
    )
    roles: tuple[str, ...] = ()


def granted_scopes(requested: str | None, allowed: str) -> list[str] | None:
    """The scopes to grant: all allowed when none requested; None when any requested scope is not allowed."""
    allowed_set = allowed.split()
    if not requested:
        return allowed_set
    wanted = list(dict.fromkeys(requested.split()))
    if any(scope not in allowed_set for scope in wanted):
        return None
    return wanted


def narrowed_scopes(requested: str | None, granted: str) -> list[str] | None:
    """Scopes of a refreshed access token: the original grant, or a subset of it; None when widened."""
    return granted_scopes(requested, granted)


def audience_claim(default: str, extra: Sequence[str]) -> str | list[str]:
    """Every Tongban service accepts ``default``; a client's registered audiences are added to it."""
    audiences = list(dict.fromkeys([default, *extra]))
    return audiences[0] if len(audiences) == 1 else audiences


def access_token_claims(
    *,
    policy: TokenPolicy,
    subject: SubjectClaims,
    client_id: str,
    scopes: Sequence[str],
    issued_at: int,
    token_id: str,
    audiences: Sequence[str] = (),
    sid: str | None = None,
    family: str | None = None,
) -> dict[str, Any]:
    """RFC 9068 access-token claims plus Tongban's; ``exp - iat`` is exactly the ``expires_in`` returned.
    ``sid`` (the login session) and ``tb_fam`` (the refresh-token family) let every service refuse the token
    when its session ends or its family is revoked."""
    claims: dict[str, Any] = {
        "iss": policy.issuer,
        "aud": audience_claim(policy.audience, audiences),
        "sub": subject.sub,
        "client_id": client_id,
        "scope": " ".join(scopes),
        "iat": issued_at,
        "exp": issued_at + policy.access_ttl,
        "jti": token_id,
        "tb_kind": subject.kind,
        "acr": str(subject.acr),
        "roles": list(subject.roles),
    }
    if subject.auth_time is not None:
        claims["auth_time"] = subject.auth_time
    if subject.org:
        claims["org"] = subject.org
    if subject.region:
        claims["region"] = subject.region
    if sid:
        claims["sid"] = sid
    if family:
        claims["tb_fam"] = family
    return claims


def at_hash(access_token: str) -> str:
    """OIDC ``at_hash`` for ES256: base64url of the left half of SHA-256 of the token's ASCII."""
    digest = hashlib.sha256(access_token.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest[: len(digest) // 2]).rstrip(b"=").decode()


def id_token_claims(
    *,
    policy: TokenPolicy,
    subject: SubjectClaims,
    client_id: str,
    issued_at: int,
    nonce: str | None,
    access_token: str,
) -> dict[str, Any]:
    """OIDC Core §2 ID token, audience the client; carries ``nonce`` back when the request had one."""
    claims: dict[str, Any] = {
        "iss": policy.issuer,
        "sub": subject.sub,
        "aud": client_id,
        "azp": client_id,
        "iat": issued_at,
        "exp": issued_at + policy.id_token_ttl,
        "acr": str(subject.acr),
        "amr": ["pwd"],
        "tb_kind": subject.kind,
        "at_hash": at_hash(access_token),
    }
    if subject.auth_time is not None:
        claims["auth_time"] = subject.auth_time
    if nonce is not None:
        claims["nonce"] = nonce
    return claims
