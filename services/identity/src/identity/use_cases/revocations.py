"""Revocation reaches every service: each revocation is written to identity's own deny list (which its routes
consult at once) and announced in the same transaction through the outbox, from which every other process keeps
its in-memory deny list (``meshkit.revocation``). Entries last until every token they match has expired.

Nothing here commits: the caller's use case does, with the state change that caused the revocation.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from identity.domain.oauth import session_sid
from identity.domain.tokens import TokenPolicy
from identity.events import (
    ACCESS_TOKEN_REVOKED,
    CLIENT_TOKENS_REVOKED,
    SESSION_ENDED,
    SUBJECT_DEACTIVATED,
    TOKEN_FAMILY_REVOKED,
    AccessTokenRevoked,
    ClientTokensRevoked,
    SessionEnded,
    SubjectDeactivated,
    TokenFamilyRevoked,
)
from identity.store.models import LoginSession
from identity.store.unit_of_work import IdentityUnitOfWork
from meshkit.revocation import DenyList

__all__ = [
    "deny_client",
    "deny_person",
    "deny_subject",
    "end_session",
    "refusal",
    "revoke_access_tokens",
    "revoke_families",
]


def _until(policy: TokenPolicy, now: datetime) -> datetime:
    """Every access token issued up to ``now`` has expired by then."""
    return now + timedelta(seconds=policy.access_ttl)


async def revoke_access_tokens(
    uow: IdentityUnitOfWork, *, jtis: Sequence[str], expires_at: datetime, reason: str, now: datetime
) -> None:
    """Deny access tokens by ``jti`` until ``expires_at`` (when they would have expired anyway)."""
    wanted = list(dict.fromkeys(jti for jti in jtis if jti))
    if not wanted:
        return
    await uow.revoked.revoke(wanted, expires_at=expires_at, now=now)
    await uow.publish(
        ACCESS_TOKEN_REVOKED,
        aggregate_id=wanted[0],
        sequence=1,
        payload=AccessTokenRevoked(at=now, until=expires_at, jtis=wanted, reason=reason),
    )


async def revoke_families(
    uow: IdentityUnitOfWork, *, families: Sequence[str], reason: str, policy: TokenPolicy, now: datetime
) -> None:
    """Revoke refresh-token families and every access token issued with them (claim ``tb_fam``)."""
    until = _until(policy, now)
    for family in dict.fromkeys(f for f in families if f):
        jtis = await uow.refresh_tokens.revoke_family(family, now=now)
        # tokens issued before ``tb_fam`` existed are still matched by their jti at identity
        await uow.revoked.revoke(jtis, expires_at=until, now=now)
        await uow.revocations.add([("family", family)], at=now, until=until)
        await uow.publish(
            TOKEN_FAMILY_REVOKED,
            aggregate_id=family,
            sequence=1,
            payload=TokenFamilyRevoked(at=now, until=until, family=family, reason=reason),
        )


async def end_session(
    uow: IdentityUnitOfWork, *, session: LoginSession, reason: str, policy: TokenPolicy, now: datetime
) -> None:
    """End a login session: its refresh families stop, and every access token carrying its ``sid``."""
    session.ended_at = now
    until = _until(policy, now)
    for family in await uow.refresh_tokens.families_of_session(session.id):
        await uow.refresh_tokens.revoke_family(family, now=now)
    sid = session_sid(session.id)
    await uow.revocations.add([("sid", sid)], at=now, until=until)
    await uow.publish(
        SESSION_ENDED,
        aggregate_id=sid,
        sequence=1,
        payload=SessionEnded(at=now, until=until, sid=sid, reason=reason),
    )


async def deny_subject(
    uow: IdentityUnitOfWork,
    *,
    kind: str,
    subject_id: str,
    token_subjects: Sequence[str],
    policy: TokenPolicy,
    now: datetime,
) -> None:
    """A deactivated account (staff, person) or enterprise: its tokens issued at or before ``now`` stop, and
    its open login sessions end (with their refresh families).
    ``token_subjects``: the ``sub`` values its tokens carry (a person's pairwise ones too); an enterprise's
    tokens are matched by ``org`` instead."""
    sessions = await uow.sessions.open_of(
        subject_id=None if kind == "enterprise" else subject_id,
        enterprise_id=subject_id if kind == "enterprise" else None,
        now=now,
    )
    for session in sessions:  # no refresh token of theirs outlives the deactivation, even a reactivation
        await end_session(uow, session=session, reason="subject_deactivated", policy=policy, now=now)
    until = _until(policy, now)
    entries = [("sub", sub) for sub in token_subjects]
    if kind == "enterprise":
        entries.append(("enterprise", subject_id))
    await uow.revocations.add(entries, at=now, until=until)
    await uow.publish(
        SUBJECT_DEACTIVATED,
        aggregate_id=subject_id,
        sequence=1,
        payload=SubjectDeactivated(
            at=now,
            until=until,
            subject_kind=kind,
            subject_id=subject_id,
            token_subjects=list(token_subjects),
        ),
    )


async def deny_person(uow: IdentityUnitOfWork, *, person_id: str, policy: TokenPolicy, now: datetime) -> None:
    """A person's account deactivated (or taken from a wrong holder): every ``sub`` their tokens carry, the
    pairwise ones of sector clients included, and with them their enterprise tokens (``sub`` is the person)."""
    subjects = [person_id, *await uow.clients.pairwise_subjects_of(person_id)]
    await deny_subject(
        uow, kind="person", subject_id=person_id, token_subjects=subjects, policy=policy, now=now
    )


async def deny_client(
    uow: IdentityUnitOfWork, *, client_id: str, reason: str, policy: TokenPolicy, now: datetime
) -> None:
    """A deactivated client, or one whose secret was rotated: its tokens issued at or before ``now`` stop."""
    until = _until(policy, now)
    await uow.revocations.add([("client_id", client_id)], at=now, until=until)
    await uow.publish(
        CLIENT_TOKENS_REVOKED,
        aggregate_id=client_id,
        sequence=1,
        payload=ClientTokensRevoked(at=now, until=until, client_id=client_id, reason=reason),
    )


async def refusal(uow: IdentityUnitOfWork, claims: Mapping[str, Any]) -> str | None:
    """Why identity's own deny list refuses a verified token (read from the store, so a revocation counts at
    identity at once), or None. The matching rule is the one every other process applies in memory."""
    if await uow.revoked.is_revoked(str(claims.get("jti", ""))):
        return "访问令牌已被撤销，请重新获取令牌 (token revoked)"
    keys = [(key, str(claims[claim])) for key, claim in _CLAIM_OF.items() if claims.get(claim)]
    if claims.get("tb_kind") == "enterprise" and claims.get("org"):
        keys.append(("enterprise", str(claims["org"])))
    rows = await uow.revocations.matching(keys)
    if not rows:
        return None
    deny = DenyList()
    deny.add_all(
        (row.kind, row.value, row.revoked_at.timestamp(), row.expires_at.timestamp())
        for row in rows
        if row.expires_at > datetime.now(UTC) - timedelta(minutes=5)
    )
    return deny.refusal(claims)


_CLAIM_OF = {"sid": "sid", "family": "tb_fam", "sub": "sub", "client_id": "client_id"}
