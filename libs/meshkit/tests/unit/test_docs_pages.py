"""Issue 19, failure 16 (offline API docs): "Swagger UI at ``/docs`` loads its assets from a public CDN, so it is
blank on a government intranet". Every service's ``/docs`` and ``/redoc`` (built by ``meshkit.app.build_app``)
reference no host but their own, and every asset they name answers 200 with the right content type."""

from __future__ import annotations

from contextlib import asynccontextmanager

import httpx
import pytest
from fastapi import APIRouter, FastAPI

from meshkit.app import build_app
from meshkit.docs_pages import ASSETS_PATH
from meshkit.settings import ServiceSettings
from meshkit.testing.docs_pages import assert_offline_docs

pytestmark = pytest.mark.unit


def service_app() -> FastAPI:
    router = APIRouter()

    @router.get("/things")
    async def list_things() -> list[str]:
        return []

    @asynccontextmanager
    async def lifespan(_: FastAPI):  # type: ignore[no-untyped-def]
        yield

    return build_app(
        service="things",
        title="物品 things",
        description="d",
        settings=ServiceSettings(),
        lifespan=lifespan,
        routers=[router],
    )


@pytest.fixture
async def client():  # type: ignore[no-untyped-def]
    transport = httpx.ASGITransport(app=service_app())
    async with httpx.AsyncClient(transport=transport, base_url="http://things.internal") as c:
        yield c


async def test_issue19_failure16_service_docs_load_nothing_from_a_public_cdn(
    client: httpx.AsyncClient,
) -> None:
    await assert_offline_docs(client, title="物品 things")


async def test_issue19_failure16_docs_pages_are_not_in_the_openapi_document(
    client: httpx.AsyncClient,
) -> None:
    paths = (await client.get("/openapi.json")).json()["paths"]
    assert "/things" in paths
    assert not [path for path in paths if path.startswith(("/docs", "/redoc", ASSETS_PATH))]


async def test_issue19_failure16_an_asset_that_is_not_shipped_is_a_404(client: httpx.AsyncClient) -> None:
    assert (await client.get(f"{ASSETS_PATH}/../pyproject.toml")).status_code == 404
    assert (await client.get(f"{ASSETS_PATH}/nothing.js")).status_code == 404


async def test_a_service_refuses_a_path_with_a_control_character() -> None:
    """Outside try (session 12): ``/metrics\\n`` matched a service's ``/metrics`` route (``$`` matches before a
    final newline) after the gateway's rules had compared it with theirs and matched none. Every app the mesh
    builds refuses such a path at its edge (``meshkit.edge.RequestEdge``)."""
    transport = httpx.ASGITransport(app=service_app())
    async with httpx.AsyncClient(transport=transport, base_url="http://things") as client:
        refused = await client.get("/things%0a")
        fine = await client.get("/things")
    assert (refused.status_code, refused.json()["code"]) == (400, "malformed_path")
    assert refused.json()["request_id"] == refused.headers["x-request-id"]
    assert refused.headers["x-content-type-options"] == "nosniff"
    assert fine.status_code == 200
