import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from catalog.store.models import Base
from meshkit.testing.service import migration_drift

pytestmark = pytest.mark.integration


async def test_models_and_migrations_agree(engine: AsyncEngine) -> None:
    assert await migration_drift(engine, Base.metadata) == []
