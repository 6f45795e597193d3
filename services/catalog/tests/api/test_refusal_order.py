"""issue 18 failure 10: 403 before 422 — who may call a catalog write is decided before its body is looked at.

A citizen (or a system without the scope) sending a body that parses but is invalid learns that it may not write,
not what a valid matter looks like; no token at all is 401. The editor's own department (a fact of the record) is
still decided in the use case, after validation.
"""

from typing import Any

import httpx
import pytest

from meshkit.testing.tokens import TokenFactory

pytestmark = pytest.mark.api

INVALID_MATTER = {"code": "x", "name": "", "statutory_days": -1}  # parses, fails validation
INVALID_BUNDLE = {"code": "", "member_codes": "not a list"}
INVALID_ENTRY = {"name": 12, "unknown": True}

# (method, path, body): every catalog write, each with a body that parses but is invalid.
WRITES = [
    ("POST", "/matters", INVALID_MATTER),
    ("PUT", "/matter-versions/00000000-0000-0000-0000-000000000000", INVALID_MATTER),
    ("POST", "/matter-versions/00000000-0000-0000-0000-000000000000/return", {"note": 12}),
    ("POST", "/matter-versions/00000000-0000-0000-0000-000000000000/retire", {}),
    ("POST", "/bundles", INVALID_BUNDLE),
    ("PUT", "/bundle-versions/00000000-0000-0000-0000-000000000000", INVALID_BUNDLE),
    ("PUT", "/dictionaries/matter_types/entries/99", INVALID_ENTRY),
    ("PUT", "/synonyms/%E5%8A%9E%E8%AF%81", INVALID_ENTRY),
]


def _citizen(tokens: TokenFactory) -> dict[str, str]:
    return tokens.headers(sub="person-1", kind="person", scope="openid profile", acr="2")


async def _send(
    client: httpx.AsyncClient, method: str, path: str, body: dict[str, Any], headers: dict[str, str]
) -> httpx.Response:
    return await client.request(method, path, json=body, headers=headers)


@pytest.mark.parametrize(("method", "path", "body"), WRITES)
async def test_issue_18_failure_10_403_before_422_for_a_citizen(
    client: httpx.AsyncClient, tokens: TokenFactory, method: str, path: str, body: dict[str, Any]
) -> None:
    """issue 18 failure 10: 403 before 422 — a citizen's invalid catalog write is refused for who it is."""
    response = await _send(client, method, path, body, _citizen(tokens))
    assert response.status_code == 403, response.text
    problem = response.json()
    assert response.headers["content-type"].startswith("application/problem+json")
    assert problem["code"] == "insufficient_scope"
    assert "需要" in problem["detail"]
    assert "errors" not in problem  # nothing about the body


@pytest.mark.parametrize(("method", "path", "body"), WRITES)
async def test_issue_18_failure_10_401_before_422_without_a_token(
    client: httpx.AsyncClient, method: str, path: str, body: dict[str, Any]
) -> None:
    """issue 18 failure 10: no token and an invalid body → 401, not 422."""
    response = await _send(client, method, path, body, {})
    assert response.status_code == 401, response.text
    assert response.json()["code"] == "unauthenticated"
    assert response.headers["www-authenticate"].startswith("Bearer")


async def test_a_system_without_the_scope_is_refused_before_validation(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    """Editing needs `catalog:write` (or role catalog_editor); reviewing needs `catalog:publish`."""
    reader = tokens.headers(scope="catalog:read")
    assert (await client.post("/matters", json=INVALID_MATTER, headers=reader)).status_code == 403
    writer = tokens.headers(scope="catalog:write")
    retire = await client.post(
        "/matter-versions/00000000-0000-0000-0000-000000000000/retire", json={}, headers=writer
    )
    assert retire.status_code == 403, retire.text


async def test_a_permitted_caller_still_gets_422_for_an_invalid_body(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    """The permission check does not hide validation from those who may write."""
    response = await client.post(
        "/matters", json=INVALID_MATTER, headers=tokens.headers(scope="catalog:write")
    )
    assert response.status_code == 422, response.text


async def test_an_editor_of_another_department_is_still_refused_by_the_use_case(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    """The coarse check (role catalog_editor) passes; the department (a fact of the matter) is the use case's."""
    clerk = tokens.headers(kind="staff", roles=["catalog_editor"], org="500110-RSJ")
    body = {
        "code": "500110-SCJGJ-SPJY-XK",
        "name": "食品经营许可",
        "matter_type": "01",
        "department_code": "500110-SCJGJ",
        "statutory_days": 20,
        "promised_days": 10,
    }
    response = await client.post("/matters", json=body, headers=clerk)
    assert response.status_code == 403, response.text
    assert response.json()["code"] == "wrong_department"
