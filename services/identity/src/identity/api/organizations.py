"""The organization tree (条块): departments and territorial units."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response, status
from pydantic import MISSING, BaseModel, ConfigDict, Field

from identity.api.access import AdminOnlyActorDep
from identity.api.dependencies import UowDep
from identity.api.names import OrganizationName
from identity.domain.organizations import OrganizationFields, OrganizationKind
from identity.use_cases import organizations as cases
from meshkit.created import created_response, set_location
from meshkit.errors import problem_responses
from meshkit.legaldate import IsoDate

__all__ = ["router"]

router = APIRouter(prefix="/organizations", tags=["组织机构 (organizations)"])

Code = Annotated[str, Path(max_length=40, description="organization code (组织代码)")]
ValidOn = Annotated[IsoDate | None, Query(description="only organizations valid on this date (e.g. today)")]


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


class OrganizationRef(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    code: str
    name: str
    kind: str


class OrganizationDetail(OrganizationOut):
    path: list[OrganizationRef] = Field(description="from the root down to this organization, inclusive")


class SubtreeNode(OrganizationOut):
    depth: int = Field(description="0 for the organization asked for, 1 for its children, …")


class OrganizationPage(BaseModel):
    items: list[OrganizationOut]
    total: int
    limit: int
    offset: int


class OrganizationIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: Annotated[str, Field(min_length=1, max_length=40, examples=["500110001000-center"])]
    name: OrganizationName
    kind: OrganizationKind
    division_code: Annotated[str, Field(max_length=20, description="12-digit division code (区划代码)")]
    credit_code: Annotated[str | None, Field(max_length=64, description="统一社会信用代码")] = None
    parent_code: Annotated[str | None, Field(max_length=40)] = None
    valid_from: IsoDate = Field(default_factory=date.today)
    valid_to: IsoDate | None = None


class OrganizationPatch(BaseModel):
    """Only the fields sent change. ``null`` is taken only where it means something (no credit code, a root, not
    retired); elsewhere it is refused (422)."""

    model_config = ConfigDict(extra="forbid")

    name: OrganizationName | MISSING = MISSING
    kind: OrganizationKind | MISSING = MISSING
    division_code: Annotated[str, Field(max_length=20)] | MISSING = MISSING
    credit_code: Annotated[str | None, Field(max_length=64, description="null: none")] | MISSING = MISSING
    parent_code: Annotated[str | None, Field(max_length=40, description="null: a root")] | MISSING = MISSING
    valid_from: IsoDate | MISSING = MISSING
    valid_to: (
        Annotated[IsoDate | None, Field(description="set to retire (撤销); null to restore")] | MISSING
    ) = MISSING


@router.get("", response_model=list[OrganizationOut], responses=problem_responses(404, 422))
async def list_organizations(
    uow: UowDep,
    parent: Annotated[str | None, Query(max_length=40, description="parent code; omit for the roots")] = None,
    kind: OrganizationKind | None = None,
    valid_on: ValidOn = None,
) -> list[OrganizationOut]:
    """Children of one organization (or the roots). Public."""
    rows = await cases.list_organizations(uow, parent_code=parent, kind=kind, valid_on=valid_on)
    return [OrganizationOut.model_validate(row) for row in rows]


@router.get("/search", response_model=OrganizationPage, responses=problem_responses(422))
async def search_organizations(
    uow: UowDep,
    division_prefix: Annotated[
        str | None, Query(max_length=12, pattern=r"^\d{1,12}$", description="e.g. 500110001")
    ] = None,
    kind: OrganizationKind | None = None,
    name: Annotated[str | None, Query(max_length=50, description="part of the name (名称关键字)")] = None,
    valid_on: ValidOn = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
) -> OrganizationPage:
    """Search the whole tree by division prefix, kind, name and validity date (组织检索). Public."""
    items, total = await cases.search_organizations(
        uow,
        division_prefix=division_prefix,
        kind=kind,
        name=name,
        valid_on=valid_on,
        limit=limit,
        offset=offset,
    )
    return OrganizationPage(
        items=[OrganizationOut.model_validate(o) for o in items], total=total, limit=limit, offset=offset
    )


@router.get("/{code}", response_model=OrganizationDetail, responses=problem_responses(404))
async def get_organization(uow: UowDep, code: Code) -> OrganizationDetail:
    """One organization with its path to the root (组织详情). Public."""
    organization, path = await cases.get_organization(uow, code=code)
    return OrganizationDetail(
        **OrganizationOut.model_validate(organization).model_dump(),
        path=[OrganizationRef.model_validate(o) for o in path],
    )


@router.get("/{code}/subtree", response_model=list[SubtreeNode], responses=problem_responses(404, 422))
async def organization_subtree(
    uow: UowDep,
    code: Code,
    kind: OrganizationKind | None = None,
    valid_on: ValidOn = None,
    limit: Annotated[int, Query(ge=1, le=2000)] = 1000,
) -> list[SubtreeNode]:
    """The organization and everything below it, level by level (下级组织). Public."""
    rows = await cases.organization_subtree(uow, code=code, kind=kind, valid_on=valid_on, limit=limit)
    return [SubtreeNode(**OrganizationOut.model_validate(o).model_dump(), depth=depth) for o, depth in rows]


@router.post(
    "",
    response_model=OrganizationOut,
    status_code=status.HTTP_201_CREATED,
    responses={
        **problem_responses(401, 403, 409, 422),
        **created_response(
            "the organization", operation="get_organization", parameters={"code": "$response.body#/code"}
        ),
    },
)
async def create_organization(
    request: Request, response: Response, uow: UowDep, actor: AdminOnlyActorDep, body: OrganizationIn
) -> OrganizationOut:
    """Add an organization (新增组织); administrators within their territory. Announces
    `identity.organization_changed.v1`."""
    fields = OrganizationFields(**body.model_dump())
    created = OrganizationOut.model_validate(await cases.create_organization(uow, actor, fields=fields))
    set_location(request, response, f"/organizations/{created.code}")
    return created


@router.patch("/{code}", response_model=OrganizationOut, responses=problem_responses(401, 403, 404, 409, 422))
async def update_organization(
    uow: UowDep, actor: AdminOnlyActorDep, code: Code, body: OrganizationPatch
) -> OrganizationOut:
    """Change an organization (修改组织): rename, move, retire with `valid_to`. Administrators within their
    territory. Announces `identity.organization_changed.v1`."""
    changes = body.model_dump(exclude_unset=True)
    return OrganizationOut.model_validate(
        await cases.update_organization(uow, actor, code=code, changes=changes)
    )
