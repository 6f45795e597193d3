"""The supervision timers on fixed dates: deemed acceptance, one yellow warning, one red."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from cases.domain.access import Caller
from cases.store.case_models import Case
from cases.store.models import OUTBOX
from cases.store.repositories import OpenMatterRepository
from cases.store.unit_of_work import CasesUnitOfWork
from cases.use_cases.calendar import seed_calendar
from cases.use_cases.deadlines import accept_overdue_receipts, announce_deadlines
from cases.use_cases.submission import Application, Intake, submit_application
from meshkit.db import Database

pytestmark = pytest.mark.integration

CENTER = "500110-ZWFWZX"
APPLICANT = Caller(sub="person-t", kind="person", org=None, region=None, roles=frozenset(), acr=2)


async def received_on(database: Database, when: datetime) -> str:
    async with database.sessions() as session, session.begin():
        await OpenMatterRepository(session).upsert_newer(
            {
                "matter_id": "m-t",
                "code": "TIMER-1",
                "version": 1,
                "name": "测试事项",
                "matter_type": "01",
                "department_code": "500110-SCJGJ",
                "statutory_days": 5,
                "promised_days": 3,
            }
        )
    async with CasesUnitOfWork(database) as uow:
        await seed_calendar(uow)
    async with CasesUnitOfWork(database) as uow:
        case, _ = await submit_application(
            uow,
            caller=APPLICANT,
            application=Application(matter_code="TIMER-1"),
            intake=Intake(online_org=CENTER, online_region="500110000000"),
            now=when,
        )
    return case.id


async def load(database: Database, case_id: str) -> Case:
    async with database.sessions() as session:
        case = await session.get(Case, case_id)
        assert case is not None
        return case


async def subjects(database: Database, case_id: str) -> list[str]:
    async with database.sessions() as session:
        rows = await session.execute(
            select(OUTBOX.c.subject).where(OUTBOX.c.aggregate_id == case_id).order_by(OUTBOX.c.position)
        )
        return [row[0] for row in rows]


async def test_deemed_acceptance_then_yellow_then_red(database: Database) -> None:
    received = datetime(2026, 11, 2, 9, tzinfo=UTC)  # Monday
    case_id = await received_on(database, received)

    # Nov 6 (Fri): 4 working days passed — not yet. Nov 9 (Mon): 5 — still the last allowed day. Nov 10: deemed.
    for day, expected in ((6, 0), (9, 0), (10, 1)):
        now = datetime(2026, 11, day, 8, tzinfo=UTC)
        assert await accept_overdue_receipts(database, now=now, district_center=CENTER) == expected, day
    case = await load(database, case_id)
    assert (case.status, case.deemed_accepted, case.accepted_at) == ("accepted", True, received)
    assert case.due_date is not None
    assert (
        case.due_date.isoformat() == "2026-11-05"
    )  # 3 working days from receipt, which counts as acceptance

    assert (
        await announce_deadlines(database, now=datetime(2026, 11, 10, 9, tzinfo=UTC), working_days_before=1)
        == 1
    )
    assert (await load(database, case_id)).warning_level == "red"  # already past due when deemed accepted
    assert (
        await announce_deadlines(database, now=datetime(2026, 11, 11, 9, tzinfo=UTC), working_days_before=1)
        == 0
    )
    assert await subjects(database, case_id) == [
        "cases.case_submitted.v1",
        "cases.case_accepted.v1",
        "cases.deadline_overdue.v1",
    ]


async def test_yellow_warning_once_before_the_due_date(database: Database) -> None:
    case_id = await received_on(database, datetime(2026, 11, 16, 9, tzinfo=UTC))  # Monday
    await accept_overdue_receipts(database, now=datetime(2026, 11, 24, 9, tzinfo=UTC), district_center=CENTER)
    case = await load(database, case_id)
    assert case.due_date is not None
    assert case.due_date.isoformat() == "2026-11-19"
    # pretend it was accepted later so the due date lies ahead: move acceptance to Nov 23 → due Nov 26
    async with database.sessions() as session, session.begin():
        row = await session.get(Case, case_id)
        assert row is not None
        row.due_date = datetime(2026, 11, 26).date()
        row.warning_level = None
    assert (
        await announce_deadlines(database, now=datetime(2026, 11, 24, 9, tzinfo=UTC), working_days_before=1)
        == 0
    )
    assert (
        await announce_deadlines(database, now=datetime(2026, 11, 25, 9, tzinfo=UTC), working_days_before=1)
        == 1
    )
    assert (
        await announce_deadlines(database, now=datetime(2026, 11, 25, 15, tzinfo=UTC), working_days_before=1)
        == 0
    )
    assert (await load(database, case_id)).warning_level == "yellow"
    assert (
        await announce_deadlines(database, now=datetime(2026, 11, 27, 9, tzinfo=UTC), working_days_before=1)
        == 1
    )
    assert (await load(database, case_id)).warning_level == "red"
