"""Issue 17, failure 3 through the real mesh: a revoked access token, the token of an ended session, the tokens
of a family revoked for refresh-token reuse, a deactivated staff member's token and a deactivated or re-keyed
client's token are refused — 401 problem+json within 5 s — by every service, through the gateway and directly
(the exchange's background lane too)."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import html
import re
import secrets
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from identity.demo import DEMO_PASSWORD, DEMO_WEB_CLIENT, DEMO_WEB_REDIRECT_URIS
from meshkit.testing import eventually
from tongban.mesh import Mesh

pytestmark = pytest.mark.e2e

CHEN = "500222199803070028"  # 陈晓梅 of the demo
REDIRECT = DEMO_WEB_REDIRECT_URIS[0]


@dataclass(frozen=True)
class Target:
    label: str
    method: str
    url: str
    body: dict[str, Any] | None = None


def targets(mesh: Mesh) -> list[Target]:
    """One route needing a token in each service, through the gateway and straight at each process."""
    config = mesh.config
    assert config.gateway is not None
    gateway = config.url(config.gateway)
    direct = {spec.name: config.url(spec) for spec in config.services}
    routes = {
        "identity": ("GET", "/me", None),
        "catalog": ("POST", "/bundles", {}),
        "cases": ("GET", "/me/cases", None),
        "exchange": ("GET", "/access-log/mine", None),
    }
    found = []
    for service, (method, path, body) in routes.items():
        found.append(Target(f"gateway→{service}", method, f"{gateway}/{service}{path}", body))
        found.append(Target(service, method, direct[service] + path, body))
    for lane in config.lanes:  # the exchange's background lane: the batch route the cases worker calls
        found.append(Target(lane.name, "POST", config.url(lane) + "/reads", {"reads": []}))
    return found


async def statuses(http: httpx.AsyncClient, found: list[Target], token: str) -> dict[str, int]:
    headers = {"Authorization": f"Bearer {token}"}

    async def one(target: Target) -> tuple[str, int]:
        response = await http.request(target.method, target.url, json=target.body, headers=headers)
        if response.status_code == 401:
            assert response.headers["content-type"] == "application/problem+json", target.label
            assert response.json()["code"] == "invalid_token", (target.label, response.text)
        return target.label, response.status_code

    return dict(await asyncio.gather(*(one(target) for target in found)))


async def accepted_everywhere(http: httpx.AsyncClient, found: list[Target], token: str) -> None:
    seen = await statuses(http, found, token)
    assert all(status != 401 for status in seen.values()), seen


async def refused_everywhere_within_5s(http: httpx.AsyncClient, found: list[Target], token: str) -> None:
    async def probe() -> None:
        seen = await statuses(http, found, token)
        assert set(seen.values()) == {401}, seen

    await eventually(probe, timeout=5, interval=0.1)


@dataclass
class Login:
    tokens: dict[str, Any]
    cookie: str


async def browser_login(
    gateway_url: str, login: str, headers: dict[str, str], password: str = DEMO_PASSWORD
) -> Login:
    """Code + PKCE through identity's page, keeping the session cookie and every token."""
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    params = {
        "response_type": "code",
        "client_id": DEMO_WEB_CLIENT,
        "redirect_uri": REDIRECT,
        "scope": "openid",
        "state": "s",
        "nonce": secrets.token_urlsafe(8),
        "code_challenge": challenge,
        "code_challenge_method": "S256",
    }
    async with httpx.AsyncClient(base_url=gateway_url, timeout=20, headers=headers) as browser:
        page = await browser.get("/identity/authorize", params=params)
        match = re.search(r'name="pending" value="([^"]*)"', page.text)
        assert page.status_code == 200, page.text
        assert match, page.text
        cookies = _cookies(page)
        posted = await browser.post(
            "/identity/authorize",
            headers={"Cookie": "; ".join(cookies.values())},
            data={"pending": html.unescape(match.group(1)), "login": login, "password": password},
        )
        assert posted.status_code == 303, posted.text
        cookies.update(_cookies(posted))
        code = parse_qs(urlsplit(posted.headers["location"]).query)["code"][0]
        token = await browser.post(
            "/identity/token",
            data={
                "grant_type": "authorization_code",
                "code": code,
                "redirect_uri": REDIRECT,
                "code_verifier": verifier,
                "client_id": DEMO_WEB_CLIENT,
            },
        )
        assert token.status_code == 200, token.text
        return Login(token.json(), "; ".join(cookies.values()))


def _cookies(response: httpx.Response) -> dict[str, str]:
    pairs = (header.split(";", 1)[0] for header in response.headers.get_list("set-cookie"))
    return {pair.split("=", 1)[0]: pair for pair in pairs}


@pytest.fixture
def found(mesh: Mesh) -> list[Target]:
    return targets(mesh)


