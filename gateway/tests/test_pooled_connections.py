"""Issue 18 failure 6: an upstream that closes a connection must not cost another client a 502.

The upstream is a process of its own (``closing_upstream.py``) that hangs up the ways real ones do; the gateway
runs in-process with its real connection pool (``gateway.upstream_http.Pool``: the hung-up check, 5xx never pooled).
"""

from __future__ import annotations

import asyncio
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import AbstractAsyncContextManager
from pathlib import Path

import httpx
import pytest

from gateway.main import create_app
from gateway.settings import GatewaySettings
from meshkit.embedded import free_port
from meshkit.testing.tokens import TokenFactory

pytestmark = pytest.mark.api

GatewayFactory = Callable[..., AbstractAsyncContextManager[httpx.AsyncClient]]


@pytest.fixture(scope="module")
def closing_upstream() -> Iterator[str]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name("closing_upstream.py")), str(port)]
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(10)


@pytest.fixture
async def over_http(
    serve: Callable[..., AbstractAsyncContextManager[str]],
    gateway_settings: Callable[..., GatewaySettings],
    tokens: TokenFactory,
    closing_upstream: str,
) -> AsyncIterator[httpx.AsyncClient]:
    """The same, served by uvicorn and reached over HTTP as a client would (its request bodies as uvicorn gives
    them: a GET has none)."""
    app = create_app(
        gateway_settings(cases_url=closing_upstream, rate_limits_enabled=False), verifier=tokens.verifier()
    )
    async with serve(app, lifespan="on") as url, httpx.AsyncClient(base_url=url) as client:
        yield client


@pytest.fixture
async def via_gateway(gateway: GatewayFactory, closing_upstream: str) -> AsyncIterator[httpx.AsyncClient]:
    """The gateway with ``cases`` at the closing upstream (no rate limits: nothing but the proxy in the way)."""
    async with gateway(cases_url=closing_upstream, rate_limits_enabled=False) as client:
        yield client


async def test_issue_18_failure_6_no_502_for_others_after_an_upstream_500_that_closes(
    via_gateway: httpx.AsyncClient,
) -> None:
    """Issue 18 failure 6: after a 500 the upstream closes that connection a moment later; the six requests of
    other clients sent right after must not be written onto it (they were: 502 ``upstream_unavailable``)."""
    for _ in range(5):
        await asyncio.gather(*(via_gateway.post("/cases/warm", content=b"x") for _ in range(3)))
        assert (await via_gateway.post("/cases/boom", content=b"x")).status_code == 500
        others = await asyncio.gather(
            *(via_gateway.post(f"/cases/other/{n}", content=b"abc") for n in range(6))
        )
        assert [r.status_code for r in others] == [200] * 6, [r.text[:200] for r in others]


async def test_issue_18_failure_6_a_pooled_connection_found_closed_is_not_used(
    via_gateway: httpx.AsyncClient,
) -> None:
    """Issue 18 failure 6: the upstream closed an idle pooled connection and its FIN has arrived, but the event
    loop has not read it yet (it was busy): the next POST is not written onto that connection."""
    for _ in range(5):
        assert (await via_gateway.post("/cases/close-soon", content=b"x")).status_code == 200
        time.sleep(0.1)  # noqa: ASYNC251 - on purpose: the loop is busy while the upstream's FIN arrives
        after = await via_gateway.post("/cases/after", content=b"abc")
        assert (after.status_code, after.text) == (200, "POST /after 3")


async def test_issue_18_failure_6_a_post_that_reached_the_upstream_is_never_replayed(
    over_http: httpx.AsyncClient,
) -> None:
    """Issue 18 failure 6: the gateway retries only what is safe. A POST the upstream read and then hung up on
    is answered 502 and reached the upstream once; an idempotent GET is retried once on another connection."""
    post, get = f"/hangup-once/{uuid.uuid4().hex}", f"/hangup-once/{uuid.uuid4().hex}"

    posted = await over_http.post(f"/cases{post}", content=b"pay once")
    got = await over_http.get(f"/cases{get}")

    assert (posted.status_code, posted.json()["code"]) == (502, "upstream_unavailable")
    assert (await over_http.get(f"/cases/count{post}")).text == "1"
    assert (got.status_code, got.text) == (200, f"GET {get} 0")
    assert (await over_http.get(f"/cases/count{get}")).text == "2"
