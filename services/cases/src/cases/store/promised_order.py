"""The order of the staff queues as SQL: each case at its promised date (承诺办结日期) — its due date once accepted,
before that the date were it accepted today — and a pending date (its year's holiday notice not entered yet) at
its estimate after every computed date, never last because it is null (issue 19, remaining failure 2)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import ColumnElement, Date, bindparam, case, cast, func, literal
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.sql.elements import Grouping

from cases.store.case_models import Case
from meshkit.legaldate import LEGAL_ZONE

__all__ = ["promised_order"]


def promised_order(
    promised: Sequence[date | None], today: date | None, pending_from: date | None = None
) -> ColumnElement[date | None]:
    """A case's promised date: its due date once accepted; before, the date were it accepted ``today`` —
    ``promised[n]`` for a limit of ``n`` working days (natural days: ``today + n``). Without ``today``: the due
    date alone."""
    if today is None or not promised:
        return Case.due_date.expression
    dates = Grouping(bindparam("promised_dates", value=list(promised), type_=ARRAY(Date)))  # ($n::date[])[i]
    expected = case(
        (Case.limit_unit == "natural_days", literal(today, Date) + Case.limit_days),
        else_=dates[Case.limit_days + 1],  # PostgreSQL arrays count from 1; past the end: NULL
    )
    return func.coalesce(
        Case.due_date, case((Case.accepted_at.is_(None), expected)), _pending_order(today, pending_from)
    )


def _pending_order(today: date, pending_from: date | None) -> ColumnElement[date]:
    """Where a pending date sorts (:func:`cases.domain.promised.first_pending_day`): not before the first
    unpublished day, else the start (acceptance, or today before it) plus its working days as weeks of five."""
    started = case(
        (Case.accepted_at.is_(None), literal(today, Date)),
        else_=cast(func.timezone(LEGAL_ZONE.key, Case.accepted_at), Date),
    )
    estimate = started + ((Case.limit_days + Case.extension_days) * 7 + 4) // 5
    return func.greatest(literal(pending_from, Date), estimate)
