"""Material rows of a new case, from the planner of ``cases.domain.materials``."""

from __future__ import annotations

from datetime import datetime

from cases.domain.materials import MaterialPlan
from cases.store.case_models import CaseMaterial

__all__ = ["material_rows"]


def material_rows(case_id: str, plans: list[MaterialPlan], *, received_at: datetime) -> list[CaseMaterial]:
    """A missing material the exchange may hold (a certificate type or a shared resource) is due for the worker's
    resolution from the moment the case is committed."""
    return [
        CaseMaterial(
            case_id=case_id,
            material_code=p.code,
            name=p.name,
            requirement=p.requirement,
            source=p.source,
            status=p.status,
            certificate_type=p.certificate_type,
            resource_code=p.resource_code,
            data_items=p.data_items,
            produced_by=p.produced_by,
            belongs_to=p.belongs_to,
            asked_by=p.asked_by,
            stands_in_for=p.stands_in_for,
            answered_ways=[],
            detail={},
            attempts=0,
            next_attempt_at=received_at
            if p.status == "missing" and (p.certificate_type or p.resource_code)
            else None,
        )
        for p in plans
    ]
