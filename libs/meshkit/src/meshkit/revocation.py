"""The deny list of revoked access tokens: what identity announced, checked on every request without I/O.

Identity announces revocations as events (stream ``IDENTITY``, the subjects in :data:`REVOCATION_SUBJECTS`);
:class:`meshkit.revocation_feed.RevocationFeed` keeps each process's :class:`DenyList` current from them, and
:func:`meshkit.auth.optional_principal` (and the gateway's guard) refuses a token the list denies. An entry is kept
until ``until`` (identity sets it to when every token it can match has expired), then dropped.

Keys and how a token matches them:

- ``jti`` (one access token), ``sid`` (every token of an ended login session), ``family`` (``tb_fam``: every
  access token of a refresh-token family): any token carrying the value is refused;
- ``sub`` (a deactivated account), ``enterprise`` (an enterprise token's ``org``), ``client_id`` (a deactivated
  client or one whose secret was rotated): refused when the token was issued at or before the entry's ``at``
  (``iat <= at``), so tokens issued after a reactivation or with the new secret work. ``iat`` has whole seconds:
  a token issued within the same second as the change is refused too (the conservative side).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict

__all__ = [
    "REVOCATION_STREAM",
    "REVOCATION_SUBJECTS",
    "DenyList",
    "RevocationView",
    "entries_of",
]

REVOCATION_STREAM = "IDENTITY"
REVOCATION_SUBJECTS = (
    "identity.access_token_revoked.v1",
    "identity.session_ended.v1",
    "identity.token_family_revoked.v1",
    "identity.subject_deactivated.v1",
    "identity.client_tokens_revoked.v1",
)

# Keys matched on any token carrying them, and keys matched on tokens issued at or before the entry's time.
_ANY_TIME = ("jti", "sid", "family")
_ISSUED_BEFORE = ("sub", "enterprise", "client_id")

_REFUSALS = {
    "jti": "访问令牌已被撤销，请重新获取令牌 (token revoked)",
    "sid": "登录会话已结束，请重新登录 (session ended)",
    "family": "该令牌所属的刷新令牌族已被撤销，请重新登录 (token family revoked)",
    "sub": "账号已停用或已被注销，令牌已失效；如有疑问请联系管理员 (subject deactivated)",
    "enterprise": "企业账号已停用，令牌已失效；如有疑问请联系管理员 (enterprise deactivated)",
    "client_id": "接入系统已停用或已更换密钥，请用新密钥重新获取令牌 (client deactivated or secret rotated)",
}


class RevocationView(BaseModel):
    """The narrow view of identity's revocation events this kit needs (every field the five events carry that
    names a token; the rest is ignored). ``at``: when it happened; ``until``: when the entry may be dropped."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    at: datetime
    until: datetime
    jtis: list[str] = []
    sid: str | None = None
    family: str | None = None
    subject_kind: str | None = None
    subject_id: str | None = None
    token_subjects: list[str] = []
    client_id: str | None = None


def entries_of(view: RevocationView) -> list[tuple[str, str]]:
    """The (key, value) pairs one event denies."""
    entries = [("jti", jti) for jti in view.jtis]
    if view.sid:
        entries.append(("sid", view.sid))
    if view.family:
        entries.append(("family", view.family))
    entries += [("sub", sub) for sub in view.token_subjects]
    if view.subject_kind == "enterprise" and view.subject_id:
        entries.append(("enterprise", view.subject_id))
    if view.client_id:
        entries.append(("client_id", view.client_id))
    return entries


class DenyList:
    """In-memory deny list of one process. ``refusal`` is a few dict lookups (no I/O, no lock: one event loop)."""

    def __init__(self, *, leeway: float = 5.0) -> None:
        self._leeway = leeway  # verifiers accept tokens this long past ``exp``: keep entries as long
        self._entries: dict[str, dict[str, tuple[float, float]]] = {k: {} for k in _ANY_TIME + _ISSUED_BEFORE}
        self._size = 0

    def __len__(self) -> int:
        return self._size

    def add(self, key: str, value: str, *, at: float, until: float) -> None:
        """Deny ``value`` of ``key`` (see the module doc); a later entry for the same value extends it."""
        if until + self._leeway < time.time():
            return  # every token it could match has expired
        entries = self._entries[key]
        held = entries.get(value)
        if held is None:
            self._size += 1
            entries[value] = (at, until)
        else:
            entries[value] = (max(held[0], at), max(held[1], until))

    def add_view(self, view: RevocationView) -> None:
        at, until = view.at.timestamp(), view.until.timestamp()
        for key, value in entries_of(view):
            self.add(key, value, at=at, until=until)

    def add_all(self, entries: Iterable[tuple[str, str, float, float]]) -> None:
        for key, value, at, until in entries:
            self.add(key, value, at=at, until=until)

    def refusal(self, claims: Mapping[str, Any]) -> str | None:
        """Why a verified token's claims are denied (a message for the 401), or None."""
        if not self._size:
            return None
        for key, claim in (("jti", "jti"), ("sid", "sid"), ("family", "tb_fam")):
            value = claims.get(claim)
            if value is not None and str(value) in self._entries[key]:
                return _REFUSALS[key]
        try:
            issued = float(claims.get("iat", 0))
        except (TypeError, ValueError):
            issued = 0.0
        candidates = [("sub", claims.get("sub")), ("client_id", claims.get("client_id"))]
        if claims.get("tb_kind") == "enterprise":
            candidates.append(("enterprise", claims.get("org")))
        for key, value in candidates:
            held = self._entries[key].get(str(value)) if value is not None else None
            if held is not None and issued <= held[0]:
                return _REFUSALS[key]
        return None

    def prune(self, now: float | None = None) -> int:
        """Drop the entries no unexpired token can match any more; returns how many."""
        cutoff = (time.time() if now is None else now) - self._leeway
        dropped = 0
        for entries in self._entries.values():
            stale = [value for value, (_, until) in entries.items() if until < cutoff]
            for value in stale:
                del entries[value]
            dropped += len(stale)
        self._size -= dropped
        return dropped
