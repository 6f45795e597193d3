"""The rate-limit store with NATS frozen (issue 19, outside try): no request waits on a store that says nothing."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from gateway.counters import SharedWindows
from gateway.limit_store import LimitStore
from gateway.limits import LimitSpec, Rules
from gateway.main import create_app
from gateway.settings import GatewaySettings
from meshkit.embedded import EmbeddedNats
from meshkit.testing import eventually
from meshkit.testing.freezing import freeze
from meshkit.testing.tokens import TokenFactory

pytestmark = pytest.mark.api

TOKEN = Rules({"token": LimitSpec(limit=1_000, window=3600, methods=["POST"], paths=[r"/identity/token"])})


async def test_issue19_outside_try_requests_do_not_wait_on_a_frozen_rate_limit_store(
    nats_factory: Callable[[], EmbeddedNats],
) -> None:
    """Issue 19 outside try: with NATS frozen (SIGSTOP) every submit and token request took 0.52 s instead of
    0.04 s — each waited out the 0.5 s timeout of the shared rate-limit count (the connection stays "connected"
    while the server says nothing). After one timeout requests count locally without asking; a background probe
    finds the store again once NATS answers, and the shared count is used again."""
    server = nats_factory()
    server.start()
    assert server.process is not None
    store = LimitStore(server.url, bucket="frozen_limits", ttl=7200)
    store.start()
    fallbacks: list[int] = []
    windows = SharedWindows(store, on_fallback=lambda: fallbacks.append(1), store_retry=0.5)
    token = next(iter(TOKEN.classes))
    try:
        assert await store.reached(10)
        callers = [f"client-{n}" for n in range(20)]  # strict class, one unit a lease: each asks the store
        assert await windows.take(token, "warm-up") is None
        assert fallbacks == []
        freeze(server.process.pid)
        try:
            assert await windows.take(token, "first") is None  # this one meets the frozen store: its timeout
            started = time.monotonic()
            for caller in callers:
                assert await windows.take(token, caller) is None  # granted, counted locally
            spent = time.monotonic() - started
            assert spent < windows.store_timeout, spent  # before: 20 x 0.5 s
            assert len(fallbacks) == 21
        finally:
            os.kill(server.process.pid, signal.SIGCONT)

        async def shared_again() -> None:
            before = len(fallbacks)
            assert await windows.take(token, f"after-{time.monotonic()}") is None
            assert len(fallbacks) == before

        await eventually(shared_again, timeout=15, interval=0.2)
    finally:
        await store.close()


async def test_issue19_outside_try_requests_through_the_gateway_keep_their_speed_with_nats_frozen(
    gateway_settings: Callable[..., GatewaySettings],
    upstreams: dict[str, Any],
    tokens: TokenFactory,
    nats_factory: Callable[[], EmbeddedNats],
) -> None:
    """Issue 19 outside try, through the whole gateway (rate limits, revocation feed, proxy): with its NATS frozen
    the requests after the first that meets the frozen store take no store timeout, and the revocations stay
    ready (the replay was done once)."""
    server = nats_factory()
    server.start()
    assert server.process is not None
    settings = gateway_settings(
        identity_url=upstreams["catalog"].url,
        nats_url=server.url,
        rate_limits={
            "login": {"limit": 1_000, "window": 3600, "methods": ["POST"], "paths": ["/identity/authorize"]}
        },
    )
    app = create_app(settings, verifier=tokens.verifier())
    transport = httpx.ASGITransport(app=app, client=("198.51.100.40", 50000))
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=transport, base_url="http://gateway.test") as client,
    ):
        assert app.state.limit_store() is not None  # the shared count reached at start
        freeze(server.process.pid)
        try:
            form = {"login": "user-0", "password": "x"}
            assert (
                await client.post("/identity/authorize", data=form)
            ).status_code == 404  # meets the freeze
            spent = []
            for n in range(10):  # a unit counted locally is not a lease: each asked the store again before
                form = {"login": f"user-{n + 1}", "password": "x"}
                started = time.monotonic()
                assert (await client.post("/identity/authorize", data=form)).status_code == 404
                spent.append(time.monotonic() - started)
            assert sum(spent) < 0.5, spent  # before: 10 x 0.5 s
            ready = (await client.get("/readyz")).json()
            assert ready["checks"]["revocations"] == "ok", ready  # the replay was done once: still ready
        finally:
            os.kill(server.process.pid, signal.SIGCONT)
