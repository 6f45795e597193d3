"""Organization names (组织名称) beside the codes a clerk or citizen reads: identity owns the 条块 tree and
answers ``GET /organizations/{code}`` publicly; names are kept in process for a while (they change by an
administrator's edit, rarely), so a queue page costs no call once its halls and departments are known.

Names are what people read, never what decides anything: when identity cannot answer, the code stands alone
(``None``) and the response is still served — a clerk's queue does not fail because identity is slow — and no
name is asked for ``backoff`` seconds, so a failing identity is not asked again on every page."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Iterable
from urllib.parse import quote

import httpx

__all__ = ["OrganizationNames", "StaffNames"]

log = logging.getLogger("cases.clients.organizations")


class OrganizationNames:
    path = "/organizations/{}"
    what = "organization"

    def __init__(
        self,
        http: httpx.AsyncClient,
        *,
        ttl: float = 600.0,
        timeout: float = 2.0,
        backoff: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
        size: int = 4096,
    ) -> None:
        self._http, self._ttl, self._timeout, self._clock, self._size = http, ttl, timeout, clock, size
        self._backoff, self._quiet_until = backoff, 0.0
        self._names: dict[str, tuple[str | None, float]] = {}

    async def names(self, codes: Iterable[str | None], *, bearer: str | None = None) -> dict[str, str]:
        """The name of each code identity knows (unknown codes and failed lookups are left out)."""
        now = self._clock()
        wanted = {code for code in codes if code}
        missing = sorted(code for code in wanted if code not in self._names or self._names[code][1] <= now)
        if missing and now >= self._quiet_until:
            headers = {"Authorization": f"Bearer {bearer}"} if bearer else {}
            found = await asyncio.gather(*(self._lookup(code, headers) for code in missing))
            if len(self._names) + len(missing) > self._size:
                self._names.clear()
            for code, (known, name) in zip(missing, found, strict=True):
                if known:  # an answer (a name, or 404): kept
                    self._names[code] = (name, now + self._ttl)
                else:  # identity failed: asked again after the backoff
                    self._quiet_until = now + self._backoff
        return {code: name for code in wanted if (name := self._names.get(code, (None, now))[0])}

    async def _lookup(self, code: str, headers: dict[str, str]) -> tuple[bool, str | None]:
        """(identity answered, the name): 404 is an answer without a name."""
        url = self.path.format(quote(code, safe=""))
        try:
            response = await self._http.get(url, headers=headers, timeout=self._timeout)
        except httpx.HTTPError as exc:
            log.warning("%s name lookup failed: %s", self.what, type(exc).__name__, extra={"code": code})
            return False, None
        if response.status_code == 404:
            return True, None
        if response.status_code != 200:
            log.warning("%s name lookup answered %s", self.what, response.status_code, extra={"code": code})
            return False, None
        name = response.json().get("name")
        return True, str(name) if name else None


class StaffNames(OrganizationNames):
    """Staff members' names (工作人员姓名) beside the ids a timeline, a material or a rectification step records,
    for staff readers only: identity's ``GET /staff/{id}/card`` answers staff and systems with scope
    ``identity:staff_names``, asked with the reading clerk's own token; kept like organization names (a name
    is the same for every staff reader). Citizens never get them: they read the capacity and the hall."""

    path = "/staff/{}/card"
    what = "staff"
