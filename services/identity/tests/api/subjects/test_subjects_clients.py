"""Clients managed by administrators: the secret is shown once and works at the token endpoint."""

import httpx
import pytest

from identity.store.unit_of_work import IdentityUnitOfWork
from identity.use_cases.tokens import client_secret_hash
from meshkit.db import Database
from meshkit.testing.service import TEST_SECRET

from .conftest import World

pytestmark = pytest.mark.api

NEW = {
    "client_id": "scjg-approval",
    "name": "市场监管审批系统",
    "organization_code": "500110-SCJGJ",
    "scopes": ["catalog:write"],
    "grant_types": ["client_credentials"],
}


async def token_status(client: httpx.AsyncClient, secret: str) -> int:
    response = await client.post(
        "/token", data={"grant_type": "client_credentials"}, auth=("scjg-approval", secret)
    )
    return response.status_code


async def test_create_rotate_deactivate(client: httpx.AsyncClient, world: World, database: Database) -> None:
    created = await client.post("/clients", json=NEW, headers=world.headers("admin"))
    assert created.status_code == 201, created.text
    assert created.headers["cache-control"] == "no-store"
    secret = created.json()["client_secret"]
    assert len(secret) >= 40
    async with IdentityUnitOfWork(database) as uow:
        stored = await uow.clients.get("scjg-approval")
        assert stored is not None
        assert stored.secret_hash == client_secret_hash(secret, TEST_SECRET)
    read = await client.get("/clients/scjg-approval", headers=world.headers("admin"))
    assert "client_secret" not in read.json()
    assert read.json()["confidential"] is True
    assert await token_status(client, secret) == 200

    rotated = (await client.post("/clients/scjg-approval/secret", headers=world.headers("admin"))).json()
    assert await token_status(client, secret) == 401
    assert await token_status(client, rotated["client_secret"]) == 200

    patched = await client.patch(
        "/clients/scjg-approval",
        json={"scopes": ["catalog:write", "catalog:publish"]},
        headers=world.headers("admin"),
    )
    assert patched.json()["scopes"] == ["catalog:write", "catalog:publish"]
    await client.post("/clients/scjg-approval/deactivate", headers=world.headers("admin"))
    assert await token_status(client, rotated["client_secret"]) == 401
    listed = (await client.get("/clients", headers=world.headers("admin"))).json()
    assert {c["client_id"] for c in listed["items"]} == {"exchange-hub", "scjg-approval", "tongban-identity"}
    duplicate = await client.post("/clients", json=NEW, headers=world.headers("admin"))
    assert duplicate.status_code == 409


async def test_public_app_has_no_secret(client: httpx.AsyncClient, world: World) -> None:
    app = {
        "client_id": "gaj-web",
        "name": "公安网上服务",
        "confidential": False,
        "grant_types": ["authorization_code", "refresh_token"],
        "redirect_uris": ["https://tongban.example/cb"],
    }
    created = await client.post("/clients", json=app, headers=world.headers("admin"))
    assert created.status_code == 201, created.text
    assert created.json()["client_secret"] is None
    rotate = await client.post("/clients/gaj-web/secret", headers=world.headers("admin"))
    assert rotate.json()["code"] == "public_client"


@pytest.mark.parametrize(
    "change",
    [
        {"confidential": False},  # a public client cannot use client credentials
        {"grant_types": ["authorization_code"]},  # needs a redirect URI
        {"grant_types": ["authorization_code"], "redirect_uris": ["http://tongban.example/cb"]},
        {"grant_types": ["authorization_code"], "redirect_uris": ["https://tongban.example/cb#x"]},
        {"grant_types": ["refresh_token"]},
    ],
)
async def test_client_rules(client: httpx.AsyncClient, world: World, change: dict[str, object]) -> None:
    response = await client.post("/clients", json={**NEW, **change}, headers=world.headers("admin"))
    assert response.status_code == 422, response.text
    assert response.json()["code"] == "invalid_client_settings"


async def test_only_district_admins_grant_identity_scopes(client: httpx.AsyncClient, world: World) -> None:
    town_client = {**NEW, "client_id": "dingshan-hall", "organization_code": "500110118000-center"}
    for scope in ("identity:verify", "exchange:platform", "exchange:admin", "exchange:audit", "cases:basis"):
        privileged = await client.post(
            "/clients", json={**town_client, "scopes": [scope]}, headers=world.headers("town_admin")
        )
        assert privileged.json()["code"] == "privileged_scope", scope
    outside = await client.post("/clients", json=NEW, headers=world.headers("town_admin"))
    assert outside.json()["code"] == "outside_admin_scope"
    assert (
        await client.post("/clients", json=town_client, headers=world.headers("town_admin"))
    ).status_code == 201
    hub = await client.get("/clients/exchange-hub", headers=world.headers("town_admin"))
    assert hub.status_code == 403
    listed = (await client.get("/clients", headers=world.headers("town_admin"))).json()
    assert [c["client_id"] for c in listed["items"]] == ["dingshan-hall"]
