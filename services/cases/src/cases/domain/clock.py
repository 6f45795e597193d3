"""The legal clock of a case (行政许可法 §32, §42, §44, §45, §82).

Limits count working days (or natural days where a matter says so). The clock starts on acceptance, pauses during
补正, special procedures (听证 检验 检测 鉴定 专家评审 公示) and suspension, and resumes after. Days the clock
was paused do not count: a pause that starts on day P and ends on day R adds the working days in ``(P, R]``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from cases.domain.calendar import LAST_YEAR, WorkingCalendar
from meshkit.legaldate import local_date

__all__ = [
    "ACCEPTANCE_DECISION_DAYS",
    "DEFAULT_LIMIT",
    "LimitUnit",
    "Pause",
    "TimeLimit",
    "deemed_accepted",
    "due_date",
    "extension_allowed",
    "max_extension",
    "pending_reason",
    "pending_year",
    "warning_date",
]

ACCEPTANCE_DECISION_DAYS = 5  # §32: accept, refuse or send back within 5 days, else deemed accepted


class LimitUnit(StrEnum):
    WORKING_DAYS = "working_days"  # 工作日
    NATURAL_DAYS = "natural_days"  # 自然日


@dataclass(frozen=True)
class TimeLimit:
    days: int
    unit: LimitUnit = LimitUnit.WORKING_DAYS


DEFAULT_LIMIT = TimeLimit(20)  # §42: decide within 20 working days


@dataclass(frozen=True)
class Pause:
    started: datetime
    ended: datetime | None  # None: still paused


def _paused_days(calendar: WorkingCalendar, pauses: Sequence[Pause], unit: LimitUnit, today: date) -> int:
    total = 0
    for pause in pauses:
        end = local_date(pause.ended) if pause.ended else today
        if unit is LimitUnit.WORKING_DAYS:
            total += calendar.working_days_between(local_date(pause.started), end)
        else:
            total += max((end - local_date(pause.started)).days, 0)
    return total


def due_date(
    calendar: WorkingCalendar,
    *,
    started: date,
    limit: TimeLimit,
    pauses: Sequence[Pause] = (),
    extension_days: int = 0,
    today: date | None = None,
) -> date:
    """The last day to decide. An open pause keeps pushing the date forward day by day (up to ``today``)."""
    today = today or started
    days = limit.days + extension_days + _paused_days(calendar, pauses, limit.unit, today)
    if limit.unit is LimitUnit.NATURAL_DAYS:
        return started + timedelta(days=days)
    if days == 0:  # 即办件: decided the same working day — the next one when accepted on a rest day
        day = started
        while not calendar.is_working_day(day):
            day += timedelta(days=1)
        return day
    return calendar.add_working_days(started, days)


def warning_date(calendar: WorkingCalendar, due: date, *, working_days_before: int = 1) -> date:
    """Yellow warning day: ``working_days_before`` working days before ``due`` (电子监察 黄牌)."""
    day = due
    remaining = working_days_before
    while remaining:
        day -= timedelta(days=1)
        if calendar.is_working_day(day):
            remaining -= 1
    return day


def deemed_accepted(calendar: WorkingCalendar, *, received: date, today: date) -> bool:
    """§32: no acceptance, refusal or correction notice within 5 working days of receipt → accepted on receipt."""
    return calendar.working_days_between(received, today) > ACCEPTANCE_DECISION_DAYS


def max_extension(limit: TimeLimit, *, joint: bool) -> int:
    """§42: 20 working days may be extended by 10; joint or centralized handling 45 + 15."""
    return 15 if joint else 10


def extension_allowed(limit: TimeLimit, *, days: int, already_extended: bool, joint: bool) -> bool:
    """Once only, a positive number of days, within the legal maximum."""
    return not already_extended and 0 < days <= max_extension(limit, joint=joint)


def pending_year(calendar: WorkingCalendar, since: date) -> int | None:
    """The year that keeps a date counted from ``since`` pending: the first one from ``since``'s year on without a
    published holiday notice (counting runs forward, so it stops at the first such year); None if every year is
    published (a date still null is about to be recomputed)."""
    return next((y for y in range(since.year, LAST_YEAR + 1) if y not in calendar.years), None)


def pending_reason(year: int | None, *, concluded: bool = False) -> str:
    """Why a promised or statutory date is not shown, in words a citizen and a clerk act on (issue 19, failure 2):
    the date is never guessed on an unpublished calendar. A case concluded while its date was pending keeps it
    uncomputed (entering the notice recomputes open cases only)."""
    if year is not None:
        return f"{year}年节假日安排尚未公布，期限将在公布后计算"
    if concluded:
        return "办结时当年节假日安排尚未公布，该期限未曾计算"
    return "节假日安排已更新，期限正在重新计算"
