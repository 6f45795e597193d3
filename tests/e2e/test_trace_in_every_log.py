"""Issue 20, failure 4, across real processes: an application filed with a ``traceparent`` leaves its trace id in the
log of every process it passes — the gateway's access line, the cases API, the exchange's worker, which consumes
the case event the cases API staged (its trace context travelled in the NATS headers), and the cases worker, the
exchange's background lane and the population system, through which the worker reads the application's materials
later (the case keeps its filing trace; each read of a batch carries it). Before, the same application left its
trace id in 0 of 4 logs.

A mesh of its own, at DEBUG (the services' access lines and the consumers' per-event lines are DEBUG)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from meshkit.testing import eventually, filing
from tongban.config import MeshConfig, repo_root, standard_services
from tongban.mesh import Mesh
from tongban.ports import free_base_port
from tongban.simulators.residents import NEIGHBOUR

pytestmark = pytest.mark.e2e

BUNDLE = "500110-SCJGJ-KBCYD-YJS"


@pytest.fixture(scope="module")
def traced_mesh(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Mesh]:
    root = repo_root()
    config = MeshConfig(
        root=root,
        var_dir=tmp_path_factory.mktemp("traced-mesh"),
        services=standard_services(root),
        base_port=free_base_port(),
        durable=False,
        log_level="DEBUG",
        extra_env={"GATEWAY_TRUSTED_PROXIES": '["127.0.0.0/8"]'},
    )
    with Mesh(config) as running:
        yield running


@pytest.fixture(scope="module")
def gateway_url(traced_mesh: Mesh) -> str:
    """This module's mesh, not the shared one (``http`` and ``log_in`` reach the gateway through it)."""
    assert traced_mesh.config.gateway is not None
    return traced_mesh.config.url(traced_mesh.config.gateway)


def _lines_with(path: Path, trace_id: str) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    found = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if trace_id in line:
            found.append(json.loads(line))
    return found


async def test_failure4_an_online_applications_trace_id_is_in_every_log_it_passes(
    traced_mesh: Mesh, http: httpx.AsyncClient, log_in: Any
) -> None:
    """Issue 20, failure 4: an online application's trace id reached 0 of 4 logs."""
    trace_id = uuid.uuid4().hex
    clerk, _ = await log_in("clerk.qihe")
    person = (
        await http.post("/identity/persons/lookup", headers=clerk, json={"id_number": NEIGHBOUR["id_number"]})
    ).json()
    traced = {**clerk, "traceparent": f"00-{trace_id}-{uuid.uuid4().hex[:16]}-01"}

    async def filed() -> dict[str, Any]:
        response = await http.post(
            "/cases/cases",
            headers=filing({**traced, "Idempotency-Key": str(uuid.uuid4())}),
            json={
                "bundle_code": BUNDLE,
                "applicant_id": person["id"],
                "consent_ref": "委托书-綦河-trace",
                "form": {"字号": "追踪面馆"},
            },
        )
        assert response.status_code == 201, response.text
        return dict(response.json())

    case = await eventually(filed, timeout=90, interval=1, message="the bundle never opened for application")
    logs = traced_mesh.config.log_dir

    async def in_every_log() -> None:
        gateway = _lines_with(logs / "gateway.log", trace_id)
        assert any(line.get("logger") == "meshkit.access" for line in gateway), "gateway access line"
        assert _lines_with(logs / "cases.log", trace_id), "cases API"
        consumed = _lines_with(logs / "exchange-worker.log", trace_id)
        assert any(line.get("message") == "event processed" for line in consumed), "exchange worker"
        # the cases worker reads the application's materials later, in batches of many cases: each read carries
        # the application's trace to the exchange's background lane and on to the population system
        resolved = _lines_with(logs / "cases-worker.log", trace_id)
        assert any(line.get("message") == "material obtained" for line in resolved), "cases worker"
        answered = _lines_with(logs / "exchange-bulk.log", trace_id)
        assert any(line.get("message") == "batch item answered" for line in answered), "exchange batch"
        assert _lines_with(logs / "population-sim.log", trace_id), "population system"

    await eventually(in_every_log, timeout=90, interval=0.5)
    for name in ("gateway", "cases", "exchange-worker", "cases-worker", "exchange-bulk", "population-sim"):
        for line in _lines_with(logs / f"{name}.log", trace_id):
            assert line["trace_id"] == trace_id
            assert NEIGHBOUR["id_number"] not in json.dumps(line, ensure_ascii=False)

    # a shared read for that case, sent with a traceparent of its own: gateway, exchange, population system
    reviewer, _ = await log_in("reviewer.djzc")
    read_trace = uuid.uuid4().hex
    read_headers = {**reviewer, "traceparent": f"00-{read_trace}-{uuid.uuid4().hex[:16]}-01"}

    async def read() -> None:
        response = await http.post(
            "/exchange/resources/500110-GAJ-RK-001/read",
            headers=read_headers,
            json={
                "identifier": NEIGHBOUR["id_number"],
                "purpose": "个体工商户设立登记 经营者身份核验",
                "case_ref": case["number"],
                "items": ["name"],
            },
        )
        assert response.status_code == 200, response.text  # once the exchange has the case from its events

    await eventually(read, timeout=60, interval=0.5)

    async def read_in_every_log() -> None:
        for name in ("gateway", "exchange", "population-sim"):
            assert _lines_with(logs / f"{name}.log", read_trace), name

    await eventually(read_in_every_log, timeout=30, interval=0.5)


async def test_failure2_every_worker_of_the_mesh_serves_its_event_metrics(traced_mesh: Mesh) -> None:
    """Issue 20, failure 2: the event metrics were counted in worker processes that served no /metrics (0 samples
    anywhere). Each worker the launcher starts now serves them on the port it records."""
    config = traced_mesh.config
    async with httpx.AsyncClient(timeout=5, trust_env=False) as client:
        for spec in config.services:
            port = config.worker_metrics_port(spec)
            assert config.ports()[f"{spec.name}-worker"] == port

            async def scraped(port: int = port, name: str = spec.name) -> str:
                response = await client.get(f"http://127.0.0.1:{port}/metrics")
                assert response.status_code == 200
                assert f'tongban_outbox_published_total{{service="{name}"}}' in response.text
                assert f'tongban_outbox_backlog{{service="{name}"}}' in response.text
                return response.text

            await eventually(scraped, timeout=30, interval=0.5)
