"""The organization tree (条块): queries for everyone, changes by administrators within their territory."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy.exc import IntegrityError

from identity.domain.authorization import Actor, admin_reaches, is_admin
from identity.domain.organizations import OrganizationFields, creates_cycle, organization_problems
from identity.events import ORGANIZATION_CHANGED, OrganizationChanged
from identity.pii import InvalidIdentifier, valid_credit_code
from identity.store.models import Organization
from identity.store.unit_of_work import IdentityUnitOfWork
from identity.use_cases.errors import Forbidden, Invalid, NotFound, invalid_identifier
from identity.use_cases.names import checked_name
from meshkit.errors import ProblemError

__all__ = [
    "create_organization",
    "get_organization",
    "list_organizations",
    "organization_subtree",
    "search_organizations",
    "update_organization",
    "upsert_organization",
]

log = logging.getLogger("identity.organizations")

_FIELDS = tuple(f.name for f in dataclasses.fields(OrganizationFields))
_NULLABLE = frozenset({"credit_code", "parent_code", "valid_to"})


def _not_found(code: str) -> NotFound:
    return NotFound(f"组织 {code} 不存在", code="organization_not_found")


async def list_organizations(
    uow: IdentityUnitOfWork, *, parent_code: str | None, kind: str | None, valid_on: date | None = None
) -> Sequence[Organization]:
    """Children of one organization, or the roots."""
    if parent_code is not None and await uow.organizations.get(parent_code) is None:
        raise NotFound(f"上级组织 {parent_code} 不存在", code="organization_not_found")
    return await uow.organizations.children(parent_code, kind=kind, valid_on=valid_on)


async def get_organization(
    uow: IdentityUnitOfWork, *, code: str
) -> tuple[Organization, Sequence[Organization]]:
    """One organization and its path from the root (inclusive)."""
    path = await uow.organizations.path(code)
    if not path:
        raise _not_found(code)
    return path[-1], path


async def organization_subtree(
    uow: IdentityUnitOfWork, *, code: str, kind: str | None, valid_on: date | None, limit: int
) -> Sequence[tuple[Organization, int]]:
    if await uow.organizations.get(code) is None:
        raise _not_found(code)
    return await uow.organizations.subtree(code, kind=kind, valid_on=valid_on, limit=limit)


async def search_organizations(
    uow: IdentityUnitOfWork,
    *,
    division_prefix: str | None,
    kind: str | None,
    name: str | None,
    valid_on: date | None,
    limit: int,
    offset: int,
) -> tuple[Sequence[Organization], int]:
    return await uow.organizations.search(
        division_prefix=division_prefix, kind=kind, name=name, valid_on=valid_on, limit=limit, offset=offset
    )


async def create_organization(
    uow: IdentityUnitOfWork, actor: Actor, *, fields: OrganizationFields
) -> Organization:
    """An administrator adds a node inside their territory; announces ``identity.organization_changed.v1``."""
    if not is_admin(actor):
        raise Forbidden("只有管理员可以维护组织机构 (administrators only)")
    fields = await _checked(uow, fields)
    if not admin_reaches(actor, fields.division_code):
        raise Forbidden("该组织不在您的管辖范围内 (outside your territory)", code="outside_admin_scope")
    if await uow.organizations.get(fields.code) is not None:
        raise ProblemError(f"组织代码 {fields.code} 已存在", status=409, code="organization_exists")
    organization = await _save(uow, None, fields)
    log.info("organization created", extra={"code": fields.code, "by": actor.id})
    return organization


async def update_organization(
    uow: IdentityUnitOfWork, actor: Actor, *, code: str, changes: Mapping[str, Any]
) -> Organization:
    """Change some fields (e.g. rename, move, retire with ``valid_to``); both the old and the new territory count."""
    if not is_admin(actor):
        raise Forbidden("只有管理员可以维护组织机构 (administrators only)")
    current = await uow.organizations.get(code)
    if current is None:
        raise _not_found(code)
    before = _fields_of(current)
    wanted = {
        k: v for k, v in changes.items() if k in _FIELDS and k != "code" and (v is not None or k in _NULLABLE)
    }
    changed = dataclasses.replace(before, **wanted)
    # the territory first: an administrator learns nothing of the rules of a node they may not change
    if not admin_reaches(actor, before.division_code, changed.division_code):
        raise Forbidden("该组织不在您的管辖范围内 (outside your territory)", code="outside_admin_scope")
    fields = await _checked(uow, changed)
    if fields == before:
        return current
    organization = await _save(uow, current, fields)
    log.info("organization updated", extra={"code": code, "by": actor.id})
    return organization


async def upsert_organization(uow: IdentityUnitOfWork, *, fields: OrganizationFields) -> bool:
    """Demo and seed data: create or bring up to date, announcing a change. False when nothing changed."""
    current = await uow.organizations.get(fields.code)
    fields = await _checked(uow, fields)
    if current is not None and _fields_of(current) == fields:
        return False
    await _save(uow, current, fields)
    return True


async def _checked(uow: IdentityUnitOfWork, fields: OrganizationFields) -> OrganizationFields:
    """The fields with a normalized credit code, or a 422 listing what is wrong."""
    problems = organization_problems(fields)
    credit_code = fields.credit_code
    if credit_code:
        try:
            credit_code = valid_credit_code(credit_code)
        except InvalidIdentifier as exc:
            raise invalid_identifier(exc) from None
    if problems:
        raise Invalid(f"组织信息有误: {problems[0]['message']}", code="invalid_organization", errors=problems)
    if fields.parent_code is not None:
        parent_path = [o.code for o in await uow.organizations.path(fields.parent_code)]
        if not parent_path:
            raise Invalid(
                f"上级组织 {fields.parent_code} 不存在",
                code="unknown_parent",
                errors=[{"field": "parent_code", "message": "上级组织不存在"}],
            )
        if creates_cycle(fields.code, parent_path):
            raise Invalid(
                "不能把组织挂到它自己的下级之下",
                code="organization_cycle",
                errors=[{"field": "parent_code", "message": "上级组织是该组织的下级"}],
            )
    return dataclasses.replace(
        fields, name=checked_name(fields.name, label="名称", person=False), credit_code=credit_code or None
    )


def _fields_of(organization: Organization) -> OrganizationFields:
    values = {name: getattr(organization, name) for name in _FIELDS}
    return OrganizationFields(**values)


async def _save(
    uow: IdentityUnitOfWork, current: Organization | None, fields: OrganizationFields
) -> Organization:
    if current is None:
        organization = Organization(**dataclasses.asdict(fields), version=1)
        uow.organizations.add(organization)
    else:
        organization = current
        for name in _FIELDS:
            setattr(organization, name, getattr(fields, name))
        organization.version += 1
    await uow.publish(
        ORGANIZATION_CHANGED,
        aggregate_id=organization.code,
        sequence=organization.version,
        payload=OrganizationChanged(
            code=organization.code,
            kind=organization.kind,
            division_code=organization.division_code,
            parent_code=organization.parent_code,
            change="created" if current is None else "updated",
        ),
    )
    try:
        await uow.flush()
    except IntegrityError:
        raise ProblemError(f"组织代码 {fields.code} 已存在", status=409, code="organization_exists") from None
    await uow.commit()
    return organization
