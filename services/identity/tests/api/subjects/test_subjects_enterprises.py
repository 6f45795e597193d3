"""Enterprises (法人): registered by the person at real-name level ≥ 2 whom the market-regulation register names
as legal representative (the register faked at the exchange's edge: see edge.py)."""

import httpx
import pytest

from .conftest import World, credit_code, in_registry
from .edge import Edge

pytestmark = pytest.mark.api


async def test_register_read_and_list(client: httpx.AsyncClient, world: World, edge: Edge) -> None:
    code = credit_code(1)
    in_registry(edge, world, code, "綦江晓梅小吃店")
    created = await client.post(
        "/enterprises",
        json={"name": "綦江晓梅小吃店", "credit_code": code.lower()},
        headers=world.headers("citizen"),
    )
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["legal_representative_id"] == world.ids["citizen"]
    assert body["credit_code_masked"] == code[:6] + "*" * 8 + code[-4:]
    assert body["credit_code"] is None
    assert code not in created.text

    path = f"/enterprises/{body['id']}"
    own = (await client.get(path, params={"reveal": "true"}, headers=world.headers("citizen"))).json()
    assert own["credit_code"] == code
    clerk = await client.get(path, params={"reveal": "true"}, headers=world.headers("clerk"))
    assert clerk.status_code == 200
    assert clerk.json()["credit_code"] is None
    assert (await client.get(path, headers=world.headers("other_citizen"))).status_code == 403

    mine = (await client.get("/me/enterprises", headers=world.headers("citizen"))).json()
    assert [e["id"] for e in mine] == [body["id"]]
    assert (await client.get("/me/enterprises", headers=world.headers("other_citizen"))).json() == []

    duplicate = await client.post(
        "/enterprises", json={"name": "另一家", "credit_code": code}, headers=world.headers("other_citizen")
    )
    assert duplicate.status_code == 403  # the register names someone else
    assert duplicate.json()["code"] == "not_legal_representative"
    again = await client.post("/enterprises", json={"credit_code": code}, headers=world.headers("citizen"))
    assert (again.status_code, again.json()["code"]) == (409, "enterprise_exists")


async def test_level_two_is_required(client: httpx.AsyncClient, world: World) -> None:
    response = await client.post(
        "/enterprises",
        json={"name": "某公司", "credit_code": credit_code(2)},
        headers=world.headers("citizen", acr="1"),
    )
    assert response.status_code == 403
    assert response.json()["code"] == "insufficient_identity_level"
    staff = await client.post(
        "/enterprises", json={"name": "某公司", "credit_code": credit_code(2)}, headers=world.headers("clerk")
    )
    assert staff.status_code == 403
    assert staff.json()["code"] == "forbidden"


@pytest.mark.parametrize(
    ("value", "check"),
    [("91500110MA00000", "length"), ("91500110MA00000IO1", "format"), ("91500110MA0000001X", "checksum")],
)
async def test_invalid_credit_code_names_the_check(
    client: httpx.AsyncClient, world: World, value: str, check: str
) -> None:
    response = await client.post(
        "/enterprises", json={"name": "某公司", "credit_code": value}, headers=world.headers("citizen")
    )
    assert response.status_code == 422
    problem = response.json()
    assert problem["code"] == "invalid_credit_code"
    assert problem["errors"][0] | {"message": ""} == {
        "field": "body.credit_code",
        "check": check,
        "message": "",
        "type": "invalid_credit_code",
    }
    assert f"{check} check failed" in problem["detail"]
