"""Issue 21 (token endpoint at least as fast as oidc-provider): ``POST /token``'s plain client-credentials request
is answered by a lane (``api.token_lane``) before FastAPI's dependency solving and form parsing — and answers
exactly as the route does. Each case is sent to this app and to the same app with its lanes taken out (the
route alone), and the two answers compared: status, the headers OAuth clients read, and the body (the token's
claims but for ``jti``/``iat``/``exp``, the error JSON but for the request id). ``lane`` says which the lane must
answer itself (without solving a dependency) and which it must hand on to the route."""

from __future__ import annotations

import base64
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import fastapi.routing
import httpx
import jwt
import pytest
from starlette.requests import Request

from identity import use_cases
from identity.api import oauth_responses
from identity.main import create_app
from identity.settings import IdentitySettings
from identity.store.models import Organization
from identity.store.unit_of_work import IdentityUnitOfWork
from meshkit.db import Database
from meshkit.embedded import EmbeddedNats
from meshkit.lanes import FastLanes
from meshkit.testing.service import TEST_SECRET, app_client
from meshkit.testing.tokens import TokenFactory

pytestmark = pytest.mark.api

SECRET = "t24-secret-value"
HEADERS = ("content-type", "cache-control", "pragma", "www-authenticate")
VOLATILE_CLAIMS = ("jti", "iat", "exp")


@dataclass(frozen=True)
class Ask:
    """One token request: the form (or raw body), Basic credentials, extra headers, a query string."""

    form: dict[str, str] | None = None
    body: bytes | None = None
    basic: tuple[str, str] | None = None
    headers: dict[str, str] = field(default_factory=dict)
    query: str = ""
    lane: bool | None = (
        False  # answered by the lane itself, else by the route (None: the body limit, before both)
    )


def _basic(client_id: str, secret: str) -> dict[str, str]:
    return {"authorization": "Basic " + base64.b64encode(f"{client_id}:{secret}".encode()).decode()}


CC = {"grant_type": "client_credentials"}
CASES: dict[str, Ask] = {
    "good grant, client_secret_basic": Ask(CC, basic=("t24-system", SECRET), lane=True),
    "good grant, client_secret_post": Ask(
        CC | {"client_id": "t24-system", "client_secret": SECRET}, lane=True
    ),
    "good grant, a scope the client has": Ask(
        CC | {"scope": "catalog:write"}, basic=("t24-system", SECRET), lane=True
    ),
    "wrong secret, basic (401 with WWW-Authenticate)": Ask(CC, basic=("t24-system", "wrong"), lane=True),
    "wrong secret, post": Ask(CC | {"client_id": "t24-system", "client_secret": "wrong"}, lane=True),
    "unknown client": Ask(CC, basic=("nobody", SECRET), lane=True),
    "disabled client": Ask(CC, basic=("t24-disabled", SECRET), lane=True),
    "a scope the client does not have": Ask(
        CC | {"scope": "catalog:write exchange:admin"}, basic=("t24-system", SECRET), lane=True
    ),
    "a public client (no secret): unauthorized_client": Ask(CC | {"client_id": "t24-public"}, lane=True),
    "no client credentials at all": Ask(CC, lane=True),
    "basic and post at once": Ask(
        CC | {"client_id": "t24-system", "client_secret": SECRET}, basic=("t24-system", SECRET), lane=True
    ),
    "malformed Basic header": Ask(CC, headers={"authorization": "Basic !!!"}, lane=True),
    "missing grant_type": Ask({"scope": "catalog:write"}, basic=("t24-system", SECRET)),
    "empty grant_type": Ask({"grant_type": ""}, basic=("t24-system", SECRET)),
    "unsupported grant_type": Ask({"grant_type": "password"}, basic=("t24-system", SECRET)),
    "another grant (refresh_token) goes to the route": Ask(
        {"grant_type": "refresh_token", "refresh_token": "x" * 40}, basic=("t24-system", SECRET)
    ),
    "repeated parameter": Ask(
        body=b"grant_type=client_credentials&grant_type=client_credentials", basic=("t24-system", SECRET)
    ),
    "malformed form body (bad percent-escape)": Ask(
        body=b"grant_type=client_credentials&scope=%ff%fe", basic=("t24-system", SECRET)
    ),
    "malformed form body (a pair without =)": Ask(
        body=b"grant_type=client_credentials&scope", basic=("t24-system", SECRET)
    ),
    "malformed form body (not ASCII)": Ask(
        body="grant_type=client_credentials&scope=目录".encode(), basic=("t24-system", SECRET)
    ),
    "control character in a value": Ask(CC | {"scope": "catalog:write\x01"}, basic=("t24-system", SECRET)),
    "over-long client_secret": Ask(CC | {"client_id": "t24-system", "client_secret": "s" * 201}),
    "unknown parameter": Ask(CC | {"foo": "bar"}, basic=("t24-system", SECRET)),
    "query string": Ask(CC, basic=("t24-system", SECRET), query="grant_type=client_credentials"),
    "JSON instead of a form": Ask(
        body=b'{"grant_type": "client_credentials"}',
        basic=("t24-system", SECRET),
        headers={"content-type": "application/json"},
    ),
    "gzip-encoded body": Ask(CC, basic=("t24-system", SECRET), headers={"content-encoding": "gzip"}),
    "oversized form body (413)": Ask(
        body=b"grant_type=client_credentials&scope=" + b"a" * 1_100_000,
        basic=("t24-system", SECRET),
        lane=None,
    ),
}


