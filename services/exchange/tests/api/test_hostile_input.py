"""Issue 18 at the exchange: NUL and other refused characters in paths, share requests and subscriptions are a 422
naming the field, before the store; the caller refused before the body; details in Chinese."""

import json
import re
import time
import uuid
from datetime import UTC, datetime

import httpx
import pytest
from sqlalchemy import text

from meshkit.db import Database
from meshkit.testing.support import assert_malformed_path
from tongban.simulators.signatures import CitySimSettings, sign

pytestmark = pytest.mark.api

RELIEF = "500110-MZJ-JZ-001"
LEGAL = "500110-SCJGJ-FR-001"
REQUEST = {
    "resource_code": RELIEF,
    "purpose": "临时救助审核",
    "legal_basis": "《社会救助暂行办法》第四十七条",
    "items": ["name"],
    "valid_from": "2026-06-15",
    "valid_to": "2027-06-30",
}
_ENGLISH = re.compile(r"[A-Za-z]+(?: [A-Za-z]+){2,}")


def refused(response: httpx.Response, field: str) -> None:
    assert response.status_code == 422, response.text
    problem = response.json()
    assert problem["code"] == "validation_failed"
    assert field in [e["field"] for e in problem["errors"]], problem
    assert not _ENGLISH.search(problem["detail"]), problem["detail"]


async def test_issue_18_failure_1_nul_never_reaches_the_exchange_database(
    client: httpx.AsyncClient, demo: Database, headers
) -> None:  # type: ignore[no-untyped-def]
    """Issue 18, failure 1: ``GET /resources/%00``, ``GET /resources?provider=%00``, a NUL in ``POST
    /share-requests`` and ``POST /subscriptions`` — 422 naming the field; no request or subscription stored."""
    reader = headers.system("500110-RSJ", scope="exchange:sharing exchange:subscribe exchange:read")
    assert_malformed_path(await client.get("/resources/%00", headers=reader))
    refused(await client.get("/resources", params={"provider": "\x00"}, headers=reader), "query.provider")
    refused(
        await client.post("/share-requests", json={**REQUEST, "items": ["na\x00me"]}, headers=reader),
        "body.items.0",
    )
    refused(
        await client.post("/share-requests", json={**REQUEST, "purpose": "审核\u202e"}, headers=reader),
        "body.purpose",
    )
    refused(
        await client.post(
            "/subscriptions", json={"resource_code": "\x00", "channel": "nats"}, headers=reader
        ),
        "body.resource_code",
    )
    async with demo.sessions() as session:
        requests = await session.scalar(text("SELECT count(*) FROM share_requests"))
        subscriptions = await session.scalar(text("SELECT count(*) FROM subscriptions"))
    assert (requests, subscriptions) == (0, 0)
    multi_line = await client.post(
        "/share-requests", json={**REQUEST, "purpose": "临时救助审核：\n核对家庭成员"}, headers=reader
    )
    assert multi_line.status_code != 422, multi_line.text  # a purpose may span lines


async def test_issue_18_failure_10_the_exchange_refuses_the_caller_before_the_body(
    client: httpx.AsyncClient, demo: Database, headers
) -> None:  # type: ignore[no-untyped-def]
    """Issue 18, failure 10 (runtime): on a read lane and on an ordinary route, no token → 401 whatever the body;
    with a token, unparseable bodies are one 400 ``malformed_body`` and text/plain 415."""
    for url in (f"/resources/{LEGAL}/read", "/share-requests"):
        for content, content_type in (
            (b'{"identifier": ', "application/json"),
            (b'{"identifier": "\xff"}', "application/json"),
            (b'{"identifier": "x"}', "text/plain"),
            (b'{"identifier": "\\u0000", "items": NaN}', "application/json"),
        ):
            anonymous = await client.post(url, content=content, headers={"content-type": content_type})
            assert anonymous.status_code == 401, (url, content, anonymous.text)
        reader = headers.system("500110-RSJ", scope="exchange:sharing exchange:read")
        answers = [
            await client.post(url, content=content, headers={**reader, "content-type": content_type})
            for content, content_type in (
                (b'{"identifier": ', "application/json"),
                (b'{"identifier": "\xff"}', "application/json"),
                (b'{"identifier": "x"}', "text/plain"),
            )
        ]
        assert [(a.status_code, a.json()["code"]) for a in answers] == [
            (400, "malformed_body"),
            (400, "malformed_body"),
            (415, "unsupported_media_type"),
        ], url


@pytest.mark.parametrize(
    "change",
    [
        {"valid_from": "下周"},
        {"items": []},
        {"items": "name"},
        {"purpose": "a"},
        {"resource_code": None},
        {"x": 1},
    ],
)
async def test_issue_18_failure_8_share_request_details_are_chinese(
    client: httpx.AsyncClient, demo: Database, headers, change: dict[str, object]
) -> None:  # type: ignore[no-untyped-def]
    """Issue 18, failure 8: a department's mistakes in a share request are explained in Chinese."""
    answer = await client.post(
        "/share-requests",
        json={**REQUEST, **change},
        headers=headers.system("500110-RSJ", scope="exchange:sharing"),
    )
    if change == {"x": 1}:  # extra members are ignored here
        assert answer.status_code != 422
        return
    assert answer.status_code == 422, answer.text
    assert not _ENGLISH.search(answer.json()["detail"]), answer.json()["detail"]


async def test_issue_18_failure_1_a_signed_city_push_with_nul_is_refused_and_stores_nothing(
    client: httpx.AsyncClient, database: Database, clock
) -> None:  # type: ignore[no-untyped-def]
    """Issue 18, failure 1 (a body read by hand): a correctly signed push from the city platform whose items carry
    NUL or NaN is a 422 naming the item, before anything is stored."""
    clock.now = datetime.now(UTC)  # the signature's timestamp is checked against the service's clock
    settings = CitySimSettings(
        hmac_key="city-link:test-secret-that-is-long-enough-for-the-checks", signing="HMAC-SHA256"
    )
    for item in (
        {"case_number": "5000002026\u00000001"},
        {"case_number": "500000202606150001", "fee": float("nan")},
    ):
        body = json.dumps({"batch": "CQ-20260615-09", "items": [item]}).encode()
        headers = sign(settings, str(int(time.time())), uuid.uuid4().hex, body)
        answer = await client.post("/city-link/inbound/cases", content=body, headers=headers)
        assert answer.status_code == 422, answer.text
        assert answer.json()["errors"][0]["field"].startswith("body.items.0.")
    async with database.sessions() as session:
        assert await session.scalar(text("SELECT count(*) FROM city_inbound")) == 0
