"""The login page's one-time-code route (短信验证码登录): for a person whose password is locked or forgotten.

``POST /authorize/codes`` sends a code to the registered phone of the ID number entered (the same page
follows whether or not such an account exists; 429 with ``Retry-After`` past the sending limits) and shows where
to enter it; ``POST /authorize/code`` logs in with it like the password form does (303 to the client)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from identity.api.dependencies import CodePolicyDep, SettingsDep, SmsDep, SourceDep, UowDep
from identity.api.oauth_deps import (
    LOGIN_COOKIE,
    SESSION_COOKIE,
    CipherDep,
    PolicyDep,
    clear_cookie,
    set_cookie,
)
from identity.api.oauth_pages import FORM_REFUSED, code_login_page, error_page
from identity.domain.oauth_request import AuthorizationError, AuthorizationRequest, open_pending, redirect_to
from identity.settings import IdentitySettings
from identity.use_cases.login_code import CODE_SENT, CodeLoginFailed, authenticate_by_code, send_login_code
from identity.use_cases.oauth_authorize import NotTheHintedAccount, start_session
from identity.use_cases.phone_codes import SmsDown, TooManyCodes

__all__ = ["router"]

router = APIRouter(tags=["认证 (OpenID Provider)"])

_Pending = Annotated[str, Form(max_length=8192)]
_Login = Annotated[str, Form(max_length=64)]
_EXPIRED = "登录页面已过期或无效，请返回原应用重新登录。"


def _pending(request: Request, settings: IdentitySettings, pending: str) -> AuthorizationRequest | None:
    return open_pending(
        pending,
        secret=settings.secret_key.get_secret_value(),
        binding=request.cookies.get(LOGIN_COOKIE, ""),
        now=datetime.now(UTC),
    )


def _code_page(
    settings: IdentitySettings,
    pending_request: AuthorizationRequest,
    pending: str,
    login: str,
    notice: str,
    *,
    error: bool = False,
    status: int = 200,
    headers: dict[str, str] | None = None,
) -> HTMLResponse:
    return code_login_page(
        action=f"{settings.issuer.rstrip('/')}/authorize",
        pending=pending,
        client_name=pending_request.client_name,
        redirect_uri=pending_request.redirect_uri,
        login=login,
        notice=notice,
        error=error,
        status=status,
        headers=headers,
    )


@router.post(
    "/authorize/codes",
    response_class=HTMLResponse,
    responses={429: {"description": "too many"}, **FORM_REFUSED},
)
async def send_code_page(
    request: Request,
    uow: UowDep,
    settings: SettingsDep,
    cipher: CipherDep,
    sms: SmsDep,
    codes: CodePolicyDep,
    source: SourceDep,
    pending: _Pending,
    login: _Login,
) -> Response:
    """Send a login code (发送登录验证码) to the registered phone of this ID number, if it has one."""
    pending_request = _pending(request, settings, pending)
    if pending_request is None:
        return error_page(_EXPIRED)
    try:
        await send_login_code(
            uow, sms, cipher=cipher, policy=codes, login=login, source=source, now=datetime.now(UTC)
        )
    except (TooManyCodes, SmsDown) as exc:
        return _code_page(
            settings,
            pending_request,
            pending,
            login,
            exc.detail,
            error=True,
            status=exc.status,
            headers=exc.headers,
        )
    return _code_page(settings, pending_request, pending, login, CODE_SENT)


@router.post(
    "/authorize/code",
    response_class=HTMLResponse,
    responses={303: {"description": "to redirect_uri"}, **FORM_REFUSED},
)
async def code_login(
    request: Request,
    uow: UowDep,
    settings: SettingsDep,
    policy: PolicyDep,
    cipher: CipherDep,
    codes: CodePolicyDep,
    pending: _Pending,
    login: _Login,
    code: Annotated[str, Form(max_length=12)],
    credit_code: Annotated[str | None, Form(max_length=18)] = None,
) -> Response:
    """Log in with the code sent to the registered phone (验证码登录); works while the password is locked."""
    now = datetime.now(UTC)
    pending_request = _pending(request, settings, pending)
    if pending_request is None:
        return error_page(_EXPIRED)
    try:
        subject = await authenticate_by_code(
            uow, cipher=cipher, policy=codes, login=login, code=code, credit_code=credit_code or None, now=now
        )
        logged_in = await start_session(
            uow,
            request=pending_request,
            subject=subject,
            policy=policy,
            secret=settings.secret_key.get_secret_value(),
            now=now,
        )
    except CodeLoginFailed as exc:
        return _code_page(settings, pending_request, pending, login, exc.detail, error=True, status=401)
    except NotTheHintedAccount as exc:
        return _code_page(settings, pending_request, pending, login, exc.detail, error=True, status=400)
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
