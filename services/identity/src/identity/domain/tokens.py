"""Token rules as pure functions: scopes and access-token claims."""

from __future__ import annotations

from typing import Any

__all__ = ["access_token_claims", "granted_scopes"]


def granted_scopes(requested: str | None, allowed: str) -> list[str] | None:
    """The scopes to grant: all allowed when none requested; None when any requested scope is not allowed."""
    allowed_set = allowed.split()
    if not requested:
        return allowed_set
    wanted = requested.split()
    if any(scope not in allowed_set for scope in wanted):
        return None
    return wanted


def access_token_claims(
    *, issuer: str, audience: str, subject: str, client_id: str, scopes: list[str], kind: str,
    organization: str | None, region: str | None, issued_at: int, ttl: int, token_id: str,
) -> dict[str, Any]:  # fmt: skip
    """RFC 9068 access-token claims plus Tongban's (ARCHITECTURE §7)."""
    claims: dict[str, Any] = {
        "iss": issuer,
        "aud": audience,
        "sub": subject,
        "client_id": client_id,
        "scope": " ".join(scopes),
        "iat": issued_at,
        "exp": issued_at + ttl,
        "jti": token_id,
        "tb_kind": kind,
        "roles": [],
        "acr": "0",
    }
    if organization:
        claims["org"] = organization
    if region:
        claims["region"] = region
    return claims
