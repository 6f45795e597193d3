"""The working-day calendar: seeded from the official notices the library carries, then kept equal to the
district's (entered by its administrators in the cases service and announced as ``cases.calendar_published.v1``)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from exchange.domain.calendar import DayKind, official_days
from exchange.store.unit_of_work import ExchangeUnitOfWork

__all__ = ["SOURCE", "apply_published_year", "seed_calendar"]

SOURCE = "国务院办公厅节假日安排 (chinesecalendar)"


async def seed_calendar(uow: ExchangeUnitOfWork) -> int:
    """Add the library's years not held yet (idempotent; concurrent replicas may race); returns how many."""
    years, days = official_days()
    added = await uow.calendar.seed(years, days, source=SOURCE)
    await uow.commit()
    return added


async def apply_published_year(
    uow: ExchangeUnitOfWork,
    *,
    year: int,
    source: str,
    revision: int,
    holidays: Sequence[date],
    makeup_workdays: Sequence[date],
) -> bool:
    """Hold the district's notice for ``year`` (an older revision than the one held changes nothing)."""
    days = sorted(
        [(d, DayKind.HOLIDAY) for d in holidays] + [(d, DayKind.MAKEUP_WORKDAY) for d in makeup_workdays]
    )
    applied = await uow.calendar.replace_year(year, days, source=source, revision=revision)
    await uow.commit()
    return applied
