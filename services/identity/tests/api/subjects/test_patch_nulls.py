"""issue 18 failure 4: a PATCH takes ``null`` only where null means something; elsewhere 422, never a 500."""

import httpx
import pytest

from .conftest import World

pytestmark = pytest.mark.api

CLIENT = {
    "client_id": "nulls-probe",
    "name": "空值探针系统",
    "organization_code": "500110-SCJGJ",
    "scopes": ["catalog:write"],
    "grant_types": ["client_credentials"],
}


@pytest.mark.parametrize("field", ["name", "scopes", "audiences", "redirect_uris", "grant_types"])
async def test_issue_18_failure_4_patch_client_null_is_refused(
    client: httpx.AsyncClient, world: World, field: str
) -> None:
    created = await client.post("/clients", json=CLIENT, headers=world.headers("admin"))
    assert created.status_code == 201, created.text
    refused = await client.patch("/clients/nulls-probe", json={field: None}, headers=world.headers("admin"))
    assert refused.status_code == 422, refused.text
    assert refused.headers["content-type"].startswith("application/problem+json")
    assert refused.json()["code"] == "validation_failed"
    kept = (await client.get("/clients/nulls-probe", headers=world.headers("admin"))).json()
    assert kept["name"] == CLIENT["name"]
    assert kept["scopes"] == CLIENT["scopes"]


async def test_issue_18_failure_4_patch_client_null_clears_where_it_means_none(
    client: httpx.AsyncClient, world: World
) -> None:
    await client.post("/clients", json=CLIENT, headers=world.headers("admin"))
    cleared = await client.patch(
        "/clients/nulls-probe", json={"organization_code": None}, headers=world.headers("admin")
    )
    assert cleared.status_code == 200, cleared.text
    assert cleared.json()["organization_code"] is None
    assert cleared.json()["name"] == CLIENT["name"]


@pytest.mark.parametrize("field", ["name", "kind", "division_code", "valid_from"])
async def test_issue_18_failure_4_patch_organization_null_is_refused(
    client: httpx.AsyncClient, world: World, field: str
) -> None:
    refused = await client.patch(
        "/organizations/500110-SCJGJ", json={field: None}, headers=world.headers("admin")
    )
    assert refused.status_code == 422, refused.text
    assert refused.json()["code"] == "validation_failed"


@pytest.mark.parametrize("field", ["name", "organization_code", "roles", "scope_division", "password"])
async def test_issue_18_failure_4_patch_staff_null_is_refused(
    client: httpx.AsyncClient, world: World, field: str
) -> None:
    clerk = f"/staff/{world.ids['clerk']}"
    refused = await client.patch(clerk, json={field: None}, headers=world.headers("admin"))
    assert refused.status_code == 422, refused.text
    assert refused.json()["code"] == "validation_failed"
