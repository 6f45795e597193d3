"""Reads in a batch (POST /reads): each item decided, logged and answered as the single routes would; a malformed
body or the rate limit refuse the whole batch."""

import json
import logging
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from sqlalchemy import text

from exchange.api.batch import MAX_BATCH
from exchange.main import create_app
from meshkit.db import Database
from meshkit.embedded import EmbeddedNats
from meshkit.observability import JsonFormatter
from meshkit.testing.service import app_client
from meshkit.testing.tokens import TokenFactory

pytestmark = pytest.mark.api

COMPANY = "92500110MA5U3G7K2T"
NEIGHBOUR = "510223195806120035"
RESIDENT = "500222199803070028"
LEGAL = "500110-SCJGJ-FR-001"
NOT_SHARED = "500110-GAJ-WF-001"
BUSINESS_LICENCE = "11100000000013338W011"
WHY = {"purpose": "个体工商户设立登记 材料免提交", "case_ref": "50011020260615000001"}


def record(identifier: str, resource: str = LEGAL, **overrides: Any) -> dict[str, Any]:
    return {"kind": "record", "resource_code": resource, "identifier": identifier, **WHY, **overrides}


def lookup(**overrides: Any) -> dict[str, Any]:
    return {
        "kind": "certificates",
        "holder_kind": "person",
        "holder_identifier": RESIDENT,
        "type_code": BUSINESS_LICENCE,
        "person_id": "person-chen",
        **WHY,
        **overrides,
    }


async def _entries(database: Database) -> dict[str, tuple[str, str, str | None, str | None]]:
    """The access log: id -> (resource, outcome, reason, case)."""
    async with database.sessions() as session:
        rows = await session.execute(
            text("SELECT id, resource_code, outcome, reason, case_ref FROM access_log")
        )
        return {str(row[0]): (row[1], row[2], row[3], row[4]) for row in rows}


async def test_each_read_is_answered_and_logged_on_its_own(
    client: httpx.AsyncClient, demo: Database, headers
) -> None:  # type: ignore[no-untyped-def]
    before = await _entries(demo)
    reads = [
        record(COMPANY, items=["name"]),
        record("91500110MA5U3G7K2X", subject_kind="enterprise"),  # a valid code the provider does not hold
        record(NEIGHBOUR, NOT_SHARED),
        record(COMPANY, purpose=None, case_ref=None),
        record("1234", subject_kind="enterprise"),
        lookup(),
        record(COMPANY, "NO-SUCH-RESOURCE"),
    ]
    response = await client.post("/reads", json={"reads": reads}, headers=headers.system("500110-RSJ"))
    assert response.status_code == 200, response.text
    results = response.json()["results"]
    assert [r["status"] for r in results] == [200, 404, 403, 400, 422, 200, 404]
    assert results[0]["result"]["data"] == {"name": "綦江区古南街道晓梅小吃店"}
    assert [r["problem"]["code"] for r in results[1:5]] == [
        "record_not_found",
        "not_shared",
        "purpose_required",
        "invalid_credit_code",
    ]
    assert "刑事诉讼法" in results[2]["problem"]["detail"]
    assert results[5]["result"]["certificates"] == []
    assert results[6]["problem"]["code"] == "resource_not_found"
    assert all(r["problem"]["instance"] == "/reads" for r in results if r["status"] != 200)
    # the single routes' documents, and every decision in the chain with its own outcome and case
    single = await client.post(
        f"/resources/{LEGAL}/read",
        json={"identifier": COMPANY, **WHY, "items": ["name"]},
        headers=headers.system("500110-RSJ"),
    )
    assert single.json().keys() == results[0]["result"].keys()
    logged = {key: entry for key, entry in (await _entries(demo)).items() if key not in before}
    del logged[single.json()["access_log_id"]]
    assert sorted(logged.values(), key=str) == sorted(
        [
            (LEGAL, "granted", None, WHY["case_ref"]),
            (LEGAL, "not_found", None, WHY["case_ref"]),
            (NOT_SHARED, "refused", "not_shared", WHY["case_ref"]),
            (LEGAL, "refused", "purpose_required", None),
            ("500110-ZWFWZX-ZZ-001", "not_found", None, WHY["case_ref"]),
        ],
        key=str,
    )  # the malformed identifier and the unknown resource are no decision: none logged
    assert {results[0]["result"]["access_log_id"], results[1]["problem"]["access_log_id"]} <= logged.keys()


async def test_the_subject_sees_batched_reads_as_reads(
    client: httpx.AsyncClient, demo: Database, headers
) -> None:  # type: ignore[no-untyped-def]
    reads = [
        record(
            COMPANY, subject_kind="enterprise", person_id="enterprise-xm", case_ref=f"5001102026061500000{n}"
        )
        for n in range(3)
    ]
    response = await client.post("/reads", json={"reads": reads}, headers=headers.system("500110-RSJ"))
    assert [r["status"] for r in response.json()["results"]] == [200] * 3
    mine = (await client.get("/access-log/mine", headers=headers.enterprise(f"e-{COMPANY}"))).json()
    assert sorted(m["case_ref"] for m in mine) == [f"5001102026061500000{n}" for n in range(3)]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"reads": []}, "body.reads"),
        ({"reads": [record(COMPANY)] * (MAX_BATCH + 1)}, "body.reads"),
        ({"reads": [{"kind": "gossip", "identifier": COMPANY}]}, "body.reads.0"),
        (
            {"reads": [record(COMPANY), {"kind": "record", "identifier": COMPANY}]},
            "body.reads.1.record.resource_code",
        ),
    ],
)
async def test_a_malformed_batch_is_refused_whole(
    client: httpx.AsyncClient, demo: Database, headers, body, field
) -> None:  # type: ignore[no-untyped-def]
    before = await _entries(demo)
    response = await client.post("/reads", json=body, headers=headers.system("500110-RSJ"))
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert field in [e["field"] for e in response.json()["errors"]]
    assert await _entries(demo) == before  # nothing read, nothing logged


