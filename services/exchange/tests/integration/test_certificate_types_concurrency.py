"""Directory changes with real commits: two operators claiming one alias for two types at once — one wins, the
other is told the alias is taken (never a unique-key error, never both)."""

import asyncio
from collections.abc import AsyncIterator

import pytest

from exchange.domain.certificate_types import CertificateType
from exchange.store import SERVICE_ROOT
from exchange.store.unit_of_work import ExchangeUnitOfWork
from exchange.use_cases.certificates import register_type, type_directory
from exchange.use_cases.errors import Conflict
from meshkit.db import Database
from meshkit.embedded import EmbeddedPostgres
from meshkit.testing import migrated_database

pytestmark = pytest.mark.integration


class Operator:
    sub, client_id, kind, org = "ops-1", "hall-console", "staff", "500110-ZWFWZX"
    roles, scopes = frozenset({"operator"}), frozenset[str]()


@pytest.fixture(scope="module")
async def committed(embedded_postgres: EmbeddedPostgres) -> AsyncIterator[Database]:
    url = await asyncio.to_thread(migrated_database, embedded_postgres, "exchange_types_test", SERVICE_ROOT)
    database = Database.from_url(url, pool_size=10)
    yield database
    await database.dispose()


async def enter(database: Database, code: str) -> CertificateType | Conflict:
    async with ExchangeUnitOfWork(database) as uow:
        try:
            return await register_type(
                uow,
                caller=Operator(),
                certificate_type=CertificateType(code, "个体工商户经营证明", ("ZZ-GTJYZM",)),
            )
        except Conflict as conflict:
            return conflict


async def test_one_alias_claimed_twice_at_once(committed: Database) -> None:
    for attempt in range(5):
        codes = [f"11500110MB1A00036W{800 + 2 * attempt + n:03d}" for n in range(2)]
        outcomes = await asyncio.gather(*(enter(committed, code) for code in codes))
        assert sorted(type(o).__name__ for o in outcomes) == ["CertificateType", "Conflict"]
        async with ExchangeUnitOfWork(committed) as uow:
            directory = await type_directory(uow)
        [winner] = [o for o in outcomes if isinstance(o, CertificateType)]
        assert directory.resolve("ZZ-GTJYZM") == winner.code
        loser = next(code for code in codes if code != winner.code)
        assert directory.name(loser) is None  # refused whole: no type without its alias
        async with ExchangeUnitOfWork(committed) as uow:  # free the alias for the next attempt
            await register_type(
                uow,
                caller=Operator(),
                certificate_type=CertificateType(winner.code, "个体工商户经营证明", ()),
            )
