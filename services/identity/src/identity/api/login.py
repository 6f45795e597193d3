"""The browser side of the OpenID Provider: the authorization endpoint with its login page, and end-session."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from identity.api.dependencies import SettingsDep, UowDep
from identity.api.oauth_deps import (
    LOGIN_COOKIE,
    SESSION_COOKIE,
    CipherDep,
    KeyRingDep,
    PolicyDep,
    clear_cookie,
    set_cookie,
)
from identity.api.oauth_pages import (
    FORM_REFUSED,
    error_page,
    logged_out_page,
    login_page,
    logout_confirm_page,
)
from identity.domain.demo_credentials import is_demo_password
from identity.domain.oauth_request import (
    AuthorizationError,
    AuthorizationRequest,
    open_pending,
    redirect_to,
    seal_pending,
    unique_params,
)
from identity.domain.tokens import TokenPolicy
from identity.settings import IdentitySettings
from identity.use_cases.login import LOGIN_FAILED, LoginFailed
from identity.use_cases.oauth_authorize import NotTheHintedAccount, authorize, log_in
from identity.use_cases.oauth_logout import log_out
from meshkit.peers import client_address

__all__ = ["router"]

router = APIRouter(tags=["认证 (OpenID Provider)"])

_REDIRECT: dict[int | str, dict[str, Any]] = {
    302: {"description": "to the client's redirect_uri with code, state and iss (or error)"},
    400: {
        "description": "error page: unknown client or redirect URI (never redirected)",
        "content": {"text/html": {}},
    },
}


def _refused(exc: AuthorizationError, policy: TokenPolicy) -> Response:
    """Errors before the redirect URI is trusted are shown; the rest go back to the client (RFC 6749 §4.1.2.1)."""
    if exc.redirect_uri is None:
        return error_page(exc.message)
    target = redirect_to(
        exc.redirect_uri,
        {"error": exc.error, "error_description": exc.description, "state": exc.state, "iss": policy.issuer},
    )
    return RedirectResponse(target, status_code=302)


def _login_form(
    request: Request,
    settings: IdentitySettings,
    pending: AuthorizationRequest,
    *,
    login: str = "",
    error: str | None = None,
) -> HTMLResponse:
    """The login page; its hidden field carries the pending request, signed and bound to a browser cookie."""
    binding = request.cookies.get(LOGIN_COOKIE) or secrets.token_urlsafe(32)
    sealed = seal_pending(
        pending,
        secret=settings.secret_key.get_secret_value(),
        binding=binding,
        expires_at=datetime.now(UTC) + timedelta(seconds=settings.login_form_ttl),
    )
    response = login_page(
        action=f"{settings.issuer.rstrip('/')}/authorize",
        pending=sealed,
        client_name=pending.client_name,
        redirect_uri=pending.redirect_uri,
        login=login,
        error=error,
    )
    set_cookie(response, settings, LOGIN_COOKIE, binding, max_age=settings.login_form_ttl)
    return response


@router.get("/authorize", response_class=HTMLResponse, responses=_REDIRECT)
async def authorize_page(
    request: Request, uow: UowDep, settings: SettingsDep, policy: PolicyDep, ring: KeyRingDep
) -> Response:
    """Authorization endpoint (授权端点): `response_type=code` with PKCE (`code_challenge_method=S256`).
    Shows the login page (统一身份认证 登录), or answers at once from an existing login (单点登录)
    unless `prompt=login` or `prompt=select_account` (the login page is where an account is chosen), or an
    `id_token_hint` names another account than the login's (then the login page, or `login_required` with
    `prompt=none`). A repeated parameter is refused. `request` and `request_uri` are not supported."""
    params = unique_params(request.query_params.multi_items())
    if params is None:
        return error_page("请求参数重复，无法处理。")
    try:
        answer = await authorize(
            uow,
            params=params,
            cookie=request.cookies.get(SESSION_COOKIE),
            ring=ring,
            policy=policy,
            secret=settings.secret_key.get_secret_value(),
            now=datetime.now(UTC),
        )
    except AuthorizationError as exc:
        return _refused(exc, policy)
    if answer.code is None:
        return _login_form(request, settings, answer.request, login=answer.request.login_hint or "")
    pending = answer.request
    target = redirect_to(
        pending.redirect_uri, {"code": answer.code, "state": pending.state, "iss": policy.issuer}
    )
    return RedirectResponse(target, status_code=302)


@router.post(
    "/authorize",
    response_class=HTMLResponse,
    responses={303: {"description": "to redirect_uri"}, **FORM_REFUSED},
)
async def authorize_login(
    request: Request,
    uow: UowDep,
    settings: SettingsDep,
    policy: PolicyDep,
    cipher: CipherDep,
    pending: Annotated[str, Form(max_length=8192)],
    login: Annotated[str, Form(max_length=64)],
    password: Annotated[str, Form(max_length=128)],
    credit_code: Annotated[str | None, Form(max_length=18)] = None,
) -> Response:
    """The login form (登录表单): resident ID number (公民身份号码) or staff username (用户名) and password.
    On success a login session (`tb_session` cookie) opens and the browser goes back to the client with a code
    (303, RFC 9700 §4.12); on failure the page returns with one message for every cause (锁定 included)."""
    names = [name for name, _ in (await request.form()).multi_items()]
    if len(names) != len(set(names)):
        return error_page("请求参数重复，无法处理。")
    now = datetime.now(UTC)
    secret = settings.secret_key.get_secret_value()
    pending_request = open_pending(
        pending, secret=secret, binding=request.cookies.get(LOGIN_COOKIE, ""), now=now
    )
    if pending_request is None:
        return error_page("登录页面已过期或无效，请返回原应用重新登录。")
    if is_demo_password(password, environment=settings.environment):  # published: never a login in prod
        return _login_form(request, settings, pending_request, login=login, error=LOGIN_FAILED)
    try:
        logged_in = await log_in(
            uow,
            request=pending_request,
            login=login,
            password=password,
            credit_code=credit_code,
            cipher=cipher,
            policy=policy,
            secret=secret,
            now=now,
            source=client_address(request),
        )
    except LoginFailed:
        return _login_form(request, settings, pending_request, login=login, error=LOGIN_FAILED)
    except NotTheHintedAccount as exc:
        return _login_form(request, settings, pending_request, error=exc.detail)
    except AuthorizationError as exc:
        return error_page(exc.message)
    target = redirect_to(
        pending_request.redirect_uri,
        {"code": logged_in.code, "state": pending_request.state, "iss": policy.issuer},
    )
    response = RedirectResponse(target, status_code=303)
    set_cookie(response, settings, SESSION_COOKIE, logged_in.cookie, max_age=policy.session_ttl)
    clear_cookie(response, settings, LOGIN_COOKIE)
    return response


async def _end_session(
    request: Request,
    uow: UowDep,
    settings: IdentitySettings,
    policy: TokenPolicy,
    ring: KeyRingDep,
    *,
    id_token_hint: str | None,
    client_id: str | None,
    post_logout_redirect_uri: str | None,
    state: str | None,
    confirm: str | None,
) -> Response:
    try:
        outcome = await log_out(
            uow,
            cookie=request.cookies.get(SESSION_COOKIE),
            id_token_hint=id_token_hint,
            client_id=client_id,
            post_logout_redirect_uri=post_logout_redirect_uri,
            state=state,
            confirmation=confirm,
            ring=ring,
            policy=policy,
            secret=settings.secret_key.get_secret_value(),
            now=datetime.now(UTC),
        )
    except AuthorizationError as exc:
        return error_page(exc.message)
    if outcome.confirm is not None:
        return logout_confirm_page(
            action=f"{policy.issuer}/end-session",
            csrf=outcome.confirm,
            client_id=outcome.client_id,
            redirect_uri=post_logout_redirect_uri,
            state=state,
        )
    response: Response = RedirectResponse(outcome.redirect, 303) if outcome.redirect else logged_out_page()
    clear_cookie(response, settings, SESSION_COOKIE)
    return response


_Hint = Annotated[str | None, Query(max_length=4096)]
_Short = Annotated[str | None, Query(max_length=2000)]


@router.get(
    "/end-session",
    response_class=HTMLResponse,
    responses={303: {"description": "to the client"}, **FORM_REFUSED},
)
async def end_session_page(
    request: Request,
    uow: UowDep,
    settings: SettingsDep,
    policy: PolicyDep,
    ring: KeyRingDep,
    id_token_hint: _Hint = None,
    client_id: _Short = None,
    post_logout_redirect_uri: _Short = None,
    state: _Short = None,
) -> Response:
    """End-session (退出登录, OIDC RP-Initiated Logout): ends the login session, clears the cookie and
    revokes its refresh tokens. Without a matching `id_token_hint` the person confirms first.
    `post_logout_redirect_uri` must exactly match a registered redirect URI of the client."""
    return await _end_session(
        request,
        uow,
        settings,
        policy,
        ring,
        id_token_hint=id_token_hint,
        client_id=client_id,
        post_logout_redirect_uri=post_logout_redirect_uri,
        state=state,
        confirm=None,
    )


_FormHint = Annotated[str | None, Form(max_length=4096)]
_FormShort = Annotated[str | None, Form(max_length=2000)]


@router.post(
    "/end-session",
    response_class=HTMLResponse,
    responses={303: {"description": "to the client"}, **FORM_REFUSED},
)
async def end_session_form(
    request: Request,
    uow: UowDep,
    settings: SettingsDep,
    policy: PolicyDep,
    ring: KeyRingDep,
    id_token_hint: _FormHint = None,
    client_id: _FormShort = None,
    post_logout_redirect_uri: _FormShort = None,
    state: _FormShort = None,
    confirm: Annotated[str | None, Form(max_length=128)] = None,
) -> Response:
    """End-session by form post (退出登录): the same parameters, or the confirmation form (`confirm`)."""
    return await _end_session(
        request,
        uow,
        settings,
        policy,
        ring,
        id_token_hint=id_token_hint or None,
        client_id=client_id or None,
        post_logout_redirect_uri=post_logout_redirect_uri or None,
        state=state or None,
        confirm=confirm,
    )
