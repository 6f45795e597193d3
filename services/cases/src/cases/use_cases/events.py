"""Building the payload every case event carries."""

from __future__ import annotations

from datetime import datetime

from cases.events import CaseChanged
from cases.store.case_models import Case

__all__ = ["case_changed"]


def case_changed(
    case: Case, *, at: datetime, actor_org: str | None = None, opinion_code: str | None = None
) -> CaseChanged:
    return CaseChanged(
        case_id=case.id,
        case_number=case.number,
        parent_case_id=case.parent_id,
        matter_code=case.matter_code,
        matter_version=case.matter_version,
        handling_org=case.handling_org,
        received_by_org=case.received_by_org,
        accepting_org=case.accepting_org,
        channel=case.channel,
        status=case.status,
        national_code=case.national_code,
        occurred_at=at.isoformat(),
        actor_org=actor_org,
        opinion_code=opinion_code,
        due_date=case.due_date.isoformat() if case.due_date else None,
        applicant_kind=case.applicant_kind,
        applicant_id=case.applicant_id,
        subject_kind=case.subject_kind,
        subject_id=case.subject_id,
    )
