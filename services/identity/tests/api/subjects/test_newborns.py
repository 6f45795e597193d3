"""Issue 19 failure 1, identity's part: a newborn has no ID number, so a case about it needs a subject identity
keeps — registered by its parent (or at a window) with the parent as guardian — and a way for the cases service to
ask whom a person may act for (guardian, legal representative, agent), decided by identity's records."""

from datetime import timedelta

import httpx
import pytest

from meshkit.legaldate import today

from .conftest import World

pytestmark = pytest.mark.api

BABY = {"name": "陈小宝", "sex": "female", "birth_date": (today() - timedelta(days=3)).isoformat()}


async def _register(client: httpx.AsyncClient, world: World) -> dict[str, str]:
    response = await client.post("/me/newborns", json=BABY, headers=world.headers("citizen"))
    assert response.status_code == 201, response.text
    return dict(response.json())


async def test_failure1_a_parent_registers_her_newborn_and_is_its_guardian(
    client: httpx.AsyncClient, world: World
) -> None:
    child = await _register(client, world)
    assert (child["guardian_id"], child["name"]) == (world.ids["citizen"], "陈小宝")
    mine = (await client.get("/me/newborns", headers=world.headers("citizen"))).json()
    assert [c["id"] for c in mine] == [child["id"]]
    assert (await client.get("/me/newborns", headers=world.headers("other_citizen"))).json() == []
    seen = await client.get(f"/newborns/{child['id']}", headers=world.headers("citizen"))
    assert seen.status_code == 200, seen.text
    assert (await client.get(f"/newborns/{child['id']}", headers=world.headers("clerk"))).status_code == 200
    # another family, or a system without the reveal scope, learns nothing — not even that the child exists
    for caller in ("other_citizen", "system"):
        hidden = await client.get(f"/newborns/{child['id']}", headers=world.headers(caller))
        assert (hidden.status_code, hidden.json()["code"]) == (404, "newborn_not_found")

    def relation(person: str, kind: str, subject: str) -> str:
        return f"/persons/{person}/relations/{kind}/{subject}"

    mother, other = world.ids["citizen"], world.ids["other_citizen"]
    own = await client.get(relation(mother, "newborn", child["id"]), headers=world.headers("citizen"))
    assert own.json()["relation"] == "guardian", own.text
    by_clerk = await client.get(relation(mother, "newborn", child["id"]), headers=world.headers("clerk"))
    assert by_clerk.json()["relation"] == "guardian"  # a clerk filing 代办 asks about the applicant
    stranger = await client.get(
        relation(other, "newborn", child["id"]), headers=world.headers("other_citizen")
    )
    assert stranger.json()["relation"] is None
    assert (
        await client.get(relation(other, "person", other), headers=world.headers("other_citizen"))
    ).json()["relation"] == "self"
    # a person may only ask about herself
    prying = await client.get(
        relation(mother, "newborn", child["id"]), headers=world.headers("other_citizen")
    )
    assert prying.status_code == 403
    assert prying.headers["content-type"].startswith("application/problem+json")


async def test_failure1_a_newborn_registration_is_checked(client: httpx.AsyncClient, world: World) -> None:
    await _register(client, world)
    again = await client.post("/me/newborns", json=BABY, headers=world.headers("citizen"))
    assert (again.status_code, again.json()["code"]) == (409, "newborn_exists")
    future = {**BABY, "birth_date": (today() + timedelta(days=2)).isoformat()}
    refused = await client.post("/me/newborns", json=future, headers=world.headers("citizen"))
    assert refused.status_code == 422, refused.text
    assert "出生日期" in refused.json()["detail"]
    level_one = await client.post("/me/newborns", json=BABY, headers=world.headers("other_citizen", acr="1"))
    assert level_one.status_code == 403
    # a window clerk registers a child for its guardian
    at_window = await client.post(
        "/newborns",
        json={**BABY, "name": "周小明", "guardian_id": world.ids["other_citizen"]},
        headers=world.headers("clerk"),
    )
    assert at_window.status_code == 201, at_window.text
    assert at_window.json()["guardian_id"] == world.ids["other_citizen"]
    by_citizen = await client.post(
        "/newborns", json={**BABY, "guardian_id": world.ids["citizen"]}, headers=world.headers("citizen")
    )
    assert by_citizen.status_code == 403
