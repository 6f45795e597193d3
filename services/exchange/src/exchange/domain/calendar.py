"""Working days (工作日) per the State Council's yearly holiday notice, including 调休 makeup workdays.

The exchange keeps the district's calendar as data: seeded from ``chinesecalendar`` and brought up to date by the
cases service's ``cases.calendar_published.v1`` (administrators enter each year's notice there), so share
requests and cases count the same working days. Years without a published notice are refused, never guessed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

import chinese_calendar

__all__ = ["CalendarUnavailable", "DayKind", "WorkingCalendar", "official_days"]


class DayKind(StrEnum):
    HOLIDAY = "holiday"  # 法定节假日 (incl. the weekdays of a holiday week)
    MAKEUP_WORKDAY = "makeup_workday"  # 调休上班 (a weekend day that is worked)


class CalendarUnavailable(ValueError):
    """No published holiday calendar covers this date."""

    def __init__(self, day: date) -> None:
        super().__init__(
            f"{day.year} 年的节假日安排尚未录入，无法计算工作日；请区级管理员录入当年节假日安排 "
            f"(no published calendar for {day.year})"
        )
        self.day = day


@dataclass(frozen=True)
class WorkingCalendar:
    """Weekends are rest days and weekdays work days, except the listed special days, within ``years``."""

    years: frozenset[int]
    special: dict[date, DayKind] = field(default_factory=dict)

    @classmethod
    def from_days(cls, years: Iterable[int], days: Iterable[tuple[date, DayKind]]) -> WorkingCalendar:
        return cls(years=frozenset(years), special=dict(days))

    def is_working_day(self, day: date) -> bool:
        if day.year not in self.years:
            raise CalendarUnavailable(day)
        kind = self.special.get(day)
        if kind is not None:
            return kind is DayKind.MAKEUP_WORKDAY
        return day.weekday() < 5

    def add_working_days(self, start: date, days: int) -> date:
        """The date ``days`` working days after ``start`` (the start day itself does not count)."""
        if days < 0:
            raise ValueError("days must not be negative")
        current = start
        counted = 0
        while counted < days:
            current += timedelta(days=1)
            if self.is_working_day(current):
                counted += 1
        return current


def official_days() -> tuple[frozenset[int], list[tuple[date, DayKind]]]:
    """The published years and special days carried by ``chinesecalendar`` (the seed of the table)."""
    days = [(day, DayKind.HOLIDAY) for day in chinese_calendar.holidays if day.weekday() < 5]
    days += [(day, DayKind.MAKEUP_WORKDAY) for day in chinese_calendar.workdays if day.weekday() >= 5]
    return frozenset(day.year for day, _ in days), sorted(days)
