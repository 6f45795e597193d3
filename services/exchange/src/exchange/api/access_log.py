"""The access log (访问日志): "who read my data" for citizens and companies, and the chain verifier."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from exchange.api.dependencies import NowDep, ReadPathDep, UowDep
from exchange.use_cases import access_log
from exchange.use_cases.bases import BasisUnavailable
from exchange.use_cases.errors import Unavailable
from meshkit.auth import CurrentPrincipal
from meshkit.errors import problem_responses

__all__ = ["router"]

router = APIRouter(prefix="/access-log", tags=["访问日志 (access log)"])


class ReadOfMyData(BaseModel):
    id: uuid.UUID
    at: datetime
    organization_code: str | None
    organization: str | None = Field(description="name of the reading department (读取部门)")
    system: str = Field(description="the client (system) that read")
    resource_code: str
    resource: str | None
    items: list[str]
    purpose: str | None
    case_ref: str | None
    legal_basis: str | None
    outcome: str
    reason: str | None


class BrokenLink(BaseModel):
    seq: int
    entry_id: str | None
    problem: str = Field(
        description="content_changed | link_broken | missing_entries | not_chained | head_mismatch"
    )
    detail: str


class ChainReportOut(BaseModel):
    intact: bool
    checked: int
    head_seq: int
    head_hash: str
    first_broken: BrokenLink | None


@router.get("/mine", response_model=list[ReadOfMyData], responses=problem_responses(401, 403, 503))
async def reads_of_my_data(
    uow: UowDep, principal: CurrentPrincipal, now: NowDep, path: ReadPathDep,
    limit: Annotated[int, Query(ge=1, le=200)] = 50, offset: Annotated[int, Query(ge=0)] = 0,
) -> list[ReadOfMyData]:  # fmt: skip
    """Who read my data (谁查看了我的数据), newest first: every read of the caller's resident ID (a person) or
    credit code (an enterprise's login), as the hub resolved it from the identifier read — including reads made
    before the account existed. Entries hidden under an investigation duty appear once their date has passed."""

    async def subject_ref(kind: str, owner_id: str) -> str | None:
        try:
            return await path.bases.subject_ref(path.database, kind, owner_id)
        except BasisUnavailable as exc:
            raise Unavailable(
                f"暂时无法确认您的身份信息，请稍后重试 ({exc})", code="identity_unavailable"
            ) from None

    found = await access_log.reads_of_my_data(
        uow, caller=principal, subject_ref=subject_ref, now=now, limit=limit, offset=offset
    )
    return [
        ReadOfMyData(
            id=e.id,
            at=e.at,
            organization_code=e.org_code,
            organization=found.org_names.get(e.org_code or ""),
            system=e.client_id,
            resource_code=e.resource_code,
            resource=found.resource_names.get(e.resource_code),
            items=list(e.items),
            purpose=e.purpose,
            case_ref=e.case_ref,
            legal_basis=e.legal_basis,
            outcome=e.outcome,
            reason=e.reason,
        )
        for e in found.entries
    ]


@router.get("/chain", response_model=ChainReportOut, responses=problem_responses(401, 403))
async def verify_chain(uow: UowDep, principal: CurrentPrincipal) -> ChainReportOut:
    """Verify the hash chain (校验日志哈希链) and report the first broken link (operators and auditors)."""
    report = await access_log.verify_chain(uow, caller=principal)
    broken = report.first_broken
    return ChainReportOut(
        intact=report.intact, checked=report.checked, head_seq=report.head_seq, head_hash=report.head_hash,
        first_broken=None if broken is None else BrokenLink(seq=broken.seq, entry_id=broken.entry_id,
                                                            problem=broken.problem, detail=broken.detail),
    )  # fmt: skip
