"""Signing keys: the rotation schedule (run by the worker's timer and at API start) and the API's short-lived
cache of them, from which each request takes the key that signs at that moment."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from identity.domain.oauth_keys import (
    KeyTimes,
    RotationPlan,
    RotationPolicy,
    published_keys,
    rotation_plan,
    signing_key,
)
from identity.keys import ActiveKey, load_key, new_key
from identity.store.models import SigningKey
from identity.store.unit_of_work import IdentityUnitOfWork
from meshkit.db import Database
from meshkit.errors import ProblemError

__all__ = ["KeyCache", "KeyRing", "run_key_schedule"]

log = logging.getLogger("identity.keys")


def _times(row: SigningKey) -> KeyTimes:
    return KeyTimes(kid=row.kid, activates_at=row.activates_at, retired_at=row.retired_at)


async def run_key_schedule(
    uow: IdentityUnitOfWork, *, secret: str, policy: RotationPolicy, now: datetime
) -> RotationPlan:
    """Create the next key ahead of its use (or the first key), and record retirements. Idempotent; one
    transaction at a time across replicas (advisory lock)."""
    await uow.keys.lock_schedule()
    rows = await uow.keys.all()
    plan = rotation_plan([_times(row) for row in rows], now, policy)
    for row in rows:
        if row.kid in plan.retire:
            row.retired_at = plan.retire[row.kid]
    if plan.create_activating_at is not None:
        kid, encrypted, public_jwk = new_key(secret)
        uow.keys.add(
            SigningKey(
                kid=kid,
                private_key=encrypted,
                public_jwk=public_jwk,
                created_at=now,
                activates_at=plan.create_activating_at,
            )
        )
        log.info(
            "signing key created", extra={"kid": kid, "activates_at": plan.create_activating_at.isoformat()}
        )
    for kid in plan.retire:
        log.info("signing key retired", extra={"kid": kid})
    await uow.commit()
    return plan


@dataclass(frozen=True)
class KeyRing:
    """The keys at one load: which one signs at a given moment and which are published."""

    times: tuple[KeyTimes, ...]
    public: Mapping[str, dict[str, Any]]
    private: Mapping[str, ActiveKey]
    policy: RotationPolicy

    def signer(self, now: datetime) -> ActiveKey:
        current = signing_key(self.times, now)
        if current is None or current.kid not in self.private:
            raise ProblemError("暂无可用的签名密钥 (no signing key)", status=503, code="no_signing_key")
        return self.private[current.kid]

    def jwks(self, now: datetime) -> dict[str, list[dict[str, Any]]]:
        return {"keys": [self.public[key.kid] for key in published_keys(self.times, now, self.policy)]}

    def verification_key(self, kid: str, now: datetime) -> dict[str, Any] | None:
        """The public JWK of ``kid`` while it is published (tokens of dropped keys are expired anyway)."""
        published = {key.kid for key in published_keys(self.times, now, self.policy)}
        return self.public.get(kid) if kid in published else None


class KeyCache:
    """Reloads the key table at most every ``max_age`` seconds; decrypts each private key once."""

    def __init__(self, *, secret: str, policy: RotationPolicy, max_age: float) -> None:
        self._secret = secret
        self._policy = policy
        self._max_age = max_age
        self._ring: KeyRing | None = None
        self._loaded_at = float("-inf")
        self._private: dict[str, ActiveKey] = {}
        self._lock = asyncio.Lock()

    async def ring(self, database: Database, *, fresh: bool = False) -> KeyRing:
        if not fresh and self._ring is not None and time.monotonic() - self._loaded_at < self._max_age:
            return self._ring
        async with self._lock:
            if not fresh and self._ring is not None and time.monotonic() - self._loaded_at < self._max_age:
                return self._ring
            async with IdentityUnitOfWork(database) as uow:  # read inside: leaving it expires the rows
                rows = await uow.keys.all()
                for row in rows:
                    if row.kid not in self._private:  # once per key and process
                        self._private[row.kid] = load_key(row.kid, row.private_key, self._secret)
                self._ring = KeyRing(
                    times=tuple(_times(row) for row in rows),
                    public={row.kid: json.loads(row.public_jwk) for row in rows},
                    private=dict(self._private),
                    policy=self._policy,
                )
            self._loaded_at = time.monotonic()
            return self._ring
