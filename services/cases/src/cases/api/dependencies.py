"""Dependency aliases for cases routes."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from starlette.datastructures import State

from cases.domain.access import Caller
from cases.domain.calendar import WorkingCalendar
from cases.settings import CasesSettings
from cases.store.unit_of_work import CasesUnitOfWork
from cases.use_cases.calendar import load_calendar
from cases.use_cases.matters import OpenMatterCache
from meshkit.auth import CurrentPrincipal, Principal

__all__ = [
    "CalendarDep",
    "CallerDep",
    "SettingsDep",
    "UowDep",
    "caller_of",
    "open_matters",
    "working_calendar",
]

CALENDAR_TTL = 30.0


async def _uow(request: Request) -> AsyncIterator[CasesUnitOfWork]:
    async with CasesUnitOfWork(request.app.state.database) as uow:
        yield uow


# Dependencies are ``async def`` even when they do not await: a plain ``def`` runs in a worker thread.
async def _settings(request: Request) -> CasesSettings:
    settings: CasesSettings = request.app.state.settings
    return settings


def open_matters(state: State) -> OpenMatterCache:
    """Open matters cached in this process for ``CASES_MATTER_CACHE_SECONDS`` (see ``OpenMatterCache``)."""
    cache: OpenMatterCache | None = getattr(state, "open_matter_cache", None)
    if cache is None:
        cache = OpenMatterCache(state.settings.matter_cache_seconds)
        state.open_matter_cache = cache
    return cache


def caller_of(principal: Principal) -> Caller:
    return Caller(
        sub=principal.sub,
        kind=principal.kind,
        org=principal.org,
        region=principal.region,
        roles=principal.roles,
        acr=principal.acr,
        scopes=principal.scopes,
    )


async def working_calendar(state: State) -> WorkingCalendar:
    """The editable calendar, re-read at most every 30 s (edits reset it at once in this process)."""
    cached: tuple[WorkingCalendar, float] | None = getattr(state, "calendar", None)
    if cached is None or time.monotonic() - cached[1] > CALENDAR_TTL:
        async with CasesUnitOfWork(state.database) as uow:
            cached = (await load_calendar(uow), time.monotonic())
        state.calendar = cached
    return cached[0]


async def _caller(principal: CurrentPrincipal) -> Caller:
    return caller_of(principal)


async def _calendar(request: Request) -> WorkingCalendar:
    return await working_calendar(request.app.state)


UowDep = Annotated[CasesUnitOfWork, Depends(_uow)]
SettingsDep = Annotated[CasesSettings, Depends(_settings)]
CallerDep = Annotated[Caller, Depends(_caller)]
CalendarDep = Annotated[WorkingCalendar, Depends(_calendar)]
