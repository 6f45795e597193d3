"""OpenID Provider rules as pure functions: PKCE (RFC 7636, S256 only), opaque token hashing, pairwise subject
ids, and the login lockout with back-off (per account and source address) and the account-wide slow-down."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from datetime import datetime, timedelta

import jwt

__all__ = [
    "LOCKOUT_AFTER",
    "LOCKOUT_MAX",
    "REVOCABLE_TOKEN_TYPES",
    "SLOWDOWN",
    "SLOWDOWN_AFTER",
    "SLOWDOWN_WINDOW",
    "jwt_type",
    "locked_until",
    "looks_like_jwt",
    "new_opaque_token",
    "opaque_token_hash",
    "pairwise_subject",
    "pkce_challenge",
    "pkce_matches",
    "session_sid",
    "slowed_until",
    "valid_code_challenge",
    "valid_code_verifier",
]

LOCKOUT_AFTER = 5  # consecutive failures from one source before the account is locked for that source
LOCKOUT_MAX = timedelta(hours=1)
SLOWDOWN_AFTER = 20  # failures from all sources within SLOWDOWN_WINDOW before every source is slowed down
SLOWDOWN_WINDOW = timedelta(minutes=15)
SLOWDOWN = timedelta(seconds=10)  # then one password try per account every ten seconds, from anywhere
# RFC 7009 §2.1 token_type_hint values this OP revokes; ID tokens are not revocable (end the session instead).
REVOCABLE_TOKEN_TYPES = frozenset({"access_token", "refresh_token"})

# RFC 7636 §4.1: 43-128 characters of [A-Z] / [a-z] / [0-9] / "-" / "." / "_" / "~"
_VERIFIER = re.compile(r"[A-Za-z0-9\-._~]{43,128}")
# BASE64URL(SHA256(...)) without padding is always 43 characters
_CHALLENGE = re.compile(r"[A-Za-z0-9_-]{43}")


def valid_code_verifier(verifier: str) -> bool:
    return _VERIFIER.fullmatch(verifier) is not None


def valid_code_challenge(challenge: str) -> bool:
    return _CHALLENGE.fullmatch(challenge) is not None


def pkce_challenge(verifier: str) -> str:
    """``BASE64URL(SHA256(ASCII(code_verifier)))`` (RFC 7636 §4.2, method S256)."""
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def pkce_matches(verifier: str, challenge: str) -> bool:
    """Whether the verifier is well formed and hashes to the challenge (constant-time comparison)."""
    return valid_code_verifier(verifier) and hmac.compare_digest(pkce_challenge(verifier), challenge)


def new_opaque_token() -> str:
    """An unguessable bearer value (256 bits) for codes, refresh tokens and session cookies."""
    return secrets.token_urlsafe(32)


def opaque_token_hash(value: str) -> str:
    """What is stored for an opaque token: a leaked table yields no usable code, refresh token or cookie."""
    return hashlib.sha256(value.encode()).hexdigest()


def session_sid(session_id: str) -> str:
    """The ``sid`` claim of a login session's tokens: derived from its stored id (itself the cookie's hash), so
    a token names its session without showing the key it is stored under. 32 characters."""
    digest = hashlib.sha256(f"sid:{session_id}".encode()).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")[:32]


def looks_like_jwt(token: str) -> bool:
    return token.count(".") == 2


def jwt_type(token: str) -> str | None:
    """The ``typ`` of a JWT's header, read without verification (only to tell an ID token, ``JWT``, from an
    access token, ``at+jwt``); None when the header is unreadable or has none."""
    try:
        typ = jwt.get_unverified_header(token).get("typ")
    except jwt.InvalidTokenError:
        return None
    return typ if isinstance(typ, str) else None


def pairwise_subject(secret: str, *, sector: str, person_id: str) -> str:
    """A person's subject id towards one sector: stable for that sector, unlinkable across sectors
    without the service secret (OIDC Core §8.1). 43 characters."""
    key = hashlib.sha256(f"pairwise-subject:{secret}".encode()).digest()
    digest = hmac.new(key, f"{sector}|{person_id}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def slowed_until(recent_failures: int, now: datetime) -> datetime | None:
    """After 20 failures from anywhere within 15 minutes, the account takes one password try per ten seconds
    (a distributed guess is slowed; nobody is locked out for long, and the one-time-code login stays open)."""
    return now + SLOWDOWN if recent_failures >= SLOWDOWN_AFTER else None


def locked_until(failures: int, now: datetime) -> datetime | None:
    """After 5 consecutive failures from one source the account locks for that source for 1, 2, 4 … minutes,
    at most one hour."""
    if failures < LOCKOUT_AFTER:
        return None
    exponent = min(failures - LOCKOUT_AFTER, 6)  # 2^6 minutes already exceeds the cap
    return now + min(timedelta(minutes=2**exponent), LOCKOUT_MAX)
