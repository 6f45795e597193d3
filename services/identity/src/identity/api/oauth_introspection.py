"""Introspection (令牌查询, RFC 7662), revocation (令牌撤销, RFC 7009) and userinfo (用户信息, OIDC Core §5.3)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Form, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict

from identity.api.dependencies import SettingsDep, UowDep
from identity.api.oauth import NO_STORE
from identity.api.oauth_deps import AccessTokenCheckDep, ClientCredentialsDep, OAuthRoute, PolicyDep
from identity.use_cases.oauth_revocation import introspect, revoke
from identity.use_cases.oauth_subjects import InvalidToken, userinfo
from identity.use_cases.tokens import authenticate_client
from meshkit.auth import TokenVerifier
from meshkit.errors import ProblemError, problem_responses
from meshkit.headers import NoStore

__all__ = ["router"]

router = APIRouter(tags=["认证 (OpenID Provider)"], route_class=OAuthRoute)

TokenHint = Literal["access_token", "refresh_token"]


class IntrospectionOut(BaseModel):
    model_config = ConfigDict(extra="allow")

    active: bool
    scope: str | None = None
    client_id: str | None = None
    sub: str | None = None
    exp: int | None = None
    iat: int | None = None
    token_type: str | None = None


class UserinfoOut(BaseModel):
    model_config = ConfigDict(extra="allow")

    sub: str
    tb_kind: str
    acr: str
    name: str | None = None
    id_number_masked: str | None = None
    phone_masked: str | None = None
    roles: list[str] | None = None
    org: str | None = None


@router.post("/introspect", response_model=IntrospectionOut, responses=problem_responses(400, 401))
async def introspect_token(
    uow: UowDep,
    settings: SettingsDep,
    policy: PolicyDep,
    credentials: ClientCredentialsDep,
    check: AccessTokenCheckDep,
    token: Annotated[str, Form(max_length=4096)],
    token_type_hint: Annotated[TokenHint | None, Form()] = None,
) -> JSONResponse:
    """Token introspection (令牌查询): `active` and the claims, for confidential clients (机密客户端) only.
    Accepts access tokens and refresh tokens; `token_type_hint` is optional."""
    secret = settings.secret_key.get_secret_value()
    caller = await authenticate_client(uow, credentials=credentials, pepper=secret, confidential_only=True)
    body = await introspect(
        uow, caller=caller, token=token, verify=check, policy=policy, secret=secret, now=datetime.now(UTC)
    )
    return JSONResponse(body, headers=NO_STORE)


@router.post("/revoke", responses=problem_responses(400, 401))
async def revoke_token(
    uow: UowDep,
    settings: SettingsDep,
    policy: PolicyDep,
    credentials: ClientCredentialsDep,
    check: AccessTokenCheckDep,
    token: Annotated[str, Form(max_length=4096)],
    token_type_hint: Annotated[TokenHint | None, Form()] = None,
) -> Response:
    """Token revocation (令牌撤销): an access token by its id, a refresh token with its whole family.
    Always 200 for unknown or foreign tokens; the client must authenticate."""
    caller = await authenticate_client(
        uow, credentials=credentials, pepper=settings.secret_key.get_secret_value()
    )
    await revoke(uow, caller=caller, token=token, verify=check, policy=policy, now=datetime.now(UTC))
    return Response(status_code=200, headers=NO_STORE)


def _bearer(request: Request, form_token: str | None) -> str:
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    header_token = value.strip() if scheme.lower() == "bearer" else None
    if header_token and form_token:
        raise ProblemError("访问令牌只能放在一处 (one token location only)", code="invalid_request")
    token = header_token or form_token
    if not token:
        raise ProblemError(
            "需要 Bearer 访问令牌 (a Bearer access token is required)",
            status=401,
            code="unauthenticated",
            headers={"WWW-Authenticate": 'Bearer realm="tongban"'},
        )
    return token


async def _userinfo(request: Request, uow: UowDep, token: str) -> JSONResponse:
    verifier: TokenVerifier = request.app.state.op_verifier
    try:
        principal = await verifier.verify(token)
    except ProblemError as exc:
        raise InvalidToken(exc.detail) from exc
    body: dict[str, Any] = await userinfo(uow, claims=principal.claims)
    return JSONResponse(body, headers=NO_STORE)


@router.get(
    "/userinfo", response_model=UserinfoOut, responses=problem_responses(401, 403), dependencies=[NoStore]
)
async def userinfo_get(request: Request, uow: UowDep) -> JSONResponse:
    """Userinfo (用户信息) for a Bearer access token with scope `openid`; identifiers masked only."""
    return await _userinfo(request, uow, _bearer(request, None))


@router.post(
    "/userinfo",
    response_model=UserinfoOut,
    responses=problem_responses(400, 401, 403),
    dependencies=[NoStore],
)
async def userinfo_post(
    request: Request, uow: UowDep, access_token: Annotated[str | None, Form(max_length=4096)] = None
) -> JSONResponse:
    """Userinfo (用户信息) by POST: the token in the Authorization header or as form field `access_token`."""
    return await _userinfo(request, uow, _bearer(request, access_token))
