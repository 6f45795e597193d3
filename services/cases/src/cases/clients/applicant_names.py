"""Applicants' names for a clerk's lists, as identity shows them to that clerk, kept briefly.

identity is asked with the clerk's own token (``ApplicantDirectory.name``), so the answer is that clerk's to see:
it is kept per token (a hash of it, never the token) for a minute, so paging through a queue or reloading it asks
identity once per applicant, not once per page. When identity cannot be reached, no name is asked for
``backoff`` seconds: a queue is served with codes alone instead of waiting on a failing identity per row."""

from __future__ import annotations

import asyncio
import hashlib
import time
from collections.abc import Callable, Iterable

from cases.clients.applicants import ApplicantDirectory, IdentityUnreachable

__all__ = ["ApplicantNames"]

_CONCURRENT = 8


class ApplicantNames:
    def __init__(
        self,
        directory: ApplicantDirectory,
        *,
        ttl: float = 60.0,
        backoff: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
        size: int = 10_000,
    ) -> None:
        self._directory, self._ttl, self._backoff, self._clock, self._size = (
            directory,
            ttl,
            backoff,
            clock,
            size,
        )
        self._names: dict[tuple[str, str, str], tuple[str | None, float]] = {}
        self._quiet_until = 0.0

    async def names(
        self, applicants: Iterable[tuple[str, str]], *, bearer: str
    ) -> dict[tuple[str, str], str]:
        """The name of each (kind, id) identity shows the holder of ``bearer``; the others are left out."""
        now = self._clock()
        caller = hashlib.sha256(bearer.encode()).hexdigest()[:32]
        wanted = sorted(set(applicants))
        missing = [
            a for a in wanted if (caller, *a) not in self._names or self._names[(caller, *a)][1] <= now
        ]
        if missing and now >= self._quiet_until:
            limit = asyncio.Semaphore(_CONCURRENT)

            async def one(kind: str, subject_id: str) -> str | None:
                async with limit:
                    return await self._directory.name(kind, subject_id, bearer=bearer)

            found = await asyncio.gather(*(one(*a) for a in missing), return_exceptions=True)
            if len(self._names) + len(missing) > self._size:
                self._names.clear()
            for applicant, name in zip(missing, found, strict=True):
                if isinstance(name, IdentityUnreachable):
                    self._quiet_until = now + self._backoff
                elif isinstance(name, BaseException):
                    raise name
                else:
                    self._names[(caller, *applicant)] = (name, now + self._ttl)
        fresh = {a: self._names[(caller, *a)] for a in wanted if (caller, *a) in self._names}
        return {a: name for a, (name, until) in fresh.items() if name and until > now}  # never a stale right
