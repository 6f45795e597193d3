"""The promised date (承诺办结日期) of every case not yet accepted, for the queues' order. Pure.

Before acceptance a case's promised date is the one it would have if it were accepted today (what the
submission answer and the case show): with today fixed, it depends only on the case's limit. So one walk over
the calendar gives the date for every limit a queue may hold, and the database orders cases by
``coalesce(due_date, <the date for its limit>)`` — accepted cases by their own due date, the others beside them.
"""

from __future__ import annotations

from datetime import date, timedelta

from cases.domain.calendar import CalendarNotPublished, WorkingCalendar
from cases.domain.clock import pending_year

__all__ = ["LONGEST_PROMISE", "first_pending_day", "promised_dates"]

LONGEST_PROMISE = 400  # working days; a longer limit is shown but sorts with the dates not yet computable


def promised_dates(
    calendar: WorkingCalendar, today: date, *, longest: int = LONGEST_PROMISE
) -> list[date | None]:
    """Index ``n``: the promised date of an ``n``-working-day limit accepted today (``n`` = 0: the same working
    day, the next one on a rest day) — :func:`cases.domain.clock.due_date`'s answer; None from the first date
    that lies in a year whose holiday notice is not published."""
    dates: list[date | None] = []
    day = today
    try:
        while not calendar.is_working_day(day):
            day += timedelta(days=1)
        dates.append(day)
        day = today
        while len(dates) <= longest:
            day += timedelta(days=1)
            if calendar.is_working_day(day):
                dates.append(day)
    except CalendarNotPublished:
        pass
    return dates + [None] * (longest + 1 - len(dates))


def first_pending_day(calendar: WorkingCalendar, today: date) -> date | None:
    """The first day of the first year without a published holiday notice (None: every year is published).

    A pending date (its year's notice not entered yet) lies on or after it, so the queues order a pending case
    there, not last (issue 19, remaining failure 2): at this day or at its estimate, whichever is later — the
    start plus its working days as weeks of five (``n * 7 / 5`` days), an order only, never shown as a date."""
    year = pending_year(calendar, today)
    return None if year is None else date(year, 1, 1)
