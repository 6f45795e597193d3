"""identity and cases, as the exchange's own system client (``tongban-exchange``): whose identity record an id is
(the identifier, scope ``identity:reveal``: turned into a subject ref at once and never kept) and who handles a
case for whom (scope ``cases:basis``). Called only when the hub's own copy does not know yet."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import quote

import httpx
from pydantic import SecretStr

__all__ = ["CaseBasisFacts", "MeshRecords", "MeshUnavailable"]

SCOPES = "identity:reveal cases:basis"


class MeshUnavailable(Exception):
    """identity or cases did not answer usefully; the read cannot be decided now."""


@dataclass(frozen=True)
class CaseBasisFacts:
    case_id: str
    case_number: str
    parent_case_id: str | None
    handling_org: str
    matter_code: str | None
    orgs: tuple[str, ...]
    parties: tuple[tuple[str, str], ...]  # (kind, identity id)
    status: str
    outcome: str | None
    concluded_at: datetime | None


class MeshRecords:
    def __init__(
        self,
        identity: httpx.AsyncClient,
        cases: httpx.AsyncClient,
        *,
        client_id: str,
        client_secret: SecretStr,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._identity, self._cases = identity, cases
        self._client_id, self._secret, self._clock = client_id, client_secret, clock
        self._token: tuple[str, float] | None = None

    async def _bearer(self) -> dict[str, str]:
        if self._token is None or self._clock() >= self._token[1]:
            data = {"grant_type": "client_credentials", "scope": SCOPES}
            auth = (self._client_id, self._secret.get_secret_value())
            body = await self._json(self._identity, "POST", "/token", data=data, auth=auth, authorized=False)
            if body is None:
                raise MeshUnavailable("identity refused the exchange's client credentials")
            self._token = (str(body["access_token"]), self._clock() + max(0, int(body["expires_in"]) - 30))
        return {"Authorization": f"Bearer {self._token[0]}"}

    async def _json(
        self, http: httpx.AsyncClient, method: str, path: str, *, authorized: bool = True, **kwargs: Any
    ) -> dict[str, Any] | None:
        """The answer's JSON; None for 404 (and for a refused token request)."""
        headers = await self._bearer() if authorized else {}
        try:
            response = await http.request(method, path, headers=headers, **kwargs)
        except httpx.HTTPError as exc:
            raise MeshUnavailable(f"{type(exc).__name__} calling {path.split('/')[1]}") from None
        if response.status_code == 401 and authorized:
            self._token = None  # e.g. identity's signing key rotated: the next call takes a new token
        if response.status_code in (400, 404, 422) or (not authorized and response.status_code == 401):
            return None  # no such record (or a number no case can have): unknown, not unavailable
        if response.status_code != 200:
            raise MeshUnavailable(f"{path.split('/')[1]} answered {response.status_code}")
        body: dict[str, Any] = response.json()
        return body

    async def identifier(self, kind: str, owner_id: str) -> str | None:
        """The resident ID number or credit code of an identity person or enterprise; None when unknown."""
        path = f"/enterprises/{owner_id}" if kind == "enterprise" else f"/persons/{owner_id}"
        body = await self._json(self._identity, "GET", path, params={"reveal": "true"})
        if body is None:
            return None
        value = body.get("credit_code") if kind == "enterprise" else body.get("id_number")
        return str(value) if value else None

    async def relation(self, person_id: str, kind: str, subject_id: str) -> str | None:
        """How identity says the person may act for the subject (``guardian`` of a newborn, …), or None."""
        path = f"/persons/{quote(person_id, safe='')}/relations/{kind}/{quote(subject_id, safe='')}"
        body = await self._json(self._identity, "GET", path)
        found = None if body is None else body.get("relation")
        return str(found) if found else None

    async def case_basis(self, number: str) -> CaseBasisFacts | None:
        body = await self._json(self._cases, "GET", f"/case-bases/{number}")
        if body is None:
            return None
        concluded = body.get("concluded_at")
        return CaseBasisFacts(
            case_id=str(body["case_id"]),
            case_number=str(body["case_number"]),
            parent_case_id=body.get("parent_case_id"),
            handling_org=str(body.get("handling_org") or ""),
            matter_code=body.get("matter_code"),
            orgs=tuple(body.get("orgs") or ()),
            parties=tuple((str(p["kind"]), str(p["id"])) for p in body.get("parties") or ()),
            status=str(body["status"]),
            outcome=body.get("outcome"),
            concluded_at=datetime.fromisoformat(concluded) if concluded else None,
        )
