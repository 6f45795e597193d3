"""The directory (共享目录): members, data resources, their item schemas, and what the caller may read."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel, ConfigDict, Field

from exchange import use_cases
from exchange.api.dependencies import OutboundDep, SnapshotsDep, UowDep, permitted
from exchange.domain.access import Operation
from exchange.domain.resources import item_schema
from exchange.domain.sharing import Decision
from exchange.store.models import Member, Resource
from exchange.use_cases import directory
from meshkit.auth import OptionalPrincipal, Principal
from meshkit.errors import problem_responses
from meshkit.hostile import MultiLineText

__all__ = ["router"]

router = APIRouter(tags=["数据资源目录 (directory)"])

Code = Annotated[str, Path(max_length=50, description="resource code (资源代码)")]


ITEM_KEY_LENGTH = 40  # a data item key (数据项标识), as requests, grants and records name it
ItemKey = Annotated[str, Field(min_length=1, max_length=ITEM_KEY_LENGTH)]


class Item(BaseModel):
    key: str = Field(
        max_length=ITEM_KEY_LENGTH, examples=["name"], description="identifier used in requests and records"
    )
    name: str = Field(max_length=100, examples=["姓名"])
    type: str = Field(default="string", max_length=20, examples=["string", "date"])


class AccessOut(BaseModel):
    """What the caller may read of the resource today (needs a purpose and case or legal basis per read)."""

    readable: bool
    items: list[str]
    reason: str | None = Field(description="refusal code when not readable, e.g. not_granted, not_shared")
    detail: str


class ResourceIn(BaseModel):
    name: str = Field(max_length=200)
    provider_code: str = Field(max_length=40)
    summary: MultiLineText = Field(max_length=2000)
    items: list[Item] = Field(max_length=200)
    sharing_type: Literal["unconditional", "conditional", "not_shared"]
    sharing_condition: MultiLineText | None = Field(default=None, max_length=2000)
    sharing_method: Literal["api", "table", "file"]
    update_cycle: str = Field(max_length=20, examples=["实时", "每日"])
    published_on: date
    subject_kind: Literal["person", "enterprise"] = "person"
    legal_basis: MultiLineText | None = Field(default=None, max_length=2000)
    endpoint_url: str | None = Field(default=None, max_length=500)
    timeout_ms: int = Field(default=3000, ge=100, le=60_000)


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
    subject_kind: str
    legal_basis: str | None
    access: AccessOut | None = None


class MemberIn(BaseModel):
    name: str = Field(max_length=200)
    credit_code: str | None = Field(default=None, min_length=18, max_length=18)
    active: bool = True


class MemberOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    code: str
    name: str
    credit_code: str | None
    active: bool


def _out(resource: Resource, decision: Decision | None) -> ResourceOut:
    out = ResourceOut.model_validate(resource)
    if decision is not None:
        out.access = AccessOut(
            readable=decision.allowed,
            items=list(decision.items),
            reason=decision.refusal.value if decision.refusal else None,
            detail=decision.detail,
        )
    return out


@router.get("/members", response_model=list[MemberOut])
async def list_members(uow: UowDep) -> list[MemberOut]:
    """Member organizations of the exchange (成员单位), by identity's organization codes."""
    return [MemberOut.model_validate(m) for m in await directory.list_members(uow)]


@router.put("/members/{code}", response_model=MemberOut, responses=problem_responses(403, 422))
async def register_member(
    uow: UowDep,
    principal: Annotated[Principal, permitted(Operation.ADMINISTER, what="登记成员单位", code="forbidden")],
    code: Annotated[str, Path(max_length=40)],
    body: MemberIn,
) -> MemberOut:
    """Register or update a member organization (operators only)."""
    member = Member(code=code, name=body.name, credit_code=body.credit_code, active=body.active)
    return MemberOut.model_validate(await directory.register_member(uow, caller=principal, member=member))


@router.get("/resources", response_model=list[ResourceOut], responses=problem_responses(422))
async def list_resources(
    uow: UowDep,
    principal: OptionalPrincipal,
    provider: Annotated[str | None, Query(max_length=40, description="provider code")] = None,
) -> list[ResourceOut]:
    """Data resources registered for sharing (共享资源); with a token, each says what the caller may read."""
    found = await use_cases.list_resources(uow, provider_code=provider, caller=principal)
    return [_out(entry.resource, entry.decision) for entry in found]


@router.get("/resources/{code}", response_model=ResourceOut, responses=problem_responses(404))
async def get_resource(uow: UowDep, code: Code) -> ResourceOut:
    """One data resource by its code (资源代码)."""
    return _out(await use_cases.get_resource(uow, code=code), None)


@router.get("/resources/{code}/schema", responses=problem_responses(404))
async def resource_schema(uow: UowDep, code: Code) -> dict[str, Any]:
    """The JSON Schema of one record of the resource (数据项结构), as reads return it."""
    resource = await use_cases.get_resource(uow, code=code)
    return item_schema(resource.code, resource.name, resource.items)


@router.put("/resources/{code}", response_model=ResourceOut, responses=problem_responses(403, 422))
async def register_resource(
    uow: UowDep,
    principal: Annotated[Principal, permitted(what="登记数据资源")],
    code: Code,
    body: ResourceIn,
    snapshots: SnapshotsDep,
    outbound: OutboundDep,
) -> ResourceOut:
    """Register or update a resource of one's own organization (提供部门登记共享资源). Only the provider's
    administrators or its own system set, change or clear the endpoint (``endpoint_not_allowed``), which must
    pass the outbound policy (``endpoint_refused``) and be on a host listed for the provider
    (``endpoint_host_not_allowed``)."""
    resource = Resource(
        code=code, **body.model_dump(exclude={"items"}), items=[item.model_dump() for item in body.items]
    )
    await use_cases.register_resource(uow, resource=resource, caller=principal, outbound=outbound)
    snapshots.forget(code)  # this replica's reads see the change at once; other replicas within their ttl
    return _out(await use_cases.get_resource(uow, code=code), None)
