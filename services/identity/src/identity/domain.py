"""Identity rules as pure functions: organization kinds, scopes, token claims."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

__all__ = ["OrganizationKind", "access_token_claims", "granted_scopes"]


class OrganizationKind(StrEnum):
    DEPARTMENT = "department"  # 部门 (条)
    DISTRICT_CENTER = "district_center"  # 区行政服务中心
    TOWN_CENTER = "town_center"  # 街镇公共服务中心
    VILLAGE_CENTER = "village_center"  # 村社区便民服务中心
    TERRITORY = "territory"  # 行政区域 (块)
    EXTERNAL = "external"  # 外部系统, e.g. 市级行政审批系统


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
