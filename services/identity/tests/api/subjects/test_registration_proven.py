"""Issue 17, failure 1: anyone could register any resident ID number under any name (201, no population check, no
proof of the phone), the real holder then got 409, and repeating a registration told whether a number was
registered. Now the phone is proven by a one-time code, name + ID number are checked against the population
register through the exchange (as identity's own system client, under its duty), and the answer is the same
whether or not the number was registered (the holder is told by SMS)."""

from datetime import UTC, datetime, timedelta

import httpx
import pytest
from sqlalchemy import select, update

from identity.store.models import Person, PhoneCode
from meshkit.db import Database
from meshkit.peers import forwarded
from meshkit.settings import DEV_FORWARDING_KEY

from .conftest import PASSWORD, World, id_number, register_online
from .edge import DUTY, POPULATION, Edge

pytestmark = pytest.mark.api

NEW_ID = id_number(83, birth="19990214")
PHONE = "13912340083"


def body(**overrides: object) -> dict[str, object]:
    return {"name": "王小红", "id_number": NEW_ID, "phone": PHONE, "password": PASSWORD, **overrides}


async def _code(client: httpx.AsyncClient, edge: Edge, phone: str = PHONE) -> str:
    sent = await client.post("/persons/phone-codes", json={"phone": phone})
    assert sent.status_code == 202, sent.text
    return edge.sms.last_code(phone)


async def _persons(database: Database, world: World, number: str) -> list[Person]:
    async with database.sessions() as session:
        query = select(Person).where(Person.id_number_lookup == world.cipher.lookup("id_number", number))
        return list((await session.scalars(query)).all())


async def test_failure_1_registration_checks_the_population_register_and_proves_the_phone(
    client: httpx.AsyncClient, world: World, edge: Edge, database: Database
) -> None:
    """No code, a wrong code, an unknown number, a wrong name: refused, nothing written. The right name and number
    with the phone's code: registered at level 2, read under identity's duty by its own system client."""
    without_code = await client.post("/persons", json=body())
    assert (without_code.status_code, without_code.json()["code"]) == (422, "phone_code_required")

    code = await _code(client, edge)
    wrong = await client.post("/persons", json=body(phone_code="000000" if code != "000000" else "111111"))
    assert (wrong.status_code, wrong.json()["code"]) == (400, "phone_code_invalid")

    unknown = await client.post(
        "/persons", json=body(phone_code=code)
    )  # the register does not hold the number
    assert (unknown.status_code, unknown.json()["code"]) == (403, "identity_not_verified")
    assert "政务服务大厅" in unknown.json()["detail"]  # says what to do
    spent = await client.post("/persons", json=body(phone_code=code))
    assert spent.json()["code"] == "phone_code_invalid"  # one proven phone, one try of a name and number

    edge.exchange.people[NEW_ID] = "王小红"
    other_name = await client.post(
        "/persons", json=body(name="李四", phone_code=await _code_later(edge, client))
    )
    assert (other_name.status_code, other_name.json()["code"]) == (403, "identity_not_verified")
    assert await _persons(database, world, NEW_ID) == []

    registered = await client.post("/persons", json=body(phone_code=await _code_later(edge, client)))
    assert registered.status_code == 202, registered.text
    (person,) = await _persons(database, world, NEW_ID)
    assert person.acr == 2
    resource, read, claims = edge.exchange.reads[-1]
    assert resource == POPULATION
    assert (read["identifier"], read["items"], read["legal_basis"]) == (NEW_ID, ["name"], DUTY)
    assert (claims["client_id"], claims["tb_kind"], claims["org"]) == (
        "tongban-identity",
        "system",
        "500110-ZFBGS",
    )
    assert claims["scope"] == "exchange:read"
    assert "成功注册" in edge.sms.to(PHONE)[-1]


async def _code_later(edge: Edge, client: httpx.AsyncClient) -> str:
    """A new code to the same number once the minute between codes has passed (moved back in the database)."""
    transport = client._transport
    assert isinstance(transport, httpx.ASGITransport)
    database: Database = transport.app.state.database  # type: ignore[attr-defined]
    async with database.sessions() as session:
        await session.execute(
            update(PhoneCode).values(created_at=PhoneCode.created_at - timedelta(minutes=2))
        )
        await session.commit()
    return await _code(client, edge)


