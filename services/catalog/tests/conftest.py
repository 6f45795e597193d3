from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from catalog.demo import load
from catalog.main import create_app
from catalog.settings import CatalogSettings
from catalog.store import SERVICE_ROOT
from catalog.store.search import DRIVER_SETTINGS
from meshkit.db import Database, new_engine
from meshkit.embedded import EmbeddedNats, EmbeddedPostgres
from meshkit.testing.service import TEST_SECRET, app_client, service_fixtures
from meshkit.testing.support import migrated_database, rolled_back
from meshkit.testing.tokens import TokenFactory


def _app(database_url: str, nats_url: str):  # type: ignore[no-untyped-def]
    return create_app(
        CatalogSettings(
            database_url=database_url,
            nats_url=nats_url,
            environment="test",
            secret_key=TEST_SECRET,
            issuer="http://issuer.test",
        )
    )


migrated_url, engine, database, tokens, client = service_fixtures(
    name="catalog", service_root=SERVICE_ROOT, make_app=_app
)

SYSTEM_SCOPES = "catalog:write catalog:publish catalog:admin"


@pytest.fixture(scope="session")
def demo_url(embedded_postgres: EmbeddedPostgres) -> str:
    """A second database holding the Qijiang demo catalog, loaded once per session (search tests read it)."""
    return migrated_database(embedded_postgres, "catalog_demo_test", SERVICE_ROOT)


@pytest.fixture(scope="session")
async def demo_engine(demo_url: str) -> AsyncIterator[AsyncEngine]:
    engine = new_engine(demo_url, pool_size=3)
    await load(Database(engine))
    yield engine
    await engine.dispose()


@pytest.fixture
async def demo_client(
    demo_url: str, demo_engine: AsyncEngine, nats_server: EmbeddedNats, tokens: TokenFactory
) -> AsyncIterator[httpx.AsyncClient]:
    async with (
        rolled_back(demo_engine, driver_settings=DRIVER_SETTINGS) as db,
        app_client(_app(demo_url, nats_server.url_for("catalog")), database=db, tokens=tokens) as c,
    ):
        yield c


Publish = Callable[..., Awaitable[dict[str, Any]]]


@pytest.fixture
def publish(client: httpx.AsyncClient, tokens: TokenFactory) -> Publish:
    """Draft, submit and publish a matter body through the API; returns the published version."""

    async def run(body: dict[str, Any], *, expect: int = 200) -> dict[str, Any]:
        headers = tokens.headers(scope=SYSTEM_SCOPES)
        created = await client.post("/matters", json=body, headers=headers)
        assert created.status_code == 201, created.text
        matter_id = created.json()["id"]
        submitted = await client.post(f"/matter-versions/{matter_id}/submit", headers=headers)
        assert submitted.status_code == 200, submitted.text
        published = await client.post(f"/matter-versions/{matter_id}/publish", headers=headers)
        assert published.status_code == expect, published.text
        result: dict[str, Any] = published.json()
        return {**result, "id": matter_id} if expect != 200 else result

    return run
