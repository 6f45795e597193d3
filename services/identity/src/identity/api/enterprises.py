"""Enterprises (法人) and their legal representatives (法定代表人)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response, status
from pydantic import BaseModel, ConfigDict, Field

from identity.api.access import ActorDep, CipherDep, PersonActorDep
from identity.api.dependencies import RegistersDep, UowDep
from identity.store.models import Enterprise
from identity.use_cases import enterprises as cases
from meshkit.created import created_response, set_location
from meshkit.errors import problem_responses
from meshkit.headers import NoStore

__all__ = ["EnterpriseOut", "router"]

router = APIRouter(prefix="/enterprises", tags=["法人 (enterprises)"], dependencies=[NoStore])


class EnterpriseIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Annotated[
        str | None,
        Field(
            default=None,
            max_length=200,
            deprecated=True,
            description="ignored: the enterprise's name is the market-regulation register's",
        ),
    ] = None
    credit_code: Annotated[str, Field(max_length=64, description="统一社会信用代码 (GB 32100-2015)")]


class EnterpriseOut(BaseModel):
    id: str
    name: str
    credit_code_masked: str = Field(examples=["915001********0R3L"])
    legal_representative_id: str
    created_at: datetime
    credit_code: str | None = Field(
        default=None, description="only for the legal representative with ?reveal=true"
    )

    @classmethod
    def of(cls, enterprise: Enterprise, *, credit_code: str | None = None) -> EnterpriseOut:
        return cls(
            id=enterprise.id,
            name=enterprise.name,
            credit_code_masked=enterprise.credit_code_masked,
            legal_representative_id=enterprise.legal_representative_id,
            created_at=enterprise.created_at,
            credit_code=credit_code,
        )


@router.post(
    "",
    response_model=EnterpriseOut,
    status_code=status.HTTP_201_CREATED,
    responses={
        **problem_responses(401, 403, 409, 422, 503),
        **created_response(
            "the enterprise", operation="get_enterprise", parameters={"enterprise_id": "$response.body#/id"}
        ),
    },
)
async def register_enterprise(
    request: Request,
    response: Response,
    uow: UowDep,
    cipher: CipherDep,
    actor: PersonActorDep,
    registers: RegistersDep,
    body: EnterpriseIn,
) -> EnterpriseOut:
    """Register an enterprise (企业登记). identity reads its 法人 record (500110-SCJGJ-FR-001) from the
    market-regulation register through the exchange, under its registered duty (the read shows in the company's
    "who read my data"). Only the person the record names as legal representative (法定代表人, by ID number;
    real-name level ≥ 2) becomes its representative: anyone else gets 403 `not_legal_representative`, a code the
    register does not hold 403 `enterprise_not_in_registry`, the register unreachable 503
    `verification_unavailable`. The name is the register's. Held already by someone else: 409
    `enterprise_claimed` (the representative reclaims it at a hall: `POST /enterprises/{id}/reclaim`)."""
    enterprise = await cases.register_enterprise(
        uow, registers, actor, cipher=cipher, credit_code=body.credit_code
    )
    created = EnterpriseOut.of(enterprise)
    set_location(request, response, f"/enterprises/{created.id}")
    return created


@router.get("/{enterprise_id}", response_model=EnterpriseOut, responses=problem_responses(401, 403, 404))
async def get_enterprise(
    uow: UowDep,
    cipher: CipherDep,
    actor: ActorDep,
    response: Response,
    enterprise_id: Annotated[str, Path(max_length=36)],
    reveal: Annotated[
        bool, Query(description="the legal representative may see the full credit code")
    ] = False,
) -> EnterpriseOut:
    """An enterprise (企业信息): its legal representative, its current agents (经办人) or staff who serve
    applicants; masked unless revealed."""
    view = await cases.get_enterprise(uow, actor, cipher=cipher, enterprise_id=enterprise_id, reveal=reveal)
    response.headers["Cache-Control"] = "no-store"
    return EnterpriseOut.of(view.enterprise, credit_code=view.credit_code)
