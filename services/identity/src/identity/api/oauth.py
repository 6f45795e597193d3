"""OpenID Provider endpoints: discovery, JWKS and the token endpoint (令牌端点)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from identity.api.dependencies import SettingsDep, UowDep
from identity.api.oauth_deps import ClientCredentialsDep, KeyRingDep, OAuthRoute, PolicyDep
from identity.domain.tokens import OIDC_SCOPES
from identity.use_cases.oauth_grants import exchange_code, refresh_tokens
from identity.use_cases.tokens import OAuthError, authenticate_client, issue_client_token
from meshkit.errors import problem_responses

__all__ = ["NO_STORE", "router"]

router = APIRouter(tags=["认证 (OpenID Provider)"], route_class=OAuthRoute)

NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}
GRANT_TYPES = ("authorization_code", "refresh_token", "client_credentials")
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


class TokenOut(BaseModel):
    access_token: str = Field(description="RFC 9068 JWT, ES256, header typ at+jwt")
    token_type: str = Field(examples=["Bearer"])
    expires_in: int = Field(description="seconds; exactly the token's exp - iat")
    scope: str
    refresh_token: str | None = Field(default=None, description="not for client_credentials; single use")
    id_token: str | None = Field(default=None, description="when the scope has openid")


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


@router.post("/token", response_model=TokenOut, responses=problem_responses(400, 401))
async def token(
    request: Request,
    uow: UowDep,
    settings: SettingsDep,
    policy: PolicyDep,
    ring: KeyRingDep,
    credentials: ClientCredentialsDep,
    grant_type: Annotated[str, Form(max_length=100)],
    code: Annotated[str | None, Form(max_length=200)] = None,
    redirect_uri: Annotated[str | None, Form(max_length=2000)] = None,
    code_verifier: Annotated[str | None, Form(max_length=200)] = None,
    refresh_token: Annotated[str | None, Form(max_length=200)] = None,
    scope: Annotated[str | None, Form(max_length=1000)] = None,
) -> JSONResponse:
    """Token endpoint (令牌端点): `authorization_code` with PKCE (S256), `refresh_token` with rotation, and
    `client_credentials` for department systems (部门系统). Confidential clients authenticate with
    client_secret_basic or client_secret_post; public clients send only `client_id`."""
    if grant_type not in GRANT_TYPES:
        raise OAuthError(
            f"不支持的授权类型 (unsupported grant_type {grant_type[:40]})", code="unsupported_grant_type"
        )
    secret = settings.secret_key.get_secret_value()
    client = await authenticate_client(uow, credentials=credentials, pepper=secret)
    now = datetime.now(UTC)
    key = ring.signer(now)
    if grant_type == "authorization_code":
        grant = await exchange_code(
            uow,
            client=client,
            code=code,
            redirect_uri=redirect_uri,
            code_verifier=code_verifier,
            key=key,
            policy=policy,
            secret=secret,
            now=now,
        )
    elif grant_type == "refresh_token":
        grant = await refresh_tokens(
            uow,
            client=client,
            refresh_token=refresh_token,
            scope=scope,
            key=key,
            policy=policy,
            secret=secret,
            now=now,
        )
    else:
        grant = await issue_client_token(uow, client=client, scope=scope, key=key, policy=policy, now=now)
    return JSONResponse(grant.body(), headers=NO_STORE)
