"""Applying (申报): online by the applicant, or at a window of any level by a clerk with the applicant's consent."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.exc import IntegrityError

from cases.domain.access import Caller, applicant_id_of
from cases.domain.clock import LimitUnit
from cases.domain.materials import MaterialPlan, plan_materials
from cases.domain.states import CaseStatus, national_code
from cases.events import CASE_SUBMITTED
from cases.store.case_models import Case, CaseMaterial, TimelineEntry
from cases.store.unit_of_work import CasesUnitOfWork
from cases.use_cases.events import case_changed
from cases.use_cases.matters import get_open_matter
from meshkit.errors import ProblemError

__all__ = ["Application", "Intake", "submit_application"]

MAX_FORM_BYTES = 64 * 1024


@dataclass(frozen=True)
class Application:
    matter_code: str
    form: dict[str, Any] = field(default_factory=dict)
    applicant_id: str | None = None  # required when a clerk files on someone's behalf (代办)
    applicant_kind: str = "person"
    consent_ref: str | None = None  # the applicant's recorded consent to 代办
    idempotency_key: str | None = None


@dataclass(frozen=True)
class Intake:
    """Where online applications are received, by configuration."""

    online_org: str
    online_region: str


def _channel(region: str) -> str:
    if region[9:] != "000":
        return "window_village"
    return "window_town" if region[6:9] != "000" else "window_district"


def _who(caller: Caller, application: Application, intake: Intake) -> tuple[str, str, str, str, str]:
    """(applicant id, applicant kind, channel, received-by org, region)."""
    own = applicant_id_of(caller)
    if own is not None:
        return own, caller.kind, "online", intake.online_org, intake.online_region
    if caller.kind == "staff" and "window_clerk" in caller.roles and caller.org and caller.region:
        if not application.applicant_id or not application.consent_ref:
            raise ProblemError(
                "代办须注明申请人 (applicant_id) 和申请人同意记录 (consent_ref)",
                status=422,
                code="consent_required",
            )
        return (
            application.applicant_id,
            application.applicant_kind,
            _channel(caller.region),
            caller.org,
            caller.region,
        )
    raise ProblemError("只有申请人本人或窗口人员可以提交申请", status=403, code="not_permitted")


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


async def submit_application(
    uow: CasesUnitOfWork, *, caller: Caller, application: Application, intake: Intake, now: datetime
) -> tuple[Case, bool]:
    """The new case, or the one an earlier submission with the same idempotency key created (second: False)."""
    if len(json.dumps(application.form, ensure_ascii=False).encode()) > MAX_FORM_BYTES:
        raise ProblemError(f"表单数据超过 {MAX_FORM_BYTES} 字节", status=413, code="form_too_large")
    applicant_id, applicant_kind, channel, received_by, region = _who(caller, application, intake)
    key = application.idempotency_key
    if key:
        earlier = await uow.cases.by_idempotency_key(applicant_id, key)
        if earlier is not None:
            return earlier, False
    matter = await get_open_matter(uow, code=application.matter_code)
    serial = await uow.cases.next_serial()
    case = Case(
        id=str(uuid.uuid4()), number=f"{region[:6]}{now:%Y%m%d}{serial:08d}", matter_code=matter.code,
        matter_version=matter.version, matter_name=matter.name, applicant_kind=applicant_kind,
        applicant_id=applicant_id, submitted_by=caller.sub, consent_ref=application.consent_ref, channel=channel,
        received_by_org=received_by, region=region, handling_org=matter.department_code,
        status=CaseStatus.RECEIVED.value, national_code=national_code(CaseStatus.RECEIVED), form=application.form,
        received_at=now, limit_days=matter.promised_days, limit_unit=LimitUnit.WORKING_DAYS.value,
        statutory_days=matter.statutory_days, idempotency_key=key, extension_days=0, supplement_requested=False,
        deemed_accepted=False, kind="single", result_certificate_type=matter.result_certificate_type,
    )  # fmt: skip
    uow.cases.add(case, *material_rows(case.id, plan_materials(matter.materials)))
    uow.cases.add(TimelineEntry(case_id=case.id, action="submit", from_status=None, to_status=case.status,
                                actor_id=caller.sub, actor_org=caller.org, actor_role=caller.kind, at=now))  # fmt: skip
    await uow.flush()
    await uow.publish(CASE_SUBMITTED, aggregate_id=case.id, sequence=1, payload=case_changed(case, at=now))
    try:
        await uow.commit()
    except IntegrityError:  # a concurrent retry with the same key won the race
        await uow.rollback()
        if key:
            earlier = await uow.cases.by_idempotency_key(applicant_id, key)
            if earlier is not None:
                return earlier, False
        raise
    return case, True
