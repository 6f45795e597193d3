"""The exchange, as the cases platform's system: shared records, e-certificate lookups and issuing.

Identifiers travel in request bodies only; answers keep ids, codes and item keys — the worker never keeps the
personal values it is sent.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import httpx

from cases.clients.errors import failure_of, transport_failure
from cases.clients.identity import Subject

__all__ = ["Certificates", "ExchangeClient", "Issued", "Purpose", "Read", "ResourceInfo"]


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
    case_ref: str
    person_id: str


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

    async def read(self, code: str, *, subject: Subject, items: list[str] | None, why: Purpose) -> Read:
        body = {"identifier": subject.identifier, "subject_kind": subject.kind, "items": items,
                "purpose": why.purpose, "case_ref": why.case_ref, "person_id": why.person_id}  # fmt: skip
        answer = (await self._call("POST", f"/resources/{code}/read", body)).json()
        return Read(access_log_id=str(answer["access_log_id"]), items=list(answer.get("items") or []),
                    withheld=list(answer.get("withheld") or []))  # fmt: skip

    async def certificates(self, *, subject: Subject, type_code: str, why: Purpose) -> Certificates:
        body = {"holder_kind": subject.kind, "holder_identifier": subject.identifier, "type_code": type_code,
                "purpose": why.purpose, "case_ref": why.case_ref, "person_id": why.person_id}  # fmt: skip
        answer = (await self._call("POST", "/certificates/lookup", body)).json()
        valid = [
            str(c["identifier"]) for c in answer.get("certificates", []) if c.get("status", "有效") == "有效"
        ]
        return Certificates(access_log_id=str(answer["access_log_id"]), valid=valid)

    async def issue(self, *, subject: Subject, type_code: str, issuer_org: str, holder_id: str, case_ref: str,
                    valid_from: date) -> Issued:  # fmt: skip
        body = {"type_code": type_code, "issuer_org": issuer_org, "holder_kind": subject.kind,
                "holder_identifier": subject.identifier, "holder_name": subject.name or "—", "holder_id": holder_id,
                "case_ref": case_ref, "valid_from": valid_from.isoformat()}  # fmt: skip
        response = await self._call("POST", "/certificates", body)
        return Issued(identifier=str(response.json()["identifier"]), created=response.status_code == 201)
