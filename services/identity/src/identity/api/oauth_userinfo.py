"""Userinfo (用户信息, OIDC Core §5.3): errors stay problem+json with RFC 6750 ``WWW-Authenticate``."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict

from identity.api.dependencies import UowDep
from identity.api.oauth_deps import OAuthRoute
from identity.api.oauth_responses import NO_STORE
from identity.use_cases.oauth_subjects import InvalidToken, userinfo
from meshkit.auth import TokenVerifier
from meshkit.errors import ProblemError, problem_responses
from meshkit.headers import NoStore

__all__ = ["router"]

router = APIRouter(tags=["认证 (OpenID Provider)"], route_class=OAuthRoute)


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


# The token is read here (header, or form field for POST), with OIDC's own errors: declared by hand.
BEARER_REQUIRED: dict[str, Any] = {"security": [{"bearer": []}]}


@router.get(
    "/userinfo",
    response_model=UserinfoOut,
    responses=problem_responses(401, 403),
    dependencies=[NoStore],
    openapi_extra=BEARER_REQUIRED,
)
async def userinfo_get(request: Request, uow: UowDep) -> JSONResponse:
    """Userinfo (用户信息) for a Bearer access token with scope `openid`; identifiers masked only."""
    return await _userinfo(request, uow, _bearer(request, None))


@router.post(
    "/userinfo",
    response_model=UserinfoOut,
    responses=problem_responses(400, 401, 403),
    dependencies=[NoStore],
    openapi_extra=BEARER_REQUIRED,
)
async def userinfo_post(
    request: Request, uow: UowDep, access_token: Annotated[str | None, Form(max_length=4096)] = None
) -> JSONResponse:
    """Userinfo (用户信息) by POST: the token in the Authorization header or as form field `access_token`."""
    return await _userinfo(request, uow, _bearer(request, access_token))
