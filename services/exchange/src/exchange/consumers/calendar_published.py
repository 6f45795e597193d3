"""``cases.calendar_published.v1`` → the exchange counts the same working days as the cases service.

The district's administrators enter each year's holiday notice in the cases service (``PUT /calendar/years``);
share requests' answer dates follow it from here. The view is the exchange's own: the year, its notice, its
revision and its special days, each of which must fall in that year.
"""

from __future__ import annotations

from datetime import date
from typing import Self

from pydantic import BaseModel, ConfigDict, Field, model_validator
from sqlalchemy.ext.asyncio import AsyncSession

from exchange.store.unit_of_work import JoinedUnitOfWork
from exchange.use_cases.calendar import apply_published_year
from meshkit.events import CloudEvent
from meshkit.inbox import ConsumerSpec

__all__ = ["CALENDAR_PUBLISHED_CONSUMER", "CalendarPublishedView", "on_calendar_published"]


class CalendarPublishedView(BaseModel):
    model_config = ConfigDict(extra="ignore")

    year: int
    source: str = Field(max_length=100)
    revision: int = Field(ge=1)
    holidays: list[date] = Field(default_factory=list)
    makeup_workdays: list[date] = Field(default_factory=list)

    @model_validator(mode="after")
    def _days_in_year(self) -> Self:
        stray = [d for d in [*self.holidays, *self.makeup_workdays] if d.year != self.year]
        if stray:
            raise ValueError(f"days outside {self.year}: {stray[:3]}")
        return self


async def on_calendar_published(session: AsyncSession, event: CloudEvent) -> None:
    view = CalendarPublishedView.model_validate(event.data)
    await apply_published_year(
        JoinedUnitOfWork(session),
        year=view.year,
        source=view.source,
        revision=view.revision,
        holidays=view.holidays,
        makeup_workdays=view.makeup_workdays,
    )


CALENDAR_PUBLISHED_CONSUMER = ConsumerSpec(
    durable="exchange-calendar-published",
    stream="CASES",
    subjects=["cases.calendar_published.v1"],
    handler=on_calendar_published,
)
