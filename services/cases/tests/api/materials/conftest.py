"""Materials and certificates through the mesh, with identity and the exchange faked at the outer edge: one
``httpx.MockTransport`` answering as both (the real exchange side is tested in services/exchange)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from pydantic import SecretStr

from cases.clients import ExchangeClient, IdentityClient
from cases.consumers.case_concluded import on_case_concluded
from cases.store.repositories import OpenMatterRepository
from cases.use_cases.exchange_work import MeshCalls
from meshkit.db import Database
from meshkit.events import CloudEvent

REGISTRATION = "500110-SCJGJ-GTGSH-SL"
CHEN_ID_NUMBER = "500222199803070028"
POPULATION = "500110-GAJ-RK-001"
MATERIALS = [
    {"name": "书面申请书", "requirement": "required", "source": "applicant"},
    {
        "name": "申请人身份证明",
        "requirement": "required",
        "source": "government",
        "certificate_type": "ZZ-JMSFZ",
        "resource_code": POPULATION,
        "data_items": ["姓名", "公民身份号码"],
    },
    {"name": "经营场所使用证明", "requirement": "required", "source": "applicant"},
]
PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n"


def problem(status: int, code: str) -> httpx.Response:
    return httpx.Response(
        status, json={"code": code, "status": status}, headers={"content-type": "application/problem+json"}
    )


@dataclass
class FakeMesh:
    """identity (token, reveal) and the exchange (resources, reads, certificates) as far as cases uses them."""

    persons: dict[str, tuple[str, str]] = field(default_factory=dict)  # id -> (id number, name)
    down: bool = False
    calls: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)  # (method, path, body)
    asked: list[dict[str, Any]] = field(default_factory=list)  # the items of every POST /reads, in order
    missing_records: set[str] = field(
        default_factory=set
    )  # identifiers the population resource does not hold
    issued: dict[str, str] = field(default_factory=dict)  # case_ref -> identifier
    certificates: dict[tuple[str, str], str] = field(default_factory=dict)  # (holder id number, type) -> id
    unknown_types: set[str] = field(default_factory=set)  # types the registry refuses to issue
    newborns: dict[str, str] = field(default_factory=dict)  # id -> name: children without an ID number

    def handle(self, request: httpx.Request) -> httpx.Response:
        body = (
            json.loads(request.content)
            if request.content
            and request.method == "POST"
            and request.headers.get("content-type") == "application/json"
            else {}
        )
        self.calls.append((request.method, request.url.path, body))
        if self.down:
            return problem(503, "exchange_down")
        path = request.url.path
        if path == "/token":
            return httpx.Response(200, json={"access_token": "system-token", "expires_in": 300})
        if request.headers.get("authorization") != "Bearer system-token":
            return problem(401, "invalid_token")
        if path.startswith("/persons/"):
            person = self.persons.get(path.rsplit("/", 1)[1])
            if person is None:
                return problem(404, "person_not_found")
            return httpx.Response(
                200,
                json={
                    "id": path.rsplit("/", 1)[1],
                    "name": person[1],
                    "id_number": person[0],
                    "revealed": True,
                },
            )
        if path.startswith("/newborns/"):
            newborn_id = path.rsplit("/", 1)[1]
            if newborn_id not in self.newborns:
                return problem(404, "newborn_not_found")
            return httpx.Response(200, json={"id": newborn_id, "name": self.newborns[newborn_id]})
        if path == f"/resources/{POPULATION}":
            return httpx.Response(
                200,
                json={
                    "code": POPULATION,
                    "subject_kind": "person",
                    "items": [
                        {"key": "name", "name": "姓名"},
                        {"key": "id_number", "name": "公民身份号码"},
                        {"key": "address", "name": "户籍地址"},
                    ],
                },
            )
        if path == "/reads":
            self.asked.extend(body["reads"])
            return httpx.Response(200, json={"results": [self._answer(item) for item in body["reads"]]})
        if path == "/certificates" and request.method == "POST":
            if body["type_code"] in self.unknown_types:
                return problem(422, "unknown_certificate_type")
            identifier = self.issued.setdefault(
                body["case_ref"], f"1.2.156.3005.2.TEST.{len(self.issued) + 1}"
            )
            return httpx.Response(201, json={"identifier": identifier})
        return problem(404, "not_found")

    def _answer(self, item: dict[str, Any]) -> dict[str, Any]:
        """One item of a batch, as the exchange answers it: status and result, or status and problem."""
        if item["kind"] == "record":
            if item["resource_code"] != POPULATION or item["identifier"] in self.missing_records:
                return {"status": 404, "problem": {"code": "record_not_found", "status": 404}}
            return {
                "status": 200,
                "result": {
                    "resource_code": POPULATION,
                    "items": item["items"],
                    "withheld": [],
                    "data": dict.fromkeys(item["items"], "…"),
                    "access_log_id": "log-1",
                    "method": "api",
                },
            }
        if item["type_code"] not in ("ZZ-YYZZ", "ZZ-SPJYXKZ", "ZZ-CSYXZM"):
            return {"status": 422, "problem": {"code": "unknown_certificate_type", "status": 422}}
        found = self.certificates.get((item["holder_identifier"], item["type_code"]))
        certificates = [{"identifier": found, "status": "有效"}] if found else []
        return {
            "status": 200,
            "result": {"certificates": certificates, "items": [], "access_log_id": "log-2"},
        }


@pytest.fixture
def fake_mesh() -> FakeMesh:
    return FakeMesh(persons={"person-1": (CHEN_ID_NUMBER, "陈晓梅")})


@pytest.fixture
async def mesh_calls(fake_mesh: FakeMesh) -> MeshCalls:
    transport = httpx.MockTransport(fake_mesh.handle)
    identity_http = httpx.AsyncClient(base_url="http://identity.test", transport=transport)
    exchange_http = httpx.AsyncClient(base_url="http://exchange.test", transport=transport)
    identity = IdentityClient(identity_http, client_id="tongban-cases", client_secret=SecretStr("s"))
    return MeshCalls(identity=identity, exchange=ExchangeClient(exchange_http, identity.token))


@dataclass
class Worker:
    """The worker's consumers, driven directly with the events the use cases staged."""

    database: Database

    async def deliver(self, subject: str, data: dict[str, Any]) -> None:
        handler = {"cases.case_concluded.v1": on_case_concluded}
        event = CloudEvent(
            id=f"e-{data['case_id']}-{subject}",
            source="/tongban/cases",
            type=subject,
            subject=data["case_id"],
            time=datetime.now(UTC),
            sequence=1,
            data=data,
        )
        async with self.database.sessions() as session, session.begin():
            await handler[subject](session, event)


@pytest.fixture
def worker(database: Database) -> Worker:
    return Worker(database)


@pytest.fixture
async def registration(database: Database) -> str:
    """个体工商户设立登记 open for application, with the catalog demo's materials and result certificate."""
    async with database.sessions() as session, session.begin():
        await OpenMatterRepository(session).upsert_newer(
            {
                "matter_id": "m-reg",
                "code": REGISTRATION,
                "version": 1,
                "name": "个体工商户设立登记",
                "matter_type": "01",
                "department_code": "500110-SCJGJ",
                "statutory_days": 15,
                "promised_days": 3,
                "result_certificate_type": "ZZ-YYZZ",
                "materials": MATERIALS,
            }
        )
    return REGISTRATION
