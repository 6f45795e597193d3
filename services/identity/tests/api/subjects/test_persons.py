from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from identity.store.models import Person
from meshkit.db import Database

from .conftest import PASSWORD, World, id_number, register_online
from .edge import Edge

pytestmark = pytest.mark.api

NEW_ID = id_number(45, birth="19991015")


def registration(**overrides: object) -> dict[str, object]:
    return {"name": "王小红", "id_number": NEW_ID, "phone": "13912345678", "password": PASSWORD, **overrides}


async def test_self_service_registration_seals_and_masks(
    client: httpx.AsyncClient, world: World, database: Database, edge: Edge
) -> None:
    response = await register_online(client, edge, name="王小红", id_number=NEW_ID, phone="13912345678")
    assert response.status_code == 202, response.text
    assert NEW_ID not in response.text
    assert "13912345678" not in response.text
    assert response.headers["cache-control"] == "no-store"

    async with database.sessions() as session:
        query = select(Person).where(Person.id_number_lookup == world.cipher.lookup("id_number", NEW_ID))
        person = (await session.scalars(query)).one()
    assert person.acr == 2  # checked against the population register at registration
    assert person.id_number_masked == NEW_ID[:6] + "*" * 8 + NEW_ID[-4:]
    assert person.phone_masked == "139****5678"
    assert NEW_ID.encode() not in person.id_number_enc
    assert world.cipher.open(person.id_number_enc) == NEW_ID
    assert person.password_hash is not None
    assert person.password_hash.startswith("$argon2id$")
    assert PASSWORD not in person.password_hash

    (event,) = await world.events("identity.person_registered.v1", about=person.id)
    assert event["data"] == {"person_id": person.id, "acr": 1, "channel": "online"}
    (raised,) = await world.events("identity.identity_level_raised.v1", about=person.id)
    assert raised["data"] | {"person_id": ""} == {
        "person_id": "",
        "from_level": 1,
        "to_level": 2,
        "method": "population_resource",
        "by_org": "500110-ZFBGS",  # identity's own system client's organization
    }


async def test_region_part_need_not_be_qijiang(client: httpx.AsyncClient, world: World, edge: Edge) -> None:
    # 綦江 was 510223 (Sichuan) before 1997, 500222 until 2011, 500110 since; people keep their number.
    for serial, region, birth in (
        (47, "500110", "20120203"),
        (49, "510223", "19700101"),
        (51, "110101", "19880808"),
    ):
        number = id_number(serial, region=region, birth=birth)
        phone = f"139000000{serial}"
        response = await register_online(client, edge, name="王小红", id_number=number, phone=phone)
        assert response.status_code == 202, response.text
        assert edge.sms.to(phone)[-1].startswith("【通办】您已成功注册")


@pytest.mark.parametrize(
    ("value", "check"),
    [
        ("50022219900307002", "length"),
        ("5002221990030700AX", "format"),
        (NEW_ID[:-1] + ("0" if NEW_ID[-1] != "0" else "1"), "checksum"),
        ("500222" + "19981332" + "002" + "0", "component"),
    ],
)
async def test_invalid_id_number_names_the_check(client: httpx.AsyncClient, value: str, check: str) -> None:
    if check == "component":  # a valid check digit over an impossible birth date
        from stdnum.cn import ric

        value = value[:-1] + ric.calc_check_digit(value)
    response = await client.post("/persons", json=registration(id_number=value))
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")
    problem = response.json()
    assert problem["code"] == "invalid_id_number"
    assert f"{check} check failed" in problem["detail"]
    assert problem["errors"][0]["check"] == check
    assert problem["errors"][0]["field"] == "body.id_number"
    assert value not in response.text


async def test_every_invalid_identifier_is_listed(client: httpx.AsyncClient) -> None:
    response = await client.post("/persons", json=registration(id_number="123", phone="2345"))
    problem = response.json()
    assert problem["code"] == "invalid_id_number"
    assert [(e["field"], e["check"]) for e in problem["errors"]] == [
        ("body.id_number", "length"),
        ("body.phone", "format"),
    ]


@pytest.mark.parametrize(
    ("password", "code"),
    [
        ("short1", "weak_password"),
        ("lettersonly", "weak_password"),
        ("1234567890", "weak_password"),
        (None, "password_required"),
        (PASSWORD, "phone_code_required"),
    ],
)
async def test_weak_or_missing_password_is_refused_online(
    client: httpx.AsyncClient, password: str | None, code: str
) -> None:
    response = await client.post("/persons", json=registration(password=password))
    assert response.status_code == 422
    assert response.json()["code"] == code


