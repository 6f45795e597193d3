"""Dependency aliases for exchange routes.

:func:`permitted` states on a route who may call it at all, from the hub's permission table
(``exchange.domain.access.PERMISSIONS``: the scope a department system needs, the roles a staff member needs),
refused with 403 before the body is looked at. It admits a little more than ``may`` (a scope or a role from
either kind of token) and never less: the use case still decides with ``may``, bound to the caller's own
organization and the record."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from datetime import datetime
from typing import Annotated, Any

from fastapi import Depends, Request

from exchange.clients.outbound import Outbound
from exchange.domain.access import PERMISSIONS, Operation
from exchange.domain.limits import OverBurst, PayloadLimits
from exchange.runtime import runtime_of
from exchange.sealing import Sealer
from exchange.settings import ExchangeSettings
from exchange.store.driver import ResourceSnapshots
from exchange.store.unit_of_work import ExchangeUnitOfWork
from exchange.use_cases.reads import Providers, ReadPath
from meshkit.auth import CurrentPrincipal, Principal, Requires
from meshkit.errors import ProblemError
from meshkit.observability import current_request_id

__all__ = [
    "DataPrincipal",
    "LimitsDep",
    "NowDep",
    "OutboundDep",
    "ProvidersDep",
    "PusherPrincipal",
    "ReadPathDep",
    "RequestIdDep",
    "SealerDep",
    "SettingsDep",
    "SnapshotsDep",
    "UowDep",
    "admit",
    "permitted",
]


def _path(request: Request) -> ReadPath:
    """The read path built in the lifespan (``use_cases.reads``)."""
    return runtime_of(request).read_path


async def _read_path(request: Request) -> ReadPath:
    return _path(request)


async def _uow(request: Request) -> AsyncIterator[ExchangeUnitOfWork]:
    async with ExchangeUnitOfWork(runtime_of(request).database) as uow:
        yield uow


async def _settings(request: Request) -> ExchangeSettings:
    return runtime_of(request).settings


async def _sealer(request: Request) -> Sealer:
    return _path(request).sealer


async def _providers(request: Request) -> Providers:
    return _path(request).providers


async def _outbound(request: Request) -> Outbound:
    """The outbound client: registrations screen provider endpoints and webhook URLs with its policy."""
    return runtime_of(request).outbound


async def _limits(request: Request) -> PayloadLimits:
    return runtime_of(request).payload_limits


async def _snapshots(request: Request) -> ResourceSnapshots:
    return _path(request).snapshots


async def _now(request: Request) -> datetime:
    """The read path's clock: real time in service, fixed in tests."""
    return _path(request).clock()


async def _request_id() -> str | None:
    return current_request_id()


def requirement(
    *operations: Operation, scopes: tuple[str, ...] = (), what: str, code: str = "not_permitted"
) -> Requires:
    """Government callers (staff, systems) holding the scope or one of the roles of any of ``operations``; with no
    operation, any government caller (where the use case's own refusal is the more precise one, e.g. a resource
    whose endpoint only the provider's administrators set: ``endpoint_not_allowed``)."""
    grants = [PERMISSIONS[operation] for operation in operations]
    return Requires(
        kinds=("staff", "system"),
        scopes={grant.scope for grant in grants} | set(scopes),
        roles={role for grant in grants for role in grant.roles},
        what=what,
        code=code,
    )


def permitted(
    *operations: Operation, scopes: tuple[str, ...] = (), what: str, code: str = "not_permitted"
) -> Any:
    """``Depends`` on :func:`requirement`: ``principal: Annotated[Principal, permitted(Operation.AUDIT, ...)]``."""
    return Depends(requirement(*operations, scopes=scopes, what=what, code=code))


_PUSHER = requirement(Operation.PUSH_RECORDS, what="推送数据")


async def _data_pusher(request: Request, principal: Annotated[Principal, Depends(_PUSHER)]) -> Principal:
    """A caller who may push records at all, after its client's token bucket allowed the request."""
    return await admit(request, principal)


async def _data_principal(request: Request, principal: CurrentPrincipal) -> Principal:
    """The caller, after its client's token bucket allowed one more request on the data path."""
    return await admit(request, principal)


async def admit(request: Request, principal: Principal, cost: int = 1) -> Principal:
    """``principal`` if its client's token bucket (in this process) allows ``cost`` more reads, else 429."""
    limiter = runtime_of(request).rate_limiter
    try:
        wait = limiter.check(principal.client_id or principal.sub, time.monotonic(), cost)
    except OverBurst as exc:
        raise ProblemError(
            f"一次请求的读取数超过本客户端的限额，请每次至多 {exc.burst} 条 (batch larger than the rate limit of "
            f"client {principal.client_id} allows: at most {exc.burst} reads per request)",
            status=429,
            code="batch_over_limit",
        ) from None
    if wait:
        raise ProblemError(
            f"请求过于频繁，请 {wait} 秒后重试 (rate limit of client {principal.client_id} exceeded)",
            status=429,
            code="rate_limited",
            headers={"Retry-After": str(wait)},
        )
    return principal


UowDep = Annotated[ExchangeUnitOfWork, Depends(_uow)]
SettingsDep = Annotated[ExchangeSettings, Depends(_settings)]
SealerDep = Annotated[Sealer, Depends(_sealer)]
ProvidersDep = Annotated[Providers, Depends(_providers)]
OutboundDep = Annotated[Outbound, Depends(_outbound)]
LimitsDep = Annotated[PayloadLimits, Depends(_limits)]
RequestIdDep = Annotated[str | None, Depends(_request_id)]
SnapshotsDep = Annotated[ResourceSnapshots, Depends(_snapshots)]
NowDep = Annotated[datetime, Depends(_now)]
DataPrincipal = Annotated[Principal, Depends(_data_principal)]
PusherPrincipal = Annotated[Principal, Depends(_data_pusher)]
ReadPathDep = Annotated[ReadPath, Depends(_read_path)]
