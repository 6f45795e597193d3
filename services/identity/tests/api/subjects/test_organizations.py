import httpx
import pytest

from identity.demo import TOWNS, WANSHENG, WANSHENG_TOWNS, load
from identity.settings import IdentitySettings
from meshkit.db import Database
from meshkit.testing.service import TEST_SECRET

from .conftest import World, credit_code

pytestmark = pytest.mark.api

SETTINGS = IdentitySettings(environment="test", secret_key=TEST_SECRET)


async def test_demo_tree_holds_every_town_and_loads_idempotently(
    client: httpx.AsyncClient, database: Database
) -> None:
    assert await load(database, SETTINGS) > 0
    assert await load(database, SETTINGS) == 0
    towns = (
        await client.get(
            "/organizations/search", params={"kind": "territory", "division_prefix": "500110", "limit": 500}
        )
    ).json()
    by_division = {o["division_code"]: o for o in towns["items"] if o["division_code"] != "500110000000"}
    assert set(by_division) == {f"500110{t}000" for t in TOWNS}
    for town, name in TOWNS.items():
        node = by_division[f"500110{town}000"]
        assert node["name"] == name
        assert node["parent_code"] == (WANSHENG if town in WANSHENG_TOWNS else "500110000000")
    departments = (
        await client.get("/organizations", params={"parent": "500110000000", "kind": "department"})
    ).json()
    credit_codes = {o["name"]: o["credit_code"] for o in departments}
    assert credit_codes["綦江区人民政府办公室"] == "115002227398230135"
    assert credit_codes["区市场监管局"] is None  # not invented


async def test_organization_with_its_path_and_subtree(client: httpx.AsyncClient, database: Database) -> None:
    await load(database, SETTINGS)
    detail = await client.get("/organizations/500110001001-center")
    assert detail.status_code == 200
    assert [p["code"] for p in detail.json()["path"]] == [
        "500110000000",
        "500110001000",
        "500110001001-center",
    ]
    subtree = (await client.get("/organizations/500110001000/subtree")).json()
    assert [(n["code"], n["depth"]) for n in subtree][:2] == [("500110001000", 0), ("500110001000-center", 1)]
    assert ("500110001001-center", 1) in [(n["code"], n["depth"]) for n in subtree]
    wansheng = {n["code"] for n in (await client.get(f"/organizations/{WANSHENG}/subtree")).json()}
    assert "500110004000" in wansheng
    assert "500110001000" not in wansheng
    missing = await client.get("/organizations/nope")
    assert missing.status_code == 404
    assert missing.json()["code"] == "organization_not_found"


async def test_search_by_prefix_kind_name_and_validity(client: httpx.AsyncClient, database: Database) -> None:
    await load(database, SETTINGS)
    villages = (
        await client.get(
            "/organizations/search", params={"division_prefix": "500110001", "kind": "village_center"}
        )
    ).json()
    assert {o["code"] for o in villages["items"]} == {"500110001001-center", "500110001002-center"}
    assert villages["total"] == 2
    named = (await client.get("/organizations/search", params={"name": "通惠"})).json()["items"]
    assert {o["code"] for o in named} == {"500110007000", "500110007000-center"}
    before_split = await client.get(
        "/organizations/search", params={"name": "通惠街道", "valid_on": "2019-03-01", "kind": "territory"}
    )
    assert before_split.json()["items"] == []
    after = await client.get(
        "/organizations/search", params={"name": "通惠街道", "valid_on": "2020-01-01", "kind": "territory"}
    )
    assert [o["code"] for o in after.json()["items"]] == ["500110007000"]
    bad = await client.get("/organizations/search", params={"division_prefix": "5001x"})
    assert bad.status_code == 422


NEW = {
    "code": "500110001003-center",
    "name": "古南街道新村社区便民服务中心",
    "kind": "village_center",
    "division_code": "500110001003",
    "parent_code": "500110001000",
    "valid_from": "2024-01-01",
}


