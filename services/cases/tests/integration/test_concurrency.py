"""Two transitions racing on one case: exactly one wins; the other sees the new status and is refused."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest
from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncEngine

from cases.domain.access import Caller
from cases.domain.calendar import official_calendar
from cases.domain.states import Action
from cases.store.case_models import Case, CaseMaterial, ClockEntry, Decision, TimelineEntry
from cases.store.models import OUTBOX, OpenBundle, OpenMatter
from cases.store.repositories import OpenBundleRepository, OpenMatterRepository
from cases.store.unit_of_work import CasesUnitOfWork
from cases.use_cases.handling import Step, take_action
from cases.use_cases.submission import Application, Intake, submit_application
from meshkit.db import Database
from meshkit.errors import ProblemError

pytestmark = pytest.mark.integration

CENTER = "500110-ZWFWZX"


async def test_concurrent_transitions_cannot_both_succeed(engine: AsyncEngine) -> None:
    database = Database(engine)
    async with database.sessions() as session, session.begin():
        await OpenMatterRepository(session).upsert_newer(
            {
                "matter_id": "m-race",
                "code": "RACE-1",
                "version": 1,
                "name": "测试事项",
                "matter_type": "01",
                "department_code": "500110-SCJGJ",
                "statutory_days": 5,
                "promised_days": 3,
            }
        )
    applicant = Caller(sub="person-race", kind="person", org=None, region=None, roles=frozenset(), acr=2)
    async with CasesUnitOfWork(database) as uow:
        case, _ = await submit_application(
            uow,
            caller=applicant,
            application=Application(matter_code="RACE-1"),
            now=datetime.now(UTC),
            intake=Intake(online_org=CENTER, online_region="500110000000"),
        )
    clerk = Caller(
        sub="clerk",
        kind="staff",
        org="500110-SCJGJ",
        region="500110000000",
        roles=frozenset({"window_clerk"}),
    )

    async def attempt(action: Action, reason: str | None) -> str:
        async with CasesUnitOfWork(database) as uow:
            try:
                done = await take_action(
                    uow,
                    official_calendar(),
                    case_id=case.id,
                    caller=clerk,
                    step=Step(action, reason),
                    district_center=CENTER,
                    now=datetime.now(UTC),
                )
            except ProblemError as problem:
                return problem.code
            return done.status

    try:
        outcomes = await asyncio.gather(attempt(Action.ACCEPT, None), attempt(Action.REFUSE, "材料不全"))
        assert sorted(outcomes) in (
            ["accepted", "transition_not_allowed"],
            ["refused", "transition_not_allowed"],
        ), outcomes
    finally:
        async with engine.begin() as conn:
            for entity in (TimelineEntry, ClockEntry, Decision):
                await conn.execute(delete(entity).where(entity.case_id == case.id))
            await conn.execute(delete(Case).where(Case.id == case.id))
            await conn.execute(delete(OpenMatter).where(OpenMatter.code == "RACE-1"))
            await conn.execute(delete(OUTBOX).where(OUTBOX.c.aggregate_id == case.id))
        await database.dispose()  # the filing's driver pool


async def test_parallel_departments_on_one_bundle_never_deadlock_and_the_parent_ends_right(
    engine: AsyncEngine,
) -> None:
    database = Database(engine)
    members = (("RACE-A", "500110-SCJGJ"), ("RACE-B", "500110-YJJ"))
    async with database.sessions() as session, session.begin():
        for code, department in members:
            await OpenMatterRepository(session).upsert_newer(
                {
                    "matter_id": f"m-{code}",
                    "code": code,
                    "version": 1,
                    "name": code,
                    "matter_type": "01",
                    "department_code": department,
                    "statutory_days": 5,
                    "promised_days": 3,
                }
            )
        await OpenBundleRepository(session).upsert_newer(
            {
                "bundle_id": "b-race",
                "code": "RACE-BUNDLE",
                "version": 1,
                "name": "测试一件事",
                "lead_department_code": "500110-SCJGJ",
                "statutory_days": 5,
                "statutory_unit": "working_day",
                "promised_days": 3,
                "promised_unit": "working_day",
                "members": [{"code": c, "version": 1, "name": c, "department_code": d} for c, d in members],
            }
        )
    applicant = Caller(sub="person-race-b", kind="person", org=None, region=None, roles=frozenset(), acr=2)
    async with CasesUnitOfWork(database) as uow:
        parent, _ = await submit_application(
            uow,
            caller=applicant,
            application=Application(bundle_code="RACE-BUNDLE"),
            now=datetime.now(UTC),
            intake=Intake(online_org=CENTER, online_region="500110000000"),
        )
    ids = [parent.id]

    def staff(role: str, org: str) -> Caller:
        return Caller(
            sub=f"{role}@{org}", kind="staff", org=org, region="500110000000", roles=frozenset({role})
        )

    async def act(case_id: str, caller: Caller, action: Action, reason: str | None = None) -> str:
        async with CasesUnitOfWork(database) as uow:
            try:
                done = await take_action(
                    uow,
                    official_calendar(),
                    case_id=case_id,
                    caller=caller,
                    step=Step(action, reason),
                    district_center=CENTER,
                    now=datetime.now(UTC),
                )
            except ProblemError as problem:
                return problem.code
            return done.status

    try:
        async with CasesUnitOfWork(database) as uow:
            children = {c.handling_org: c.id for c in await uow.cases.children(parent.id)}
        ids += children.values()
        # The window accepts the bundle while a department accepts its own member: both orders lock parent first.
        outcomes = await asyncio.gather(
            act(parent.id, staff("window_clerk", CENTER), Action.ACCEPT),
            act(children["500110-YJJ"], staff("window_clerk", "500110-YJJ"), Action.ACCEPT),
        )
        assert "accepted" in outcomes, outcomes
        for org, case_id in children.items():
            assert await act(case_id, staff("reviewer", org), Action.START_REVIEW) == "in_review"
        approvals = await asyncio.gather(
            *(act(case_id, staff("reviewer", org), Action.APPROVE) for org, case_id in children.items())
        )
        assert approvals == ["approved", "approved"]
        async with CasesUnitOfWork(database) as uow:
            final = await uow.cases.get(parent.id)
            assert final is not None
            assert (final.status, final.outcome, final.national_code) == ("approved", "approved", 3)
    finally:
        async with engine.begin() as conn:
            for entity in (TimelineEntry, ClockEntry, CaseMaterial, Decision):
                await conn.execute(delete(entity).where(entity.case_id.in_(ids)))
            await conn.execute(delete(Case).where(Case.parent_id == parent.id))
            await conn.execute(delete(Case).where(Case.id == parent.id))
            await conn.execute(delete(OpenMatter).where(OpenMatter.code.in_(["RACE-A", "RACE-B"])))
            await conn.execute(delete(OpenBundle).where(OpenBundle.code == "RACE-BUNDLE"))
            await conn.execute(delete(OUTBOX).where(OUTBOX.c.aggregate_id.in_(ids)))
