"""The whole mesh as real processes: readiness, a token from identity, a matter published in the catalog
reaching the cases read model over JetStream, and problem+json through the gateway."""

from __future__ import annotations

import os
from pathlib import Path

import httpx
import pytest

from identity.demo import DEMO_CLIENT_SECRET
from meshkit.testing import eventually
from meshkit.testing.docs_pages import assert_offline_docs
from tongban.config import SIMULATOR_NICE
from tongban.mesh import Mesh

pytestmark = pytest.mark.e2e


@pytest.fixture
async def http(gateway_url: str) -> httpx.AsyncClient:
    async with httpx.AsyncClient(base_url=gateway_url, timeout=10) as client:
        yield client  # type: ignore[misc]


async def test_every_service_ready_through_gateway(http: httpx.AsyncClient) -> None:
    response = await http.get("/readyz")
    assert response.status_code == 200, response.text
    for service in ("identity", "catalog", "cases", "exchange"):
        ready = await http.get(f"/{service}/readyz")
        assert ready.status_code == 200, ready.text
        assert ready.json()["checks"] == {"database": "ok", "revocations": "ok"}
        assert ready.json()["health"] == {"nats": "ok", "revocations": "ok"}


async def test_demo_matters_reach_cases_through_events(http: httpx.AsyncClient) -> None:
    async def all_open() -> None:
        page = (await http.get("/cases/open-matters", params={"limit": 100})).json()
        assert {m["name"] for m in page["items"]} >= {"个体工商户设立登记", "食品经营许可"}

    await eventually(all_open, timeout=20)


async def test_published_matter_flows_from_catalog_to_cases(http: httpx.AsyncClient) -> None:
    token = await http.post(
        "/identity/token",
        data={"grant_type": "client_credentials"},
        auth=("catalog-editor", DEMO_CLIENT_SECRET),
    )
    assert token.status_code == 200, token.text
    headers = {"Authorization": f"Bearer {token.json()['access_token']}"}
    draft = {
        "code": "500110-SCJGJ-E2E-001",
        "name": "广告发布登记备案",
        "matter_type": "20",
        "department_code": "500110-SCJGJ",
        "statutory_days": 10,
        "promised_days": 5,
    }
    created = await http.post("/catalog/matters", json=draft, headers=headers)
    assert created.status_code == 201, created.text
    submitted = await http.post(f"/catalog/matter-versions/{created.json()['id']}/submit", headers=headers)
    assert submitted.status_code == 200, submitted.text  # draft → in review → published
    published = await http.post(f"/catalog/matter-versions/{created.json()['id']}/publish", headers=headers)
    assert published.status_code == 200, published.text

    async def open_in_cases() -> None:
        response = await http.get(f"/cases/open-matters/{draft['code']}")
        assert response.status_code == 200, response.text
        assert response.json()["name"] == "广告发布登记备案"

    await eventually(open_in_cases, timeout=10)


async def test_problem_json_through_gateway(http: httpx.AsyncClient) -> None:
    unknown_prefix = await http.get("/nowhere/at/all")
    assert unknown_prefix.status_code == 404
    assert unknown_prefix.headers["content-type"] == "application/problem+json"
    unknown_route = await http.get("/catalog/no-such-route")
    assert unknown_route.status_code == 404
    assert unknown_route.json()["code"] == "route_not_found"
    bad = await http.post("/catalog/matters", json={"code": ""}, headers={"Authorization": "Bearer x"})
    assert bad.status_code == 401  # the gateway refuses the invalid token before the service sees the body
    assert bad.headers["content-type"] == "application/problem+json"
    assert bad.json()["code"] == "invalid_token"


async def test_request_id_travels_end_to_end(http: httpx.AsyncClient) -> None:
    response = await http.get("/catalog/matters", headers={"X-Request-Id": "e2e-trace-0001"})
    assert response.headers["x-request-id"] == "e2e-trace-0001"


async def test_combined_docs_cover_every_service(http: httpx.AsyncClient) -> None:
    document = (await http.get("/openapi.json")).json()
    prefixes = {path.split("/")[1] for path in document["paths"]}
    assert {"identity", "catalog", "cases", "exchange"} <= prefixes
    assert (await http.get("/docs")).status_code == 200


async def test_issue19_failure16_docs_load_nothing_from_outside_the_mesh(
    http: httpx.AsyncClient, mesh: Mesh
) -> None:
    """Failure 16: Swagger UI at ``/docs`` loaded its assets from a public CDN, so it was blank on a government
    intranet. The gateway's pages and every service's own (on its port) name only files the mesh serves."""
    await assert_offline_docs(http, title="通办 Tongban API")
    for spec in mesh.config.services:
        async with httpx.AsyncClient(base_url=mesh.config.url(spec), timeout=10) as direct:
            await assert_offline_docs(direct)


def test_mesh_processes_are_running(mesh: Mesh) -> None:
    names = {process.name for process in mesh.processes}
    assert {"identity", "catalog-worker", "cases-worker", "gateway"} <= names, names
    assert all(process.running for process in mesh.processes)


def _nice(pid: int) -> int:
    stat = Path(f"/proc/{pid}/stat").read_text()
    return int(stat.rpartition(")")[2].split()[16])  # field 19 of proc(5): the nice value


def test_background_processes_run_nicer_than_the_apis(mesh: Mesh) -> None:
    """The APIs people wait on keep the launcher's priority; the workers, the background lanes and the stand-ins
    for outside systems (whose real systems have cores of their own) run nicer, so that on a busy host the CPU
    answers people first."""
    base = os.nice(0)
    simulators = {sim.name for sim in mesh.config.simulators}
    apis = {spec.name for spec in mesh.config.services} | {"gateway"}
    seen = {process.name: _nice(process.pid) for process in mesh.processes if process.pid is not None}
    assert simulators
    assert simulators <= seen.keys(), seen
    for name, nice in seen.items():
        if name in apis:
            assert nice == base, (name, nice)
        elif name in simulators:
            assert nice == min(base + SIMULATOR_NICE, 19), (name, nice)
        elif name.endswith(("-worker", "-bulk")):
            assert nice > base, (name, nice)
