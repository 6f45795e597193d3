"""Proxied reads (接口) against the 公安 population simulator: forwarded headers, item filtering, timeout."""

import asyncio
import socket
from collections.abc import AsyncIterator

import httpx
import pytest
import uvicorn
from sqlalchemy import text

from exchange.clients.providers import ProviderClient
from meshkit.db import Database
from meshkit.http import plain_session
from tongban.simulators.population import create_app as population_app

pytestmark = pytest.mark.api

RESIDENT = "500222199803070028"
POPULATION = "500110-GAJ-RK-001"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def _point_population_at(database: Database, url: str) -> None:
    async with database.sessions() as session:
        await session.execute(text("UPDATE resources SET endpoint_url = :url WHERE code = :code"),
                              {"url": url, "code": POPULATION})  # fmt: skip
        await session.commit()


@pytest.fixture
async def population(client: httpx.AsyncClient, demo: Database) -> AsyncIterator[httpx.AsyncClient]:
    """The simulator on a loopback port, as the provider system behind the population resource; the exchange
    reaches it over its own provider session (real HTTP), the test drives its admin routes."""
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(population_app(), host="127.0.0.1", port=port, log_level="warning",
                                           lifespan="off"))  # fmt: skip
    serving = asyncio.create_task(server.serve())
    while not server.started:  # noqa: ASYNC110 - uvicorn.Server offers a flag, not an event
        await asyncio.sleep(0.01)
    await _point_population_at(demo, f"http://127.0.0.1:{port}/population/query")
    exchange_app = client._transport.app  # type: ignore[attr-defined]
    session = plain_session(max_connections=4)
    exchange_app.state.providers = ProviderClient(session, max_bytes=262_144)
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as http:
            yield http
    finally:
        await session.close()
        server.should_exit = True
        await serving


def body(**overrides: object) -> dict[str, object]:
    return {"identifier": RESIDENT, "purpose": "开办餐饮店一件事 申请人身份核验", "case_ref": "50011020261125000001",
            "person_id": "person-chen", **overrides}  # fmt: skip


async def test_proxied_read_forwards_who_and_why(client: httpx.AsyncClient, population: httpx.AsyncClient,
                                                 headers) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    response = await client.post(f"/resources/{POPULATION}/read", json=body(items=["name", "address"]),
                                 headers=headers.system("500110-SCJGJ", client_id="scjgj-approval"))  # fmt: skip
    assert response.status_code == 200, response.text
    assert response.json()["data"] == {"name": "陈晓梅", "address": "重庆市綦江区古南街道綦河社区沿河路12号"}
    assert response.json()["method"] == "api"
    seen = (await population.get("/admin/requests")).json()[-1]
    assert seen["client"] == "scjgj-approval"
    assert seen["org"] == "500110-SCJGJ"
    assert seen["purpose"] == "开办餐饮店一件事 申请人身份核验"
    assert seen["case"] == "50011020261125000001"
    assert seen["request_id"]
    assert seen["items"] == ["name", "address"]


async def test_provider_cannot_leak_ungranted_items(client: httpx.AsyncClient, population: httpx.AsyncClient,
                                                    headers) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    response = await client.post(f"/resources/{POPULATION}/read", json=body(items=["gender", "no_such_item"]),
                                 headers=headers.system("500110-SCJGJ"))  # fmt: skip
    assert response.json()["data"] == {"gender": "女"}
    assert response.json()["withheld"] == ["no_such_item"]


async def test_unknown_person_is_not_found(
    client: httpx.AsyncClient, population: httpx.AsyncClient, headers
) -> None:  # type: ignore[no-untyped-def]
    response = await client.post(f"/resources/{POPULATION}/read", json=body(identifier="500222200506120047"),
                                 headers=headers.system("500110-SCJGJ"))  # fmt: skip
    assert response.status_code == 404
    assert response.json()["code"] == "record_not_found"


async def test_provider_timeout_is_a_504_and_logged(client: httpx.AsyncClient, population: httpx.AsyncClient,
                                                    demo: Database, headers) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    async with demo.sessions() as session:
        await session.execute(
            text("UPDATE resources SET timeout_ms = 200 WHERE code = :code"), {"code": POPULATION}
        )
        await session.commit()
    await population.post("/admin/delay", json={"seconds": 2})
    response = await client.post(
        f"/resources/{POPULATION}/read", json=body(), headers=headers.system("500110-SCJGJ")
    )
    assert response.status_code == 504
    assert response.json()["code"] == "provider_timeout"
    async with demo.sessions() as session:
        row = (await session.execute(text("SELECT outcome, reason FROM access_log WHERE id = :id"),
                                     {"id": response.json()["access_log_id"]})).one()  # fmt: skip
    assert tuple(row) == ("failed", "provider_timeout")


async def test_provider_down_is_a_502(client: httpx.AsyncClient, demo: Database, headers) -> None:  # type: ignore[no-untyped-def]
    await _point_population_at(demo, f"http://127.0.0.1:{_free_port()}/population/query")  # nobody listens
    exchange_app = client._transport.app  # type: ignore[attr-defined]
    session = plain_session(max_connections=4)
    exchange_app.state.providers = ProviderClient(session, max_bytes=1024)
    try:
        response = await client.post(
            f"/resources/{POPULATION}/read", json=body(), headers=headers.system("500110-SCJGJ")
        )
    finally:
        await session.close()
    assert response.status_code == 502
    assert response.json()["code"] == "provider_unavailable"
