"""The authorization endpoint's operations: check a request, answer it from an existing login (single sign-on),
or log the person in and answer it; each answer is a single-use code."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from identity.domain.oauth import new_opaque_token, opaque_token_hash
from identity.domain.oauth_request import (
    AuthorizationError,
    AuthorizationRequest,
    check_authorization_request,
)
from identity.domain.tokens import TokenPolicy
from identity.pii import PiiCipher
from identity.store.models import AuthorizationCode, LoginSession
from identity.store.unit_of_work import IdentityUnitOfWork
from identity.use_cases.login import authenticate

__all__ = ["Authorization", "LoggedIn", "authorize", "current_session", "log_in"]

log = logging.getLogger("identity.authorize")


async def current_session(
    uow: IdentityUnitOfWork, *, cookie: str | None, now: datetime
) -> LoginSession | None:
    """The browser's login session if it is still open and its subject can still log in."""
    if not cookie or len(cookie) > 100:
        return None
    session = await uow.sessions.get(opaque_token_hash(cookie))
    if session is None or session.ended_at is not None or session.expires_at <= now:
        return None
    if session.subject_kind == "staff":
        staff = await uow.staff.get(session.subject_id)
        return session if staff is not None and staff.active else None
    return session if await uow.persons.get(session.subject_id) is not None else None


async def _issue_code(
    uow: IdentityUnitOfWork,
    *,
    request: AuthorizationRequest,
    session: LoginSession,
    policy: TokenPolicy,
    now: datetime,
) -> str:
    code = new_opaque_token()
    uow.codes.add(
        AuthorizationCode(
            code_hash=opaque_token_hash(code),
            client_id=request.client_id,
            session_id=session.id,
            redirect_uri=request.redirect_uri,
            scope=" ".join(request.scopes),
            code_challenge=request.code_challenge,
            nonce=request.nonce,
            expires_at=now + timedelta(seconds=policy.code_ttl),
        )
    )
    await uow.commit()
    return code


@dataclass(frozen=True)
class Authorization:
    request: AuthorizationRequest
    code: str | None  # None: the login page must be shown


async def authorize(
    uow: IdentityUnitOfWork,
    *,
    params: Mapping[str, str],
    cookie: str | None,
    policy: TokenPolicy,
    now: datetime,
) -> Authorization:
    """Check the request (raises :class:`AuthorizationError`), then answer it from the browser's login when
    that login may answer it (single sign-on). With ``prompt=none`` and no usable login: ``login_required``."""
    client_id = params.get("client_id", "")
    client = await uow.clients.get(client_id) if client_id and len(client_id) <= 64 else None
    request = check_authorization_request(params, client)
    session = await current_session(uow, cookie=cookie, now=now)
    if session is None or not request.accepts_session(auth_time=session.auth_time, now=now):
        if "none" in request.prompt:
            raise AuthorizationError(
                "login_required",
                "the end-user is not logged in",
                "需要登录。",
                redirect_uri=request.redirect_uri,
                state=request.state,
            )
        return Authorization(request, None)
    return Authorization(
        request, await _issue_code(uow, request=request, session=session, policy=policy, now=now)
    )


@dataclass(frozen=True)
class LoggedIn:
    """A new login: the session cookie's value and the code answering the pending request."""

    cookie: str
    code: str


async def log_in(
    uow: IdentityUnitOfWork,
    *,
    request: AuthorizationRequest,
    login: str,
    password: str,
    credit_code: str | None,
    cipher: PiiCipher,
    policy: TokenPolicy,
    now: datetime,
    source: str,
) -> LoggedIn:
    """Authenticate (raises ``LoginFailed``), open a login session and answer the pending request. ``source``:
    the client's address (failed logins lock per account and source)."""
    client = await uow.clients.get(request.client_id)
    if client is None or not client.active or request.redirect_uri not in client.redirect_uris:
        raise AuthorizationError(
            "invalid_client", "client changed", "应用已停用或回调地址已变更，请返回应用重新登录。"
        )
    subject = await authenticate(
        uow,
        login=login,
        password=password,
        cipher=cipher,
        now=now,
        source=source,
        credit_code=credit_code or None,
    )
    cookie = new_opaque_token()
    session = LoginSession(
        id=opaque_token_hash(cookie),
        subject_kind=subject.kind,
        subject_id=subject.id,
        acr=subject.acr,
        auth_time=now,
        expires_at=now + timedelta(seconds=policy.session_ttl),
        enterprise_id=subject.enterprise_id,
    )
    uow.sessions.add(session)
    await uow.flush()
    code = await _issue_code(uow, request=request, session=session, policy=policy, now=now)
    log.info(
        "login", extra={"subject_kind": subject.kind, "subject_id": subject.id, "client_id": client.client_id}
    )
    return LoggedIn(cookie=cookie, code=code)
