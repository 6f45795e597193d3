"""``GET /me``: who the token's subject is, from identity's own records."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from identity.domain.authorization import Actor
from identity.store.models import Client, Enterprise, Organization, Person, Staff
from identity.store.unit_of_work import IdentityUnitOfWork
from identity.use_cases.errors import Forbidden, NotFound

__all__ = ["ClientProfile", "EnterpriseProfile", "PersonProfile", "Profile", "StaffProfile", "who_am_i"]


@dataclass(frozen=True)
class PersonProfile:
    person: Person
    enterprises: Sequence[Enterprise]


@dataclass(frozen=True)
class EnterpriseProfile:
    enterprise: Enterprise
    representative: Person


@dataclass(frozen=True)
class StaffProfile:
    staff: Staff
    organization: Organization | None


@dataclass(frozen=True)
class ClientProfile:
    client: Client
    organization: Organization | None
    granted_scopes: frozenset[str]


Profile = PersonProfile | EnterpriseProfile | StaffProfile | ClientProfile


def _gone() -> NotFound:
    return NotFound("令牌对应的账号不存在 (the token's subject is unknown)", code="subject_not_found")


async def who_am_i(uow: IdentityUnitOfWork, actor: Actor) -> Profile:
    if actor.kind == "person":
        person = await uow.persons.get(actor.id)
        if person is None:
            raise _gone()
        return PersonProfile(person, await uow.enterprises.represented_by(person.id))
    if actor.kind == "enterprise":
        enterprise = await uow.enterprises.get(actor.org or "")
        person = await uow.persons.get(actor.id)
        if enterprise is None or person is None:  # whether the person acts for it: resolve_actor checked
            raise _gone()
        return EnterpriseProfile(enterprise, person)
    if actor.kind == "staff":
        staff = await uow.staff.get(actor.id)
        if staff is None:
            raise _gone()
        return StaffProfile(staff, await uow.organizations.get(staff.organization_code))
    if actor.kind == "system":
        client = await uow.clients.get(actor.id)
        if client is None:
            raise _gone()
        organization = (
            await uow.organizations.get(client.organization_code) if client.organization_code else None
        )
        return ClientProfile(client, organization, actor.scopes)
    raise Forbidden(
        f"不支持的主体类型 {actor.kind} (unsupported subject kind)", code="unsupported_subject_kind"
    )
