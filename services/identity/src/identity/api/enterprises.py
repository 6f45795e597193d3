"""Enterprises (法人) and their legal representatives (法定代表人)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Path, Query, Response, status
from pydantic import BaseModel, ConfigDict, Field

from identity.api.access import ActorDep, CipherDep
from identity.api.dependencies import UowDep
from identity.store.models import Enterprise
from identity.use_cases import enterprises as cases
from meshkit.errors import problem_responses
from meshkit.headers import NoStore

__all__ = ["EnterpriseOut", "router"]

router = APIRouter(prefix="/enterprises", tags=["法人 (enterprises)"], dependencies=[NoStore])


class EnterpriseIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Annotated[str, Field(min_length=1, max_length=200, description="企业名称")]
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
    responses=problem_responses(401, 403, 409, 422),
)
async def register_enterprise(
    uow: UowDep, cipher: CipherDep, actor: ActorDep, body: EnterpriseIn
) -> EnterpriseOut:
    """Register an enterprise (企业登记); the calling person, real-name level ≥ 2, becomes its legal
    representative."""
    enterprise = await cases.register_enterprise(
        uow, actor, cipher=cipher, name=body.name, credit_code=body.credit_code
    )
    return EnterpriseOut.of(enterprise)


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
    """An enterprise (企业信息): its legal representative or staff who serve applicants; masked unless revealed."""
    view = await cases.get_enterprise(uow, actor, cipher=cipher, enterprise_id=enterprise_id, reveal=reveal)
    response.headers["Cache-Control"] = "no-store"
    return EnterpriseOut.of(view.enterprise, credit_code=view.credit_code)
