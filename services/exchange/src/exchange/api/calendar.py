"""The working-day calendar the exchange counts share requests' answer dates in (工作日历): the district's, as
entered by its administrators in the cases service, seeded from the State Council's notices."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter
from pydantic import BaseModel, Field

from exchange.api.dependencies import UowDep
from exchange.domain.calendar import DayKind
from meshkit.auth import CurrentPrincipal
from meshkit.errors import problem_responses

__all__ = ["router"]

router = APIRouter(prefix="/calendar", tags=["共享申请 (share requests)"])


class YearOut(BaseModel):
    year: int
    source: str = Field(description="the notice (节假日安排) the year follows")
    revision: int = Field(
        description="the district's revision of the notice; 0 = as the library published it"
    )
    holidays: list[date] = Field(description="weekdays off")
    makeup_workdays: list[date] = Field(description="weekend days worked (调休上班)")


@router.get("/years", response_model=list[YearOut], responses=problem_responses(401))
async def calendar_years(uow: UowDep, principal: CurrentPrincipal) -> list[YearOut]:
    """The years with a published holiday notice; a share request whose answer date would fall in another year
    is refused with `calendar_unavailable` until the district enters that year's notice."""
    return [
        YearOut(
            year=year.year,
            source=year.source,
            revision=year.revision,
            holidays=[d.day for d in days if d.kind == DayKind.HOLIDAY],
            makeup_workdays=[d.day for d in days if d.kind == DayKind.MAKEUP_WORKDAY],
        )
        for year, days in await uow.calendar.years()
    ]
