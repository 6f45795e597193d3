"""Failure 9 (metrics part): every service's /metrics was public through the gateway."""

from __future__ import annotations

import httpx
import pytest

from gateway.routes import SERVICES, internal_path

pytestmark = pytest.mark.api

SPELLINGS = [
    "/metrics",
    "//metrics",
    "/./metrics",
    "/echo/../metrics",
    "/metrics/",
    "/%6Detrics",
    "/%2Fmetrics",
]


@pytest.mark.parametrize("service", SERVICES)
async def test_failure_9_metrics_of_every_service_are_not_routed(
    client: httpx.AsyncClient, service: str
) -> None:
    """Failure 9: /<service>/metrics reached the service's Prometheus endpoint; now 404 however it is spelled,
    and the upstream never sees the request."""
    for spelling in SPELLINGS:
        response = await client.get(f"/{service}{spelling}")
        assert response.status_code == 404, (spelling, response.text)
        assert response.headers["content-type"].startswith("application/problem+json")
        assert response.json()["code"] == "route_not_found"
        assert "internals" not in response.text


async def test_only_the_inside_path_itself_is_closed(client: httpx.AsyncClient) -> None:
    assert (await client.get("/catalog/echo/metrics")).status_code == 200
    assert (await client.get("/catalog/readyz")).status_code == 200


@pytest.mark.unit
@pytest.mark.parametrize(
    ("rest", "internal"),
    [("/metrics", True), ("//metrics/x", True), ("/a/../metrics", True), ("/metricsx", False), ("/", False)],
)
def test_internal_path_spellings(rest: str, internal: bool) -> None:
    assert internal_path(rest) is internal
