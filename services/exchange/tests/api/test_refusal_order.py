"""issue 18 failure 10: 403 before 422 — the hub refuses a caller its permission table does not admit at all
before it reads the body; issue 18 failure 11: the city link's unsigned push is 401, as its `security` says."""

from typing import Any

import httpx
import pytest

pytestmark = pytest.mark.api

ZERO = "00000000-0000-0000-0000-000000000000"

# (method, path, an invalid body) of writes a citizen or a reading system may not make at all
WRITES: list[tuple[str, str, Any]] = [
    ("POST", "/share-requests", {"resource_code": 5, "items": "all"}),
    ("POST", f"/share-requests/{ZERO}/grant", {"items": 5}),
    ("POST", "/subscriptions", {"webhook_url": 5}),
    ("PUT", "/duties/D-1", {"basis": 5}),
    ("PUT", "/members/500110-RSJ", {"name": 5}),
    ("PUT", "/resources/500110-RSJ-RK-1/records", {"records": "none"}),
    ("POST", "/certificates", {"holder": 5}),
    ("PUT", "/certificate-types/X", {"aliases": 5}),
    ("POST", "/city-link/replay", {"ids": "all"}),
]


@pytest.mark.parametrize(("method", "path", "body"), WRITES)
async def test_issue_18_failure_10_403_before_422(
    client: httpx.AsyncClient, headers: Any, method: str, path: str, body: Any
) -> None:
    """issue 18 failure 10: 403 before 422 — a citizen, and a system holding only the reading scope, are refused
    for who they are, not told what the body lacks."""
    for caller in (headers.person("p-1"), headers.system("500110-RSJ")):
        response = await client.request(method, path, json=body, headers=caller)
        assert response.status_code == 403, response.text
        assert "errors" not in response.json()


@pytest.mark.parametrize(("method", "path", "body"), WRITES)
async def test_issue_18_failure_10_401_before_422(
    client: httpx.AsyncClient, method: str, path: str, body: Any
) -> None:
    response = await client.request(method, path, json=body)
    assert response.status_code == 401, response.text


async def test_issue_18_failure_11_unsigned_city_push_is_401(client: httpx.AsyncClient) -> None:
    """issue 18 failure 11: `/city-link/inbound/{kind}` declares the city platform's signature as its security;
    a push without one is 401 `invalid_signature` (it was 422 about a missing header)."""
    response = await client.post("/city-link/inbound/matters", json={"batch": "b", "items": []})
    assert response.status_code == 401, response.text
    assert response.json()["code"] == "invalid_signature"


async def test_resources_and_their_reading_stay_optional_for_a_token(
    client: httpx.AsyncClient, headers: Any
) -> None:
    """`GET /resources` declares its token optional: none → 200, a forged one → 401."""
    assert (await client.get("/resources")).status_code == 200
    forged = await client.get("/resources", headers={"Authorization": "Bearer forged"})
    assert forged.status_code == 401