async def test_schema_errors_never_echo_personal_values(client: httpx.AsyncClient) -> None:
    long_id = "5" * 70
    response = await client.post(
        "/persons",
        json={
            "name": "",
            "id_number": long_id,
            "phone": "1" * 30,
            "password": "p" * 200,
            "extra": "13912345678",
        },
    )
    assert response.status_code == 422
    assert response.json()["code"] == "validation_failed"
    for secret in (long_id, "1" * 30, "p" * 200, "13912345678"):
        assert secret not in response.text
    assert all(set(e) == {"field", "message", "type"} for e in response.json()["errors"])


async def test_window_registration_is_level_three_without_password(
    client: httpx.AsyncClient, world: World
) -> None:
    response = await client.post(
        "/persons", json=registration(password=None, phone=None), headers=world.headers("clerk")
    )
    assert response.status_code == 201, response.text
    assert response.json()["acr"] == 3
    person_id = response.json()["id"]
    (registered,) = await world.events("identity.person_registered.v1", about=person_id)
    assert registered["data"]["channel"] == "window"
    raised = await world.events("identity.identity_level_raised.v1", about=person_id)
    assert [e["data"]["to_level"] for e in raised] == [3]
    assert raised[0]["data"]["by_org"] == "500110001000-center"


async def test_a_clerk_registers_a_person_without_a_mobile_with_a_landline(
    client: httpx.AsyncClient, world: World
) -> None:
    """Issue 19 failure 11: a landline was refused for a person without a mobile phone."""
    response = await client.post(
        "/persons", json=registration(password=None, phone="023-48621234"), headers=world.headers("clerk")
    )
    assert response.status_code == 201, response.text
    bad = await client.post(
        "/persons",
        json=registration(id_number="500222200305190153", password=None, phone="4862123"),
        headers=world.headers("clerk"),
    )
    assert bad.status_code == 422
    assert "固定电话须带区号" in bad.text


async def test_only_the_person_sees_full_values(client: httpx.AsyncClient, world: World) -> None:
    path = f"/persons/{world.ids['citizen']}"
    own = (await client.get(path, params={"reveal": "true"}, headers=world.headers("citizen"))).json()
    assert own["revealed"] is True
    assert own["id_number"] == world.citizen_id_number
    assert own["phone"] == "13800230001"
    masked = (await client.get(path, headers=world.headers("citizen"))).json()
    assert masked["id_number"] is None
    clerk = await client.get(path, params={"reveal": "true"}, headers=world.headers("clerk"))
    assert clerk.status_code == 200
    assert clerk.json()["revealed"] is False
    assert world.citizen_id_number not in clerk.text
    assert clerk.json()["name"] == "陈晓梅"


async def test_lookup_by_id_number_in_the_body(client: httpx.AsyncClient, world: World) -> None:
    found = await client.post(
        "/persons/lookup", json={"id_number": world.citizen_id_number}, headers=world.headers("reviewer")
    )
    assert found.status_code == 200, found.text
    assert found.json()["id"] == world.ids["citizen"]
    assert world.citizen_id_number not in found.text
    missing = await client.post("/persons/lookup", json={"id_number": NEW_ID}, headers=world.headers("clerk"))
    assert missing.status_code == 404
    assert missing.json()["code"] == "person_not_found"
    invalid = await client.post("/persons/lookup", json={"id_number": "123"}, headers=world.headers("clerk"))
    assert invalid.json()["code"] == "invalid_id_number"


async def test_an_invalid_phone_is_a_catalogued_problem(client: httpx.AsyncClient) -> None:
    """Outside try of issue 18: `invalid_phone` (built at run time as `invalid_{field}`) was in no catalogue and its
    `type` URI led nowhere; `errors[].field` named no location."""
    problem = (await client.post("/persons/phone-codes", json={"phone": "123"})).json()
    assert problem["code"] == "invalid_phone"
    assert problem["type"].endswith("/problems/invalid_phone")
    assert problem["errors"][0]["field"] == "body.phone"
    catalogue = (Path(__file__).parents[5] / "docs" / "problems.md").read_text()
    assert "### `invalid_phone`" in catalogue