async def test_failure_1_a_registered_number_gets_the_same_answer_and_its_holder_is_told(
    client: httpx.AsyncClient, world: World, edge: Edge, database: Database
) -> None:
    """Registering 陈晓梅's number again — by someone who proved another phone and knows her name — is answered
    exactly like a new registration; her account is unchanged and her registered phone gets a notice."""
    first = await register_online(client, edge, name="王小红", id_number=NEW_ID, phone=PHONE)
    again = await register_online(
        client, edge, name="陈晓梅", id_number=world.citizen_id_number, phone="13912349999"
    )
    assert (again.status_code, again.json()) == (first.status_code, first.json())
    assert again.headers["content-type"] == first.headers["content-type"]
    (holder,) = await _persons(database, world, world.citizen_id_number)
    assert holder.id == world.ids["citizen"]
    assert holder.phone_lookup == world.cipher.lookup("phone", "13800230001")  # not the new phone
    assert "有人使用您的身份证号申请注册" in edge.sms.to("13800230001")[-1]
    assert not any("成功注册" in text for text in edge.sms.to("13912349999"))


async def test_codes_expire_are_single_use_and_die_after_wrong_tries(
    client: httpx.AsyncClient, world: World, edge: Edge, database: Database
) -> None:
    edge.exchange.people[NEW_ID] = "王小红"
    code = await _code(client, edge)
    for _ in range(5):
        assert (
            await client.post("/persons", json=body(phone_code="999999" if code != "999999" else "888888"))
        ).status_code == 400
    dead = await client.post("/persons", json=body(phone_code=code))  # the right code, after five wrong tries
    assert dead.json()["code"] == "phone_code_invalid"

    code = await _code_later(edge, client)
    async with database.sessions() as session:
        await session.execute(update(PhoneCode).values(expires_at=datetime.now(UTC) - timedelta(seconds=1)))
        await session.commit()
    expired = await client.post("/persons", json=body(phone_code=code))
    assert expired.json()["code"] == "phone_code_invalid"

    code = await _code_later(edge, client)
    assert (await client.post("/persons", json=body(phone_code=code))).status_code == 202
    reused = await client.post("/persons", json=body(phone_code=code, phone=PHONE))
    assert reused.json()["code"] == "phone_code_invalid"


async def test_codes_are_kept_only_as_keyed_hashes(
    client: httpx.AsyncClient, edge: Edge, database: Database
) -> None:
    code = await _code(client, edge)
    async with database.sessions() as session:
        (row,) = (await session.scalars(select(PhoneCode))).all()
    assert code not in row.code_hash
    assert PHONE not in row.phone_lookup
    assert len(row.code_hash) == 64
    assert row.expires_at - row.created_at == timedelta(seconds=300)


async def test_code_sending_is_limited_per_number_and_per_source(
    client: httpx.AsyncClient, edge: Edge, database: Database
) -> None:
    assert (await client.post("/persons/phone-codes", json={"phone": PHONE})).status_code == 202
    again = await client.post("/persons/phone-codes", json={"phone": PHONE})
    assert (again.status_code, again.json()["code"]) == (429, "too_many_codes")
    assert again.headers["content-type"].startswith("application/problem+json")
    assert 1 <= int(again.headers["retry-after"]) <= 60
    assert len(edge.sms.to(PHONE)) == 1
    # one source asking for many numbers: 20 an hour, then 429 until the oldest is an hour old
    for n in range(19):
        assert (
            await client.post("/persons/phone-codes", json={"phone": f"1370000{n:04d}"})
        ).status_code == 202
    refused = await client.post("/persons/phone-codes", json={"phone": "13700009999"})
    assert refused.status_code == 429
    assert 3000 < int(refused.headers["retry-after"]) <= 3600
    # behind the gateway, the source is the client address the gateway settled on
    other = forwarded(DEV_FORWARDING_KEY, "203.0.113.9")
    assert (
        await client.post("/persons/phone-codes", json={"phone": "13700009999"}, headers=other)
    ).status_code == 202


async def test_register_or_gateway_down_is_503_and_writes_nothing(
    client: httpx.AsyncClient, world: World, edge: Edge, database: Database
) -> None:
    edge.exchange.people[NEW_ID] = "王小红"
    code = await _code(client, edge)
    edge.exchange.down = True
    down = await client.post("/persons", json=body(phone_code=code))
    assert (down.status_code, down.json()["code"]) == (503, "verification_unavailable")
    assert down.headers["retry-after"]
    assert "稍后再试" in down.json()["detail"]
    assert await _persons(database, world, NEW_ID) == []
    edge.exchange.down = False
    assert (
        await client.post("/persons", json=body(phone_code=code))
    ).status_code == 202  # the code still works

    edge.sms.down = True
    no_sms = await client.post("/persons/phone-codes", json={"phone": "13912340099"})
    assert (no_sms.status_code, no_sms.json()["code"]) == (503, "sms_unavailable")
    edge.sms.down = False
    assert (await client.post("/persons/phone-codes", json={"phone": "13912340099"})).status_code == 202
