"""Working days (工作日) per the State Council's yearly holiday notice, including makeup workdays (调休).

The calendar is data: an editable table seeded from ``chinesecalendar``. Years without a published notice are
refused rather than guessed, because a deadline computed on a guessed calendar is a wrong legal deadline.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

import chinese_calendar

__all__ = [
    "CalendarNotPublished",
    "DayKind",
    "WorkingCalendar",
    "arrangement",
    "official_calendar",
    "official_days",
]

FIRST_YEAR, LAST_YEAR = 2004, 2100  # the years a notice may be entered for


class DayKind(StrEnum):
    HOLIDAY = "holiday"  # 法定节假日 (incl. the weekdays of a holiday week)
    MAKEUP_WORKDAY = "makeup_workday"  # 调休上班 (a weekend day that is worked)


class CalendarNotPublished(ValueError):
    def __init__(self, year: int) -> None:
        super().__init__(f"{year} 年的节假日安排尚未发布，无法计算工作日 (no published calendar for {year})")
        self.year = year


@dataclass(frozen=True)
class WorkingCalendar:
    """Weekends are rest days and weekdays work days, except the listed special days, within ``years``."""

    years: frozenset[int]
    special: dict[date, DayKind] = field(default_factory=dict)

    @classmethod
    def from_days(cls, years: Iterable[int], days: Iterable[tuple[date, DayKind]]) -> WorkingCalendar:
        return cls(years=frozenset(years), special=dict(days))

    def _check(self, day: date) -> None:
        if day.year not in self.years:
            raise CalendarNotPublished(day.year)

    def is_working_day(self, day: date) -> bool:
        self._check(day)
        kind = self.special.get(day)
        if kind is DayKind.HOLIDAY:
            return False
        if kind is DayKind.MAKEUP_WORKDAY:
            return True
        return day.weekday() < 5

    def add_working_days(self, start: date, count: int) -> date:
        """The ``count``-th working day after ``start`` (``start`` itself does not count)."""
        if count < 0:
            raise ValueError("count must not be negative")
        day = start
        remaining = count
        while remaining:
            day += timedelta(days=1)
            if self.is_working_day(day):
                remaining -= 1
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """Working days in ``(start, end]``: how many working days have passed since ``start`` by ``end``."""
        if end <= start:
            return 0
        return sum(
            1 for n in range(1, (end - start).days + 1) if self.is_working_day(start + timedelta(days=n))
        )


def arrangement(
    year: int, *, holidays: Iterable[date], makeup_workdays: Iterable[date]
) -> tuple[list[tuple[date, DayKind]], list[dict[str, str]]]:
    """A year's notice as special days, or what is wrong with it: every day must fall in ``year``, a holiday on
    a weekday (weekends are rest days anyway) and a makeup workday on a weekend (weekdays are worked anyway),
    and no day may be both."""
    errors: list[dict[str, str]] = []
    if not FIRST_YEAR <= year <= LAST_YEAR:
        errors.append({"field": "year", "message": f"年份须在 {FIRST_YEAR}–{LAST_YEAR} 之间"})
    days: dict[date, DayKind] = {}
    for field_name, kind, listed in (
        ("holidays", DayKind.HOLIDAY, holidays),
        ("makeup_workdays", DayKind.MAKEUP_WORKDAY, makeup_workdays),
    ):
        for day in listed:
            where = f"{field_name}: {day.isoformat()}"
            if day.year != year:
                errors.append({"field": field_name, "message": f"{where} 不在 {year} 年"})
            elif kind is DayKind.HOLIDAY and day.weekday() >= 5:
                errors.append(
                    {"field": field_name, "message": f"{where} 是周末，本就休息；只列工作日放假的日子"}
                )
            elif kind is DayKind.MAKEUP_WORKDAY and day.weekday() < 5:
                errors.append({"field": field_name, "message": f"{where} 是工作日；调休上班只列周末的日子"})
            elif days.get(day, kind) is not kind:
                errors.append({"field": field_name, "message": f"{where} 同时列为放假和调休上班"})
            else:
                days[day] = kind
    return sorted(days.items()), errors


def official_days() -> tuple[frozenset[int], list[tuple[date, DayKind]]]:
    """The published years and special days carried by ``chinesecalendar`` (the seed of the editable table)."""
    days = [(day, DayKind.HOLIDAY) for day in chinese_calendar.holidays if day.weekday() < 5]
    days += [(day, DayKind.MAKEUP_WORKDAY) for day in chinese_calendar.workdays if day.weekday() >= 5]
    years = frozenset(day.year for day, _ in days)
    return years, sorted(days)


def official_calendar() -> WorkingCalendar:
    years, days = official_days()
    return WorkingCalendar.from_days(years, days)
