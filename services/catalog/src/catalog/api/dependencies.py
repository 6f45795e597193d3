"""Dependency aliases for catalog routes."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request

from catalog.store.unit_of_work import CatalogUnitOfWork
from meshkit.auth import CurrentPrincipal, Principal
from meshkit.errors import ProblemError

__all__ = ["EditorDep", "PublisherDep", "UowDep"]


async def _uow(request: Request) -> AsyncIterator[CatalogUnitOfWork]:
    async with CatalogUnitOfWork(request.app.state.database) as uow:
        yield uow


def _requires(scope: str) -> object:
    async def check(principal: CurrentPrincipal) -> Principal:
        if not principal.has_scope(scope):
            raise ProblemError(
                f"需要权限范围 {scope} (scope {scope} required)", status=403, code="insufficient_scope"
            )
        return principal

    return Depends(check)


UowDep = Annotated[CatalogUnitOfWork, Depends(_uow)]
EditorDep = Annotated[Principal, _requires("catalog:write")]
PublisherDep = Annotated[Principal, _requires("catalog:publish")]
