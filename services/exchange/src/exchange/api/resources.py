"""The data resource directory (共享目录)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, ConfigDict

from exchange import use_cases
from exchange.store.unit_of_work import ExchangeUnitOfWork
from meshkit.errors import problem_responses

__all__ = ["router"]

router = APIRouter(prefix="/resources", tags=["数据资源目录 (resources)"])


async def _uow(request: Request) -> AsyncIterator[ExchangeUnitOfWork]:
    async with ExchangeUnitOfWork(request.app.state.database) as uow:
        yield uow


UowDep = Annotated[ExchangeUnitOfWork, Depends(_uow)]


class ResourceOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    code: str
    name: str
    provider_code: str
    summary: str
    items: list[dict[str, Any]]
    sharing_type: str
    sharing_condition: str | None
    sharing_method: str
    update_cycle: str
    published_on: date


@router.get("", response_model=list[ResourceOut], responses=problem_responses(422))
async def list_resources(
    uow: UowDep, provider: Annotated[str | None, Query(max_length=40, description="provider code")] = None
) -> list[ResourceOut]:
    """Data resources registered for sharing, optionally of one provider (提供部门)."""
    return [
        ResourceOut.model_validate(r) for r in await use_cases.list_resources(uow, provider_code=provider)
    ]


@router.get("/{code}", response_model=ResourceOut, responses=problem_responses(404))
async def get_resource(uow: UowDep, code: str) -> ResourceOut:
    """One data resource by its code (资源代码)."""
    return ResourceOut.model_validate(await use_cases.get_resource(uow, code=code))
