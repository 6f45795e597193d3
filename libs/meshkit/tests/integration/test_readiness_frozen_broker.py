"""Readiness through a frozen broker (issue 19, outside try): NATS stopped by SIGSTOP — the kernel still
completes TCP connects, nothing answers — must not hold a service's /readyz past the gateway's 1 s budget."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

import httpx
import pytest
from fastapi import FastAPI

from meshkit.app import build_app, mesh_resources, nats_reachable
from meshkit.db import Database
from meshkit.embedded import EmbeddedNats
from meshkit.settings import ServiceSettings
from meshkit.testing import eventually
from meshkit.testing.freezing import freeze

pytestmark = pytest.mark.integration

GATEWAY_BUDGET = 1.0  # gateway/settings.py readiness_timeout: what the gateway allows each upstream's /readyz


async def test_issue19_outside_try_readyz_answers_within_the_gateways_budget_with_nats_frozen(
    database: Database, nats_factory: Callable[[], EmbeddedNats]
) -> None:
    """Issue 19 outside try: with NATS frozen (SIGSTOP) every service's /readyz took 1.00 s — its NATS health
    probe's timeout — so the gateway (1.0 s per upstream) reported every service "down: TimeoutError" and answered
    503 while submits, searches and tokens all worked. Now readiness (the database, the replay done once) decides
    at once; the frozen broker shows in ``health`` only, probed in the background with its own short timeout."""
    server = nats_factory()
    server.start()
    settings = ServiceSettings(
        service_name="probe",
        database_url=database.engine.url.render_as_string(hide_password=False),
        nats_url=server.url,
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        async with mesh_resources(app, settings):
            yield

    app = build_app(
        service="probe", title="probe", description="", settings=settings, lifespan=lifespan, routers=[]
    )
    transport = httpx.ASGITransport(app=app)
    assert server.process is not None
    pid = server.process.pid
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=transport, base_url="http://t", timeout=GATEWAY_BUDGET) as client,
    ):
        up = await client.get("/readyz")
        assert up.status_code == 200, up.text
        assert up.json()["health"]["nats"] == "ok"
        freeze(pid)
        try:
            answers = []
            for _ in range(4):  # the first asks the frozen broker afresh; none waits for it past the budget
                started = time.monotonic()
                frozen = await client.get("/readyz")  # raises ReadTimeout past the gateway's budget
                answers.append(time.monotonic() - started)
                assert frozen.status_code == 200, frozen.text
                assert frozen.json()["checks"] == {"database": "ok", "revocations": "ok"}
            assert max(answers) < GATEWAY_BUDGET, answers

            async def reported_down() -> None:
                body = (await client.get("/readyz")).json()
                assert body["status"] == "ready"
                assert body["health"]["nats"] == "down: TimeoutError"

            await eventually(reported_down, timeout=10, interval=0.2)
        finally:
            os.kill(pid, signal.SIGCONT)

        async def reported_up() -> None:
            assert (await client.get("/readyz")).json()["health"]["nats"] == "ok"

        await eventually(reported_up, timeout=10, interval=0.2)


async def test_issue19_outside_try_a_cluster_of_frozen_nodes_costs_one_probe_timeout(
    nats_factory: Callable[[], EmbeddedNats],
) -> None:
    """Issue 19 outside try: the NATS probe asked a cluster's nodes one after another, each with its own timeout,
    so three frozen nodes cost three timeouts. They are asked concurrently now: one timeout in all."""
    servers = [nats_factory() for _ in range(3)]
    for server in servers:
        server.start()
    pids = [server.process.pid for server in servers if server.process is not None]
    url = ",".join(server.url for server in servers)
    await nats_reachable(url, timeout=0.5)
    for pid in pids:
        freeze(pid)
    try:
        started = time.monotonic()
        with pytest.raises(TimeoutError):
            await nats_reachable(url, timeout=2.0)
        assert (
            time.monotonic() - started < 4.0
        )  # three nodes one after another: 6 s; a busy machine adds some
        os.kill(pids[1], signal.SIGCONT)
        await nats_reachable(url, timeout=0.5)  # one node answering is enough
    finally:
        for pid in pids:
            os.kill(pid, signal.SIGCONT)
