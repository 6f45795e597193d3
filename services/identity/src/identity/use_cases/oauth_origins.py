"""Which browser origins may call the OP from a page (CORS): the origins of the registered redirect URIs of
active authorization-code clients, read from the client table and kept for a few seconds."""

from __future__ import annotations

import asyncio
import time

from identity.domain.clients import browser_origin
from identity.store.unit_of_work import IdentityUnitOfWork
from meshkit.db import Database

__all__ = ["BrowserOrigins", "registered_origins"]


async def registered_origins(uow: IdentityUnitOfWork) -> frozenset[str]:
    """The origin of every redirect URI a code may be sent to; a page there receives the code anyway, so it
    may also exchange it, read userinfo and revoke from the browser. Nothing else is an allowed origin."""
    uris = await uow.clients.browser_redirect_uris()
    return frozenset(origin for origin in map(browser_origin, uris) if origin)


class BrowserOrigins:
    """The allowed origins, reloaded at most every ``max_age`` seconds (a client registered, changed or
    deactivated by an administrator counts within that time in every replica)."""

    def __init__(self, *, max_age: float) -> None:
        self._max_age = max_age
        self._origins: frozenset[str] = frozenset()
        self._loaded_at = float("-inf")
        self._lock = asyncio.Lock()

    @property
    def current(self) -> frozenset[str]:
        """The last loaded set (call :meth:`refresh` first)."""
        return self._origins

    async def refresh(self, database: Database) -> frozenset[str]:
        if time.monotonic() - self._loaded_at < self._max_age:
            return self._origins
        async with self._lock:
            if time.monotonic() - self._loaded_at < self._max_age:
                return self._origins
            async with IdentityUnitOfWork(database) as uow:
                self._origins = await registered_origins(uow)
            self._loaded_at = time.monotonic()
            return self._origins
