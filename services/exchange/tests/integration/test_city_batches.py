"""The city link's batches on a real database (real commits and row locks): rounds running side by side never send
a record twice and keep every case in order."""

import asyncio
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from exchange.clients.city_platform import CityPlatformClient
from exchange.consumers.case_events import on_case_event
from exchange.signing import Signer
from exchange.store import SERVICE_ROOT
from exchange.store.models import INBOX
from exchange.store.unit_of_work import ExchangeUnitOfWork
from exchange.use_cases.city import LinkPolicy, deliver_due
from meshkit.db import Database
from meshkit.embedded import EmbeddedPostgres
from meshkit.events import CloudEvent
from meshkit.inbox import record_once
from meshkit.testing import migrated_database
from tongban.simulators.city_platform import create_app as city_app
from tongban.simulators.signatures import CitySimSettings

pytestmark = pytest.mark.integration

KEY = "a-shared-key-for-the-hmac-scheme"
STEPS = [
    ("case_submitted", "received", 1),
    ("case_accepted", "accepted", 2),
    ("case_concluded", "approved", 3),
]


@pytest.fixture
async def database(embedded_postgres: EmbeddedPostgres) -> AsyncIterator[Database]:
    url = await asyncio.to_thread(
        migrated_database, embedded_postgres, "exchange_city_batches_test", SERVICE_ROOT
    )
    database = Database.from_url(url, pool_size=6)
    yield database
    await database.dispose()


async def test_concurrent_rounds_never_send_a_record_twice(database: Database) -> None:
    cases = [(f"c-{uuid.uuid4().hex[:8]}", f"5001102026061530{i:04d}") for i in range(12)]
    for case, number in cases:
        for sequence, (name, status, code) in enumerate(STEPS, 1):
            data = {
                "case_id": case,
                "case_number": number,
                "matter_code": "M",
                "status": status,
                "national_code": code,
                "materials": [{"code": "M1"}, {"code": "M2"}] if name == "case_submitted" else [],
            }
            event = CloudEvent(
                id=str(uuid.uuid4()),
                source="/tongban/cases",
                type=f"cases.{name}.v1",
                subject=case,
                time=datetime.now(UTC),
                sequence=sequence,
                data=data,
            )
            async with database.sessions() as session:
                if await record_once(session, INBOX, consumer="exchange-city-link", event=event):
                    await on_case_event(session, event)
                await session.commit()
    simulator = city_app(CitySimSettings(hmac_key=KEY, signing="HMAC-SHA256"))
    policy = LinkPolicy(
        source="500110", max_attempts=3, backoff_base=1.0, backoff_cap=30.0, cases=3, per_case=2
    )
    now = datetime.now(UTC) + timedelta(seconds=1)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=simulator), base_url="http://city.test"
    ) as http:
        link = CityPlatformClient(
            http, url="http://city.test/case-exchange/records", signer=Signer.hmac(KEY.encode()), timeout=5.0
        )

        async def worker() -> int:
            done = 0
            for _ in range(40):
                async with ExchangeUnitOfWork(database) as uow:
                    done += (await deliver_due(uow, platform=link, policy=policy, now=now)).delivered
                await asyncio.sleep(0)
            return done

        assert sum(await asyncio.gather(worker(), worker(), worker())) == 12 * 7
        received = (await http.get("/admin/received")).json()
    assert received["duplicates"] == 0
    for _case, number in cases:
        mine = [r for r in received["records"] if r["case_number"] == number]
        assert [r["kind"] for r in mine] == [
            "process",
            "material",
            "material",
            "acceptance",
            "process",
            "process",
            "result",
        ]
        assert [r["sequence"] for r in mine] == [1, 1, 1, 2, 2, 3, 3]
