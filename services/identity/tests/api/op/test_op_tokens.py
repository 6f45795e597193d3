"""Issued tokens at identity: foreign issuers, expiry, wrong signatures, scope, introspection and revocation
rules, and what deactivating a client or a staff account does to live tokens."""

import time
import uuid
from datetime import UTC, datetime
from typing import Any

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import ec

from identity.keys import sign
from identity.settings import IdentitySettings
from identity.store.unit_of_work import IdentityUnitOfWork
from identity.use_cases.oauth_keys import KeyCache
from meshkit.db import Database
from meshkit.testing.service import TEST_SECRET

from .conftest import (
    ISSUER,
    PORTAL,
    PORTAL_REDIRECT,
    PORTAL_SECRET,
    RESOURCE,
    RESOURCE_SECRET,
    WEB,
    Browser,
    OpWorld,
    introspect,
    logged_in_tokens,
    refresh,
)

pytestmark = pytest.mark.api


async def _current_key(database: Database) -> Any:
    settings = IdentitySettings(environment="test", secret_key=TEST_SECRET)
    cache = KeyCache(secret=TEST_SECRET, policy=settings.rotation_policy(), max_age=0)
    return (await cache.ring(database)).signer(datetime.now(UTC))


def _claims(op: OpWorld, **overrides: Any) -> dict[str, Any]:
    now = int(time.time())
    claims = {
        "iss": ISSUER,
        "aud": "tongban",
        "sub": op.person_id,
        "client_id": WEB,
        "scope": "openid profile",
        "iat": now,
        "exp": now + 300,
        "jti": uuid.uuid4().hex,
        "tb_kind": "person",
        "acr": "2",
    }
    return {**claims, **overrides}


async def test_foreign_issuer_expired_and_wrongly_signed_tokens_are_rejected(
    client: httpx.AsyncClient, op: OpWorld, database: Database
) -> None:
    key = await _current_key(database)
    genuine = sign(key, _claims(op))
    assert (await introspect(client, genuine))["active"] is True
    now = int(time.time())
    foreign_key = ec.generate_private_key(ec.SECP256R1())
    bad = {
        "foreign issuer": sign(key, _claims(op, iss="http://evil.test")),
        "expired": sign(key, _claims(op, iat=now - 900, exp=now - 60)),
        "wrong audience": sign(key, _claims(op, aud="somebody-else")),
        "wrongly signed": jwt.encode(
            _claims(op), foreign_key, algorithm="ES256", headers={"kid": key.kid, "typ": "at+jwt"}
        ),
        "id token as access token": sign(key, _claims(op), typ="JWT"),
        "unsigned": jwt.encode(_claims(op), None, algorithm="none"),
    }
    for name, token in bad.items():
        assert (await introspect(client, token)) == {"active": False}, name
        response = await client.get("/userinfo", headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 401, name
        assert response.headers["www-authenticate"].startswith("Bearer"), name


async def test_userinfo_needs_openid_scope_and_a_token(
    client: httpx.AsyncClient, op: OpWorld, database: Database
) -> None:
    key = await _current_key(database)
    without_openid = sign(key, _claims(op, scope="profile"))
    response = await client.get("/userinfo", headers={"Authorization": f"Bearer {without_openid}"})
    assert response.status_code == 403
    assert "insufficient_scope" in response.headers["www-authenticate"]
    assert (await client.get("/userinfo")).status_code == 401


@pytest.mark.parametrize(
    ("kwargs", "status", "error"),
    [
        ({"data": {"token": "x"}}, 401, "invalid_client"),  # no client at all
        (
            {"data": {"token": "x", "client_id": WEB}},
            401,
            "invalid_client",
        ),  # public clients may not introspect
        ({"data": {"token": "x"}, "auth": (RESOURCE, "wrong")}, 401, "invalid_client"),
        ({"data": {}, "auth": (RESOURCE, RESOURCE_SECRET)}, 400, "invalid_request"),
        (
            {"data": {"token": "x", "client_secret": "y"}, "auth": (RESOURCE, RESOURCE_SECRET)},
            400,
            "invalid_request",
        ),
    ],
)
async def test_introspection_authenticates_confidential_clients(
    client: httpx.AsyncClient, op: OpWorld, kwargs: dict[str, Any], status: int, error: str
) -> None:
    response = await client.post("/introspect", **kwargs)
    assert response.status_code == status
    body = response.json()
    assert body["error"] == error
    assert response.headers["content-type"] == "application/json"


async def test_unknown_tokens_are_inactive_and_revocation_always_answers_200(
    client: httpx.AsyncClient, op: OpWorld
) -> None:
    assert (await introspect(client, "no-such-token")) == {"active": False}
    assert (await introspect(client, "a.b.c")) == {"active": False}
    for token in ("no-such-token", "a.b.c"):
        response = await client.post("/revoke", data={"token": token, "client_id": WEB})
        assert response.status_code == 200
    unauthenticated = await client.post("/revoke", data={"token": "x", "client_id": "nobody"})
    assert unauthenticated.status_code == 401


async def test_clients_revoke_only_their_own_tokens(client: httpx.AsyncClient, op: OpWorld) -> None:
    _, tokens = await logged_in_tokens(client, op)
    foreign = await client.post(
        "/revoke", data={"token": tokens["access_token"]}, auth=(RESOURCE, RESOURCE_SECRET)
    )
    assert foreign.status_code == 200
    assert (await introspect(client, tokens["access_token"]))["active"] is True


async def test_owner_may_introspect_its_refresh_token(client: httpx.AsyncClient, op: OpWorld) -> None:
    browser = Browser(client)
    code = await browser.log_in(
        op.person_id_number, client_id=PORTAL, redirect_uri=PORTAL_REDIRECT, scope="openid profile"
    )
    tokens = (await browser.exchange(code, redirect_uri=PORTAL_REDIRECT, auth=(PORTAL, PORTAL_SECRET))).json()
    response = await client.post(
        "/introspect",
        data={"token": tokens["refresh_token"], "token_type_hint": "refresh_token"},
        auth=(PORTAL, PORTAL_SECRET),
    )
    body = response.json()
    assert body["active"] is True
    assert body["client_id"] == PORTAL
    assert body["scope"] == "openid profile"
    assert body["sub"] != op.person_id  # pairwise for the portal's sector


async def test_deactivated_clients_and_staff_lose_their_tokens(
    client: httpx.AsyncClient, op: OpWorld
) -> None:
    staff_browser = Browser(client)
    staff_tokens = (await staff_browser.exchange(await staff_browser.log_in(op.staff_username))).json()
    _, person_tokens = await logged_in_tokens(client, op)
    async with IdentityUnitOfWork(op.database) as uow:
        staff = await uow.staff.get(op.staff_id)
        assert staff is not None
        staff.active = False
        await uow.commit()
    assert (await introspect(client, staff_tokens["access_token"])) == {"active": False}
    assert (await refresh(client, staff_tokens["refresh_token"])).json()["error"] == "invalid_grant"
    assert (await staff_browser.authorize()).status_code == 200  # no single sign-on for a deactivated account

    async with IdentityUnitOfWork(op.database) as uow:
        web = await uow.clients.get(WEB)
        assert web is not None
        web.active = False
        await uow.commit()
    assert (await introspect(client, person_tokens["access_token"])) == {"active": False}
    assert (await refresh(client, person_tokens["refresh_token"])).json()["error"] == "invalid_client"
    assert (await Browser(client).authorize()).status_code == 400
