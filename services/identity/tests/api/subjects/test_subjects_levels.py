"""Real-name levels (acr): raised by a window clerk in person (3) or a verifying system (2), never lowered."""

import httpx
import pytest
from sqlalchemy import select

from identity.store.models import Person
from identity.store.unit_of_work import IdentityUnitOfWork
from meshkit.db import Database

from .conftest import World, id_number

pytestmark = pytest.mark.api


def level_path(world: World, who: str = "citizen") -> str:
    return f"/persons/{world.ids[who]}/identity-level"


async def test_window_clerk_raises_to_three_once(
    client: httpx.AsyncClient, world: World, database: Database
) -> None:
    body = {"id_number": world.citizen_id_number}
    response = await client.post(level_path(world), json=body, headers=world.headers("clerk"))
    assert response.status_code == 200, response.text
    assert response.json() | {"verified_at": None} == {
        "person_id": world.ids["citizen"],
        "acr": 3,
        "from_level": 1,
        "raised": True,
        "verified_at": None,
    }
    again = await client.post(level_path(world), json=body, headers=world.headers("clerk"))
    assert again.json()["raised"] is False
    (event,) = await world.events("identity.identity_level_raised.v1", about=world.ids["citizen"])
    assert event["data"] == {
        "person_id": world.ids["citizen"],
        "from_level": 1,
        "to_level": 3,
        "method": "in_person",
        "by_org": "500110001000-center",
    }
    async with database.sessions() as session:
        person = (await session.scalars(select(Person).where(Person.id == world.ids["citizen"]))).one()
    assert person.acr_verified_by == world.ids["clerk"]
    assert person.acr_verified_at is not None


async def test_population_check_gives_two_and_never_lowers(client: httpx.AsyncClient, world: World) -> None:
    body = {"id_number": world.other_id_number}
    by_system = await client.post(
        level_path(world, "other_citizen"), json=body, headers=world.headers("system")
    )
    assert by_system.json()["acr"] == 2
    by_clerk = await client.post(
        level_path(world, "other_citizen"), json=body, headers=world.headers("clerk")
    )
    assert by_clerk.json()["acr"] == 3
    lowered = await client.post(
        level_path(world, "other_citizen"), json=body, headers=world.headers("system")
    )
    assert lowered.status_code == 200
    assert lowered.json() | {"verified_at": None} == {
        "person_id": world.ids["other_citizen"],
        "acr": 3,
        "from_level": 3,
        "raised": False,
        "verified_at": None,
    }
    events = await world.events("identity.identity_level_raised.v1", about=world.ids["other_citizen"])
    assert [(e["data"]["method"], e["data"]["to_level"], e["sequence"]) for e in events] == [
        ("population_resource", 2, 2),
        ("in_person", 3, 3),
    ]


async def test_the_checked_number_must_match(client: httpx.AsyncClient, world: World) -> None:
    wrong = await client.post(
        level_path(world), json={"id_number": world.other_id_number}, headers=world.headers("clerk")
    )
    assert wrong.status_code == 409
    assert wrong.json()["code"] == "identity_mismatch"
    invalid = await client.post(
        level_path(world), json={"id_number": id_number(1)[:-1]}, headers=world.headers("clerk")
    )
    assert invalid.status_code == 422
    assert invalid.json()["errors"][0]["check"] == "length"


async def test_verification_needs_the_scope_granted_and_still_allowed(
    client: httpx.AsyncClient, world: World, database: Database
) -> None:
    body = {"id_number": world.citizen_id_number}
    no_scope = await client.post(
        level_path(world), json=body, headers=world.headers("system", scope="exchange:read")
    )
    assert no_scope.status_code == 403
    reviewer = await client.post(level_path(world), json=body, headers=world.headers("reviewer"))
    assert reviewer.status_code == 403
    async with IdentityUnitOfWork(database) as uow:
        hub = await uow.clients.get("exchange-hub")
        assert hub is not None
        hub.scopes = "exchange:read"  # the scope was withdrawn after the token was issued
        await uow.commit()
    withdrawn = await client.post(level_path(world), json=body, headers=world.headers("system"))
    assert withdrawn.status_code == 403
