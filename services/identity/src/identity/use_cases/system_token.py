"""identity's own access token as a system client of the mesh (``tongban-identity``): it reads the registers
through the exchange like any department system. identity is the issuer, so it signs the token itself — through
the same client-credentials rules (the client must be registered, active and allowed the scope) — instead of
sending itself a secret over HTTP."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from datetime import UTC, datetime

from identity.clients.registers import RegistersUnavailable
from identity.domain.tokens import TokenPolicy
from identity.store.client_grants import ClientGrants
from identity.use_cases.client_credentials import issue_client_token
from identity.use_cases.oauth_keys import KeyCache
from meshkit.db import Database
from meshkit.errors import ProblemError

__all__ = ["SystemTokens"]

SCOPE = "exchange:read"


class SystemTokens:
    def __init__(
        self,
        database: Callable[[], Database],
        keys: Callable[[], KeyCache],
        clients: ClientGrants,
        *,
        client_id: str,
        policy: TokenPolicy,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._database, self._keys, self._clients, self._client_id = database, keys, clients, client_id
        self._policy, self._clock = policy, clock
        self._token: tuple[str, float] | None = None
        self._lock = asyncio.Lock()

    async def __call__(self, fresh: bool = False) -> str:
        """A token reused until a minute before it expires; ``fresh`` forces a new one (e.g. after a 401)."""
        async with self._lock:
            if not fresh and self._token is not None and self._clock() < self._token[1]:
                return self._token[0]
            now = datetime.now(UTC)
            ring = await self._keys().ring(self._database())
            client = await self._clients.read(self._client_id)
            if client is None or not client.active:
                raise RegistersUnavailable(f"system client {self._client_id} is not registered or inactive")
            try:
                grant = issue_client_token(
                    client=client, scope=SCOPE, key=ring.signer(now), policy=self._policy, now=now
                )
            except ProblemError as exc:
                raise RegistersUnavailable(f"no token for {self._client_id}: {exc.code}") from None
            self._token = (grant.access_token, self._clock() + max(0, grant.expires_in - 60))
            return grant.access_token
