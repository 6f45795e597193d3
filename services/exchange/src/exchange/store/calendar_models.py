"""The district's working-day calendar as the exchange holds it (seeded from ``chinesecalendar``, kept current by
``cases.calendar_published.v1``)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from exchange.store.base import Base

__all__ = ["CalendarDay", "CalendarYear"]


class CalendarYear(Base):
    """A year whose holiday notice is published; working days in other years are refused.
    ``revision``: the cases service's revision of the notice (0 = the library's seed); an older one is ignored."""

    __tablename__ = "calendar_years"

    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(100))
    revision: Mapped[int] = mapped_column(Integer, server_default="0")


class CalendarDay(Base):
    """A day that breaks the weekday/weekend rule: a holiday on a weekday or a makeup workday (调休)."""

    __tablename__ = "calendar_days"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
