"""The members' systems (接入系统): the names "who read my data" shows beside each reading client id."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path
from pydantic import BaseModel, ConfigDict, Field

from exchange.api.dependencies import UowDep, permitted
from exchange.domain.access import Operation
from exchange.use_cases import systems
from meshkit.auth import Principal
from meshkit.errors import problem_responses

__all__ = ["router"]

router = APIRouter(prefix="/members/{code}/systems", tags=["数据资源目录 (directory)"])

MemberCode = Annotated[str, Path(max_length=40, description="member code (成员单位代码)")]
ClientId = Annotated[
    str,
    Path(
        max_length=64,
        pattern=r"^[a-z0-9][a-z0-9._-]{2,63}$",
        description="identity's client id (接入系统标识), as tokens carry it",
    ),
]


class SystemIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=100, description="系统名称, as identity registers it")


class SystemOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    client_id: str
    member_code: str
    name: str


@router.get("", response_model=list[SystemOut], responses=problem_responses(404))
async def member_systems(uow: UowDep, code: MemberCode) -> list[SystemOut]:
    """The member's systems by name (接入系统), public like the member list."""
    return [SystemOut.model_validate(s) for s in await systems.systems_of(uow, member_code=code)]


@router.put("/{client_id}", response_model=list[SystemOut], responses=problem_responses(403, 404, 422))
async def put_member_system(
    uow: UowDep,
    principal: Annotated[Principal, permitted(Operation.ADMINISTER, what="登记接入系统", code="forbidden")],
    code: MemberCode,
    client_id: ClientId,
    body: SystemIn,
) -> list[SystemOut]:
    """Enter or rename one of the member's systems by identity's client id and name (operators only): "who read
    my data" then shows a read by this client under this name. Returns the member's systems."""
    found = await systems.put_system(
        uow, caller=principal, member_code=code, client_id=client_id, name=body.name
    )
    return [SystemOut.model_validate(s) for s in found]
