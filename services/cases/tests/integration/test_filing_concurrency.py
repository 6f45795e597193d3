"""Many applications filed at once on separate connections: every case number is unique, in the
region + date + serial format, and a race between two retries with one Idempotency-Key makes one case."""

from __future__ import annotations

import asyncio
import re
from datetime import UTC, datetime

import pytest
from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from cases.domain.access import Caller
from cases.store.case_models import Case, CaseMaterial, TimelineEntry
from cases.store.models import OUTBOX, OpenMatter
from cases.store.repositories import OpenMatterRepository
from cases.store.unit_of_work import CasesUnitOfWork
from cases.use_cases.matters import OpenMatterCache
from cases.use_cases.submission import Application, Intake, submit_application
from meshkit.db import Database
from meshkit.legaldate import local_date

pytestmark = pytest.mark.integration

INTAKE = Intake(online_org="500110-ZWFWZX", online_region="500110000000")
CODE = "FILE-RACE"


async def test_concurrent_filings_get_unique_numbers_and_one_case_per_key(engine: AsyncEngine) -> None:
    database = Database(engine, driver_pool_size=8)
    async with database.sessions() as session, session.begin():
        await OpenMatterRepository(session).upsert_newer(
            {
                "matter_id": "m-file",
                "code": CODE,
                "version": 1,
                "name": "并发测试事项",
                "matter_type": "01",
                "department_code": "500110-SCJGJ",
                "statutory_days": 5,
                "promised_days": 3,
                "materials": [
                    {"name": "申请书"},
                    {"name": "身份证明", "resource_code": "R-1", "data_items": ["姓名"]},
                ],
            }
        )
    cache = OpenMatterCache(30.0)
    now = datetime.now(UTC)

    async def file(n: int, key: str | None = None) -> tuple[str, str, bool]:
        caller = Caller(
            sub=f"person-file-{n}", kind="person", org=None, region=None, roles=frozenset(), acr=2
        )
        async with CasesUnitOfWork(database) as uow:
            case, created = await submit_application(
                uow,
                caller=caller,
                application=Application(matter_code=CODE, idempotency_key=key),
                now=now,
                intake=INTAKE,
                matters=cache,
            )
            return case.id, case.number, created

    try:
        filed = await asyncio.gather(*(file(n) for n in range(40)))
        numbers = [number for _, number, _ in filed]
        assert len(set(numbers)) == 40
        prefix = f"500110{local_date(now):%Y%m%d}"  # the legal date, as the number carries it
        assert all(re.fullmatch(rf"{prefix}\d{{8}}", n) for n in numbers), numbers[:3]
        retries = await asyncio.gather(*(file(999, key="same-key") for _ in range(6)))
        assert len({case_id for case_id, _, _ in retries}) == 1
        assert sum(created for _, _, created in retries) == 1
        async with database.sessions() as session:
            ids = [case_id for case_id, _, _ in filed] + [retries[0][0]]
            materials = await session.scalar(
                select(func.count()).select_from(CaseMaterial).where(CaseMaterial.case_id.in_(ids))
            )
            assert materials == 2 * 41
    finally:
        async with engine.begin() as conn:
            mine = select(Case.id).where(Case.matter_code == CODE).scalar_subquery()
            await conn.execute(delete(TimelineEntry).where(TimelineEntry.case_id.in_(mine)))
            await conn.execute(delete(CaseMaterial).where(CaseMaterial.case_id.in_(mine)))
            await conn.execute(delete(OUTBOX).where(OUTBOX.c.aggregate_id.in_(mine)))
            await conn.execute(delete(Case).where(Case.matter_code == CODE))
            await conn.execute(delete(OpenMatter).where(OpenMatter.code == CODE))
        await database.dispose()
