"""identity, asked on the caller's behalf whether the applicant a clerk files for (代办) exists, how a person is
linked to a subject, and what a subject is called.

The clerk's own token goes with the question, so identity decides with its records and the clerk's rights (a
clerk may read the persons and enterprises it serves); cases keeps no copy of identity's subjects."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

import httpx

from cases.clients.errors import failure_of, transport_failure

__all__ = ["ApplicantDirectory", "IdentityUnreachable", "Named"]

_COLLECTIONS = {"person": "persons", "enterprise": "enterprises", "newborn": "newborns"}


@dataclass(frozen=True)
class Named:
    """A subject as people read it: the name identity holds and the identifier masked (None for a newborn, which
    has none yet). Never logged, never stored."""

    kind: str
    name: str
    masked: str | None

    def __repr__(self) -> str:
        return f"Named(kind={self.kind!r})"


class IdentityUnreachable(Exception):
    """identity did not answer (refused, timed out, 5xx): a name lookup's failure, not an answer."""


class ApplicantDirectory:
    def __init__(self, http: httpx.AsyncClient) -> None:
        self._http = http

    async def exists(self, kind: str, subject_id: str, *, bearer: str) -> bool:
        """Whether identity knows the person (or enterprise) ``subject_id``; CallFailed when identity cannot tell
        (down, or the caller may not read the subject: ``status`` 401/403)."""
        collection = "enterprises" if kind == "enterprise" else "persons"
        path = f"/{collection}/{quote(subject_id, safe='')}"  # an id is one path segment, never a path
        try:
            response = await self._http.get(path, headers={"Authorization": f"Bearer {bearer}"})
        except httpx.HTTPError as exc:
            raise transport_failure("identity", exc) from None
        if response.status_code == 200:
            return True
        if response.status_code == 404:
            return False
        raise failure_of("identity", response)

    async def named(self, kind: str, subject_id: str, *, bearer: str, timeout: float = 2.0) -> Named | None:
        """The subject (person, enterprise or newborn) as identity shows it to the holder of ``bearer``: its name
        and masked identifier (never unmasked: no ``reveal``), or None (identity lets this caller see nothing
        of it, or knows none); IdentityUnreachable when identity did not answer (a name is for reading: the
        caller serves without it). The one way cases asks identity for a name — a clerk's, a citizen's or the
        platform's own token."""
        collection = _COLLECTIONS.get(kind, "persons")
        path = f"/{collection}/{quote(subject_id, safe='')}"
        try:
            response = await self._http.get(
                path, headers={"Authorization": f"Bearer {bearer}"}, timeout=timeout
            )
        except httpx.HTTPError as exc:
            raise IdentityUnreachable(type(exc).__name__) from None
        if response.status_code >= 500:
            raise IdentityUnreachable(str(response.status_code))
        if response.status_code != 200:
            return None
        body = response.json()
        name = body.get("name")
        if not name:
            return None
        masked = body.get("credit_code_masked" if kind == "enterprise" else "id_number_masked")
        return Named(
            kind=kind if kind in _COLLECTIONS else "person",
            name=str(name),
            masked=str(masked) if masked else None,
        )

    async def relation(self, person_id: str, kind: str, subject_id: str, *, bearer: str) -> str | None:
        """How identity says the person may act for the subject (``guardian``, ``legal_representative``,
        ``agent``, ``self``) or None; CallFailed when identity cannot tell (down, or 401/403 for this caller)."""
        path = f"/persons/{quote(person_id, safe='')}/relations/{quote(kind, safe='')}/{quote(subject_id, safe='')}"
        try:
            response = await self._http.get(path, headers={"Authorization": f"Bearer {bearer}"})
        except httpx.HTTPError as exc:
            raise transport_failure("identity", exc) from None
        if response.status_code == 200:
            found = response.json().get("relation")
            return str(found) if found else None
        if response.status_code in (404, 422):  # no such person or subject: no relation
            return None
        raise failure_of("identity", response)
