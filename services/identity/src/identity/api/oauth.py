"""OpenID Provider metadata: discovery and JWKS (the token endpoint is in ``oauth_token``)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from identity.api.dependencies import SettingsDep, UowDep
from identity.api.oauth_deps import KeyRingDep, OAuthRoute
from identity.api.oauth_token import GRANT_TYPES
from identity.domain.tokens import OIDC_SCOPES

__all__ = ["router"]

router = APIRouter(tags=["认证 (OpenID Provider)"], route_class=OAuthRoute)

CLAIMS = (
    "iss",
    "sub",
    "aud",
    "exp",
    "iat",
    "auth_time",
    "nonce",
    "acr",
    "amr",
    "azp",
    "at_hash",
    "jti",
    "client_id",
    "scope",
    "tb_kind",
    "org",
    "region",
    "roles",
    "name",
    "id_number_masked",
    "phone_masked",
    "org_name",
    "enterprise_name",
    "credit_code_masked",
)


@router.get("/.well-known/openid-configuration")
async def openid_configuration(uow: UowDep, settings: SettingsDep) -> JSONResponse:
    """OpenID Provider metadata (发现文档, OIDC Discovery 1.0 / RFC 8414)."""
    issuer = settings.issuer.rstrip("/")
    auth_methods = ["client_secret_basic", "client_secret_post"]
    body: dict[str, Any] = {
        "issuer": issuer,
        "authorization_endpoint": f"{issuer}/authorize",
        "token_endpoint": f"{issuer}/token",
        "jwks_uri": f"{issuer}/.well-known/jwks.json",
        "userinfo_endpoint": f"{issuer}/userinfo",
        "introspection_endpoint": f"{issuer}/introspect",
        "revocation_endpoint": f"{issuer}/revoke",
        "end_session_endpoint": f"{issuer}/end-session",
        "response_types_supported": ["code"],
        "response_modes_supported": ["query"],
        "grant_types_supported": list(GRANT_TYPES),
        "code_challenge_methods_supported": ["S256"],
        "token_endpoint_auth_methods_supported": [*auth_methods, "none"],
        "introspection_endpoint_auth_methods_supported": auth_methods,
        "revocation_endpoint_auth_methods_supported": [*auth_methods, "none"],
        "scopes_supported": sorted({*OIDC_SCOPES, *await uow.clients.scopes_in_use()}),
        "claims_supported": list(CLAIMS),
        "acr_values_supported": ["1", "2", "3"],
        "subject_types_supported": ["public", "pairwise"],
        "id_token_signing_alg_values_supported": ["ES256"],
        "userinfo_signing_alg_values_supported": [],
        "prompt_values_supported": ["none", "login", "consent", "select_account"],
        "request_parameter_supported": False,
        "request_uri_parameter_supported": False,
        "require_request_uri_registration": False,
        "claims_parameter_supported": False,
        "authorization_response_iss_parameter_supported": True,
        "ui_locales_supported": ["zh-CN"],
    }
    return JSONResponse(body, headers={"Cache-Control": "public, max-age=300"})


@router.get("/.well-known/jwks.json")
async def jwks(ring: KeyRingDep) -> JSONResponse:
    """Public keys that verify Tongban tokens (JWKS): the signing key, the next one, and recently retired ones."""
    return JSONResponse(ring.jwks(datetime.now(UTC)), headers={"Cache-Control": "public, max-age=300"})
