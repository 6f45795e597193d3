"""Material rows of a new case, from the planner of ``cases.domain.materials``."""

from __future__ import annotations

from cases.domain.materials import MaterialPlan
from cases.store.case_models import CaseMaterial

__all__ = ["material_rows"]


def material_rows(case_id: str, plans: list[MaterialPlan]) -> list[CaseMaterial]:
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
            detail={},
            attempts=0,
        )
        for p in plans
    ]
