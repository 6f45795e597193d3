"""The organization tree (条块)."""

from __future__ import annotations

import time
from collections.abc import Sequence

from identity.events import ORGANIZATION_CHANGED, OrganizationChanged
from identity.store.models import Organization
from identity.store.unit_of_work import IdentityUnitOfWork
from meshkit.errors import ProblemError

__all__ = ["list_organizations", "upsert_organization"]


async def upsert_organization(uow: IdentityUnitOfWork, *, organization: Organization) -> bool:
    """Create or update one organization; announces the change. False when nothing changed."""
    current = await uow.organizations.get(organization.code)
    fields = ("name", "kind", "division_code", "credit_code", "parent_code", "valid_from", "valid_to")
    if current is not None and all(getattr(current, f) == getattr(organization, f) for f in fields):
        return False
    await uow.organizations.merge(organization)
    await uow.publish(
        ORGANIZATION_CHANGED,
        aggregate_id=organization.code,
        sequence=int(time.time() * 1000),
        payload=OrganizationChanged(
            code=organization.code, kind=organization.kind, division_code=organization.division_code,
            parent_code=organization.parent_code, change="created" if current is None else "updated",
        ),
    )  # fmt: skip
    await uow.commit()
    return True


async def list_organizations(
    uow: IdentityUnitOfWork, *, parent_code: str | None, kind: str | None
) -> Sequence[Organization]:
    if parent_code is not None and await uow.organizations.get(parent_code) is None:
        raise ProblemError(f"上级组织 {parent_code} 不存在", status=404, code="organization_not_found")
    return await uow.organizations.children(parent_code, kind=kind)
