"""Proxied reads (接口) against the 公安 population simulator: forwarded headers, item filtering, timeout. The
exchange calls it through an outbound client that admits its loopback port (as the launcher's dev run does)."""

import asyncio
import socket
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest
import uvicorn
from aiohttp import web
from sqlalchemy import text

from exchange.clients.outbound import Outbound
from exchange.clients.providers import ProviderClient
from exchange.use_cases.reads import Providers
from meshkit.db import Database
from tongban.simulators.population import create_app as population_app

pytestmark = pytest.mark.api

RESIDENT = "500222199803070028"
POPULATION = "500110-GAJ-RK-001"
FAILED_ENTRY = text("SELECT outcome, reason FROM access_log WHERE id = :id")
LIST_HOST = text(
    "INSERT INTO member_endpoint_hosts (member_code, host, added_by) VALUES (:member, :host, 'test')"
)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def _point_population_at(database: Database, url: str, host: str) -> None:
    """The population resource's endpoint, on a host listed for 500110-GAJ."""
    async with database.sessions() as session:
        await session.execute(
            text("UPDATE resources SET endpoint_url = :url WHERE code = :code"),
            {"url": url, "code": POPULATION},
        )
        await session.execute(LIST_HOST, {"member": "500110-GAJ", "host": host})
        await session.commit()


def _use_provider_client(wiring: Any, outbound: Outbound, max_bytes: int = 262_144) -> None:
    hosts = wiring.runtime.read_path.providers.endpoint_hosts
    wiring.replace_path(providers=Providers(ProviderClient(outbound, max_bytes=max_bytes), hosts))


@pytest.fixture
async def population(
    client: httpx.AsyncClient, demo: Database, make_outbound: Callable[..., Outbound], wiring: Any
) -> AsyncIterator[httpx.AsyncClient]:
    """The simulator on a loopback port, as the provider system behind the population resource; the exchange
    reaches it over its own provider session (real HTTP), the test drives its admin routes."""
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(population_app(), host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    )
    serving = asyncio.create_task(server.serve())
    while not server.started:  # noqa: ASYNC110 - uvicorn.Server offers a flag, not an event
        await asyncio.sleep(0.01)
    await _point_population_at(demo, f"http://127.0.0.1:{port}/population/query", f"127.0.0.1:{port}")
    _use_provider_client(wiring, make_outbound(f"127.0.0.1:{port}"))
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as http:
            yield http
    finally:
        server.should_exit = True
        await serving


def body(**overrides: object) -> dict[str, object]:
    return {
        "identifier": RESIDENT,
        "purpose": "开办餐饮店一件事 申请人身份核验",
        "case_ref": "50011020261125000001",
        "person_id": "person-chen",
        **overrides,
    }


async def test_proxied_read_forwards_who_and_why(
    client: httpx.AsyncClient, population: httpx.AsyncClient, headers
) -> None:  # type: ignore[no-untyped-def]
    response = await client.post(
        f"/resources/{POPULATION}/read",
        json=body(items=["name", "address"]),
        headers=headers.system("500110-SCJGJ", client_id="scjgj-approval"),
    )
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


async def test_provider_cannot_leak_ungranted_items(
    client: httpx.AsyncClient, population: httpx.AsyncClient, headers
) -> None:  # type: ignore[no-untyped-def]
    response = await client.post(
        f"/resources/{POPULATION}/read",
        json=body(items=["gender", "no_such_item"]),
        headers=headers.system("500110-SCJGJ"),
    )
    assert response.json()["data"] == {"gender": "女"}
    assert response.json()["withheld"] == ["no_such_item"]


async def test_unknown_person_is_not_found(
    client: httpx.AsyncClient, population: httpx.AsyncClient, headers
) -> None:  # type: ignore[no-untyped-def]
    response = await client.post(
        f"/resources/{POPULATION}/read",
        json=body(identifier="500222200506120047"),
        headers=headers.system("500110-SCJGJ"),
    )
    assert response.status_code == 404
    assert response.json()["code"] == "record_not_found"


async def test_provider_timeout_is_a_504_and_logged(
    client: httpx.AsyncClient, population: httpx.AsyncClient, demo: Database, headers
) -> None:  # type: ignore[no-untyped-def]
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
        row = (
            await session.execute(
                text("SELECT outcome, reason FROM access_log WHERE id = :id"),
                {"id": response.json()["access_log_id"]},
            )
        ).one()
    assert tuple(row) == ("failed", "provider_timeout")


