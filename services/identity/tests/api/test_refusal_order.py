"""issue 18 failure 10: 403 before 422 — identity refuses a token of the wrong kind before it reads the body;
issue 18 failure 11: introspection authenticates its client before it reads the form (401, not 400)."""

from typing import Any

import httpx
import pytest

from meshkit.testing.tokens import TokenFactory

pytestmark = pytest.mark.api

# (method, path, an invalid body, the kind of token the route refuses)
REFUSED: list[tuple[str, str, dict[str, Any], str]] = [
    ("POST", "/clients", {"client_id": 12, "grant_types": "all"}, "person"),
    ("PATCH", "/clients/some-client", {"scopes": "identity:admin"}, "enterprise"),
    ("POST", "/staff", {"roles": "admin"}, "person"),
    ("PATCH", "/staff/00000000-0000-0000-0000-000000000000", {"roles": 1}, "person"),
    ("POST", "/organizations", {"code": None}, "person"),
    ("POST", "/persons/lookup", {"id_number": 5}, "system"),
    ("POST", "/persons/00000000-0000-0000-0000-000000000000/identity-level", {"level": "max"}, "person"),
    ("POST", "/enterprises", {"credit_code": 5}, "staff"),
    ("POST", "/enterprises/e-1/agents", {"person_id": 5}, "system"),
]


@pytest.mark.parametrize(("method", "path", "body", "kind"), REFUSED)
async def test_issue_18_failure_10_403_before_422(
    client: httpx.AsyncClient, tokens: TokenFactory, method: str, path: str, body: dict[str, Any], kind: str
) -> None:
    """issue 18 failure 10: 403 before 422 — the wrong kind of caller learns nothing about the body."""
    headers = tokens.headers(sub="caller-1", kind=kind, scope="openid", org="500110-RSJ")
    response = await client.request(method, path, json=body, headers=headers)
    assert response.status_code == 403, response.text
    problem = response.json()
    assert problem["code"] == "forbidden"
    assert "仅限" in problem["detail"]
    assert "errors" not in problem


@pytest.mark.parametrize(("method", "path", "body", "kind"), REFUSED[:4])
async def test_issue_18_failure_10_401_before_422(
    client: httpx.AsyncClient, method: str, path: str, body: dict[str, Any], kind: str
) -> None:
    response = await client.request(method, path, json=body)
    assert response.status_code == 401, response.text


async def test_issue_18_failure_11_introspection_needs_client_authentication_first(
    client: httpx.AsyncClient,
) -> None:
    """issue 18 failure 11: `/introspect` declares client authentication as required; without it (and without
    the `token` parameter) the answer is 401 invalid_client, not 400 about the form."""
    response = await client.post("/introspect", data={})
    assert response.status_code == 401, response.text
    assert response.json()["error"] == "invalid_client"
    wrong = await client.post("/introspect", data={}, auth=("nobody", "wrong"))
    assert wrong.status_code == 401


@pytest.mark.parametrize("path", ["/token", "/introspect", "/revoke"])
async def test_basic_credentials_that_are_not_ascii_are_401_not_500(
    client: httpx.AsyncClient, path: str
) -> None:
    """Outside try (issue 21): ``Authorization: Basic é`` made the Basic decoder raise a ValueError nobody caught
    (500 and an ERROR traceback, at every call)."""
    response = await client.post(
        path,
        content=b"grant_type=client_credentials&token=x",
        headers={"authorization": b"Basic \xc3\xa9", "content-type": b"application/x-www-form-urlencoded"},
    )
    assert response.status_code == 401, response.text
    assert response.json()["error"] == "invalid_client"
