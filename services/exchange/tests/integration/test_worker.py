"""The exchange worker as it runs: case events from the CASES stream reach the city-link queue, and a push's
record_changed events reach subscribers' delivery queue — relay, JetStream, consumers, inbox, real commits."""

import asyncio
from collections.abc import AsyncIterator
from datetime import date

import pytest
from sqlalchemy import func, select

from exchange.demo import load
from exchange.domain.limits import PayloadLimits
from exchange.sealing import Sealer
from exchange.settings import ExchangeSettings
from exchange.signing import sm2_public_key
from exchange.store import SERVICE_ROOT
from exchange.store.models import CityOutbound, Delivery
from exchange.store.unit_of_work import ExchangeUnitOfWork
from exchange.use_cases import records, subscriptions
from exchange.worker import plan
from meshkit.db import Database
from meshkit.embedded import EmbeddedNats, EmbeddedPostgres
from meshkit.events import CloudEvent
from meshkit.streams import ensure_stream
from meshkit.testing import eventually, migrated_database
from meshkit.testing.service import TEST_SECRET
from meshkit.worker import connect_nats, run_worker

pytestmark = pytest.mark.integration


class System:
    def __init__(self, org: str) -> None:
        self.org, self.sub, self.client_id, self.kind = org, f"sys-{org}", f"sys-{org}", "system"
        self.roles, self.scopes = (
            frozenset[str](),
            frozenset({"exchange:read", "exchange:records:write", "exchange:subscribe"}),
        )


@pytest.fixture
async def worker_db(
    embedded_postgres: EmbeddedPostgres, nats_server: EmbeddedNats
) -> AsyncIterator[tuple[Database, ExchangeSettings]]:
    url = await asyncio.to_thread(migrated_database, embedded_postgres, "exchange_worker_test", SERVICE_ROOT)
    settings = ExchangeSettings(
        database_url=url,
        nats_url=nats_server.url_for("exchange-worker"),
        environment="test",
        secret_key=TEST_SECRET,
        city_sm2_private_key="1" * 64,  # type: ignore[arg-type]
        city_public_key=sm2_public_key("5" * 64),  # not the simulator's development key
        city_platform_url="http://127.0.0.1:9",
        city_poll_interval=0.2,
        checkpoint_signing_key="2" * 64,
        witness_public_key="3" * 64,
        witness_url="http://127.0.0.1:9/timestamp",
        client_secret="test-client-secret",
    )
    database = Database.from_url(url, pool_size=5)
    await load(database, settings)
    yield database, settings
    await database.dispose()


async def count(database: Database, query) -> int:  # type: ignore[no-untyped-def]
    async with database.sessions() as session:
        return int(await session.scalar(query) or 0)


async def test_worker_consumes_case_events_and_record_changes(worker_db, nats_server: EmbeddedNats) -> None:  # type: ignore[no-untyped-def]
    database, settings = worker_db
    stop = asyncio.Event()
    worker = asyncio.create_task(run_worker(settings, plan(settings), stop))
    nc = await connect_nats(nats_server.url_for("cases-worker"), name="test-cases-producer")
    try:
        js = nc.jetstream()
        await ensure_stream(js, "CASES", ["cases.>"])
        data = {
            "case_id": "w-1",
            "case_number": "50011020260615009999",
            "matter_code": "M",
            "status": "accepted",
            "national_code": 2,
        }
        event = CloudEvent(
            id="7d1b3c1e-0000-4000-8000-000000000001",
            source="/tongban/cases",
            type="cases.case_accepted.v1",
            subject="w-1",
            time="2026-06-15T02:00:00Z",
            sequence=2,
            data=data,
        )
        for _ in range(2):  # a duplicate publish beyond the stream's window is still absorbed by the inbox
            await js.publish(event.type, event.model_dump_json().encode())
        sealer = Sealer(TEST_SECRET)
        async with ExchangeUnitOfWork(database) as uow:
            await subscriptions.subscribe(
                uow,
                caller=System("500110-SWJ"),
                resource_code="500110-SCJGJ-FR-001",
                channel="nats",
                webhook_url=None,
                sealer=sealer,
                today=date(2026, 6, 15),
            )
        async with ExchangeUnitOfWork(database) as uow:
            await records.push_records(
                uow,
                caller=System("500110-SCJGJ"),
                resource_code="500110-SCJGJ-FR-001",
                records=[records.PushedRecord("91500110MA60XJ8Q1X", 7, {"name": "新名称"})],
                sealer=sealer,
                limits=PayloadLimits(),
            )

        async def arrived() -> None:
            assert (
                await count(database, select(func.count()).select_from(CityOutbound)) == 2
            )  # acceptance + process
            # the two demo records (still in the outbox when the worker started) and the new push
            assert await count(database, select(func.count()).where(Delivery.status == "delivered")) == 3
            # the platform refuses connections: the first record of the case is retried, the second waits behind it
            assert await count(database, select(func.max(CityOutbound.attempts))) >= 1

        await eventually(arrived, timeout=30)
    finally:
        stop.set()
        assert await asyncio.wait_for(worker, 20)
        await nc.drain()
