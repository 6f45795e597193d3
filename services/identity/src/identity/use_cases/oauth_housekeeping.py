"""Deleting the OpenID Provider's state once nothing can use it any more (run by the worker's timer)."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from identity.domain.oauth import LOCKOUT_MAX
from identity.store.unit_of_work import IdentityUnitOfWork

__all__ = ["KEEP_AFTER_EXPIRY", "purge_expired"]

log = logging.getLogger("identity.housekeeping")

# Used codes and rotated refresh tokens are kept a day past expiry, so a late replay is still recognized
# (and revokes what they issued) rather than being answered as merely unknown.
KEEP_AFTER_EXPIRY = timedelta(days=1)


async def purge_expired(uow: IdentityUnitOfWork, *, now: datetime) -> dict[str, int]:
    """Delete expired codes, refresh tokens, deny-list entries and sessions; returns the counts."""
    before = now - KEEP_AFTER_EXPIRY
    counts = {
        "codes": await uow.codes.purge(before=before),
        "refresh_tokens": await uow.refresh_tokens.purge(before=before),
        # a revoked access token is harmless once expired (verifiers allow a few seconds of leeway)
        "revoked_tokens": await uow.revoked.purge(before=now - timedelta(minutes=5)),
        "revocations": await uow.revocations.purge(before=now - timedelta(minutes=5)),
    }
    counts["sessions"] = await uow.sessions.purge(before=before)
    # a failed-login count untouched for longer than the longest lock means nothing any more
    counts["login_failures"] = await uow.login_failures.purge(before=now - LOCKOUT_MAX)
    await uow.commit()
    if any(counts.values()):
        log.info("expired OpenID Provider state deleted", extra=counts)
    return counts
