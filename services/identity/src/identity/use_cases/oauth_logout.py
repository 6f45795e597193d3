"""RP-initiated logout (OIDC RP-Initiated Logout 1.0): check the request, end the login session and revoke
the refresh families it started; every service learns that the session's tokens (``sid``) are revoked."""

from __future__ import annotations

import hashlib
import hmac
import logging
from dataclasses import dataclass
from datetime import datetime

import jwt

from identity.domain.oauth_request import AuthorizationError, redirect_to
from identity.domain.tokens import TokenPolicy
from identity.store.models import Client, LoginSession
from identity.store.unit_of_work import IdentityUnitOfWork
from identity.use_cases.oauth_authorize import current_session
from identity.use_cases.oauth_hint import hint_claims
from identity.use_cases.oauth_keys import KeyRing
from identity.use_cases.oauth_subjects import subject_claims
from identity.use_cases.revocations import end_session
from identity.use_cases.tokens import OAuthError

__all__ = ["Logout", "log_out", "logout_form_token"]

log = logging.getLogger("identity.logout")


@dataclass(frozen=True)
class _LogoutRequest:
    client: Client | None
    hint_subject: str | None  # ``sub`` of a valid id_token_hint
    redirect: str | None  # where to send the browser afterwards (post_logout_redirect_uri with state)


def _refuse(message: str, description: str) -> AuthorizationError:
    return AuthorizationError("invalid_request", description, message)


def _hint_claims(token: str, ring: KeyRing, policy: TokenPolicy, now: datetime) -> dict[str, object]:
    try:
        return hint_claims(token, ring, policy, now)
    except jwt.InvalidTokenError as exc:
        raise _refuse("id_token_hint 无效，无法确认退出的应用。", "invalid id_token_hint") from exc


async def _check(
    uow: IdentityUnitOfWork,
    *,
    id_token_hint: str | None,
    client_id: str | None,
    post_logout_redirect_uri: str | None,
    state: str | None,
    ring: KeyRing,
    policy: TokenPolicy,
    now: datetime,
) -> _LogoutRequest:
    """Errors (:class:`AuthorizationError`) are shown, never redirected: the redirect URI must be registered,
    exactly, for the client named by the hint or by ``client_id``."""
    hint = _hint_claims(id_token_hint, ring, policy, now) if id_token_hint else None
    hinted_client = str(hint.get("azp") or hint["aud"]) if hint else None
    if hinted_client and client_id and hinted_client != client_id:
        raise _refuse("id_token_hint 与 client_id 不一致。", "client_id does not match id_token_hint")
    wanted = hinted_client or client_id
    client = await uow.clients.get(wanted) if wanted else None
    if wanted and client is None:
        raise _refuse("应用未注册。", "unknown client")
    redirect = None
    if post_logout_redirect_uri:
        if client is None or post_logout_redirect_uri not in client.redirect_uris:
            raise _refuse(
                "退出后的跳转地址未登记，已拒绝跳转。", "post_logout_redirect_uri is not registered"
            )
        redirect = redirect_to(post_logout_redirect_uri, {"state": state})
    return _LogoutRequest(client=client, hint_subject=str(hint["sub"]) if hint else None, redirect=redirect)


async def _hint_matches(
    uow: IdentityUnitOfWork, request: _LogoutRequest, session: LoginSession, secret: str
) -> bool:
    """Whether the id_token_hint names the person of this session (then no confirmation is needed)."""
    if request.client is None or request.hint_subject is None:
        return False
    try:
        subject = await subject_claims(uow, session=session, client=request.client, secret=secret)
    except OAuthError:
        return False
    return hmac.compare_digest(subject.sub, request.hint_subject)


def logout_form_token(secret: str, session_id: str) -> str:
    """CSRF token of the logout confirmation form, bound to the session it ends."""
    key = hashlib.sha256(f"logout-form:{secret}".encode()).digest()
    return hmac.new(key, session_id.encode(), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Logout:
    """What the browser gets: ``confirm`` set → show the confirmation form (with this CSRF token);
    otherwise the session (if any) has ended and the browser goes to ``redirect`` or sees a goodbye page."""

    redirect: str | None
    client_id: str | None
    confirm: str | None = None


async def log_out(
    uow: IdentityUnitOfWork,
    *,
    cookie: str | None,
    id_token_hint: str | None,
    client_id: str | None,
    post_logout_redirect_uri: str | None,
    state: str | None,
    confirmation: str | None,
    ring: KeyRing,
    policy: TokenPolicy,
    secret: str,
    now: datetime,
) -> Logout:
    """End the browser's login session when an id_token_hint names its person or the person confirmed on
    the logout page (so a foreign site cannot log people out); then revoke the refresh families it started."""
    request = await _check(
        uow,
        id_token_hint=id_token_hint,
        client_id=client_id,
        post_logout_redirect_uri=post_logout_redirect_uri,
        state=state,
        ring=ring,
        policy=policy,
        now=now,
    )
    outcome = Logout(
        redirect=request.redirect, client_id=request.client.client_id if request.client else None
    )
    session = await current_session(uow, cookie=cookie, now=now)
    if session is None:
        return outcome
    expected = logout_form_token(secret, session.id)
    confirmed = confirmation is not None and hmac.compare_digest(confirmation, expected)
    if not confirmed and not await _hint_matches(uow, request, session, secret):
        return Logout(redirect=request.redirect, client_id=outcome.client_id, confirm=expected)
    await end_session(uow, session=session, reason="logout", policy=policy, now=now)
    await uow.commit()
    log.info("logout", extra={"subject_kind": session.subject_kind, "subject_id": session.subject_id})
    return outcome
