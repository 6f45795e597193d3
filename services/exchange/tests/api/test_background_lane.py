"""Failure 9 (background lane): the exchange's background lane (exchange-bulk, port N+24) served its whole API to
ordinary callers. Now it serves only the cases worker's routes, and only to the cases platform's client."""

from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest

import meshkit.app
from exchange.main import create_app
from exchange.settings import ExchangeSettings
from meshkit.db import Database
from meshkit.embedded import EmbeddedNats
from meshkit.testing.service import app_client
from meshkit.testing.tokens import TokenFactory

pytestmark = pytest.mark.api

LEGAL = "500110-SCJGJ-FR-001"
CASES_SCOPE = "exchange:read exchange:platform exchange:certificates:issue"


@pytest.fixture
async def lane(
    migrated_url: str,
    nats_server: EmbeddedNats,
    demo: Database,
    tokens: TokenFactory,
    make_settings: Callable[..., ExchangeSettings],
    meshed: Callable[[httpx.AsyncClient], None],
    monkeypatch: pytest.MonkeyPatch,
) -> AsyncIterator[httpx.AsyncClient]:
    # a lane lowers its own process's priority at start: here that process is the test run (whose children,
    # the e2e tier's mesh, would all inherit nice 19)
    monkeypatch.setattr(meshkit.app, "lower_priority", lambda nice: None)
    app = create_app(make_settings(migrated_url, nats_server.url_for("exchange"), background_lane=True))
    async with app_client(app, database=demo, tokens=tokens) as client:
        meshed(client)
        yield client


async def test_failure_9_the_background_lane_refuses_ordinary_callers(
    lane: httpx.AsyncClient, headers: Any
) -> None:
    """Failure 9: a department system (or a citizen) reached every route through the lane; now 403 on the
    lane's own routes and 404 on everything else, as problem+json in Chinese."""
    department = headers.system(
        "500110-SWJ", client_id="swj-collection", scope="exchange:read exchange:sharing"
    )
    refused = await lane.post("/reads", json={"reads": []}, headers=department)
    assert refused.status_code == 403
    assert refused.headers["content-type"].startswith("application/problem+json")
    assert refused.json()["code"] == "background_lane_forbidden"
    assert "办件平台" in refused.json()["detail"]
    assert (await lane.get(f"/resources/{LEGAL}", headers=department)).status_code == 403
    for method, path in [
        ("GET", "/grants"),
        ("GET", "/access-log/mine"),
        ("POST", f"/resources/{LEGAL}/read"),
    ]:
        response = await lane.request(method, path, headers=department)
        assert response.status_code == 404, path
        assert response.json()["code"] == "route_not_found"
    assert (await lane.post("/reads", json={"reads": []})).status_code == 401
    forged = {"Authorization": "Bearer eyJhbGciOiJub25lIn0.eyJjbGllbnRfaWQiOiJ0b25nYmFuLWNhc2VzIn0."}
    assert (await lane.post("/reads", json={"reads": []}, headers=forged)).status_code == 401


async def test_the_background_lane_serves_the_cases_worker(lane: httpx.AsyncClient, headers: Any) -> None:
    cases = headers.system("500110-ZWFWZX", client_id="tongban-cases", scope=CASES_SCOPE)
    resource = await lane.get(f"/resources/{LEGAL}", headers=cases)
    assert resource.status_code == 200, resource.text
    reads = await lane.post("/reads", json={"reads": []}, headers=cases)
    assert reads.status_code != 403
    assert reads.status_code != 404
    assert (await lane.get("/readyz")).status_code == 200
    assert (await lane.get("/grants", headers=cases)).status_code == 404  # its own client gets no more either
