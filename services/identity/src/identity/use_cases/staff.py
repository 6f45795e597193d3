"""Staff accounts (工作人员), managed by administrators within their territorial scope."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from sqlalchemy.exc import IntegrityError

from identity.domain.authorization import (
    Actor,
    admin_reaches,
    is_admin,
    is_district_admin,
    may_grant_roles,
    may_view_staff,
)
from identity.domain.organizations import division_prefix, division_within, is_division_code
from identity.domain.subjects import StaffRole
from identity.domain.tokens import TokenPolicy
from identity.events import STAFF_CHANGED, StaffChanged
from identity.store.models import Organization, Staff
from identity.store.unit_of_work import IdentityUnitOfWork
from identity.use_cases.errors import Forbidden, Invalid, NotFound
from identity.use_cases.names import checked_name
from identity.use_cases.passwords import check_password, hash_password
from identity.use_cases.revocations import deny_subject
from meshkit.errors import ProblemError

__all__ = [
    "StaffChanges",
    "StaffFields",
    "create_staff",
    "get_staff",
    "list_staff",
    "seed_staff",
    "set_staff_active",
    "staff_card",
    "update_staff",
]

log = logging.getLogger("identity.staff")


@dataclass(frozen=True)
class StaffFields:
    username: str
    name: str
    organization_code: str
    roles: tuple[StaffRole, ...]
    scope_division: str


@dataclass(frozen=True)
class StaffChanges:
    """None leaves a field as it is."""

    name: str | None = None
    organization_code: str | None = None
    roles: tuple[StaffRole, ...] | None = None
    scope_division: str | None = None
    password: str | None = None


def _admins_only(actor: Actor) -> None:
    if not is_admin(actor):
        raise Forbidden("只有管理员可以管理工作人员 (administrators only)")


def _outside() -> Forbidden:
    return Forbidden("该工作人员不在您的管辖范围内 (outside your territory)", code="outside_admin_scope")


def _invalid(field: str, code: str, message: str) -> Invalid:
    return Invalid(message, code=code, errors=[{"field": field, "message": message, "type": code}])


async def _placement(uow: IdentityUnitOfWork, organization_code: str, scope_division: str) -> Organization:
    """The organization, checked with the scope: 12 digits, a known division, inside the organization's territory."""
    organization = await uow.organizations.get(organization_code)
    if organization is None:
        raise _invalid("organization_code", "unknown_organization", f"组织 {organization_code} 不存在")
    if not is_division_code(scope_division) or not await uow.organizations.division_exists(scope_division):
        raise _invalid("scope_division", "unknown_division", "管辖范围须为已登记的 12 位区划代码")
    if not division_within(organization.division_code, scope_division):
        raise _invalid("scope_division", "scope_outside_organization", "管辖范围须在所属组织的区域之内")
    return organization


async def create_staff(uow: IdentityUnitOfWork, actor: Actor, *, fields: StaffFields, password: str) -> Staff:
    _admins_only(actor)
    check_password(password)
    fields = replace(fields, name=checked_name(fields.name))
    organization = await _placement(uow, fields.organization_code, fields.scope_division)
    if not admin_reaches(actor, organization.division_code, fields.scope_division):
        raise _outside()
    _may_give(actor, fields.roles)
    if await uow.staff.by_username(fields.username) is not None:
        raise ProblemError(f"用户名 {fields.username} 已被使用", status=409, code="staff_exists")
    staff = await _add(uow, fields, await hash_password(password))
    log.info("staff created", extra={"staff_id": staff.id, "by": actor.id})
    return staff


async def update_staff(
    uow: IdentityUnitOfWork, actor: Actor, *, staff_id: str, changes: StaffChanges
) -> Staff:
    _admins_only(actor)
    staff = await _reachable(uow, actor, staff_id)
    if changes.password is not None:
        check_password(changes.password)
    organization_code = changes.organization_code or staff.organization_code
    scope = changes.scope_division or staff.scope_division
    organization = await _placement(uow, organization_code, scope)
    if not admin_reaches(actor, organization.division_code, scope):
        raise _outside()
    roles = _role_list(changes.roles) if changes.roles is not None else list(staff.roles)
    _may_give(actor, set(roles) - set(staff.roles))
    if actor.id == staff.id and StaffRole.ADMIN not in roles:
        raise ProblemError("不能撤销自己的管理员角色", status=409, code="cannot_demote_self")
    name = checked_name(changes.name) if changes.name is not None else staff.name
    before = (staff.name, staff.organization_code, staff.scope_division, list(staff.roles))
    if before == (name, organization_code, scope, roles) and changes.password is None:
        return staff
    staff.name, staff.organization_code, staff.scope_division, staff.roles = (
        name,
        organization_code,
        scope,
        roles,
    )
    if changes.password is not None:
        staff.password_hash = await hash_password(changes.password)
        staff.failed_logins, staff.locked_until = 0, None
        await uow.login_failures.forget(staff.id)  # a new password: every source may try again
    await _announce(uow, staff, "updated")
    await uow.commit()
    log.info("staff updated", extra={"staff_id": staff.id, "by": actor.id})
    return staff


