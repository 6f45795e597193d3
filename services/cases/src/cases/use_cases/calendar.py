"""The editable working-day calendar: seeded from the official notices, edited by administrators."""

from __future__ import annotations

from datetime import date

from cases.domain.calendar import DayKind, WorkingCalendar, official_days
from cases.store.unit_of_work import CasesUnitOfWork

__all__ = ["edit_day", "load_calendar", "seed_calendar"]

SOURCE = "国务院办公厅节假日安排 (chinesecalendar)"


async def seed_calendar(uow: CasesUnitOfWork) -> int:
    """Add the published years and special days not in the table yet; returns how many days were added."""
    years, days = official_days()
    added = await uow.calendar.seed(years, days, source=SOURCE)
    await uow.commit()
    return added


async def load_calendar(uow: CasesUnitOfWork) -> WorkingCalendar:
    return await uow.calendar.load()


async def edit_day(uow: CasesUnitOfWork, *, day: date, kind: DayKind | None, note: str | None) -> None:
    await uow.calendar.set_day(day, kind, note)
    await uow.commit()
