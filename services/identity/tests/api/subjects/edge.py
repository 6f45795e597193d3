"""The outside of identity at its HTTP edge: the exchange (as identity reads the population and legal-entity
registers through it) and the SMS gateway, each an ``httpx.MockTransport`` that answers as the real one does and
records what it was asked. Everything inside identity — its system token, the use cases, the database — is real."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

import httpx
import jwt

POPULATION = "500110-GAJ-RK-001"
LEGAL_ENTITIES = "500110-SCJGJ-FR-001"
DUTY = "500110-ZWFWZX-LZ-SMHY"


def _problem(status: int, code: str) -> httpx.Response:
    return httpx.Response(
        status, json={"status": status, "code": code}, headers={"content-type": "application/problem+json"}
    )


@dataclass
class FakeExchange:
    """``POST /resources/{code}/read`` of the two registers: answers from ``people`` (ID number → name) and
    ``entities`` (credit code → record), refuses a read without identity's token or duty, or everything when
    ``down``. ``reads``: every read as (resource, body, token claims)."""

    people: dict[str, str] = field(default_factory=dict)
    entities: dict[str, dict[str, Any]] = field(default_factory=dict)
    down: bool = False
    reads: list[tuple[str, dict[str, Any], dict[str, Any]]] = field(default_factory=list)

    def handle(self, request: httpx.Request) -> httpx.Response:
        if self.down:
            return _problem(503, "unavailable")
        match = re.fullmatch(r"/resources/([^/]+)/read", request.url.path)
        if request.method != "POST" or match is None:
            return _problem(404, "route_not_found")
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        if scheme != "Bearer":
            return _problem(401, "invalid_token")
        claims = jwt.decode(token, options={"verify_signature": False})
        body = json.loads(request.content)
        self.reads.append((match.group(1), body, claims))
        if "exchange:read" not in str(claims.get("scope", "")).split():
            return _problem(403, "not_permitted")
        if body.get("legal_basis") != DUTY or not body.get("purpose"):
            return _problem(403, "legal_basis_unknown")
        if match.group(1) == POPULATION:
            name = self.people.get(body["identifier"])
            if name is None:
                return _problem(404, "record_not_found")
            return self._read(POPULATION, {"name": name, "id_number": body["identifier"]}, body)
        if match.group(1) == LEGAL_ENTITIES:
            record = self.entities.get(body["identifier"])
            if record is None:
                return _problem(404, "record_not_found")
            return self._read(LEGAL_ENTITIES, record, body)
        return _problem(404, "resource_not_found")

    @staticmethod
    def _read(code: str, record: dict[str, Any], body: dict[str, Any]) -> httpx.Response:
        items = body.get("items") or list(record)
        data = {key: record[key] for key in items if key in record}
        return httpx.Response(
            200,
            json={
                "resource_code": code,
                "items": list(data),
                "withheld": [],
                "data": data,
                "access_log_id": "log-1",
                "method": "table",
            },
        )


@dataclass
class FakeSms:
    """``POST /messages``: keeps what it was asked to send (``to``, ``text``); 503 while ``down``."""

    sent: list[dict[str, str]] = field(default_factory=list)
    down: bool = False

    def handle(self, request: httpx.Request) -> httpx.Response:
        if self.down:
            return httpx.Response(503, json={"error": "gateway down"})
        body = json.loads(request.content)
        self.sent.append({"to": body["to"], "text": body["text"]})
        return httpx.Response(202, json={"id": len(self.sent), "status": "sent"})

    def to(self, phone: str) -> list[str]:
        return [m["text"] for m in self.sent if m["to"] == phone]

    def last_code(self, phone: str) -> str:
        texts = self.to(phone)
        assert texts, f"no SMS to {phone[:3]}…"
        found = re.search(r"验证码 (\d{6})", texts[-1])
        assert found, texts[-1]
        return found.group(1)


@dataclass
class Edge:
    exchange: FakeExchange
    sms: FakeSms
