"""Supervision timers (电子监察): deemed acceptance after 5 working days, yellow warnings, red overdue.

They run in the worker and keep no state in memory: each scan reads the database, so a restart loses nothing.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from cases.domain.access import Caller
from cases.domain.calendar import CalendarNotPublished
from cases.domain.clock import deemed_accepted, warning_date
from cases.domain.states import Action
from cases.events import DEADLINE_OVERDUE, DEADLINE_WARNING
from cases.store.unit_of_work import CasesUnitOfWork
from cases.use_cases.calendar import load_calendar
from cases.use_cases.events import case_changed
from cases.use_cases.handling import Step, take_action
from meshkit.db import Database
from meshkit.legaldate import local_date

__all__ = ["SYSTEM", "accept_overdue_receipts", "announce_deadlines"]

SYSTEM = Caller(sub="system:deadlines", kind="system", org=None, region=None, roles=frozenset())


async def accept_overdue_receipts(database: Database, *, now: datetime, district_center: str) -> int:
    """§32: applications neither accepted, refused nor sent back within 5 working days count as accepted."""
    async with CasesUnitOfWork(database) as uow:
        calendar = await load_calendar(uow)
        candidates = await uow.cases.awaiting_acceptance(received_before=now - timedelta(days=5))
    accepted = 0
    for case_id, received_at in candidates:
        try:
            if not deemed_accepted(calendar, received=local_date(received_at), today=local_date(now)):
                continue
        except CalendarNotPublished:
            continue
        async with CasesUnitOfWork(database) as uow:
            await take_action(
                uow,
                calendar,
                case_id=case_id,
                caller=SYSTEM,
                step=Step(Action.ACCEPT),
                district_center=district_center,
                now=now,
                as_system=True,
            )
            accepted += 1
    return accepted


async def announce_deadlines(database: Database, *, now: datetime, working_days_before: int) -> int:
    """Publish a yellow warning once as the due date nears and a red one once it has passed."""
    today = local_date(now)
    announced = 0
    async with CasesUnitOfWork(database) as uow:
        calendar = await load_calendar(uow)
        for case in await uow.cases.due_soon(until=today + timedelta(days=14)):
            assert case.due_date is not None
            try:
                yellow_from = warning_date(calendar, case.due_date, working_days_before=working_days_before)
            except CalendarNotPublished:
                continue
            level = "red" if today > case.due_date else "yellow" if today >= yellow_from else None
            if level is None or level == case.warning_level:
                continue
            case.warning_level = level
            await uow.flush()
            spec = DEADLINE_OVERDUE if level == "red" else DEADLINE_WARNING
            await uow.publish(
                spec, aggregate_id=case.id, sequence=case.version, payload=case_changed(case, at=now)
            )
            announced += 1
        await uow.commit()
    return announced
