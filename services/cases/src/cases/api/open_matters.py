"""Matters open for application (可申请事项), as the cases service knows them from catalog events."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict

from cases import use_cases
from cases.api.dependencies import UowDep
from cases.api.paths import MatterCode
from meshkit.errors import problem_responses

__all__ = ["router"]

router = APIRouter(prefix="/open-matters", tags=["可申请事项 (open matters)"])


class OpenMatterOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    code: str
    matter_id: str
    version: int
    name: str
    matter_type: str
    department_code: str
    statutory_days: int
    promised_days: int
    updated_at: datetime


class OpenMatterPage(BaseModel):
    items: list[OpenMatterOut]
    total: int
    limit: int
    offset: int


@router.get("", response_model=OpenMatterPage, responses=problem_responses(422))
async def list_open_matters(
    uow: UowDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
) -> OpenMatterPage:
    """Matters that can be applied for now, newest published version of each."""
    items, total = await use_cases.list_open_matters(uow, limit=limit, offset=offset)
    return OpenMatterPage(
        items=[OpenMatterOut.model_validate(m) for m in items], total=total, limit=limit, offset=offset
    )


@router.get("/{code}", response_model=OpenMatterOut, responses=problem_responses(404))
async def get_open_matter(uow: UowDep, code: MatterCode) -> OpenMatterOut:
    """One matter open for application, by implementation code (实施编码)."""
    return OpenMatterOut.model_validate(await use_cases.get_open_matter(uow, code=code))
