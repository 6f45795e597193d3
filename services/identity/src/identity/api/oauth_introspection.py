"""Introspection (令牌查询, RFC 7662) and revocation (令牌撤销, RFC 7009): OAuth JSON errors, no-store,
repeated parameters refused (see ``oauth_responses``)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Form
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict

from identity.api.dependencies import SettingsDep, UowDep
from identity.api.oauth_deps import (
    AccessTokenCheckDep,
    ClientCredentialsDep,
    ConfidentialClientDep,
    PolicyDep,
)
from identity.api.oauth_responses import NO_STORE, OAuthEndpointRoute, oauth_responses
from identity.use_cases.oauth_revocation import introspect, revoke
from identity.use_cases.tokens import authenticate_client

__all__ = ["router"]

router = APIRouter(tags=["认证 (OpenID Provider)"], route_class=OAuthEndpointRoute)

# RFC 7662 §2.1 / RFC 7009 §2.1: a hint only; the OP looks the token up by its shape anyway.
TokenHint = Annotated[str | None, Form(max_length=64)]


class IntrospectionOut(BaseModel):
    model_config = ConfigDict(extra="allow")

    active: bool
    scope: str | None = None
    client_id: str | None = None
    sub: str | None = None
    exp: int | None = None
    iat: int | None = None
    token_type: str | None = None


@router.post("/introspect", response_model=IntrospectionOut, responses=oauth_responses(400, 401, 500))
async def introspect_token(
    uow: UowDep,
    settings: SettingsDep,
    policy: PolicyDep,
    caller: ConfidentialClientDep,
    check: AccessTokenCheckDep,
    token: Annotated[str, Form(max_length=4096)],
    token_type_hint: TokenHint = None,
) -> JSONResponse:
    """Token introspection (令牌查询): `active` and the claims, for confidential clients (机密客户端) only.
    Accepts access tokens and refresh tokens; `token_type_hint` is optional and only a hint (RFC 7662 §2.1)."""
    secret = settings.secret_key.get_secret_value()
    body = await introspect(
        uow, caller=caller, token=token, verify=check, policy=policy, secret=secret, now=datetime.now(UTC)
    )
    return JSONResponse(body, headers=NO_STORE)


@router.post(
    "/revoke",
    response_model=dict[str, str],
    responses=oauth_responses(400, 401, 500),
    openapi_extra={"security": [{}]},  # and client_basic: public clients send only client_id
)
async def revoke_token(
    uow: UowDep,
    settings: SettingsDep,
    policy: PolicyDep,
    credentials: ClientCredentialsDep,
    check: AccessTokenCheckDep,
    token: Annotated[str, Form(max_length=4096)],
    token_type_hint: TokenHint = None,
) -> JSONResponse:
    """Token revocation (令牌撤销): an access token by its id, a refresh token with its whole family.
    200 with an empty JSON object (`{}`; RFC 7009 §2.2: the body carries nothing) for revoked, unknown, invalid
    and other clients' tokens alike; `unsupported_token_type` for an ID token or a `token_type_hint` other than
    `access_token` / `refresh_token`. Confidential clients authenticate; public clients send `client_id`."""
    caller = await authenticate_client(
        uow, credentials=credentials, pepper=settings.secret_key.get_secret_value()
    )
    await revoke(
        uow,
        caller=caller,
        token=token,
        token_type_hint=token_type_hint,
        verify=check,
        policy=policy,
        now=datetime.now(UTC),
    )
    return JSONResponse({}, headers=NO_STORE)