@pytest.fixture
def login(gateway_url: str, client_address: dict[str, str]) -> Callable[[str], Awaitable[Login]]:
    return lambda name: browser_login(gateway_url, name, client_address)


async def test_revoked_access_token_is_refused_everywhere(
    http: httpx.AsyncClient, found: list[Target], login: Callable[[str], Awaitable[Login]]
) -> None:
    token = (await login(CHEN)).tokens["access_token"]
    await accepted_everywhere(http, found, token)
    revoked = await http.post("/identity/revoke", data={"token": token, "client_id": DEMO_WEB_CLIENT})
    assert revoked.status_code == 200
    await refused_everywhere_within_5s(http, found, token)


async def test_ended_session_token_is_refused_everywhere(
    http: httpx.AsyncClient, found: list[Target], login: Callable[[str], Awaitable[Login]]
) -> None:
    session = await login(CHEN)
    token = session.tokens["access_token"]
    await accepted_everywhere(http, found, token)
    ended = await http.get(
        "/identity/end-session",
        params={"id_token_hint": session.tokens["id_token"], "post_logout_redirect_uri": REDIRECT},
        headers={"Cookie": session.cookie},
    )
    assert ended.status_code == 303, ended.text
    await refused_everywhere_within_5s(http, found, token)


async def test_reused_refresh_token_revokes_the_family_everywhere(
    http: httpx.AsyncClient, found: list[Target], login: Callable[[str], Awaitable[Login]]
) -> None:
    first = (await login(CHEN)).tokens
    refreshed = await http.post(
        "/identity/token",
        data={
            "grant_type": "refresh_token",
            "refresh_token": first["refresh_token"],
            "client_id": DEMO_WEB_CLIENT,
        },
    )
    assert refreshed.status_code == 200, refreshed.text
    current = refreshed.json()["access_token"]
    await accepted_everywhere(http, found, current)
    reused = await http.post(
        "/identity/token",
        data={
            "grant_type": "refresh_token",
            "refresh_token": first["refresh_token"],
            "client_id": DEMO_WEB_CLIENT,
        },
    )
    assert reused.json()["error"] == "invalid_grant"
    await refused_everywhere_within_5s(http, found, current)
    await refused_everywhere_within_5s(http, found, first["access_token"])


async def test_deactivated_staff_token_is_refused_everywhere(
    http: httpx.AsyncClient, found: list[Target], login: Callable[[str], Awaitable[Login]]
) -> None:
    admin = {"Authorization": f"Bearer {(await login('admin')).tokens['access_token']}"}
    username = f"clerk.revoked.{uuid.uuid4().hex[:8]}"
    created = await http.post(
        "/identity/staff",
        json={
            "username": username,
            "name": "停用测试",
            "organization_code": "500110001000-center",
            "roles": ["window_clerk"],
            "scope_division": "500110001000",
            "password": DEMO_PASSWORD,
        },
        headers=admin,
    )
    assert created.status_code == 201, created.text
    token = (await login(username)).tokens["access_token"]
    await accepted_everywhere(http, found, token)
    off = await http.post(f"/identity/staff/{created.json()['id']}/deactivate", headers=admin)
    assert off.status_code == 200, off.text
    await refused_everywhere_within_5s(http, found, token)


async def test_rotated_and_deactivated_client_tokens_are_refused_everywhere(
    http: httpx.AsyncClient, found: list[Target], login: Callable[[str], Awaitable[Login]]
) -> None:
    admin = {"Authorization": f"Bearer {(await login('admin')).tokens['access_token']}"}
    client_id = f"revocation-{uuid.uuid4().hex[:8]}"
    created = await http.post(
        "/identity/clients",
        json={"client_id": client_id, "name": "撤销测试系统", "organization_code": "500110-SCJGJ"},
        headers=admin,
    )
    assert created.status_code == 201, created.text

    async def client_token(secret: str) -> str:
        answer = await http.post(
            "/identity/token", data={"grant_type": "client_credentials"}, auth=(client_id, secret)
        )
        assert answer.status_code == 200, answer.text
        return str(answer.json()["access_token"])

    old = await client_token(created.json()["client_secret"])
    await accepted_everywhere(http, found, old)
    rotated = await http.post(f"/identity/clients/{client_id}/secret", headers=admin)
    assert rotated.status_code == 200, rotated.text
    await refused_everywhere_within_5s(http, found, old)

    await asyncio.sleep(1.1)  # a token of a later second than the rotation (iat has whole seconds)
    new = await client_token(rotated.json()["client_secret"])
    await accepted_everywhere(http, found, new)
    off = await http.post(f"/identity/clients/{client_id}/deactivate", headers=admin)
    assert off.status_code == 200, off.text
    await refused_everywhere_within_5s(http, found, new)
