"""The identity worker: outbox relay, and the OpenID Provider's timer (key rotation, expired state)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import UTC, datetime

from identity.settings import IdentitySettings
from identity.store.models import INBOX, OUTBOX
from identity.store.unit_of_work import IdentityUnitOfWork
from identity.use_cases.oauth_housekeeping import purge_expired
from identity.use_cases.oauth_keys import run_key_schedule
from meshkit.db import Database
from meshkit.worker import Timer, WorkerPlan, serve_worker

__all__ = ["key_rotation_timer", "plan"]

log = logging.getLogger("identity.worker")


def key_rotation_timer(settings: IdentitySettings) -> Timer:
    """Every ``key_check_interval``: create the next signing key ahead of use, record retirements, and
    delete codes, refresh tokens, revocations and sessions that have expired."""
    secret = settings.secret_key.get_secret_value()
    policy = settings.rotation_policy()

    async def rotate_keys(database: Database, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                now = datetime.now(UTC)
                async with IdentityUnitOfWork(database) as uow:
                    await run_key_schedule(uow, secret=secret, policy=policy, now=now)
                async with IdentityUnitOfWork(database) as uow:
                    await purge_expired(uow, now=now)
            except Exception:
                log.exception("key schedule failed; the next round retries")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), settings.key_check_interval)

    return rotate_keys


def plan(settings: IdentitySettings) -> WorkerPlan:
    return WorkerPlan(service="identity", outbox=OUTBOX, inbox=INBOX, timers=[key_rotation_timer(settings)])


if __name__ == "__main__":
    settings = IdentitySettings()
    serve_worker(settings, plan(settings))
