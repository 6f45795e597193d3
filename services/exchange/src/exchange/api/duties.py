"""Registered duties (履职依据): what a read without a case may cite as its legal basis."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request
from pydantic import BaseModel, ConfigDict, Field

from exchange.api.dependencies import UowDep, permitted
from exchange.domain.access import Operation
from exchange.runtime import runtime_of
from exchange.use_cases import duties
from meshkit.auth import CurrentPrincipal, Principal
from meshkit.errors import problem_responses
from meshkit.hostile import MultiLineText
from meshkit.legaldate import IsoDate

__all__ = ["router"]

router = APIRouter(prefix="/duties", tags=["访问日志 (access log)"])


class DutyIn(BaseModel):
    member_code: str = Field(max_length=40, description="the member whose duty it is (履职部门)")
    name: str = Field(min_length=2, max_length=200, examples=["刑事案件侦查"])
    statute: MultiLineText = Field(
        min_length=4,
        max_length=2000,
        description="the law and article cited (法律依据)",
        examples=["《中华人民共和国刑事诉讼法》第一百四十四条"],
    )
    resources: list[Annotated[str, Field(max_length=50)]] = Field(
        default=[], max_length=200, description="resource codes it covers; empty: every resource"
    )
    allows_hiding: bool = Field(default=False, description="reads under it may be hidden from their subject")
    max_hidden_days: int = Field(default=0, ge=0, le=duties.MAX_HIDDEN_DAYS)
    valid_from: IsoDate
    valid_to: IsoDate | None = None
    active: bool = True


class DutyOut(DutyIn):
    model_config = ConfigDict(from_attributes=True)

    code: str
    registered_by: str


@router.put("/{code}", response_model=DutyOut, responses=problem_responses(401, 403, 422))
async def put_duty(
    request: Request,
    uow: UowDep,
    principal: Annotated[Principal, permitted(Operation.ADMINISTER, what="登记履职依据")],
    body: DutyIn,
    code: Annotated[
        str,
        Path(
            min_length=3,
            max_length=50,
            pattern=r"^[A-Za-z0-9._-]+$",
            description="the code reads cite as legal_basis (履职依据编码)",
        ),
    ],
) -> DutyOut:
    """Enter or change a member's registered duty (operators): reads not tied to a case cite its code as
    `legal_basis`; only the member's own reads may, only while it is active and valid, only for the resources it
    covers. A duty that allows hiding reads from their subject (an investigation) says for how many days at most."""
    duty = await duties.put_duty(
        uow, caller=principal, draft=duties.DutyDraft(code=code, **body.model_dump())
    )
    runtime_of(request).read_path.bases.forget_duty(code)
    return DutyOut.model_validate(duty)


@router.get("", response_model=list[DutyOut], responses=problem_responses(401, 403))
async def list_duties(uow: UowDep, principal: CurrentPrincipal) -> list[DutyOut]:
    """The registered duties: one's own organization's, or all for operators and auditors."""
    return [DutyOut.model_validate(d) for d in await duties.list_duties(uow, caller=principal)]
