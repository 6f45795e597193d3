"""Dependency aliases for catalog routes. Who may do what is decided in the use cases (domain rules)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request

from catalog.store.unit_of_work import CatalogUnitOfWork

__all__ = ["UowDep"]


async def _uow(request: Request) -> AsyncIterator[CatalogUnitOfWork]:
    async with CatalogUnitOfWork(request.app.state.database) as uow:
        yield uow


UowDep = Annotated[CatalogUnitOfWork, Depends(_uow)]
