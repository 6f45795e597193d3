"""The working-day calendar (工作日历): the published years and their special days; administrators enter each
year's holiday notice when the State Council publishes it."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Path, Request
from pydantic import BaseModel, ConfigDict, Field

from cases.api.dependencies import CalendarAdminDep, CallerDep, UowDep
from cases.domain.calendar import FIRST_YEAR, LAST_YEAR
from cases.use_cases.calendar import PublishedYear, list_years, publish_year
from meshkit.errors import problem_responses
from meshkit.legaldate import today

__all__ = ["router"]

router = APIRouter(prefix="/calendar", tags=["工作日历 (calendar)"])

Year = Annotated[int, Path(ge=FIRST_YEAR, le=LAST_YEAR, description="the year of the notice")]


class YearIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    source: str = Field(
        min_length=2,
        max_length=100,
        description="the notice, e.g. 国办发明电〔2026〕N号",
        examples=["国务院办公厅关于2027年部分节假日安排的通知"],
    )
    holidays: list[date] = Field(
        default_factory=list,
        max_length=60,
        description="weekdays off (法定节假日 and the weekdays of holiday weeks)",
    )
    makeup_workdays: list[date] = Field(
        default_factory=list, max_length=30, description="weekend days worked (调休上班)"
    )


class YearOut(BaseModel):
    year: int
    source: str
    holidays: list[date]
    makeup_workdays: list[date]


class PublishedOut(YearOut):
    due_dates_computed: int = Field(
        description="open cases whose due dates were pending on this year and are now computed"
    )


def _out(year: PublishedYear) -> YearOut:
    return YearOut(
        year=year.year, source=year.source, holidays=year.holidays, makeup_workdays=year.makeup_workdays
    )


@router.get("/years", response_model=list[YearOut], responses=problem_responses(401))
async def calendar_years(uow: UowDep, caller: CallerDep) -> list[YearOut]:
    """The years whose holiday notice is entered, with their special days; deadlines in other years stay
    pending (never guessed)."""
    return [_out(year) for year in await list_years(uow)]


@router.put("/years/{year}", response_model=PublishedOut, responses=problem_responses(401, 403, 422))
async def publish_calendar_year(
    request: Request, uow: UowDep, caller: CalendarAdminDep, year: Year, body: YearIn
) -> PublishedOut:
    """Enter (or correct) a year's holiday notice (district administrators): the weekdays off and the weekend
    days worked. Replaces what was held for that year, and computes at once the due dates of open cases that
    were pending because the year was not published."""
    published = await publish_year(
        uow,
        caller=caller,
        year=year,
        source=body.source,
        holidays=body.holidays,
        makeup_workdays=body.makeup_workdays,
        today=today(),
    )
    request.app.state.calendar = None  # this process reads the new calendar at once; others within 30 s
    return PublishedOut(**_out(published).model_dump(), due_dates_computed=published.due_dates_computed)
