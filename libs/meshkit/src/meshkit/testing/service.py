"""Fixtures a service's test suite gets with one call in its conftest.py::

migrated_url, database, client, tokens = service_fixtures(
    name="catalog", service_root=SERVICE_ROOT, make_app=lambda url, nats: create_app(CatalogSettings(...)))
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from fastapi import FastAPI
from sqlalchemy import MetaData
from sqlalchemy.ext.asyncio import AsyncEngine

from meshkit.db import Database, new_engine
from meshkit.embedded import EmbeddedNats, EmbeddedPostgres
from meshkit.testing.support import migrated_database, rolled_back
from meshkit.testing.tokens import TokenFactory

__all__ = ["TEST_SECRET", "app_client", "migration_drift", "service_fixtures"]

TEST_SECRET = "test-secret-that-is-long-enough-for-the-checks"  # noqa: S105 - tests only


@asynccontextmanager
async def app_client(
    app: FastAPI, *, database: Database | None = None, tokens: TokenFactory | None = None
) -> AsyncIterator[httpx.AsyncClient]:
    """Run the app's real lifespan, then swap in a rolled-back database and a test token verifier."""
    async with app.router.lifespan_context(app):
        if database is not None:
            app.state.database = database
        if tokens is not None:
            app.state.verifier = tokens.verifier()
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            yield client


async def migration_drift(engine: AsyncEngine, metadata: MetaData) -> list[Any]:
    """Differences between the migrated schema and the models; empty when they agree."""
    async with engine.connect() as conn:
        return await conn.run_sync(lambda sync: compare_metadata(MigrationContext.configure(sync), metadata))


def service_fixtures(
    *, name: str, service_root: Path, make_app: Callable[[str, str], FastAPI]
) -> tuple[Any, Any, Any, Any, Any]:
    """(migrated_url, engine, database, tokens, client) fixtures for one service."""

    @pytest.fixture(scope="session")
    def migrated_url(embedded_postgres: EmbeddedPostgres) -> str:
        return migrated_database(embedded_postgres, f"{name}_test", service_root)

    @pytest.fixture(scope="session")
    async def engine(migrated_url: str) -> AsyncIterator[AsyncEngine]:
        engine = new_engine(migrated_url, pool_size=5)
        yield engine
        await engine.dispose()

    @pytest.fixture
    async def database(engine: AsyncEngine) -> AsyncIterator[Database]:
        async with rolled_back(engine) as db:
            yield db

    @pytest.fixture
    def tokens() -> TokenFactory:
        return TokenFactory(issuer="http://issuer.test", audience="tongban")

    @pytest.fixture
    async def client(
        migrated_url: str, nats_server: EmbeddedNats, database: Database, tokens: TokenFactory
    ) -> AsyncIterator[httpx.AsyncClient]:
        async with app_client(
            make_app(migrated_url, nats_server.url_for(name)), database=database, tokens=tokens
        ) as c:
            yield c

    return migrated_url, engine, database, tokens, client