async def _register(database: Database) -> None:
    async with IdentityUnitOfWork(database) as uow:
        uow.organizations.add(
            Organization(
                code="500110-T24",
                name="测试局",
                kind="department",
                division_code="500110",
                valid_from=date(2020, 1, 1),
            )
        )
        await uow.commit()
        for client_id in ("t24-system", "t24-disabled"):
            await use_cases.register_client(
                uow,
                client_id=client_id,
                name="测试系统",
                secret=SECRET,
                scopes=["catalog:write", "catalog:publish"],
                organization_code="500110-T24",
                pepper=TEST_SECRET,
            )
        await use_cases.register_public_client(
            uow,
            client_id="t24-public",
            name="测试应用",
            scopes=["openid"],
            redirect_uris=["https://app.example/cb"],
        )
        disabled = await uow.clients.get("t24-disabled")
        assert disabled is not None
        disabled.active = False
        await uow.commit()


@pytest.fixture
async def route_only(
    migrated_url: str, nats_server: EmbeddedNats, database: Database, tokens: TokenFactory
) -> AsyncIterator[httpx.AsyncClient]:
    """The same app without its lanes: every request is served by the routes (as before issue 21)."""
    app = create_app(
        IdentitySettings(
            database_url=migrated_url,
            nats_url=nats_server.url_for("identity"),
            environment="test",
            secret_key=TEST_SECRET,
            issuer="http://issuer.test",
        )
    )
    app.user_middleware = [m for m in app.user_middleware if m.cls is not FastLanes]
    async with app_client(app, database=database, tokens=tokens) as client:
        yield client


