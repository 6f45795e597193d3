"""Issue 21 (the gateway's CPU per proxied request): a request for ``/<service>/…`` enters a shorter chain
(``gateway.front``), without FastAPI's and Starlette's own entry layers. What those layers and the gateway's own
middleware gave a proxied request must still be there: a crash answered as a 500 problem with the request id and
the security headers, the duration sample and the access line, the body limit."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest
from prometheus_client import REGISTRY

from gateway.front import GatewayApp
from gateway.main import create_app
from gateway.settings import GatewaySettings
from meshkit.testing.tokens import TokenFactory

pytestmark = pytest.mark.api


@asynccontextmanager
async def _gateway(
    settings: GatewaySettings, tokens: TokenFactory
) -> AsyncIterator[tuple[GatewayApp, httpx.AsyncClient]]:
    app = create_app(settings, verifier=tokens.verifier())
    assert isinstance(app, GatewayApp)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app, client=("203.0.113.7", 50000))
        async with httpx.AsyncClient(transport=transport, base_url="http://gateway.test") as client:
            yield app, client


async def test_crash_inside_the_proxied_path_answers_500_problem_with_request_id_and_security_headers(
    gateway_settings: Callable[..., GatewaySettings], tokens: TokenFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 21: the proxied path skips FastAPI's entry layers; an exception inside it must still become the
    mesh's 500 problem (not a dropped connection), naming the request id, with nosniff and no-store."""
    async with _gateway(gateway_settings(), tokens) as (app, client):

        def broken_pool(service: str) -> Any:
            raise RuntimeError("a bug in the upstream pool")

        monkeypatch.setattr(app.state.upstreams, "pool", broken_pool)
        response = await client.get("/catalog/echo/x", headers={"X-Request-Id": "crash-test-1"})
        after = await client.get("/healthz")  # the app keeps serving

    assert response.status_code == 500
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["code"] == "internal_error"
    assert body["request_id"] == "crash-test-1" == response.headers["x-request-id"]
    assert "crash-test-1" in body["detail"]  # what the person quotes to operations
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["cache-control"] == "no-store"
    assert after.status_code == 200


async def test_proxied_request_still_records_its_duration_sample_and_access_line(
    gateway_settings: Callable[..., GatewaySettings], tokens: TokenFactory, caplog: pytest.LogCaptureFixture
) -> None:
    """Issue 21: the request context (id, trace, duration metric, access line) stays on the shorter path, and
    the metric children it now keeps count every request, not only the first of a label set."""
    labels = {"service": "gateway", "method": "GET", "route": "/catalog/{path}", "status": "200"}
    metric = "tongban_http_request_duration_seconds_count"
    before = REGISTRY.get_sample_value(metric, labels) or 0.0
    caplog.set_level(logging.INFO, logger="meshkit.access")
    async with _gateway(gateway_settings(), tokens) as (_, client):
        responses = [await client.get("/catalog/items/A1") for _ in range(3)]

    assert [r.status_code for r in responses] == [200, 200, 200]
    ids = {r.headers["x-request-id"] for r in responses}
    assert len(ids) == 3
    assert all(len(i) == 32 for i in ids)
    assert (REGISTRY.get_sample_value(metric, labels) or 0.0) - before == 3
    lines = [r for r in caplog.records if r.name == "meshkit.access"]
    assert [getattr(r, "route", None) for r in lines] == ["/catalog/{path}"] * 3
    assert all(r.levelno == logging.INFO for r in lines)
    assert all(r.__dict__.get("status") == 200 for r in lines)


async def test_proxied_request_gets_fresh_unrelated_request_trace_and_span_ids(
    gateway_settings: Callable[..., GatewaySettings], tokens: TokenFactory
) -> None:
    """Issue 21: the three ids come from one read of the CSPRNG now; each is still its own random value, and the
    upstream sees this hop's traceparent under the request's trace id."""
    async with _gateway(gateway_settings(), tokens) as (_, client):
        response = await client.get("/catalog/echo/ids")
    echo = response.json()
    request_id = response.headers["x-request-id"]
    seen = {k: v for k, v in echo["headers"] if k in ("x-request-id", "traceparent")}
    assert seen["x-request-id"] == request_id
    version, trace_id, span_id, flags = seen["traceparent"].split("-")
    assert (version, flags) == ("00", "01")
    assert len(trace_id) == 32
    assert len(span_id) == 16
    assert len({request_id, trace_id, span_id}) == 3
    assert not trace_id.startswith(span_id)
    assert span_id not in request_id


async def test_proxied_body_over_the_limit_still_answers_413_problem(
    gateway_settings: Callable[..., GatewaySettings], tokens: TokenFactory
) -> None:
    """Issue 21: FastAPI's own body-limit layer is skipped on the proxied path; meshkit's body limit is what
    limits it, declared or streamed."""
    async with _gateway(gateway_settings(max_body_bytes=1024), tokens) as (_, client):
        declared = await client.post("/catalog/echo/big", content=b"x" * 2048)

        async def chunks() -> AsyncIterator[bytes]:
            for _ in range(4):
                yield b"y" * 512

        streamed = await client.post("/catalog/echo/big", content=chunks())
    for response in (declared, streamed):
        assert response.status_code == 413
        assert response.json()["code"] == "payload_too_large"
        assert response.headers["x-content-type-options"] == "nosniff"
        assert "x-request-id" in response.headers


async def test_gateway_own_routes_still_go_through_fastapi(
    gateway_settings: Callable[..., GatewaySettings], tokens: TokenFactory
) -> None:
    """Issue 21: only a routed service's first segment takes the shorter path; the gateway's own routes and its
    404 problem are FastAPI's as before (``/catalogx`` is not ``/catalog``)."""
    async with _gateway(gateway_settings(), tokens) as (_, client):
        health = await client.get("/healthz")
        missing = await client.get("/catalogx/items/A1")
        head = await client.head("/healthz")
    assert health.status_code == 200
    assert missing.status_code == 404
    assert missing.json()["code"] == "route_not_found"
    assert missing.headers["x-content-type-options"] == "nosniff"
    assert head.status_code == 200
    assert head.content == b""
