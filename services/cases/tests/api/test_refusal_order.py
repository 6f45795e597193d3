"""issue 18 failure 10: 403 before 422 — a caller of the wrong kind or without the role is refused before the
body (or the query) is validated; who handles which case is still the use case's."""

from typing import Any

import httpx
import pytest

from meshkit.testing import filing
from meshkit.testing.tokens import TokenFactory

pytestmark = pytest.mark.api

# (method, path, body, a caller the route refuses, its problem code)
REFUSED: list[tuple[str, str, Any, dict[str, Any], str]] = [
    (
        "PUT",
        "/calendar/years/2026",
        {"source": 12, "holidays": "no"},
        {"kind": "staff", "roles": ["window_clerk"], "org": "500110-RSJ", "region": "500110000000"},
        "calendar_admin_only",
    ),
    (
        "PUT",
        "/calendar/years/2026",
        {"source": 12},
        {"kind": "person", "roles": ["admin"]},
        "calendar_admin_only",
    ),
    ("POST", "/rectifications/none/steps", {"note": ["x"]}, {"kind": "person"}, "not_permitted"),
    (
        "POST",
        "/rectifications/none/steps",
        {},
        {"kind": "staff", "roles": ["window_clerk"], "org": "500110-RSJ"},
        "not_permitted",
    ),
    ("GET", "/queue?limit=100000", None, {"kind": "person"}, "not_permitted"),
    ("GET", "/supervision/overdue?limit=-1", None, {"kind": "staff", "org": "500110-RSJ"}, "not_permitted"),
    ("GET", "/me/cases?offset=-1", None, {"kind": "staff", "org": "500110-RSJ"}, "not_permitted"),
    ("GET", "/case-bases/x", None, {"kind": "system", "scope": "cases:read"}, "not_permitted"),
    ("GET", "/case-bases/x", None, {"kind": "person", "scope": "cases:basis"}, "not_permitted"),
    # outside try of issue 18: a department system filing got 422 (or 415) before the 403 it deserved
    ("POST", "/cases", {}, {"kind": "system", "scope": "cases:read", "org": "500110-SWJ"}, "not_permitted"),
    (
        "POST",
        "/cases",
        {"matter_code": 5},
        {"kind": "staff", "roles": ["auditor"], "org": "500110-ZWB"},
        "not_permitted",
    ),
]


@pytest.mark.parametrize(("method", "path", "body", "claims", "code"), REFUSED)
async def test_issue_18_failure_10_403_before_422(
    client: httpx.AsyncClient,
    tokens: TokenFactory,
    method: str,
    path: str,
    body: Any,
    claims: dict[str, Any],
    code: str,
) -> None:
    """issue 18 failure 10: 403 before 422 — the refusal names who may call, not what the body lacks."""
    response = await client.request(method, path, json=body, headers=tokens.headers(**claims))
    assert response.status_code == 403, response.text
    problem = response.json()
    assert problem["code"] == code
    assert "errors" not in problem


@pytest.mark.parametrize(("method", "path", "body", "claims", "code"), REFUSED[:3])
async def test_issue_18_failure_10_401_before_422(
    client: httpx.AsyncClient, method: str, path: str, body: Any, claims: dict[str, Any], code: str
) -> None:
    """issue 18 failure 10: no token → 401, whatever the body."""
    response = await client.request(method, path, json=body)
    assert response.status_code == 401, response.text


async def test_an_admitted_caller_still_gets_422(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    admin = tokens.headers(kind="staff", roles=["admin"], org="500110-ZWB", region="500110000000")
    response = await client.put("/calendar/years/2026", json={"source": 12}, headers=admin)
    assert response.status_code == 422, response.text


async def test_a_caller_who_may_not_file_gets_403_whatever_the_content_type(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    system = tokens.headers(kind="system", scope="cases:read", org="500110-SWJ")
    response = await client.post(
        "/cases", content=b"x", headers=filing({**system, "content-type": "text/plain"})
    )
    assert response.status_code == 403, response.text
