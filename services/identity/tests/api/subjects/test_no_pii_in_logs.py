"""No log line ever carries an ID number or a phone (ARCHITECTURE §10): every record at DEBUG on the root logger,
raw (caplog) and as the JSON lines the service writes, across registration, lookup, level checks, sign-in style
reads and every kind of validation failure."""

import html
import io
import logging
import re
from collections.abc import Iterator

import httpx
import pytest

from identity.store.models import Client
from identity.store.unit_of_work import IdentityUnitOfWork
from meshkit.observability import JsonFormatter

from .conftest import PASSWORD, World, id_number, register_online
from .edge import Edge

pytestmark = pytest.mark.api

NEW_ID = id_number(77, birth="19991231")
NEW_PHONE = "13987654321"
BAD_CHECKSUM = NEW_ID[:-1] + ("1" if NEW_ID[-1] != "1" else "2")
TOO_SHORT = NEW_ID[:-1]
BAD_PHONE = "23987654321"


@pytest.fixture
def json_lines() -> Iterator[io.StringIO]:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter("identity"))
    handler.setLevel(logging.DEBUG)
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield stream
    finally:
        root.removeHandler(handler)


async def _flows(client: httpx.AsyncClient, w: World, edge: Edge) -> None:
    clerk, citizen = w.headers("clerk"), w.headers("citizen")
    registration = {"name": "王小红", "id_number": NEW_ID, "phone": NEW_PHONE, "password": PASSWORD}
    assert (await register_online(client, edge, **registration)).status_code == 202
    again = await register_online(client, edge, **{**registration, "phone": "13987650000"})
    assert again.status_code == 202  # the holder is told by SMS
    edge.exchange.people[w.other_id_number] = "李华"
    mismatch = await register_online(
        client, edge, name="别人", id_number=w.other_id_number, phone="13987650001"
    )
    assert mismatch.status_code == 403  # the population register knows the number under another name
    sent = await client.post("/persons/phone-codes", json={"phone": "13987650002"})
    assert sent.status_code == 202
    unknown = {**registration, "id_number": id_number(79), "phone": "13987650002", "phone_code": "000000"}
    assert (await client.post("/persons", json=unknown)).status_code == 400
    for wrong in (
        {"id_number": BAD_CHECKSUM},
        {"id_number": TOO_SHORT},
        {"phone": BAD_PHONE},
        {"id_number": NEW_ID * 4},
        {"password": NEW_PHONE},
        {"extra": NEW_ID},
    ):
        assert (await client.post("/persons", json={**registration, **wrong})).status_code in (409, 422)
    broken = await client.post(
        "/persons", content=f'{{"id_number": "{NEW_ID}", ', headers={"content-type": "application/json"}
    )
    assert (broken.status_code, broken.json()["code"]) == (400, "malformed_body")
    for number in (w.citizen_id_number, NEW_ID, BAD_CHECKSUM):
        await client.post("/persons/lookup", json={"id_number": number}, headers=clerk)
        await client.post("/persons/lookup", json={"id_number": number}, headers=citizen)  # refused
    level = f"/persons/{w.ids['citizen']}/identity-level"
    for number in (w.other_id_number, BAD_CHECKSUM, w.citizen_id_number):
        await client.post(level, json={"id_number": number}, headers=clerk)
    assert (await client.get(f"/persons/{w.ids['citizen']}?reveal=true", headers=citizen)).status_code == 200
    assert (await client.get("/me", headers=citizen)).status_code == 200
    await client.post("/persons", json={"name": "窗口代办", "id_number": id_number(78)}, headers=clerk)
    await _log_in(client, w)
    # a client trying the token endpoint with personal data, and a "token" that is an ID number
    await client.post(
        "/token", data={"grant_type": "client_credentials", "client_id": NEW_PHONE, "client_secret": NEW_ID}
    )
    await client.get("/me", headers={"Authorization": f"Bearer {NEW_ID}"})


async def _log_in(client: httpx.AsyncClient, w: World) -> None:
    """The OP's login form with an ID number or a phone as the login: wrong password, then the right one."""
    async with IdentityUnitOfWork(w.database) as uow:
        uow.clients.add(
            Client(
                client_id="tongban-web",
                name="通办网上大厅",
                secret_hash=None,
                scopes="openid",
                grant_types=["authorization_code"],
                redirect_uris=["https://web.example/cb"],
            )
        )
        await uow.commit()
    params = {
        "response_type": "code",
        "client_id": "tongban-web",
        "redirect_uri": "https://web.example/cb",
        "scope": "openid",
        "state": "s",
        "code_challenge": "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
        "code_challenge_method": "S256",
    }
    statuses = []
    for login, password in (
        (w.citizen_id_number, "wrong-pass-1"),
        ("13800230001", PASSWORD),
        (w.citizen_id_number, PASSWORD),
    ):
        page = await client.get("/authorize", params=params)
        assert page.status_code == 200, page.text
        pending = re.search(r'name="pending" value="([^"]*)"', page.text)
        assert pending is not None
        cookie = page.headers["set-cookie"].split(";", 1)[0]
        answer = await client.post(
            "/authorize",
            headers={"Cookie": cookie},
            data={"pending": html.unescape(pending.group(1)), "login": login, "password": password},
        )
        statuses.append(answer.status_code)
    assert statuses == [200, 200, 303]  # refused, refused (a phone is not a login name), signed in


async def test_no_id_number_or_phone_in_any_log_line(
    client: httpx.AsyncClient,
    world: World,
    edge: Edge,
    caplog: pytest.LogCaptureFixture,
    json_lines: io.StringIO,
) -> None:
    caplog.set_level(logging.DEBUG)
    for name in ("identity", "meshkit", "httpx", "fastapi", "argon2"):
        caplog.set_level(logging.DEBUG, logger=name)
    await _flows(client, world, edge)

    records = caplog.records
    assert any(r.name == "identity.persons" for r in records), "the flows should have logged something"
    everything = "\n".join(
        [caplog.text, json_lines.getvalue()]
        + [f"{r.getMessage()} {r.args!r} {r.__dict__!r}" for r in records]
    )
    values = {
        NEW_ID,
        NEW_PHONE,
        BAD_CHECKSUM,
        TOO_SHORT,
        BAD_PHONE,
        world.citizen_id_number,
        world.other_id_number,
        "13800230001",
        "13800230003",
        id_number(78),
        id_number(79),
        "13987650000",
        "13987650001",
        "13987650002",
    }
    leaked = sorted(v for v in values if v in everything or v.lower() in everything)
    assert leaked == [], f"personal data in logs: {leaked}"
