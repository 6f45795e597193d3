"""``id_token_hint`` (OIDC Core §3.1.2.1, RP-Initiated Logout §2): an ID token this OP signed, expired or not,
naming the account the client expects; and whether a login session is that account."""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import jwt

from identity.domain.tokens import TokenPolicy
from identity.keys import decode_id_token
from identity.store.models import Client, LoginSession
from identity.store.unit_of_work import IdentityUnitOfWork
from identity.use_cases.oauth_keys import KeyRing
from identity.use_cases.oauth_subjects import subject_claims
from identity.use_cases.tokens import OAuthError

__all__ = ["HintedAccount", "hint_claims", "hinted_account", "session_is_hinted"]


def hint_claims(token: str, ring: KeyRing, policy: TokenPolicy, now: datetime) -> dict[str, Any]:
    """Claims of an ID token this OP signed with a key it still publishes; raises ``jwt.InvalidTokenError``.
    Expiry is not checked: a client may name the account of an old login."""
    header = jwt.get_unverified_header(token)
    jwk = ring.verification_key(str(header.get("kid", "")), now)
    if jwk is None or header.get("typ") != "JWT":
        raise jwt.InvalidTokenError("not one of our ID tokens")
    return decode_id_token(token, jwk, issuer=policy.issuer)


@dataclass(frozen=True)
class HintedAccount:
    """The account an ``id_token_hint`` names: its ``sub`` towards the client and its kind."""

    sub: str
    kind: str | None


def hinted_account(
    token: str, *, client_id: str, ring: KeyRing, policy: TokenPolicy, now: datetime
) -> HintedAccount | None:
    """The account named by a hint issued to ``client_id`` (its ``sub`` is pairwise for that client's sector,
    so another client's ID token names nobody here); None when it is no such ID token."""
    try:
        claims = hint_claims(token, ring, policy, now)
    except jwt.InvalidTokenError:
        return None
    audience = claims.get("aud")
    audiences = audience if isinstance(audience, list) else [audience]
    if str(claims.get("azp") or audiences[0]) != client_id or client_id not in audiences:
        return None
    kind = claims.get("tb_kind")
    return HintedAccount(sub=str(claims["sub"]), kind=str(kind) if kind else None)


async def session_is_hinted(
    uow: IdentityUnitOfWork, *, session: LoginSession, client: Client, account: HintedAccount, secret: str
) -> bool:
    """Whether the session's subject, as this client sees it, is the hinted account."""
    try:
        subject = await subject_claims(uow, session=session, client=client, secret=secret)
    except OAuthError:
        return False
    if account.kind is not None and subject.kind != account.kind:
        return False
    return hmac.compare_digest(subject.sub, account.sub)