async def test_admin_creates_and_retires_an_organization(client: httpx.AsyncClient, world: World) -> None:
    created = await client.post("/organizations", json=NEW, headers=world.headers("admin"))
    assert created.status_code == 201, created.text
    again = await client.post("/organizations", json=NEW, headers=world.headers("admin"))
    assert again.status_code == 409
    assert again.json()["code"] == "organization_exists"
    retired = await client.patch(
        f"/organizations/{NEW['code']}", json={"valid_to": "2025-12-31"}, headers=world.headers("admin")
    )
    assert retired.status_code == 200, retired.text
    assert retired.json()["valid_to"] == "2025-12-31"
    current = await client.get("/organizations", params={"parent": "500110001000", "valid_on": "2026-06-01"})
    assert NEW["code"] not in {o["code"] for o in current.json()}
    events = await world.events("identity.organization_changed.v1", about=NEW["code"])
    assert [(e["data"]["change"], e["sequence"]) for e in events] == [("created", 1), ("updated", 2)]


@pytest.mark.parametrize(
    ("change", "code", "field"),
    [
        ({"credit_code": "91500110MA5U00000X"}, "invalid_credit_code", "body.credit_code"),
        ({"division_code": "50011000100"}, "invalid_organization", "body.division_code"),
        ({"valid_to": "2023-12-31"}, "invalid_organization", "body.valid_to"),
        ({"parent_code": "nowhere"}, "unknown_parent", "body.parent_code"),
    ],
)
async def test_organization_rules(
    client: httpx.AsyncClient, world: World, change: dict[str, str], code: str, field: str
) -> None:
    response = await client.post("/organizations", json={**NEW, **change}, headers=world.headers("admin"))
    assert response.status_code == 422
    problem = response.json()
    assert problem["code"] == code
    assert problem["errors"][0]["field"] == field


async def test_valid_credit_code_is_kept_and_cycles_refused(client: httpx.AsyncClient, world: World) -> None:
    body = {**NEW, "credit_code": credit_code(7).lower()}
    created = await client.post("/organizations", json=body, headers=world.headers("admin"))
    assert created.json()["credit_code"] == credit_code(7)
    cycle = await client.patch(
        "/organizations/500110001000", json={"parent_code": NEW["code"]}, headers=world.headers("admin")
    )
    assert cycle.status_code == 422
    assert cycle.json()["code"] == "organization_cycle"


async def test_town_admin_changes_only_its_own_territory(client: httpx.AsyncClient, world: World) -> None:
    outside = await client.post("/organizations", json=NEW, headers=world.headers("town_admin"))
    assert outside.status_code == 403
    assert outside.json()["code"] == "outside_admin_scope"
    inside = {
        **NEW,
        "code": "500110118201-center",
        "division_code": "500110118201",
        "parent_code": "500110118000",
    }
    assert (
        await client.post("/organizations", json=inside, headers=world.headers("town_admin"))
    ).status_code == 201
    moved = await client.patch(
        "/organizations/500110118201-center",
        json={"division_code": "500110001003"},
        headers=world.headers("town_admin"),
    )
    assert moved.status_code == 403


async def test_issue_18_failure_12_allow_names_every_method_of_the_path(client: httpx.AsyncClient) -> None:
    """Issue 18 failure 12: ``DELETE /organizations`` answered ``Allow: GET`` although POST is a route too."""
    collection = await client.delete("/organizations")
    node = await client.delete("/organizations/500110000000")

    assert (collection.status_code, collection.headers["allow"]) == (405, "GET, HEAD, POST")
    assert (node.status_code, node.headers["allow"]) == (405, "GET, HEAD, PATCH")
    assert collection.headers["content-type"] == "application/problem+json"


async def test_issue18_f12_a_new_organization_is_at_its_location(
    client: httpx.AsyncClient, world: World
) -> None:
    """Failure 12: a 201 names what it created; the reference resolves to it (here and behind /identity)."""
    body = {**NEW, "code": "500110001LOC", "name": "位置测试站"}
    created = await client.post("/organizations", json=body, headers=world.headers("admin"))
    assert created.status_code == 201, created.text
    assert created.headers["Location"] == "./organizations/500110001LOC"
    found = await client.get(str(created.request.url.join(created.headers["Location"])))
    assert found.status_code == 200
    assert found.json()["code"] == "500110001LOC"


async def test_valid_on_is_a_calendar_date_not_a_number(client: httpx.AsyncClient) -> None:
    """Outside try of issue 18 (schemathesis ST201): `valid_on=0` answered 200 as if it were 1970-01-01."""
    for value in ("0", "0.0", "1796515200"):
        refused = await client.get("/organizations", params={"valid_on": value})
        assert refused.status_code == 422, refused.text
        assert "YYYY-MM-DD" in refused.json()["detail"]
    assert (await client.get("/organizations", params={"valid_on": "2026-12-06"})).status_code == 200