async def set_staff_active(
    uow: IdentityUnitOfWork, actor: Actor, *, staff_id: str, active: bool, policy: TokenPolicy
) -> Staff:
    """Deactivate (停用) or reactivate. A deactivation revokes the account's tokens issued so far: at identity at
    once, at every other service when the announcement arrives (seconds); a reactivation does not revive them."""
    _admins_only(actor)
    staff = await _reachable(uow, actor, staff_id)
    if actor.id == staff.id and not active:
        raise ProblemError("不能停用自己的账号", status=409, code="cannot_deactivate_self")
    if staff.active == active:
        return staff
    staff.active = active
    await _announce(uow, staff, "activated" if active else "deactivated")
    if not active:
        now = datetime.now(UTC)
        await deny_subject(
            uow, kind="staff", subject_id=staff.id, token_subjects=[staff.id], policy=policy, now=now
        )
    await uow.commit()
    log.info("staff active changed", extra={"staff_id": staff.id, "active": active, "by": actor.id})
    return staff


async def staff_card(uow: IdentityUnitOfWork, *, staff_id: str) -> Staff:
    """A staff member's name and organization for a reader the route admitted (staff, or a system with scope
    ``identity:staff_names``); 404 for an unknown id."""
    staff = await uow.staff.get(staff_id)
    if staff is None:
        raise NotFound(f"工作人员 {staff_id} 不存在", code="staff_not_found")
    return staff


async def get_staff(uow: IdentityUnitOfWork, actor: Actor, *, staff_id: str) -> Staff:
    """An administrator within reach, or the staff member themself."""
    if not (is_admin(actor) or (actor.kind == "staff" and actor.id == staff_id)):
        raise Forbidden("无权查看该工作人员 (not allowed to see this staff account)")
    staff = await uow.staff.get(staff_id)
    if staff is None:
        raise NotFound(f"工作人员 {staff_id} 不存在", code="staff_not_found")
    organization = await uow.organizations.get(staff.organization_code)
    divisions = (staff.scope_division, organization.division_code if organization else staff.scope_division)
    if not may_view_staff(actor, staff_id=staff.id, divisions=divisions):
        raise _outside()
    return staff


async def list_staff(
    uow: IdentityUnitOfWork,
    actor: Actor,
    *,
    organization_code: str | None,
    role: StaffRole | None,
    active: bool | None,
    limit: int,
    offset: int,
) -> tuple[Sequence[Staff], int]:
    """Staff within the administrator's territory."""
    _admins_only(actor)
    prefix = None if is_district_admin(actor) else division_prefix(actor.region or "")
    if prefix == "":
        return [], 0
    return await uow.staff.search(
        division_prefix=prefix,
        organization_code=organization_code,
        role=role,
        active=active,
        limit=limit,
        offset=offset,
    )


async def seed_staff(uow: IdentityUnitOfWork, *, fields: StaffFields, password_hash: str) -> bool:
    """Demo data: create once. False when the username exists."""
    if await uow.staff.by_username(fields.username) is not None:
        return False
    await _placement(uow, fields.organization_code, fields.scope_division)
    await _add(uow, fields, password_hash)
    return True


async def _reachable(uow: IdentityUnitOfWork, actor: Actor, staff_id: str) -> Staff:
    staff = await uow.staff.get(staff_id)
    if staff is None:
        raise NotFound(f"工作人员 {staff_id} 不存在", code="staff_not_found")
    organization = await uow.organizations.get(staff.organization_code)
    if organization is None or not admin_reaches(actor, organization.division_code, staff.scope_division):
        raise _outside()
    return staff


async def _add(uow: IdentityUnitOfWork, fields: StaffFields, password_hash: str) -> Staff:
    staff = Staff(
        id=str(uuid.uuid4()),
        username=fields.username,
        name=fields.name.strip(),
        organization_code=fields.organization_code,
        roles=_role_list(fields.roles),
        scope_division=fields.scope_division,
        password_hash=password_hash,
        active=True,
        failed_logins=0,
        version=0,
        created_at=datetime.now(UTC),
    )
    uow.staff.add(staff)
    await _announce(uow, staff, "created")
    try:
        await uow.flush()
    except IntegrityError:
        raise ProblemError(f"用户名 {fields.username} 已被使用", status=409, code="staff_exists") from None
    await uow.commit()
    return staff


def _may_give(actor: Actor, roles: Iterable[str]) -> None:
    if not may_grant_roles(actor, roles):
        raise ProblemError(
            "只有区级管理员可以设置平台运维或审计角色 (operator and auditor: district administrators only)",
            status=403,
            code="privileged_role",
        )


def _role_list(roles: Sequence[StaffRole]) -> list[str]:
    return [str(role) for role in dict.fromkeys(roles)]


async def _announce(uow: IdentityUnitOfWork, staff: Staff, change: str) -> None:
    staff.version += 1
    await uow.publish(
        STAFF_CHANGED,
        aggregate_id=staff.id,
        sequence=staff.version,
        payload=StaffChanged(
            staff_id=staff.id,
            organization_code=staff.organization_code,
            roles=list(staff.roles),
            change=change,
            active=staff.active,
        ),
    )
