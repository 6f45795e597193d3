import httpx
import pytest
from sqlalchemy import select

from catalog.store.models import OUTBOX
from meshkit.db import Database
from meshkit.testing.tokens import TokenFactory

pytestmark = pytest.mark.api

DRAFT = {
    "code": "500110-SCJGJ-SPJY-XK",
    "name": "食品经营许可",
    "matter_type": "01",
    "department_code": "500110-SCJGJ",
    "statutory_days": 20,
    "promised_days": 10,
}


def editor(tokens: TokenFactory) -> dict[str, str]:
    return tokens.headers(scope="catalog:write catalog:publish")


async def test_draft_publish_and_read(
    client: httpx.AsyncClient, tokens: TokenFactory, database: Database
) -> None:
    created = await client.post("/matters", json=DRAFT, headers=editor(tokens))
    assert created.status_code == 201, created.text
    matter = created.json()
    assert matter["status"] == "draft"
    assert matter["version"] == 1

    assert (await client.get(f"/matters/{DRAFT['code']}")).status_code == 404  # drafts are not public

    submitted = await client.post(f"/matter-versions/{matter['id']}/submit", headers=editor(tokens))
    assert submitted.json()["status"] == "in_review", submitted.text
    published = await client.post(f"/matter-versions/{matter['id']}/publish", headers=editor(tokens))
    assert published.status_code == 200, published.text
    assert published.json()["status"] == "published"

    read = await client.get(f"/matters/{DRAFT['code']}")
    assert read.json()["name"] == "食品经营许可"
    listing = await client.get("/matters", params={"q": "食品"})
    assert [m["code"] for m in listing.json()["items"]] == [DRAFT["code"]]

    async with database.sessions() as session:
        envelopes = (await session.scalars(select(OUTBOX.c.envelope))).all()
    assert len(envelopes) == 1
    assert envelopes[0]["type"] == "catalog.matter_published.v1"
    assert envelopes[0]["data"]["code"] == DRAFT["code"]


async def test_second_publish_conflicts(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    matter = (await client.post("/matters", json=DRAFT, headers=editor(tokens))).json()
    early = await client.post(f"/matter-versions/{matter['id']}/publish", headers=editor(tokens))
    assert early.status_code == 409  # a draft goes to review first
    await client.post(f"/matter-versions/{matter['id']}/submit", headers=editor(tokens))
    await client.post(f"/matter-versions/{matter['id']}/publish", headers=editor(tokens))
    again = await client.post(f"/matter-versions/{matter['id']}/publish", headers=editor(tokens))
    assert again.status_code == 409
    assert again.json()["code"] == "matter_not_publishable"


async def test_quality_rules_listed_on_publish(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    bad = {**DRAFT, "promised_days": 30, "matter_type": "99"}
    matter = (await client.post("/matters", json=bad, headers=editor(tokens))).json()
    await client.post(f"/matter-versions/{matter['id']}/submit", headers=editor(tokens))
    response = await client.post(f"/matter-versions/{matter['id']}/publish", headers=editor(tokens))
    assert response.status_code == 422
    body = response.json()
    assert response.headers["content-type"] == "application/problem+json"
    assert body["code"] == "quality_rules_failed"
    assert {e["field"] for e in body["errors"]} == {"body.promised_days", "body.matter_type"}


async def test_bad_input_is_problem_json(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    response = await client.post(
        "/matters", json={**DRAFT, "statutory_days": -1, "extra": 1}, headers=editor(tokens)
    )
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["code"] == "validation_failed"
    assert {e["field"] for e in body["errors"]} == {"body.statutory_days", "body.extra"}
    assert body["request_id"] == response.headers["x-request-id"]


async def test_malformed_json_is_problem_json(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    response = await client.post(
        "/matters", content=b"{not json", headers={**editor(tokens), "content-type": "application/json"}
    )
    assert response.status_code == 400
    assert response.json()["code"] == "malformed_body"


async def test_unknown_route_is_problem_json(client: httpx.AsyncClient) -> None:
    response = await client.get("/no-such-thing")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["code"] == "route_not_found"


async def test_oversized_body_refused(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    response = await client.post("/matters", content=b"x" * 2_000_000, headers=editor(tokens))
    assert response.status_code == 413
    assert response.json()["code"] == "payload_too_large"


@pytest.mark.parametrize(
    ("headers", "status", "code"),
    [
        ({}, 401, "unauthenticated"),
        ({"Authorization": "Bearer nonsense"}, 401, "invalid_token"),
        ({"Authorization": "Basic abc"}, 401, "invalid_token"),
    ],
)
async def test_writes_need_a_valid_token(
    client: httpx.AsyncClient, headers: dict[str, str], status: int, code: str
) -> None:
    response = await client.post("/matters", json=DRAFT, headers=headers)
    assert response.status_code == status
    assert response.json()["code"] == code


async def test_writes_need_the_scope(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    response = await client.post("/matters", json=DRAFT, headers=tokens.headers(scope="catalog:read"))
    assert response.status_code == 403
    assert response.json()["code"] == "insufficient_scope"
    matter = (await client.post("/matters", json=DRAFT, headers=tokens.headers(scope="catalog:write"))).json()
    await client.post(
        f"/matter-versions/{matter['id']}/submit", headers=tokens.headers(scope="catalog:write")
    )
    publish = await client.post(
        f"/matter-versions/{matter['id']}/publish", headers=tokens.headers(scope="catalog:write")
    )
    assert publish.status_code == 403


async def test_health_and_readiness(client: httpx.AsyncClient) -> None:
    assert (await client.get("/healthz")).json()["status"] == "ok"
    ready = await client.get("/readyz")
    assert ready.status_code == 200, ready.text
    assert ready.json()["checks"] == {"database": "ok", "revocations": "ok"}
    assert ready.json()["health"] == {"nats": "ok", "revocations": "ok"}
    metrics = await client.get("/metrics")
    assert "tongban_http_request_duration_seconds" in metrics.text
