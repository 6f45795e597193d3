"""Issue 18 at identity: NUL and other refused characters in paths, a person's name, the login form and the OAuth
endpoints' forms are refused naming the field, before PostgreSQL; the caller refused before the body."""

import re

import httpx
import pytest
from sqlalchemy import text

from meshkit.testing.support import assert_malformed_path

from .conftest import World

pytestmark = pytest.mark.api

_ENGLISH = re.compile(r"[A-Za-z]+(?: [A-Za-z]+){2,}")


def refused(response: httpx.Response, field: str) -> None:
    assert response.status_code == 422, response.text
    problem = response.json()
    assert problem["code"] == "validation_failed"
    assert field in [e["field"] for e in problem["errors"]], problem
    assert not _ENGLISH.search(problem["detail"]), problem["detail"]


async def test_issue_18_failure_1_nul_never_reaches_the_identity_database(
    client: httpx.AsyncClient, world: World
) -> None:
    """Issue 18, failure 1: ``GET /organizations/%00``, a person's name with NUL or a right-to-left override, the
    login form's names and values — 422 naming the field; ``POST /introspect`` with ``client_id=%00`` — the
    OAuth ``invalid_request`` (400) naming it. Nothing is stored."""
    clerk = world.headers("clerk")
    assert_malformed_path(await client.get("/organizations/%00"))
    refused(await client.get("/organizations/search", params={"name": "綦\x00"}), "query.name")
    async with world.database.sessions() as session:
        before = await session.scalar(text("SELECT count(*) FROM persons"))
    for name in ("王\x00小红", "王小红\u202e", "王\n小红"):
        person = {"name": name, "id_number": world.other_id_number, "phone": "13987650011"}
        refused(await client.post("/persons", json=person, headers=clerk), "body.name")
    async with world.database.sessions() as session:
        assert await session.scalar(text("SELECT count(*) FROM persons")) == before
    login = await client.post("/authorize", data={"pending": "x", "login": "clerk\x00", "password": "p"})
    refused(login, "body.login")
    form_key = await client.post(
        "/authorize",
        content=b"pending=x&login=a&password=p&x%00y=1",
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert form_key.status_code == 422, form_key.text
    introspection = await client.post(
        "/introspect", data={"token": "t", "client_id": "\x00", "client_secret": "s"}
    )
    assert introspection.status_code == 400, introspection.text
    assert introspection.json()["error"] == "invalid_request"
    assert "client_id" in introspection.json()["detail"]


async def test_issue_18_failure_10_identity_refuses_the_caller_before_the_body(
    client: httpx.AsyncClient, world: World
) -> None:
    """Issue 18, failure 10 (runtime): a staff write without a token is 401 whatever the body; with one, broken
    JSON and bad UTF-8 are one 400 ``malformed_body``, text/plain 415."""
    for content, content_type in (
        (b'{"name": ', "application/json"),
        (b'{"name": "\xff"}', "application/json"),
        (b'{"name": "x"}', "text/plain"),
        (b'{"name": 5, "roles": "x"}', "application/json"),
    ):
        anonymous = await client.post("/staff", content=content, headers={"content-type": content_type})
        assert anonymous.status_code == 401, (content, anonymous.text)
    admin = world.headers("admin")
    answers = [
        await client.post("/staff", content=content, headers={**admin, "content-type": content_type})
        for content, content_type in (
            (b'{"name": ', "application/json"),
            (b'{"name": "\xff"}', "application/json"),
            (b'{"name": "x"}', "text/plain"),
        )
    ]
    assert [(a.status_code, a.json()["code"]) for a in answers] == [
        (400, "malformed_body"),
        (400, "malformed_body"),
        (415, "unsupported_media_type"),
    ]
    token = await client.post(
        "/token",
        content=b'{"grant_type": "client_credentials"}',
        headers={"content-type": "application/json"},
    )
    assert (token.status_code, token.json()["error"]) == (400, "invalid_request")  # OAuth's answer, not 415


@pytest.mark.parametrize(
    "change",
    [{"username": "A"}, {"roles": []}, {"roles": ["janitor"]}, {"scope_division": "5001"}, {"name": ""}],
)
async def test_issue_18_failure_8_staff_details_are_chinese(
    client: httpx.AsyncClient, world: World, change: dict[str, object]
) -> None:
    """Issue 18, failure 8: an administrator's mistakes are explained in Chinese."""
    body = {
        "username": "new.clerk",
        "name": "新职员",
        "organization_code": "500110-ZFBGS",
        "roles": ["window_clerk"],
        "scope_division": "500110000000",
        "password": "Tongban2024x",
        **change,
    }
    answer = await client.post("/staff", json=body, headers=world.headers("admin"))
    assert answer.status_code == 422, answer.text
    assert not _ENGLISH.search(answer.json()["detail"]), answer.json()["detail"]
