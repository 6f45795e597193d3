"""The authorization endpoint's operations: check a request, answer it from an existing login (single sign-on),
or log the person in and answer it; each answer is a single-use code."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from identity.domain.oauth import new_opaque_token, opaque_token_hash
from identity.domain.oauth_request import (
    AuthorizationError,
    AuthorizationRequest,
    check_authorization_request,
)
from identity.domain.tokens import TokenPolicy
from identity.pii import PiiCipher
from identity.store.models import AuthorizationCode, Client, LoginSession
from identity.store.unit_of_work import IdentityUnitOfWork
from identity.use_cases.login import AuthenticatedSubject, authenticate
from identity.use_cases.oauth_hint import HintedAccount, hinted_account, session_is_hinted
from identity.use_cases.oauth_keys import KeyRing
from meshkit.errors import ProblemError

__all__ = [
    "Authorization",
    "LoggedIn",
    "NotTheHintedAccount",
    "authorize",
    "check_client",
    "current_session",
    "log_in",
    "start_session",
]

NOT_THE_HINTED_ACCOUNT = (
    "该应用要求使用它原来登录的账号，与您输入的账号不一致。如需换一个账号，请先在该应用中退出登录。"
)


class NotTheHintedAccount(ProblemError):
    """The person logged in with another account than the ``id_token_hint`` names (shown on the login page)."""

    status = 400
    code = "not_the_hinted_account"

    def __init__(self) -> None:
        super().__init__(NOT_THE_HINTED_ACCOUNT)


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


def _with_hint(
    request: AuthorizationRequest,
    hint: str | None,
    *,
    ring: KeyRing,
    policy: TokenPolicy,
    now: datetime,
) -> AuthorizationRequest:
    if not hint:
        return request
    account = hinted_account(hint, client_id=request.client_id, ring=ring, policy=policy, now=now)
    if account is None:
        raise AuthorizationError(
            "invalid_request",
            "id_token_hint is not an ID token issued to this client",
            "id_token_hint 无效。",
            redirect_uri=request.redirect_uri,
            state=request.state,
        )
    return replace(request, hint_sub=account.sub, hint_kind=account.kind)


async def _is_hinted(
    uow: IdentityUnitOfWork,
    request: AuthorizationRequest,
    *,
    session: LoginSession,
    client: Client,
    secret: str,
) -> bool:
    """No hint, or the session's subject is the hinted account (OIDC Core §3.1.2.1: a hint naming someone
    else never continues silently as the session's user)."""
    if request.hint_sub is None:
        return True
    account = HintedAccount(sub=request.hint_sub, kind=request.hint_kind)
    return await session_is_hinted(uow, session=session, client=client, account=account, secret=secret)


@dataclass(frozen=True)
class Authorization:
    request: AuthorizationRequest
    code: str | None  # None: the login page must be shown


async def authorize(
    uow: IdentityUnitOfWork,
    *,
    params: Mapping[str, str],
    cookie: str | None,
    ring: KeyRing,
    policy: TokenPolicy,
    secret: str,
    now: datetime,
) -> Authorization:
    """Check the request (raises :class:`AuthorizationError`), then answer it from the browser's login when
    that login may answer it (single sign-on): not after ``prompt=login`` / ``select_account`` or a too old
    login (``max_age``), and only as the account an ``id_token_hint`` names. With ``prompt=none`` and no usable
    login: ``login_required``."""
    client_id = params.get("client_id", "")
    client = await uow.clients.get(client_id) if client_id and len(client_id) <= 64 else None
    request = check_authorization_request(params, client)
    assert client is not None  # checked above
    request = _with_hint(request, params.get("id_token_hint"), ring=ring, policy=policy, now=now)
    session = await current_session(uow, cookie=cookie, now=now)
    if (
        session is None
        or not request.accepts_session(auth_time=session.auth_time, now=now)
        or not await _is_hinted(uow, request, session=session, client=client, secret=secret)
    ):
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
    secret: str,
    now: datetime,
    source: str,
) -> LoggedIn:
    """Authenticate (raises ``LoginFailed``), open a login session and answer the pending request; when the
    request carries an ``id_token_hint``, only a login as that account does (else :class:`NotTheHintedAccount`,
    and no session opens). ``source``: the client's address (failed logins lock per account and source)."""
    await check_client(uow, request)
    subject = await authenticate(
        uow,
        login=login,
        password=password,
        cipher=cipher,
        now=now,
        source=source,
        credit_code=credit_code or None,
    )
    return await start_session(uow, request=request, subject=subject, policy=policy, secret=secret, now=now)


async def check_client(uow: IdentityUnitOfWork, request: AuthorizationRequest) -> Client:
    """The pending request's client, still active and still with that redirect URI."""
    client = await uow.clients.get(request.client_id)
    if client is None or not client.active or request.redirect_uri not in client.redirect_uris:
        raise AuthorizationError(
            "invalid_client", "client changed", "应用已停用或回调地址已变更，请返回应用重新登录。"
        )
    return client


async def start_session(
    uow: IdentityUnitOfWork,
    *,
    request: AuthorizationRequest,
    subject: AuthenticatedSubject,
    policy: TokenPolicy,
    secret: str,
    now: datetime,
) -> LoggedIn:
    """Open a login session for an authenticated subject and answer the pending request with a code (only as
    the account an ``id_token_hint`` names, else :class:`NotTheHintedAccount`)."""
    client = await check_client(uow, request)
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
    if not await _is_hinted(uow, request, session=session, client=client, secret=secret):
        raise NotTheHintedAccount()
    uow.sessions.add(session)
    await uow.flush()
    code = await _issue_code(uow, request=request, session=session, policy=policy, now=now)
    log.info(
        "login", extra={"subject_kind": subject.kind, "subject_id": subject.id, "client_id": client.client_id}
    )
    return LoggedIn(cookie=cookie, code=code)
