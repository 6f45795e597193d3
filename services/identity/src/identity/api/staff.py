"""Staff accounts (工作人员): window clerks, reviewers, heads, supervisors, administrators."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response, status
from pydantic import MISSING, BaseModel, ConfigDict, Field, SecretStr

from identity.api.access import AdministratorActorDep, AdminOnlyActorDep, StaffCardReaderDep
from identity.api.dependencies import SettingsDep, UowDep
from identity.api.names import StaffName
from identity.domain.subjects import PASSWORD_MAX_LENGTH, StaffRole
from identity.store.models import Staff
from identity.use_cases import staff as cases
from meshkit.created import created_response, set_location
from meshkit.errors import problem_responses
from meshkit.headers import NoStore

__all__ = ["router"]

router = APIRouter(prefix="/staff", tags=["工作人员 (staff)"], dependencies=[NoStore])

StaffId = Annotated[str, Path(max_length=36)]
Name = StaffName
OrganizationCode = Annotated[str, Field(min_length=1, max_length=40, description="所属组织代码")]
Roles = Annotated[list[StaffRole], Field(min_length=1, max_length=5, description="角色")]
Division = Annotated[
    str,
    Field(
        max_length=12,
        pattern=r"^\d{12}$",
        description="管辖范围: a 12-digit division code",
        examples=["500110000000"],
    ),
]
Password = Annotated[
    SecretStr, Field(max_length=PASSWORD_MAX_LENGTH, description="8+ characters, letters and digits")
]


class StaffIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    username: Annotated[
        str,
        Field(
            max_length=64,
            pattern=r"^[a-z0-9][a-z0-9._-]{2,63}$",
            description="登录用户名",
            examples=["zhang.wei"],
        ),
    ]
    name: Name
    organization_code: OrganizationCode
    roles: Roles
    scope_division: Division
    password: Password


class StaffPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Name | MISSING = MISSING
    organization_code: OrganizationCode | MISSING = MISSING
    roles: Roles | MISSING = MISSING
    scope_division: Division | MISSING = MISSING
    password: Annotated[Password, Field(description="a new password; clears any lockout")] | MISSING = MISSING


class StaffOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    username: str
    name: str
    organization_code: str
    roles: list[str]
    scope_division: str
    active: bool
    created_at: datetime
    version: int


class StaffPage(BaseModel):
    items: list[StaffOut]
    total: int
    limit: int
    offset: int


def _out(staff: Staff) -> StaffOut:
    return StaffOut.model_validate(staff)


@router.post(
    "",
    response_model=StaffOut,
    status_code=status.HTTP_201_CREATED,
    responses={
        **problem_responses(401, 403, 409, 422),
        **created_response(
            "the staff account", operation="get_staff", parameters={"staff_id": "$response.body#/id"}
        ),
    },
)
async def create_staff(
    request: Request, response: Response, uow: UowDep, actor: AdminOnlyActorDep, body: StaffIn
) -> StaffOut:
    """Create a staff account (新增工作人员); administrators (管理员) within their territory."""
    fields = cases.StaffFields(
        username=body.username,
        name=body.name,
        organization_code=body.organization_code,
        roles=tuple(body.roles),
        scope_division=body.scope_division,
    )
    created = _out(
        await cases.create_staff(uow, actor, fields=fields, password=body.password.get_secret_value())
    )
    set_location(request, response, f"/staff/{created.id}")
    return created


@router.get("", response_model=StaffPage, responses=problem_responses(401, 403, 422))
async def list_staff(
    uow: UowDep,
    actor: AdministratorActorDep,
    organization: Annotated[str | None, Query(max_length=40)] = None,
    role: StaffRole | None = None,
    active: bool | None = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
) -> StaffPage:
    """Staff within the administrator's territory (工作人员列表)."""
    items, total = await cases.list_staff(
        uow, actor, organization_code=organization, role=role, active=active, limit=limit, offset=offset
    )
    return StaffPage(items=[_out(s) for s in items], total=total, limit=limit, offset=offset)


@router.get("/{staff_id}", response_model=StaffOut, responses=problem_responses(401, 403, 404))
async def get_staff(uow: UowDep, actor: AdministratorActorDep, staff_id: StaffId) -> StaffOut:
    """One staff account: administrators within reach, or the staff member themself."""
    return _out(await cases.get_staff(uow, actor, staff_id=staff_id))


class StaffCardOut(BaseModel):
    """What a colleague reads of a staff member beside what they did: name and organization, nothing else."""

    model_config = ConfigDict(from_attributes=True)

    id: str
    name: str = Field(description="姓名")
    organization_code: str = Field(description="所属组织代码")


@router.get("/{staff_id}/card", response_model=StaffCardOut, responses=problem_responses(401, 403, 404))
async def get_staff_card(uow: UowDep, actor: StaffCardReaderDep, staff_id: StaffId) -> StaffCardOut:
    """A staff member's name and organization (工作人员名片), for staff and for platform systems with scope
    ``identity:staff_names``: services show who recorded a step by name to staff, never by id. Persons and
    enterprises are refused 403 (they read the capacity and the organization instead)."""
    return StaffCardOut.model_validate(await cases.staff_card(uow, staff_id=staff_id))


@router.patch("/{staff_id}", response_model=StaffOut, responses=problem_responses(401, 403, 404, 409, 422))
async def update_staff(
    uow: UowDep, actor: AdminOnlyActorDep, staff_id: StaffId, body: StaffPatch
) -> StaffOut:
    """Change name, organization, roles, scope or password (修改工作人员); announces `identity.staff_changed.v1`."""
    changes = cases.StaffChanges(
        name=None if body.name is MISSING else body.name,
        organization_code=None if body.organization_code is MISSING else body.organization_code,
        roles=None if body.roles is MISSING else tuple(body.roles),
        scope_division=None if body.scope_division is MISSING else body.scope_division,
        password=None if body.password is MISSING else body.password.get_secret_value(),
    )
    return _out(await cases.update_staff(uow, actor, staff_id=staff_id, changes=changes))


@router.post(
    "/{staff_id}/deactivate", response_model=StaffOut, responses=problem_responses(401, 403, 404, 409)
)
async def deactivate_staff(
    uow: UowDep, settings: SettingsDep, actor: AdministratorActorDep, staff_id: StaffId
) -> StaffOut:
    """Deactivate a staff account (停用): its tokens stop working at every service within seconds."""
    policy = settings.token_policy()
    return _out(await cases.set_staff_active(uow, actor, staff_id=staff_id, active=False, policy=policy))


@router.post("/{staff_id}/activate", response_model=StaffOut, responses=problem_responses(401, 403, 404))
async def activate_staff(
    uow: UowDep, settings: SettingsDep, actor: AdministratorActorDep, staff_id: StaffId
) -> StaffOut:
    """Reactivate a staff account (启用); tokens issued before the deactivation stay refused."""
    policy = settings.token_policy()
    return _out(await cases.set_staff_active(uow, actor, staff_id=staff_id, active=True, policy=policy))