async def test_a_batch_needs_a_token(client: httpx.AsyncClient, demo: Database) -> None:
    response = await client.post("/reads", json={"reads": [record(COMPANY)]})
    assert response.status_code == 401


@pytest.fixture
async def strict(
    migrated_url: str, nats_server: EmbeddedNats, demo: Database, tokens: TokenFactory, make_settings, meshed
) -> AsyncIterator[httpx.AsyncClient]:  # type: ignore[no-untyped-def]
    app = create_app(
        make_settings(
            migrated_url, nats_server.url_for("exchange"), rate_limit_per_second=1.0, rate_limit_burst=3
        )
    )
    async with app_client(app, database=demo, tokens=tokens) as client:
        meshed(client)
        yield client


async def test_a_batch_takes_one_token_per_read(strict: httpx.AsyncClient, demo: Database, headers) -> None:  # type: ignore[no-untyped-def]
    caller = headers.system("500110-RSJ", client_id="rsj-approval")
    two = await strict.post("/reads", json={"reads": [record(COMPANY)] * 2}, headers=caller)
    assert [r["status"] for r in two.json()["results"]] == [200, 200]
    over = await strict.post(
        "/reads", json={"reads": [record(COMPANY)] * 2}, headers=caller
    )  # one token left
    assert over.status_code == 429
    assert (over.json()["code"], over.headers["retry-after"]) == ("rate_limited", "1")
    too_big = await strict.post(
        "/reads",
        json={"reads": [record(COMPANY)] * 4},
        headers=headers.system("500110-SWJ", client_id="swj-tax"),
    )
    assert too_big.status_code == 429
    assert too_big.json()["code"] == "batch_over_limit"
    assert "至多 3 条" in too_big.json()["detail"]


async def test_lookups_in_one_batch_each_find_and_log_their_own(
    client: httpx.AsyncClient, demo: Database, headers
) -> None:  # type: ignore[no-untyped-def]
    licence = "1.2.156.3005.2.11100000000013338W011.11500110MB1A0001X2.20230000403.001.B"
    issued = await client.post(
        "/certificates",
        headers=headers.system("500110-SCJGJ", scope="exchange:certificates:issue"),
        json={
            "identifier": licence,
            "type_name": "营业执照",
            "holder_kind": "person",
            "holder_identifier": RESIDENT,
            "holder_name": "陈晓梅",
            "holder_id": "person-chen",
            "valid_from": "2026-06-15",
            "case_ref": "C1",
        },
    )
    assert issued.status_code == 201, issued.text
    before = await _entries(demo)
    reads = [
        lookup(),
        lookup(type_code="11100000000013338W025"),
        lookup(type_code=None),
        lookup(holder_identifier=NEIGHBOUR, person_id="person-zhou"),
    ]
    response = await client.post("/reads", json={"reads": reads}, headers=headers.system("500110-WSJKW"))
    results = response.json()["results"]
    assert [[c["identifier"] for c in r["result"]["certificates"]] for r in results] == [
        [licence],
        [],
        [licence],
        [],
    ]
    logged = (await _entries(demo)).items() - before.items()
    outcomes = {key: entry[1] for key, entry in logged}
    assert [outcomes[r["result"]["access_log_id"]] for r in results] == [
        "granted",
        "not_found",
        "granted",
        "not_found",
    ]


class _Lines(logging.Handler):
    """The exchange's log lines as the JSON formatter writes them (the trace id is read when a line is made)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.setFormatter(JsonFormatter("exchange"))
        self.lines: list[dict[str, Any]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(json.loads(self.format(record)))


async def test_issue20_each_item_is_answered_within_its_own_trace(
    client: httpx.AsyncClient, demo: Database, headers
) -> None:  # type: ignore[no-untyped-def]
    """Issue 20: the cases worker's batch holds reads for many applications; each item names its application's
    trace (``traceparent``) and is answered, logged and passed on within it — not the batch request's. A
    malformed trace context is refused like any other invalid field."""
    traces = ["4bf92f3577b34da6a3ce929d0e0e4736", "0af7651916cd43dd8448eb211c80319c"]
    reads = [record(COMPANY, items=["name"], traceparent=f"00-{t}-00f067aa0ba902b7-01") for t in traces]
    reads.append(record(COMPANY, items=["name"]))  # none given: the batch's own
    lines = _Lines()
    logger = logging.getLogger("exchange.batch")
    level = logger.level
    logger.addHandler(lines)
    logger.setLevel(logging.DEBUG)
    try:
        batch_trace = "1f0c4bd7e1a2b3c4d5e6f708192a3b4c"
        sent = {**headers.system("500110-RSJ"), "traceparent": f"00-{batch_trace}-b7ad6b7169203331-01"}
        response = await client.post("/reads", json={"reads": reads}, headers=sent)
    finally:
        logger.removeHandler(lines)
        logger.setLevel(level)
    assert response.status_code == 200, response.text
    assert [r["status"] for r in response.json()["results"]] == [200, 200, 200]
    answered = [line["trace_id"] for line in lines.lines if line["message"] == "batch item answered"]
    assert sorted(answered) == sorted([*traces, batch_trace])
    bad = await client.post(
        "/reads",
        json={"reads": [record(COMPANY, traceparent="00-zz-1-01")]},
        headers=headers.system("500110-RSJ"),
    )
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["field"].endswith("traceparent")
