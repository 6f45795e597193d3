"""The access log under concurrency, with real commits (the chain trigger fires at commit): every entry gets
one position, the chain verifies, and appends are not serialized behind Python."""

import asyncio
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest

from exchange.domain.sharing import Outcome, Purpose
from exchange.store import SERVICE_ROOT
from exchange.store.driver import append_many
from exchange.store.unit_of_work import ExchangeUnitOfWork
from exchange.use_cases.access_entries import ReadContext, new_entry
from exchange.use_cases.access_log import verify_chain
from meshkit.db import Database
from meshkit.embedded import EmbeddedPostgres
from meshkit.testing import migrated_database

pytestmark = pytest.mark.integration


class Caller:
    def __init__(self, org: str, roles: frozenset[str] = frozenset()) -> None:
        self.org, self.sub, self.client_id, self.kind = org, f"sys-{org}", f"sys-{org}", "staff"
        self.roles, self.scopes = roles, frozenset[str]()


@pytest.fixture(scope="module")
async def committed(embedded_postgres: EmbeddedPostgres) -> AsyncIterator[Database]:
    """A private database whose transactions really commit."""
    url = await asyncio.to_thread(migrated_database, embedded_postgres, "exchange_chain_test", SERVICE_ROOT)
    database = Database.from_url(url, pool_size=20)
    yield database
    await database.dispose()


async def append(database: Database, n: int) -> None:
    context = ReadContext(
        caller=Caller("500110-RSJ"),
        resource_code="500110-SCJGJ-FR-001",
        subject_ref=f"{n:064x}",
        purpose=Purpose("核验", case_ref=f"case-{n}"),
        now=datetime.now(UTC),
    )
    async with (
        database.driver() as connection
    ):  # a transaction of its own, as each read's was before batching
        await append_many(connection, [new_entry(context, items=["name"], outcome=Outcome.GRANTED)])


async def test_concurrent_appends_make_one_intact_chain(committed: Database) -> None:
    count = 600
    started = time.perf_counter()
    await asyncio.gather(*(append(committed, n) for n in range(count)))
    elapsed = time.perf_counter() - started
    async with ExchangeUnitOfWork(committed) as uow:
        report = await verify_chain(uow, caller=Caller("500110-ZWFWZX", frozenset({"auditor"})))
    assert report.intact, report.first_broken
    assert report.checked == report.head_seq >= count
    assert elapsed < 60  # throughput is measured by `make bench`, not asserted on a shared machine
