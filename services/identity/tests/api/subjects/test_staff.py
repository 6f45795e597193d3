import time

import httpx
import pytest
from sqlalchemy import select

from identity.store.models import Staff
from meshkit.db import Database

from .conftest import DINGSHAN, GUNAN, PASSWORD, World

pytestmark = pytest.mark.api

NEW = {
    "username": "clerk.qihe",
    "name": "刘洋",
    "organization_code": "500110001001-center",
    "roles": ["window_clerk"],
    "scope_division": "500110001001",
    "password": PASSWORD,
}


async def test_admin_creates_staff(client: httpx.AsyncClient, world: World, database: Database) -> None:
    response = await client.post("/staff", json=NEW, headers=world.headers("admin"))
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["roles"] == ["window_clerk"]
    assert body["active"] is True
    assert "password" not in body
    assert "password_hash" not in body
    async with database.sessions() as session:
        staff = (await session.scalars(select(Staff).where(Staff.id == body["id"]))).one()
    assert staff.password_hash.startswith("$argon2id$")
    (event,) = await world.events("identity.staff_changed.v1", about=body["id"])
    assert event["data"] == {
        "staff_id": body["id"],
        "organization_code": "500110001001-center",
        "roles": ["window_clerk"],
        "change": "created",
        "active": True,
    }
    duplicate = await client.post("/staff", json=NEW, headers=world.headers("admin"))
    assert duplicate.status_code == 409
    assert duplicate.json()["code"] == "staff_exists"


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"roles": ["janitor"]}, "validation_failed"),
        ({"roles": []}, "validation_failed"),
        ({"scope_division": "5001100010"}, "validation_failed"),
        ({"scope_division": "500110999000"}, "unknown_division"),
        ({"scope_division": DINGSHAN}, "scope_outside_organization"),
        ({"organization_code": "nowhere"}, "unknown_organization"),
        ({"password": "password"}, "weak_password"),
    ],
)
async def test_staff_rules(
    client: httpx.AsyncClient, world: World, change: dict[str, object], code: str
) -> None:
    response = await client.post("/staff", json={**NEW, **change}, headers=world.headers("admin"))
    assert response.status_code == 422, response.text
    assert response.json()["code"] == code


async def test_town_admin_manages_only_its_territory(client: httpx.AsyncClient, world: World) -> None:
    outside = await client.post("/staff", json=NEW, headers=world.headers("town_admin"))
    assert outside.status_code == 403
    assert outside.json()["code"] == "outside_admin_scope"
    inside = {
        **NEW,
        "username": "clerk.dingshan",
        "organization_code": f"{DINGSHAN}-center",
        "scope_division": DINGSHAN,
    }
    assert (await client.post("/staff", json=inside, headers=world.headers("town_admin"))).status_code == 201
    # A district department's staff assigned to the town is still outside: the department is district-wide.
    listed = (await client.get("/staff", headers=world.headers("town_admin"))).json()
    assert {s["username"] for s in listed["items"]} == {"admin.dingshan", "clerk.dingshan"}
    everyone = (await client.get("/staff", headers=world.headers("admin"))).json()
    assert everyone["total"] == 5
    clerk = f"/staff/{world.ids['clerk']}"
    assert (
        await client.patch(clerk, json={"name": "改名"}, headers=world.headers("town_admin"))
    ).status_code == 403
    assert (await client.get(clerk, headers=world.headers("town_admin"))).status_code == 403
    reviewers = await client.get("/staff", params={"role": "reviewer"}, headers=world.headers("admin"))
    assert [s["username"] for s in reviewers.json()["items"]] == ["reviewer.djzc"]


async def test_update_deactivate_and_reactivate(client: httpx.AsyncClient, world: World) -> None:
    clerk = f"/staff/{world.ids['clerk']}"
    updated = await client.patch(
        clerk, json={"roles": ["window_clerk", "reviewer"]}, headers=world.headers("admin")
    )
    assert updated.status_code == 200, updated.text
    assert updated.json()["roles"] == ["window_clerk", "reviewer"]
    unchanged = await client.patch(
        clerk, json={"roles": ["window_clerk", "reviewer"]}, headers=world.headers("admin")
    )
    assert unchanged.json()["version"] == updated.json()["version"]

    before = world.headers("clerk", iat=int(time.time()) - 5)
    off = await client.post(f"{clerk}/deactivate", headers=world.headers("admin"))
    assert off.json()["active"] is False
    refused = await client.get("/me", headers=before)
    assert refused.status_code == 401  # the token issued before the deactivation is revoked (failure 3)
    assert refused.json()["code"] == "invalid_token"
    assert (await client.post(f"{clerk}/activate", headers=world.headers("admin"))).json()["active"] is True
    assert (await client.get("/me", headers=before)).status_code == 401  # a reactivation revives nothing
    after = world.headers("clerk", iat=int(time.time()) + 1)
    assert (await client.get("/me", headers=after)).status_code == 200

    events = await world.events("identity.staff_changed.v1", about=world.ids["clerk"])
    assert [(e["data"]["change"], e["data"]["active"], e["sequence"]) for e in events] == [
        ("created", True, 1),
        ("updated", True, 2),
        ("deactivated", False, 3),
        ("activated", True, 4),
    ]


async def test_admin_cannot_lock_themself_out(client: httpx.AsyncClient, world: World) -> None:
    me = f"/staff/{world.ids['admin']}"
    deactivate = await client.post(f"{me}/deactivate", headers=world.headers("admin"))
    assert deactivate.status_code == 409
    assert deactivate.json()["code"] == "cannot_deactivate_self"
    demote = await client.patch(me, json={"roles": ["supervisor"]}, headers=world.headers("admin"))
    assert demote.json()["code"] == "cannot_demote_self"


async def test_roles_come_from_the_record_not_the_token(client: httpx.AsyncClient, world: World) -> None:
    forged = world.headers("clerk", roles=["admin"], region="500110000000")
    response = await client.post("/staff", json=NEW, headers=forged)
    assert response.status_code == 403
    own = await client.get(f"/staff/{world.ids['clerk']}", headers=world.headers("clerk"))
    assert own.status_code == 200
    assert own.json()["scope_division"] == GUNAN


async def test_only_district_admins_make_hub_operators_and_auditors(
    client: httpx.AsyncClient, world: World
) -> None:
    inside = {
        **NEW,
        "username": "ops.dingshan",
        "organization_code": "500110118000-center",
        "scope_division": "500110118000",
    }
    for role in ("operator", "auditor"):
        made = await client.post(
            "/staff", json={**inside, "roles": [role]}, headers=world.headers("town_admin")
        )
        assert (made.status_code, made.json()["code"]) == (403, "privileged_role")
    clerk = await client.post(
        "/staff", json={**inside, "roles": ["window_clerk"]}, headers=world.headers("town_admin")
    )
    assert clerk.status_code == 201, clerk.text
    promoted = await client.patch(
        f"/staff/{clerk.json()['id']}",
        json={"roles": ["window_clerk", "operator"]},
        headers=world.headers("town_admin"),
    )
    assert (promoted.status_code, promoted.json()["code"]) == (403, "privileged_role")
    district = await client.patch(
        f"/staff/{clerk.json()['id']}",
        json={"roles": ["window_clerk", "auditor"]},
        headers=world.headers("admin"),
    )
    assert district.status_code == 200, district.text
