"""Per-client rate limits and payload limits on the data path, as problem+json."""

from collections.abc import AsyncIterator

import httpx
import pytest

from exchange.main import create_app
from meshkit.db import Database
from meshkit.embedded import EmbeddedNats
from meshkit.testing.service import app_client
from meshkit.testing.tokens import TokenFactory

pytestmark = pytest.mark.api

# a department system with every scope its job may need (the matrix test checks each one alone)
DEPARTMENT_SYSTEM = (
    "exchange:read exchange:records:write exchange:resources:write exchange:sharing exchange:subscribe"
)

LEGAL = "500110-SCJGJ-FR-001"
COMPANY = "92500110MA5U3G7K2T"


@pytest.fixture
async def strict(
    migrated_url: str, nats_server: EmbeddedNats, demo: Database, tokens: TokenFactory, make_settings, meshed
) -> AsyncIterator[httpx.AsyncClient]:  # type: ignore[no-untyped-def]
    app = create_app(
        make_settings(
            migrated_url,
            nats_server.url_for("exchange"),
            rate_limit_per_second=1.0,
            rate_limit_burst=3,
            rate_limit_overrides={"bulk-reader": 50.0},
            records_per_push=2,
            record_bytes=300,
            max_body_bytes=4096,
        )
    )
    async with app_client(app, database=demo, tokens=tokens) as client:
        meshed(client)
        yield client


def read() -> dict[str, str]:
    return {"identifier": COMPANY, "purpose": "核验", "case_ref": "50011020260615000001"}


async def test_rate_limited_per_client_with_retry_after(strict: httpx.AsyncClient, headers) -> None:  # type: ignore[no-untyped-def]
    slow = headers.system("500110-RSJ", scope=DEPARTMENT_SYSTEM, client_id="rsj-approval")
    answers = [await strict.post(f"/resources/{LEGAL}/read", json=read(), headers=slow) for _ in range(5)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429, 429]
    assert answers[3].json()["code"] == "rate_limited"
    assert answers[3].headers["retry-after"] == "1"
    assert answers[3].headers["content-type"] == "application/problem+json"
    other = headers.system(
        "500110-SWJ", scope=DEPARTMENT_SYSTEM, client_id="swj-tax"
    )  # another client has its own bucket
    assert (await strict.post(f"/resources/{LEGAL}/read", json=read(), headers=other)).status_code == 200
    bulk = headers.system(
        "500110-SWJ", scope=DEPARTMENT_SYSTEM, client_id="bulk-reader"
    )  # a configured higher rate
    codes = [
        (await strict.post(f"/resources/{LEGAL}/read", json=read(), headers=bulk)).status_code
        for _ in range(20)
    ]
    assert codes.count(200) == 20


async def test_payload_limits(strict: httpx.AsyncClient, headers) -> None:  # type: ignore[no-untyped-def]
    provider = headers.system("500110-SCJGJ", scope=DEPARTMENT_SYSTEM)
    record = {"identifier": COMPANY, "version": 9, "data": {"name": "店"}}
    many = await strict.put(f"/resources/{LEGAL}/records", json={"records": [record] * 3}, headers=provider)
    assert (many.status_code, many.json()["code"]) == (413, "payload_too_large")
    big = {**record, "data": {"name": "店" * 200}}
    large = await strict.put(f"/resources/{LEGAL}/records", json={"records": [big]}, headers=provider)
    assert (large.status_code, large.json()["code"]) == (413, "payload_too_large")
    body = await strict.post(
        f"/resources/{LEGAL}/read", json={**read(), "purpose": "x" * 5000}, headers=provider
    )
    assert (body.status_code, body.json()["code"]) == (413, "payload_too_large")


async def test_push_rules(client: httpx.AsyncClient, demo: Database, headers) -> None:  # type: ignore[no-untyped-def]
    provider = headers.system("500110-SCJGJ", scope=DEPARTMENT_SYSTEM)
    bad = {
        "records": [
            {"identifier": COMPANY, "version": 2, "data": {"nope": 1}},
            {"identifier": "91500110MA60XJ8Q1Y", "version": 2, "data": {"name": "x"}},
        ]
    }
    response = await client.put(f"/resources/{LEGAL}/records", json=bad, headers=provider)
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == [
        "body.records.0.data",
        "body.records.1.identifier",
    ]
    other = await client.put(
        f"/resources/{LEGAL}/records",
        json={"records": []},
        headers=headers.system("500110-GAJ", scope=DEPARTMENT_SYSTEM),
    )
    assert other.status_code == 403
    proxied = await client.put(
        "/resources/500110-GAJ-RK-001/records",
        json={"records": []},
        headers=headers.system("500110-GAJ", scope=DEPARTMENT_SYSTEM),
    )
    assert proxied.json()["code"] == "not_hosted"
    pushed = {
        "records": [
            {"identifier": COMPANY, "version": 1, "data": {"name": "旧"}},
            {"identifier": COMPANY, "version": 3, "data": {"name": "新"}},
            {"identifier": "91500110MA60XJ8Q1X", "version": 1, "deleted": True},
        ]
    }
    summary = (await client.put(f"/resources/{LEGAL}/records", json=pushed, headers=provider)).json()
    assert summary == {"received": 3, "applied": 1, "stale": 2}  # version 1s are not newer than the demo's
    read_back = await client.post(
        f"/resources/{LEGAL}/read", json=read(), headers=headers.system("500110-RSJ", scope=DEPARTMENT_SYSTEM)
    )
    assert read_back.json()["data"]["name"] == "新"
