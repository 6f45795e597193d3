import pytest
from identity.store.models import Base
from meshkit.testing.service import migration_drift
from sqlalchemy.ext.asyncio import AsyncEngine

pytestmark = pytest.mark.integration


async def test_models_and_migrations_agree(engine: AsyncEngine) -> None:
    assert await migration_drift(engine, Base.metadata) == []
