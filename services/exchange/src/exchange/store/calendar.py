"""Reading and writing the working-day calendar."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from exchange.domain.calendar import DayKind, WorkingCalendar
from exchange.store.calendar_models import CalendarDay, CalendarYear

__all__ = ["CalendarRepository"]


class CalendarRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def load(self) -> WorkingCalendar:
        years = (await self._session.scalars(select(CalendarYear.year))).all()
        days = (await self._session.execute(select(CalendarDay.day, CalendarDay.kind))).all()
        return WorkingCalendar.from_days(years, [(day, DayKind(kind)) for day, kind in days])

    async def years(self) -> Sequence[tuple[CalendarYear, Sequence[CalendarDay]]]:
        """Every held year with its special days, oldest first."""
        years = (await self._session.scalars(select(CalendarYear).order_by(CalendarYear.year))).all()
        days = (await self._session.scalars(select(CalendarDay).order_by(CalendarDay.day))).all()
        by_year: dict[int, list[CalendarDay]] = {}
        for day in days:
            by_year.setdefault(day.day.year, []).append(day)
        return [(year, by_year.get(year.year, [])) for year in years]

    async def seed(self, years: frozenset[int], days: Sequence[tuple[date, DayKind]], *, source: str) -> int:
        """Add the years not in the table yet, with their special days; years already held are kept as they
        are (a notice entered by the district wins over the library). Returns how many years were added."""
        if not years:
            return 0
        added = (
            await self._session.scalars(
                insert(CalendarYear)
                .values([{"year": y, "source": source, "revision": 0} for y in sorted(years)])
                .on_conflict_do_nothing()
                .returning(CalendarYear.year)
            )
        ).all()
        new = [{"day": d, "kind": k.value} for d, k in days if d.year in set(added)]
        if new:
            await self._session.execute(insert(CalendarDay).values(new).on_conflict_do_nothing())
        return len(added)

    async def replace_year(
        self, year: int, days: Sequence[tuple[date, DayKind]], *, source: str, revision: int
    ) -> bool:
        """The year is published with exactly these special days, unless a revision at least as new is held
        already (a redelivered or late copy); returns whether it was applied."""
        held = (
            await self._session.execute(
                insert(CalendarYear)
                .values(year=year, source=source, revision=revision)
                .on_conflict_do_update(
                    index_elements=[CalendarYear.year],
                    set_={"source": source, "revision": revision},
                    where=CalendarYear.revision < revision,
                )
                .returning(CalendarYear.year)
            )
        ).first()
        if held is None:
            return False
        await self._session.execute(
            delete(CalendarDay).where(CalendarDay.day.between(date(year, 1, 1), date(year, 12, 31)))
        )
        if days:
            await self._session.execute(
                insert(CalendarDay).values([{"day": d, "kind": k.value} for d, k in days])
            )
        return True
