"""Dependency aliases for cases routes."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request

from cases.store.unit_of_work import CasesUnitOfWork

__all__ = ["UowDep"]


async def _uow(request: Request) -> AsyncIterator[CasesUnitOfWork]:
    async with CasesUnitOfWork(request.app.state.database) as uow:
        yield uow


UowDep = Annotated[CasesUnitOfWork, Depends(_uow)]