async def test_provider_down_is_a_502(
    client: httpx.AsyncClient, demo: Database, headers, make_outbound, wiring
) -> None:  # type: ignore[no-untyped-def]
    port = _free_port()  # nobody listens
    await _point_population_at(demo, f"http://127.0.0.1:{port}/population/query", f"127.0.0.1:{port}")
    _use_provider_client(wiring, make_outbound(f"127.0.0.1:{port}"), max_bytes=1024)
    response = await client.post(
        f"/resources/{POPULATION}/read", json=body(), headers=headers.system("500110-SCJGJ")
    )
    assert response.status_code == 502
    assert response.json()["code"] == "provider_unavailable"
    # what failed, not where: no address, port or error number
    assert response.json()["detail"] == "提供部门系统暂不可用：无法连接 (unreachable)"


async def _failed_entry(database: Database, entry_id: str) -> tuple[str, str]:
    async with database.sessions() as session:
        row = (await session.execute(FAILED_ENTRY, {"id": entry_id})).one()
    return row[0], row[1]


async def test_endpoint_host_taken_off_the_list_is_refused_at_read(
    client: httpx.AsyncClient, population: httpx.AsyncClient, demo: Database, headers
) -> None:  # type: ignore[no-untyped-def]
    def read() -> Any:
        return client.post(
            f"/resources/{POPULATION}/read", json=body(), headers=headers.system("500110-SCJGJ")
        )

    assert (await read()).status_code == 200
    forwarded = len((await population.get("/admin/requests")).json())
    only_elsewhere = {"hosts": ["population.gaj.example"]}
    listed = await client.put(
        "/members/500110-GAJ/endpoint-hosts", json=only_elsewhere, headers=headers.operator()
    )
    assert listed.status_code == 200, listed.text
    refused = await read()
    assert refused.status_code == 502
    assert refused.json()["code"] == "endpoint_refused"
    assert (
        refused.json()["detail"] == "提供部门系统暂不可用：拒绝：目标地址不符合出站策略 (refused by policy)"
    )
    assert await _failed_entry(demo, refused.json()["access_log_id"]) == ("failed", "endpoint_refused")
    assert len((await population.get("/admin/requests")).json()) == forwarded  # never called


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
async def test_provider_redirect_is_not_followed(
    client: httpx.AsyncClient, demo: Database, headers, make_outbound, serve_http, wiring, status: int
) -> None:  # type: ignore[no-untyped-def]
    reached: list[dict[str, str]] = []

    async def elsewhere(request: web.Request) -> web.Response:
        reached.append(dict(request.headers))
        return web.json_response(
            {"record": {"name": "陈晓梅", "address": "重庆市綦江区古南街道綦河社区沿河路12号"}}
        )

    target = await serve_http(elsewhere)

    async def redirecting(request: web.Request) -> web.Response:
        return web.Response(status=status, headers={"Location": f"http://127.0.0.1:{target}/collect"})

    port = await serve_http(redirecting)
    await _point_population_at(demo, f"http://127.0.0.1:{port}/population/query", f"127.0.0.1:{port}")
    # both servers are admitted by the mesh's allowlist: what is under test is following the redirect
    _use_provider_client(wiring, make_outbound(f"127.0.0.1:{port}", f"127.0.0.1:{target}"))
    response = await client.post(
        f"/resources/{POPULATION}/read", json=body(), headers=headers.system("500110-SCJGJ")
    )
    assert response.status_code == 502
    assert response.json()["code"] == "provider_unavailable"
    assert response.json()["detail"] == "提供部门系统暂不可用：对方应答 3xx (peer answered 3xx)"
    assert reached == []  # neither the request nor its X-Tongban-* headers went to the redirect's target
    assert await _failed_entry(demo, response.json()["access_log_id"]) == ("failed", "provider_unavailable")


@pytest.mark.parametrize(
    "host", ["127.0.0.1", "127.1", "localhost", "[::1]", "0.0.0.0", "[::ffff:127.0.0.1]"]
)
async def test_provider_endpoint_inside_is_refused_at_connection(
    client: httpx.AsyncClient, demo: Database, headers, make_outbound, listener, wiring, host: str
) -> None:  # type: ignore[no-untyped-def]
    """An endpoint listed for its provider but not admitted by the mesh's allowlist (here: empty) is never
    connected to, in any spelling."""
    url = f"http://{host}:{listener.port}/population/query"
    await _point_population_at(demo, url, f"{host}:{listener.port}")
    _use_provider_client(wiring, make_outbound())
    response = await client.post(
        f"/resources/{POPULATION}/read", json=body(), headers=headers.system("500110-SCJGJ")
    )
    assert response.status_code == 502
    assert response.json()["code"] == "endpoint_refused"
    assert listener.connections == 0
