"""Dependency aliases for cases routes.

Who may call a route at all (token kind, role, scope) is a dependency, refused with 403 before the body is looked
at; whose case it is and in which capacity (``cases.domain.access``) is decided in the use cases."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Annotated, Any

from fastapi import Depends, Request
from starlette.datastructures import State

from cases.domain.access import BASIS_SCOPE, Caller
from cases.domain.calendar import WorkingCalendar
from cases.settings import CasesSettings
from cases.store.unit_of_work import CasesUnitOfWork
from cases.use_cases.calendar import load_calendar
from cases.use_cases.matters import OpenMatterCache
from meshkit.auth import CurrentPrincipal, Principal, Requires

__all__ = [
    "ApplicantDep",
    "BasisReaderDep",
    "CalendarAdminDep",
    "CalendarDep",
    "CallerDep",
    "DepartmentReviewerDep",
    "RectificationReaderDep",
    "SettingsDep",
    "StaffDep",
    "SupervisorDep",
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


def _current_calendar(state: State) -> WorkingCalendar | None:
    cached: tuple[WorkingCalendar, float] | None = getattr(state, "calendar", None)
    return cached[0] if cached is not None and time.monotonic() - cached[1] <= CALENDAR_TTL else None


async def working_calendar(state: State) -> WorkingCalendar:
    """The editable calendar, re-read at most every 30 s (edits reset it at once in this process). One read at a
    time: the requests arriving while it is read wait for it, instead of each reading it (issue 21: every 30 s,
    each of 32 concurrent applications loaded the whole calendar through the ORM)."""
    if (calendar := _current_calendar(state)) is not None:
        return calendar
    lock: asyncio.Lock | None = getattr(state, "calendar_reading", None)
    if lock is None:
        lock = state.calendar_reading = asyncio.Lock()
    async with lock:
        if (calendar := _current_calendar(state)) is not None:  # read by the request that held the lock
            return calendar
        async with CasesUnitOfWork(state.database) as uow:
            calendar = await load_calendar(uow)
        state.calendar = (calendar, time.monotonic())
    return calendar


async def _caller(principal: CurrentPrincipal) -> Caller:
    return caller_of(principal)


async def _calendar(request: Request) -> WorkingCalendar:
    return await working_calendar(request.app.state)


UowDep = Annotated[CasesUnitOfWork, Depends(_uow)]
SettingsDep = Annotated[CasesSettings, Depends(_settings)]
CallerDep = Annotated[Caller, Depends(_caller)]
CalendarDep = Annotated[WorkingCalendar, Depends(_calendar)]


def _caller_who(requires: Requires) -> Callable[..., Awaitable[Caller]]:
    """A ``Caller`` dependency that first refuses, with 403, whoever ``requires`` does not admit."""

    async def caller(principal: Principal = Depends(requires)) -> Caller:
        return caller_of(principal)

    return caller


def _who(
    *,
    kinds: tuple[str, ...],
    roles: tuple[str, ...] = (),
    scopes: tuple[str, ...] = (),
    what: str,
    code: str = "not_permitted",
) -> Any:
    """``Depends`` on a ``Caller`` admitted by ``Requires(...)``; ``code`` is the 403's, as the use case had it."""
    return Depends(_caller_who(Requires(kinds=kinds, roles=roles, scopes=scopes, what=what, code=code)))


ApplicantDep = Annotated[Caller, _who(kinds=("person", "enterprise"), what="“我的办件”")]
StaffDep = Annotated[Caller, _who(kinds=("staff",), what="办件队列和材料统计")]
SupervisorDep = Annotated[Caller, _who(kinds=("staff",), roles=("supervisor",), what="超期办件监察")]
DepartmentReviewerDep = Annotated[
    Caller, _who(kinds=("staff",), roles=("department_head", "reviewer"), what="整改处理")
]
RectificationReaderDep = Annotated[
    Caller, _who(kinds=("staff",), roles=("department_head", "reviewer", "supervisor"), what="查看整改")
]
CalendarAdminDep = Annotated[
    Caller, _who(kinds=("staff",), roles=("admin",), what="录入节假日安排", code="calendar_admin_only")
]
BasisReaderDep = Annotated[Caller, _who(kinds=("system",), scopes=(BASIS_SCOPE,), what="查询办件依据")]
