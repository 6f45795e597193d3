"""The exchange, as the cases platform's system: shared records, e-certificate lookups and issuing.

Identifiers travel in request bodies only; answers keep ids, codes and item keys — the worker never keeps the
personal values it is sent. Reads and lookups go in batches (``POST /reads``): one request for many cases'
materials, each item still decided and logged by the exchange on its own.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import httpx

from cases.clients.errors import CallFailed, failure_of, transport_failure
from cases.clients.identity import Subject

__all__ = [
    "BATCH_MAX",
    "CertificateLookup",
    "Certificates",
    "ExchangeClient",
    "Issued",
    "Purpose",
    "Read",
    "RecordRead",
    "ResourceInfo",
]

BATCH_MAX = 100  # reads per POST /reads (the exchange's limit)


@dataclass(frozen=True)
class ResourceInfo:
    subject_kind: str
    keys_by_name: dict[str, str]  # the item's Chinese label (name) -> its key


@dataclass(frozen=True)
class Read:
    access_log_id: str
    items: list[str]
    withheld: list[str]


@dataclass(frozen=True)
class Certificates:
    access_log_id: str
    valid: list[str]  # identifiers of the holder's certificates of the type that are 有效


@dataclass(frozen=True)
class Issued:
    identifier: str
    created: bool


@dataclass(frozen=True)
class Purpose:
    purpose: str
    case_ref: str  # the exchange checks the read against this case: whose it is and who handles it
    traceparent: str | None = None  # the case's filing trace: the exchange answers the read within it
    served_org: str | None = None  # whom the read serves: the organization handling the case now (checked)

    def fields(self) -> dict[str, Any]:
        found: dict[str, Any] = {"purpose": self.purpose, "case_ref": self.case_ref}
        if self.traceparent is not None:
            found["traceparent"] = self.traceparent
        if self.served_org is not None:
            found["served_org"] = self.served_org
        return found


@dataclass(frozen=True)
class RecordRead:
    """Ask for a subject's record of a shared resource, ``items`` by key (None: all granted)."""

    code: str
    subject: Subject
    items: list[str] | None
    why: Purpose

    def body(self) -> dict[str, Any]:
        return {
            "kind": "record",
            "resource_code": self.code,
            "identifier": self.subject.identifier,
            "subject_kind": self.subject.kind,
            "items": self.items,
            **self.why.fields(),
        }


@dataclass(frozen=True)
class CertificateLookup:
    """Ask for the holder's certificates of one type."""

    subject: Subject
    type_code: str
    why: Purpose

    def body(self) -> dict[str, Any]:
        return {
            "kind": "certificates",
            "holder_kind": self.subject.kind,
            "type_code": self.type_code,
            "holder_identifier": self.subject.identifier,
            **self.why.fields(),
        }


Ask = RecordRead | CertificateLookup
Answer = Read | Certificates | CallFailed


class ExchangeClient:
    def __init__(self, http: httpx.AsyncClient, token: Callable[[], Awaitable[str]]) -> None:
        self._http, self._token = http, token

    async def _call(self, method: str, path: str, body: dict[str, Any] | None = None) -> httpx.Response:
        headers = {"Authorization": f"Bearer {await self._token()}"}
        try:
            response = await self._http.request(method, path, json=body, headers=headers)
        except httpx.HTTPError as exc:
            raise transport_failure("exchange", exc) from None
        if response.status_code not in (200, 201):
            raise failure_of("exchange", response)
        return response

    async def resource(self, code: str) -> ResourceInfo:
        body = (await self._call("GET", f"/resources/{code}")).json()
        keys = {str(item["name"]): str(item["key"]) for item in body.get("items", []) if "name" in item}
        return ResourceInfo(subject_kind=str(body.get("subject_kind") or "person"), keys_by_name=keys)

    async def reads(self, asks: Sequence[Ask]) -> list[Answer]:
        """Every ask answered in order: the read, the certificates found, or why not (``CallFailed`` with the
        exchange's problem code). At most :data:`BATCH_MAX`; a failure of the whole request raises."""
        assert len(asks) <= BATCH_MAX
        if not asks:
            return []
        results = (await self._call("POST", "/reads", {"reads": [a.body() for a in asks]})).json()["results"]
        return [_answer(ask, result) for ask, result in zip(asks, results, strict=True)]

    async def issue(
        self,
        *,
        subject: Subject,
        type_code: str,
        issuer_org: str,
        holder_id: str,
        case_ref: str,
        valid_from: date,
        content: dict[str, str] | None = None,
    ) -> Issued:
        body: dict[str, Any] = {
            "type_code": type_code,
            "issuer_org": issuer_org,
            "holder_kind": subject.kind,
            "holder_identifier": subject.identifier,
            "holder_name": subject.name or "—",
            "holder_id": holder_id,
            "case_ref": case_ref,
            "valid_from": valid_from.isoformat(),
        }
        if content:
            body["content"] = content
        response = await self._call("POST", "/certificates", body)
        return Issued(identifier=str(response.json()["identifier"]), created=response.status_code == 201)


def _answer(ask: Ask, result: dict[str, Any]) -> Answer:
    if result.get("status") != 200:
        problem = result.get("problem") or {}
        code = problem.get("code") if isinstance(problem.get("code"), str) else None
        return CallFailed((code or f"exchange_http_{result.get('status')}")[:60], result.get("status"))
    answer = result["result"]
    if isinstance(ask, RecordRead):
        return Read(
            access_log_id=str(answer["access_log_id"]),
            items=list(answer.get("items") or []),
            withheld=list(answer.get("withheld") or []),
        )
    valid = [
        str(c["identifier"]) for c in answer.get("certificates", []) if c.get("status", "有效") == "有效"
    ]
    return Certificates(access_log_id=str(answer["access_log_id"]), valid=valid)