@pytest.fixture
def solved(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Where FastAPI solved a route's dependencies (``solve``) or an OAuth route read its form (``route``): the
    lane does neither."""
    calls: list[str] = []
    solve, form = fastapi.routing.solve_dependencies, oauth_responses._form

    async def solving(*args: Any, **kwargs: Any) -> Any:
        calls.append("solve")
        return await solve(*args, **kwargs)

    async def reading(request: Request) -> list[tuple[str, Any]]:
        calls.append("route")
        return await form(request)

    monkeypatch.setattr(fastapi.routing, "solve_dependencies", solving)
    monkeypatch.setattr(oauth_responses, "_form", reading)
    return calls


async def _ask(client: httpx.AsyncClient, ask: Ask) -> httpx.Response:
    headers = {"content-type": "application/x-www-form-urlencoded", **ask.headers}
    if ask.basic is not None:
        headers |= _basic(*ask.basic)
    content = ask.body if ask.body is not None else str(httpx.QueryParams(ask.form or {})).encode()
    return await client.post(
        "/token" + (f"?{ask.query}" if ask.query else ""), content=content, headers=headers
    )


def _shape(response: httpx.Response) -> dict[str, Any]:
    """What must agree: status, the headers OAuth clients read, and the body but for what differs per token."""
    body: Any = response.json() if response.content else None
    if isinstance(body, dict):
        body.pop("request_id", None)
        token = body.pop("access_token", None)
        if token is not None:
            header = jwt.get_unverified_header(token)
            claims = jwt.decode(token, options={"verify_signature": False})
            body["access_token"] = {
                "header": {k: v for k, v in header.items() if k != "kid"},
                "claims": {k: v for k, v in claims.items() if k not in VOLATILE_CLAIMS},
                "volatile": sorted(k for k in claims if k in VOLATILE_CLAIMS),
                "lifetime": claims["exp"] - claims["iat"],
            }
    return {
        "status": response.status_code,
        "headers": {name: response.headers.get(name) for name in HEADERS},
        "body": body,
    }


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
async def test_issue21_token_lane_answers_as_the_route_does(
    client: httpx.AsyncClient,
    route_only: httpx.AsyncClient,
    database: Database,
    solved: list[str],
    case: str,
) -> None:
    """Issue 21, the token endpoint's lane: for each request (a good grant by basic and by post, a wrong secret,
    an unknown or disabled client, a scope the client lacks, a missing or unsupported grant_type, malformed and
    oversized bodies, …) the answer with the lane equals the route's; the plain client-credentials ones are
    answered without FastAPI's dependency solving (failed before: every token went through it), the others
    are handed on to the route."""
    await _register(database)
    ask = CASES[case]
    through_route = _shape(await _ask(route_only, ask))
    if ask.lane is not None:
        assert "route" in solved, "without its lanes the app must answer through the route"
    solved.clear()
    through_lane = _shape(await _ask(client, ask))
    assert through_lane == through_route
    if ask.lane is None:
        assert solved == [], "the body limit should answer before the lane and the route"
    elif ask.lane:
        assert solved == [], "the lane should answer this request itself"
    else:
        assert "route" in solved, "the lane should hand this request on to the route"


async def test_issue21_token_lane_sees_a_deactivation_and_a_rotation_at_once(
    client: httpx.AsyncClient, database: Database, solved: list[str]
) -> None:
    """Issue 21: nothing is cached between requests: a client deactivated, or its secret rotated, is refused by
    the lane on the very next request (and the old secret still works during the rotation's overlap)."""
    await _register(database)
    cc = Ask(CC, basic=("t24-system", SECRET))
    assert (await _ask(client, cc)).status_code == 200
    async with IdentityUnitOfWork(database) as uow:
        stored = await uow.clients.get("t24-system")
        assert stored is not None
        stored.secret_hash = use_cases.client_secret_hash("t24-rotated", TEST_SECRET)  # no overlap kept
        await uow.commit()
    refused = await _ask(client, cc)
    assert (refused.status_code, refused.json()["error"]) == (401, "invalid_client")
    rotated = Ask(CC, basic=("t24-system", "t24-rotated"))
    assert (await _ask(client, rotated)).status_code == 200
    async with IdentityUnitOfWork(database) as uow:
        stored = await uow.clients.get("t24-system")
        assert stored is not None
        stored.active = False
        await uow.commit()
    refused = await _ask(client, rotated)
    assert (refused.status_code, refused.json()["error"]) == (401, "invalid_client")
    assert solved == []  # all of them answered by the lane
