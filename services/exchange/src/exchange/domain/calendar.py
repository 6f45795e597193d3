"""Working days from the State Council's yearly holiday notices (``chinesecalendar``), including 调休 makeup days.

Years without a published notice are refused rather than guessed.
"""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar

__all__ = ["CalendarUnavailable", "add_working_days", "is_working_day"]


class CalendarUnavailable(ValueError):
    """No published holiday calendar covers this date."""

    def __init__(self, day: date) -> None:
        super().__init__(
            f"{day.year} 年的节假日安排尚未发布，无法计算工作日 (no published calendar for {day.year})"
        )
        self.day = day


def is_working_day(day: date) -> bool:
    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError as exc:
        raise CalendarUnavailable(day) from exc


def add_working_days(start: date, days: int) -> date:
    """The date ``days`` working days after ``start`` (the start day itself does not count)."""
    if days < 0:
        raise ValueError("days must not be negative")
    current = start
    counted = 0
    while counted < days:
        current += timedelta(days=1)
        if is_working_day(current):
            counted += 1
    return current
