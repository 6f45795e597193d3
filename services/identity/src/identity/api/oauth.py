"""OpenID Provider endpoints: discovery, JWKS, token (client credentials)."""

from __future__ import annotations

import base64
import binascii
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from identity import use_cases
from identity.api.dependencies import SettingsDep, UowDep
from identity.use_cases import OAuthError
from meshkit.errors import problem_responses

__all__ = ["router"]

router = APIRouter(tags=["认证 (OpenID Provider)"])

NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}


class TokenOut(BaseModel):
    access_token: str
    token_type: str
    expires_in: int
    scope: str


@router.get("/.well-known/openid-configuration")
async def openid_configuration(settings: SettingsDep) -> dict[str, Any]:
    """OpenID Provider metadata (discovery)."""
    issuer = settings.issuer.rstrip("/")
    return {
        "issuer": issuer,
        "jwks_uri": f"{issuer}/.well-known/jwks.json",
        "token_endpoint": f"{issuer}/token",
        "grant_types_supported": ["client_credentials"],
        "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
        "id_token_signing_alg_values_supported": ["ES256"],
        "scopes_supported": ["catalog:write", "catalog:publish"],
    }


@router.get("/.well-known/jwks.json")
async def jwks(uow: UowDep) -> JSONResponse:
    """Public keys that verify Tongban access tokens (JWKS)."""
    return JSONResponse(await use_cases.jwks(uow), headers={"Cache-Control": "public, max-age=300"})


def _basic_credentials(request: Request) -> tuple[str, str] | None:
    value = request.headers.get("authorization", "")
    scheme, _, encoded = value.partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        client_id, _, secret = base64.b64decode(encoded).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError) as exc:
        raise OAuthError("Basic 认证头格式错误", status=401, code="invalid_client") from exc
    return client_id, secret


@router.post("/token", response_model=TokenOut, responses=problem_responses(400, 401))
async def token(
    request: Request,
    uow: UowDep,
    settings: SettingsDep,
    grant_type: Annotated[str, Form(max_length=100)],
    scope: Annotated[str | None, Form(max_length=1000)] = None,
    client_id: Annotated[str | None, Form(max_length=64)] = None,
    client_secret: Annotated[str | None, Form(max_length=200)] = None,
) -> JSONResponse:
    """Token endpoint. Grant `client_credentials` for department systems (部门系统)."""
    if grant_type != "client_credentials":
        raise OAuthError(f"不支持的授权类型 {grant_type}", code="unsupported_grant_type")
    credentials = _basic_credentials(request) or (client_id or "", client_secret or "")
    grant = await use_cases.issue_client_token(
        uow, client_id=credentials[0], client_secret=credentials[1], scope=scope,
        key=request.app.state.signing_key, issuer=settings.issuer, audience=settings.audience,
        ttl=settings.access_token_ttl, pepper=settings.secret_key.get_secret_value(),
    )  # fmt: skip
    body = TokenOut(
        access_token=grant.access_token,
        token_type=grant.token_type,
        expires_in=grant.expires_in,
        scope=grant.scope,
    )
    return JSONResponse(body.model_dump(), headers=NO_STORE)
