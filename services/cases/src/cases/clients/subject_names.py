"""What identity calls a case's applicant and subject, as identity shows them to one token, kept briefly — the one
way cases names a party (staff lists, the applicant's own case, decision documents).

identity is asked with a token (``ApplicantDirectory.named``): a clerk's or a citizen's own, so the answer is that
caller's to see, or the platform's own (:class:`PlatformNames`, for documents). It is kept per token (a hash of it,
never the token) for a minute, so paging through a queue or reloading it asks identity once per party, not once per
page. When identity cannot be reached, no name is asked for ``backoff`` seconds: a page is served with codes alone
instead of waiting on a failing identity per row."""

from __future__ import annotations

import asyncio
import hashlib
import time
from collections.abc import Callable, Iterable

from cases.clients.applicants import ApplicantDirectory, IdentityUnreachable, Named
from cases.clients.errors import CallFailed
from cases.clients.identity import IdentityClient

__all__ = ["PlatformNames", "SubjectNames"]

_CONCURRENT = 8

Party = tuple[str, str]  # (kind, identity's id)


class SubjectNames:
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
        self._names: dict[tuple[str, str, str], tuple[Named | None, float]] = {}
        self._quiet_until = 0.0

    async def names(self, parties: Iterable[Party], *, bearer: str) -> dict[Party, Named]:
        """Each (kind, id) as identity shows it to the holder of ``bearer``; the others are left out."""
        now = self._clock()
        caller = hashlib.sha256(bearer.encode()).hexdigest()[:32]
        wanted = sorted(set(parties))
        missing = [
            a for a in wanted if (caller, *a) not in self._names or self._names[(caller, *a)][1] <= now
        ]
        if missing and now >= self._quiet_until:
            limit = asyncio.Semaphore(_CONCURRENT)

            async def one(kind: str, subject_id: str) -> Named | None:
                async with limit:
                    return await self._directory.named(kind, subject_id, bearer=bearer)

            found = await asyncio.gather(*(one(*a) for a in missing), return_exceptions=True)
            if len(self._names) + len(missing) > self._size:
                self._names.clear()
            for party, named in zip(missing, found, strict=True):
                if isinstance(named, IdentityUnreachable):
                    self._quiet_until = now + self._backoff
                elif isinstance(named, BaseException):
                    raise named
                else:
                    self._names[(caller, *party)] = (named, now + self._ttl)
        fresh = {a: self._names[(caller, *a)] for a in wanted if (caller, *a) in self._names}
        return {a: named for a, (named, until) in fresh.items() if named and until > now}  # never stale


class PlatformNames:
    """The names a decision document or a certificate carries, asked with the platform's own token (client
    credentials: identity shows it every party, masked); CallFailed when identity does not say."""

    def __init__(self, names: SubjectNames, identity: IdentityClient) -> None:
        self._names, self._identity = names, identity

    async def __call__(self, kind: str, subject_id: str) -> Named:
        found = await self._names.names([(kind, subject_id)], bearer=await self._identity.token())
        named = found.get((kind, subject_id))
        if named is None:
            self._identity.forget_token()  # a refused token (e.g. a rotated key) is not asked with again
            raise CallFailed("identity_name_unavailable", 503)
        return named
