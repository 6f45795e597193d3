"""The editable working-day calendar: seeded from the official notices, edited by administrators."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from cases.domain.access import Caller, may_edit_calendar
from cases.domain.calendar import DayKind, WorkingCalendar, arrangement, official_days
from cases.events import CALENDAR_PUBLISHED, CalendarPublished
from cases.store.unit_of_work import CasesUnitOfWork
from cases.use_cases.clock import refresh_due_dates
from meshkit.errors import ProblemError

__all__ = ["PublishedYear", "list_years", "load_calendar", "publish_year", "seed_calendar"]

SOURCE = "国务院办公厅节假日安排 (chinesecalendar)"


async def seed_calendar(uow: CasesUnitOfWork) -> int:
    """Add the published years and special days not in the table yet; returns how many days were added."""
    years, days = official_days()
    added = await uow.calendar.seed(years, days, source=SOURCE)
    await uow.commit()
    return added


async def load_calendar(uow: CasesUnitOfWork) -> WorkingCalendar:
    return await uow.calendar.load()


@dataclass(frozen=True)
class PublishedYear:
    year: int
    source: str
    holidays: list[date]
    makeup_workdays: list[date]
    due_dates_computed: int = 0  # open cases whose pending due dates this publication settled


async def list_years(uow: CasesUnitOfWork) -> list[PublishedYear]:
    """Every published year with its special days, oldest first."""
    out = []
    for entry in await uow.calendar.years():
        days = await uow.calendar.days_of(entry.year)
        out.append(
            PublishedYear(
                entry.year,
                entry.source,
                [d.day for d in days if d.kind == DayKind.HOLIDAY],
                [d.day for d in days if d.kind == DayKind.MAKEUP_WORKDAY],
            )
        )
    return out


async def publish_year(
    uow: CasesUnitOfWork,
    *,
    caller: Caller,
    year: int,
    source: str,
    holidays: Sequence[date],
    makeup_workdays: Sequence[date],
    today: date,
) -> PublishedYear:
    """Enter a year's holiday notice (节假日安排), replacing what the table held for it; then compute the due dates
    that were pending because the year was not published, and announce the year to the mesh
    (``cases.calendar_published.v1``), all in one transaction."""
    if not may_edit_calendar(caller):
        raise ProblemError(
            "只有区级管理员可以录入节假日安排 (district administrators only)",
            status=403,
            code="calendar_admin_only",
        )
    days, errors = arrangement(year, holidays=holidays, makeup_workdays=makeup_workdays)
    if errors:
        summary = "; ".join(e["message"] for e in errors[:5])
        raise ProblemError(f"节假日安排有误: {summary}", status=422, code="invalid_calendar", errors=errors)
    revision = await uow.calendar.replace_year(year, days, source=source)
    await uow.flush()
    calendar = await uow.calendar.load()
    computed = 0
    for case in await uow.cases.due_dates_pending():
        refresh_due_dates(case, calendar, await uow.cases.ledger(case.id), today)
        computed += case.due_date is not None
    published = PublishedYear(
        year,
        source,
        [d for d, k in days if k is DayKind.HOLIDAY],
        [d for d, k in days if k is DayKind.MAKEUP_WORKDAY],
        computed,
    )
    await uow.publish(
        CALENDAR_PUBLISHED,
        aggregate_id=f"calendar-{year}",
        sequence=revision,
        payload=CalendarPublished(
            year=year,
            source=source,
            revision=revision,
            holidays=[d.isoformat() for d in published.holidays],
            makeup_workdays=[d.isoformat() for d in published.makeup_workdays],
            occurred_at=datetime.now(UTC).isoformat(),
        ),
    )
    await uow.commit()
    return published
