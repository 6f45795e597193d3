"""identity, as the cases platform's system client: its own access token (client credentials) and applicants'
identifiers (scope ``identity:reveal``), which the caller passes on in a request body and then forgets."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote

import httpx
from pydantic import SecretStr

from cases.clients.errors import CallFailed, failure_of, transport_failure

__all__ = ["IdentityClient", "Subject"]

_COLLECTIONS = {"person": "persons", "enterprise": "enterprises", "newborn": "newborns"}
SCOPES = "identity:reveal exchange:read exchange:platform exchange:certificates:issue"


@dataclass(frozen=True)
class Subject:
    """An applicant as the exchange needs them. Never logged, never stored."""

    kind: str  # person | enterprise | newborn
    identifier: str  # resident ID number, unified credit code, or a newborn's identity-issued id
    name: str

    def __repr__(self) -> str:  # keep the values out of tracebacks and debug output
        return f"Subject(kind={self.kind!r})"


class IdentityClient:
    def __init__(
        self,
        http: httpx.AsyncClient,
        *,
        client_id: str,
        client_secret: SecretStr,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._http, self._client_id, self._secret, self._clock = http, client_id, client_secret, clock
        self._token: tuple[str, float] | None = None

    async def token(self) -> str:
        """The platform's access token, reused until shortly before it expires."""
        if self._token is not None and self._clock() < self._token[1]:
            return self._token[0]
        try:
            response = await self._http.post(
                "/token",
                data={"grant_type": "client_credentials", "scope": SCOPES},
                auth=(self._client_id, self._secret.get_secret_value()),
            )
        except httpx.HTTPError as exc:
            raise transport_failure("identity", exc) from None
        if response.status_code != 200:
            raise CallFailed(f"identity_token_{response.status_code}", response.status_code)
        body = response.json()
        self._token = (str(body["access_token"]), self._clock() + max(0, int(body["expires_in"]) - 30))
        return self._token[0]

    def forget_token(self) -> None:
        """Fetch a new token next time (identity refused this one, e.g. after its signing key rotated)."""
        self._token = None

    async def subject(self, kind: str, subject_id: str) -> Subject:
        """The subject's full identifier and name (each reveal is logged by identity, without the value). A newborn
        has no ID number yet: its identifier for the exchange is the id identity issued it (kind ``newborn``)."""
        collection = _COLLECTIONS.get(kind, "persons")
        path = f"/{collection}/{quote(subject_id, safe='')}"
        headers = {"Authorization": f"Bearer {await self.token()}"}
        try:
            response = await self._http.get(path, params={"reveal": "true"}, headers=headers)
        except httpx.HTTPError as exc:
            raise transport_failure("identity", exc) from None
        if response.status_code == 401:
            self._token = None  # e.g. the signing key rotated: the next call fetches a new token
        if response.status_code != 200:
            raise failure_of("identity", response)
        body = response.json()
        field = {"enterprise": "credit_code", "newborn": "id"}.get(kind, "id_number")
        identifier = body.get(field)
        if not identifier:
            raise CallFailed("identity_not_revealed", response.status_code)
        return Subject(
            kind=kind if kind in _COLLECTIONS else "person",
            identifier=str(identifier),
            name=str(body.get("name") or ""),
        )
