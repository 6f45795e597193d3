"""Turning a case's ledger into due dates on the editable working-day calendar."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from cases.domain.calendar import CalendarNotPublished, WorkingCalendar
from cases.domain.clock import LimitUnit, Pause, TimeLimit, due_date
from cases.store.case_models import Case, ClockEntry
from meshkit.legaldate import local_date

__all__ = ["expected_due_date", "pauses_of", "refresh_due_dates"]


def pauses_of(ledger: Sequence[ClockEntry]) -> list[Pause]:
    pauses: list[Pause] = []
    for entry in ledger:
        if entry.event == "pause":
            pauses.append(Pause(entry.at, None))
        elif entry.event == "resume" and pauses and pauses[-1].ended is None:
            pauses[-1] = Pause(pauses[-1].started, entry.at)
    return pauses


def refresh_due_dates(
    case: Case, calendar: WorkingCalendar, ledger: Sequence[ClockEntry], today: date
) -> None:
    """Promised and statutory due dates from acceptance, pauses after it, and the extension (None: pending)."""
    if case.accepted_at is None:
        return
    started = local_date(case.accepted_at)
    pauses = [p for p in pauses_of(ledger) if p.started >= case.accepted_at]
    unit = LimitUnit(case.limit_unit)
    case.due_date = _pending_or(
        calendar, started, TimeLimit(case.limit_days, unit), pauses, case.extension_days, today
    )
    case.statutory_due_date = _pending_or(
        calendar, started, TimeLimit(case.statutory_days, unit), pauses, case.extension_days, today
    )


def _pending_or(
    calendar: WorkingCalendar,
    started: date,
    limit: TimeLimit,
    pauses: Sequence[Pause],
    extension_days: int,
    today: date,
) -> date | None:
    """One due date, or None (pending) when it falls in a year whose holiday notice is not published yet: never
    guess. Each date on its own: in December the promised date may lie in this year while the statutory one
    lies in the next (a case accepted on 2026-12-06 keeps its promised 2026-12-11 before 2027's notice)."""
    try:
        return due_date(
            calendar, started=started, limit=limit, pauses=pauses, extension_days=extension_days, today=today
        )
    except CalendarNotPublished:
        return None


def expected_due_date(case: Case, calendar: WorkingCalendar, today: date) -> date | None:
    """The promised date if the case were accepted today (shown on submission); None past the published years.
    Once accepted, the case's own due date (None while it is pending: never a date from today instead)."""
    if case.due_date is not None or case.accepted_at is not None:
        return case.due_date
    try:
        return due_date(calendar, started=today, limit=TimeLimit(case.limit_days, LimitUnit(case.limit_unit)))
    except CalendarNotPublished:
        return None
