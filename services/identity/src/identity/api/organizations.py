"""The organization tree (条块): departments and territorial units."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict

from identity import use_cases
from identity.api.dependencies import UowDep
from meshkit.errors import problem_responses

__all__ = ["router"]

router = APIRouter(prefix="/organizations", tags=["组织机构 (organizations)"])


class OrganizationOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    code: str
    name: str
    kind: str
    division_code: str
    credit_code: str | None
    parent_code: str | None
    valid_from: date
    valid_to: date | None


@router.get("", response_model=list[OrganizationOut], responses=problem_responses(404, 422))
async def list_organizations(
    uow: UowDep,
    parent: Annotated[str | None, Query(max_length=40, description="parent code; omit for the roots")] = None,
    kind: Annotated[str | None, Query(max_length=20)] = None,
) -> list[OrganizationOut]:
    """Children of one organization (or the roots)."""
    rows = await use_cases.list_organizations(uow, parent_code=parent, kind=kind)
    return [OrganizationOut.model_validate(row) for row in rows]
