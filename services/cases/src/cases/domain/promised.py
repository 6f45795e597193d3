"""The promised date (承诺办结日期) of every case not yet accepted, for the queues' order. Pure.

Before acceptance a case's promised date is the one it would have if it were accepted today (what the
submission answer and the case show): with today fixed, it depends only on the case's limit. So one walk over
the calendar gives the date for every limit a queue may hold, and the database orders cases by
``coalesce(due_date, <the date for its limit>)`` — accepted cases by their own due date, the others beside them.
"""

from __future__ import annotations

from datetime import date, timedelta

from cases.domain.calendar import CalendarNotPublished, WorkingCalendar

__all__ = ["LONGEST_PROMISE", "promised_dates"]

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
