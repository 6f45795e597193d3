"""Readiness says whether a process can serve requests; the broker is reported beside it (issue 20, failure 11)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

import httpx
import pytest
from fastapi import FastAPI

from meshkit.app import build_app, mesh_resources
from meshkit.db import Database
from meshkit.embedded import EmbeddedNats
from meshkit.settings import ServiceSettings
from meshkit.testing import eventually

pytestmark = pytest.mark.integration


async def test_failure11_a_broker_outage_leaves_every_api_ready(
    database: Database, nats_factory: Callable[[], EmbeddedNats]
) -> None:
    """Issue 20, failure 11: every /readyz answered 503 while NATS was down, although requests succeeded — an
    orchestrator would have taken every API out of service during a broker outage. Now the broker is reported in
    ``health`` and readiness stays 200; the database still decides."""
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
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=transport, base_url="http://t") as client,
    ):
        up = await client.get("/readyz")
        assert up.status_code == 200, up.text
        assert up.json()["checks"] == {"database": "ok", "revocations": "ok"}
        assert up.json()["health"] == {"nats": "ok", "revocations": "ok"}
        server.stop()

        async def reported_down() -> None:
            down = await client.get("/readyz")
            assert down.status_code == 200, down.text
            assert down.json()["status"] == "ready"
            assert down.json()["health"]["nats"].startswith("down")

        await eventually(reported_down, timeout=10)
        await app.state.database.dispose()
        app.state.database = Database.from_url("postgresql+asyncpg://postgres@127.0.0.1:1/none")
        no_database = await client.get("/readyz")
        assert no_database.status_code == 503
        assert no_database.json()["checks"]["database"].startswith("down")
