"""Each test gets its own scratch database (outbox, inbox, effects)."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import pytest

from meshkit.db import Database
from meshkit.embedded import EmbeddedPostgres
from meshkit.testing.scratch import create_schema


@pytest.fixture
async def database(embedded_postgres: EmbeddedPostgres) -> AsyncIterator[Database]:
    name = f"scratch_{uuid.uuid4().hex[:8]}"
    embedded_postgres.create_database(name)
    db = Database.from_url(embedded_postgres.database_url(name), pool_size=5)
    await create_schema(db)
    yield db
    await db.dispose()
    embedded_postgres.drop_database(name)
