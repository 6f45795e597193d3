"""GET /me for each kind of subject."""

import httpx
import pytest

from .conftest import GUNAN, World, credit_code, in_registry
from .edge import Edge

pytestmark = pytest.mark.api


async def test_person_sees_a_masked_profile_and_enterprises(
    client: httpx.AsyncClient, world: World, edge: Edge
) -> None:
    in_registry(edge, world, credit_code(3), "綦江晓梅小吃店")
    await client.post(
        "/enterprises",
        json={"name": "綦江晓梅小吃店", "credit_code": credit_code(3)},
        headers=world.headers("citizen"),
    )
    response = await client.get("/me", headers=world.headers("citizen"))
    assert response.status_code == 200, response.text
    me = response.json()
    assert me["kind"] == "person"
    assert me["person"]["id"] == world.ids["citizen"]
    assert me["person"]["id_number_masked"].startswith("500222****")
    assert me["person"]["acr"] == 1
    assert [e["name"] for e in me["enterprises"]] == ["綦江晓梅小吃店"]
    assert world.citizen_id_number not in response.text
    assert "13800230001" not in response.text
    assert response.headers["cache-control"] == "no-store"


async def test_staff_sees_organization_roles_and_scope(client: httpx.AsyncClient, world: World) -> None:
    me = (await client.get("/me", headers=world.headers("clerk"))).json()
    assert me["kind"] == "staff"
    assert me["username"] == "clerk.gunan"
    assert me["organization"]["name"] == "古南街道公共服务中心"
    assert me["roles"] == ["window_clerk"]
    assert me["scope_division"] == GUNAN


async def test_system_client_sees_its_registration(client: httpx.AsyncClient, world: World) -> None:
    me = (await client.get("/me", headers=world.headers("system"))).json()
    assert me == {
        "kind": "system",
        "client_id": "exchange-hub",
        "name": "数据交换平台",
        "organization": {
            "code": "500110-ZFBGS",
            "name": "綦江区人民政府办公室",
            "kind": "department",
            "division_code": "500110000000",
        },
        "scopes": ["identity:verify"],
        "audiences": ["tongban"],
        "sector": None,
    }


async def test_unknown_subject(client: httpx.AsyncClient, world: World) -> None:
    response = await client.get("/me", headers=world.tokens.headers(sub="nobody", kind="person", acr="1"))
    assert response.status_code == 404
    assert response.json()["code"] == "subject_not_found"
    unknown_staff = await client.get("/me", headers=world.tokens.headers(sub="nobody", kind="staff"))
    assert unknown_staff.status_code == 403
    assert (await client.get("/me")).status_code == 401


async def test_enterprise_token_is_the_representative_acting_for_it(
    client: httpx.AsyncClient, world: World, edge: Edge
) -> None:
    in_registry(edge, world, credit_code(4), "綦江晓梅小吃店")
    created = await client.post(
        "/enterprises",
        json={"name": "綦江晓梅小吃店", "credit_code": credit_code(4)},
        headers=world.headers("citizen"),
    )
    enterprise_id = created.json()["id"]
    acting = world.tokens.headers(sub=world.ids["citizen"], kind="enterprise", org=enterprise_id, acr="2")
    me = (await client.get("/me", headers=acting)).json()
    assert me["kind"] == "enterprise"
    assert me["enterprise"]["id"] == enterprise_id
    assert me["representative"]["id"] == world.ids["citizen"]
    revealed = await client.get(f"/enterprises/{enterprise_id}", params={"reveal": "true"}, headers=acting)
    assert revealed.json()["credit_code"] == credit_code(4)
    other = world.tokens.headers(
        sub=world.ids["other_citizen"], kind="enterprise", org=enterprise_id, acr="2"
    )
    refused = await client.get("/me", headers=other)  # neither its representative nor an agent
    assert (refused.status_code, refused.json()["code"]) == (403, "representation_ended")
