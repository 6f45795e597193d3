"""Whether a person may act for an enterprise now: as its legal representative or as a current agent (经办人).
Asked at login, at every token issued for an enterprise login, and for every enterprise token identity serves."""

from __future__ import annotations

from datetime import datetime

from identity.store.models import Enterprise
from identity.store.unit_of_work import IdentityUnitOfWork

__all__ = ["acting_role"]


async def acting_role(
    uow: IdentityUnitOfWork, *, enterprise: Enterprise, person_id: str, now: datetime
) -> str | None:
    """``legal_representative``, ``agent`` (a current authorization) or None."""
    if enterprise.legal_representative_id == person_id:
        return "legal_representative"
    agent = await uow.agents.current(enterprise_id=enterprise.id, person_id=person_id, now=now)
    return "agent" if agent is not None else None
