"""The token endpoint (令牌端点, RFC 6749 §3.2): OAuth JSON errors, no-store, repeated parameters refused."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from identity.api.dependencies import SettingsDep, UowDep
from identity.api.oauth_deps import ClientCredentialsDep, KeyRingDep, PolicyDep
from identity.api.oauth_responses import NO_STORE, OAuthEndpointRoute, oauth_responses
from identity.api.token_lane import TokenRoute
from identity.use_cases.client_credentials import client_credentials_grant
from identity.use_cases.oauth_grants import exchange_code, refresh_tokens
from identity.use_cases.tokens import OAuthError, authenticate_client

__all__ = ["GRANT_TYPES", "router"]

router = APIRouter(tags=["认证 (OpenID Provider)"], route_class=OAuthEndpointRoute)

GRANT_TYPES = ("authorization_code", "refresh_token", "client_credentials")


class TokenOut(BaseModel):
    access_token: str = Field(description="RFC 9068 JWT, ES256, header typ at+jwt")
    token_type: str = Field(examples=["Bearer"])
    expires_in: int = Field(description="seconds; exactly the token's exp - iat")
    scope: str
    refresh_token: str | None = Field(default=None, description="not for client_credentials; single use")
    id_token: str | None = Field(default=None, description="when the scope has openid")


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
    client_secret_basic or client_secret_post; public clients send only `client_id`. Errors are RFC 6749 §5.2
    JSON (`error`, `error_description`), every answer carries `Cache-Control: no-store`, and a parameter sent
    twice is `invalid_request`."""
    if grant_type not in GRANT_TYPES:
        raise OAuthError(
            f"不支持的授权类型 (unsupported grant_type {grant_type[:40]})", code="unsupported_grant_type"
        )
    secret = settings.secret_key.get_secret_value()
    now = datetime.now(UTC)
    if grant_type == "client_credentials":  # mostly served by the lane (api.token_lane); the same use case
        grant = await client_credentials_grant(
            request.app.state.database,
            request.app.state.client_grants,
            credentials=credentials,
            scope=scope,
            ring=ring,
            policy=policy,
            pepper=secret,
            now=now,
        )
        return JSONResponse(grant.body(), headers=NO_STORE)
    client = await authenticate_client(uow, credentials=credentials, pepper=secret)
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
    else:  # refresh_token
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
    return JSONResponse(grant.body(), headers=NO_STORE)


# The plain client-credentials request (a form with nothing unusual) is answered by the route's lane, before
# FastAPI's dependency solving and form parsing; every other request comes here (api.token_lane).
router.add_api_route(
    "/token",
    token,
    methods=["POST"],
    response_model=TokenOut,
    responses=oauth_responses(400, 401, 500),
    openapi_extra={"security": [{}]},  # and client_basic: public clients send only client_id
    route_class_override=TokenRoute,
)
