"""Applying (申报): online by the applicant, or at a window of any level by a clerk with the applicant's consent."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from cases.domain.access import FILING_ACTORS, Caller, acting_as, applicant_id_of
from cases.domain.clock import LimitUnit
from cases.domain.states import CaseStatus, national_code
from cases.domain.subjects import Party
from cases.events import CASE_SUBMITTED
from cases.store.case_models import Case
from cases.store.idempotency import DuplicateIdempotencyKey
from cases.store.unit_of_work import CasesUnitOfWork
from cases.use_cases.applicants import ApplicantLookup, require_applicant
from cases.use_cases.bundles import Receipt, file_bundle
from cases.use_cases.events import case_changed
from cases.use_cases.matters import MatterNotOpen, OpenMatterCache, require_real_name
from cases.use_cases.subjects import RelationLookup, require_subject
from meshkit.errors import ProblemError
from meshkit.events import new_event
from meshkit.legaldate import local_date
from meshkit.observability import current_traceparent
from meshkit.outbox import observe_committed

__all__ = ["Application", "Intake", "submit_application"]

MAX_FORM_BYTES = 64 * 1024


@dataclass(frozen=True)
class Application:
    matter_code: str | None = None
    bundle_code: str | None = None
    form: dict[str, Any] = field(default_factory=dict)
    applicant_id: str | None = None  # required when a clerk files on someone's behalf (代办)
    applicant_kind: str = "person"
    consent_ref: str | None = None  # the applicant's recorded consent to 代办
    subject_kind: str = "person"
    subject_id: str | None = None  # whom the matter is about; None: the applicant themself
    idempotency_key: str | None = None


@dataclass(frozen=True)
class Intake:
    """Where online applications are received, and the district center (it accepts what no lower hall may), by
    configuration."""

    online_org: str
    online_region: str
    district_center: str = "500110-ZWFWZX"


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


async def submit_application(
    uow: CasesUnitOfWork,
    *,
    caller: Caller,
    application: Application,
    intake: Intake,
    now: datetime,
    matters: OpenMatterCache | None = None,
    applicants: ApplicantLookup | None = None,
    relations: RelationLookup | None = None,
) -> tuple[Case, bool]:
    """The new case, or the one an earlier submission with the same idempotency key created (second: False).

    A matter application makes one case, written in one statement (``cases.store.filing``) with the matter
    read from ``matters`` (an in-process cache; none: read each time); a 一件事 bundle application makes a parent
    with one member case per member matter (see ``cases.use_cases.bundles``). A clerk's filing for someone
    (代办) first asks ``applicants`` whether identity knows the applicant; naming a subject other than the
    applicant (a newborn, an enterprise) first asks ``relations`` whether identity links the applicant to it."""
    if (application.matter_code is None) == (application.bundle_code is None):
        raise ProblemError(
            "请指定事项 (matter_code) 或一件事 (bundle_code) 之一", status=422, code="matter_or_bundle"
        )
    form_json = json.dumps(application.form, ensure_ascii=False)
    if len(form_json) > MAX_FORM_BYTES // 4 and len(form_json.encode()) > MAX_FORM_BYTES:
        raise ProblemError(f"表单数据超过 {MAX_FORM_BYTES} 字节", status=413, code="form_too_large")
    applicant_id, applicant_kind, channel, received_by, region = _who(caller, application, intake)
    if applicant_id != applicant_id_of(caller):  # 代办: the applicant must exist (identity decides)
        await require_applicant(applicants, kind=applicant_kind, subject_id=applicant_id)
    applicant = Party(applicant_kind, applicant_id)
    subject = Party(application.subject_kind, application.subject_id) if application.subject_id else applicant
    await require_subject(relations, applicant=applicant, subject=subject)
    key = application.idempotency_key
    if key and application.bundle_code is not None:  # a matter's filing statement checks the key itself
        earlier = await uow.cases.by_idempotency_key(applicant_id, key)
        if earlier is not None:
            return _replayed(earlier, caller, application, subject), False
    receipt = Receipt(
        district_center=intake.district_center,
        caller=caller,
        applicant_id=applicant_id,
        applicant_kind=applicant_kind,
        subject_id=subject.id,
        subject_kind=subject.kind,
        channel=channel,
        received_by=received_by,
        region=region,
        consent_ref=application.consent_ref,
        form=application.form,
        now=now,
        traceparent=current_traceparent(),
    )
    try:
        if application.bundle_code is None:
            case = await _file_matter(
                uow,
                receipt,
                matter_code=application.matter_code or "",
                form_json=form_json,
                idempotency_key=key,
                matters=matters or OpenMatterCache(0),
            )
        else:
            case = await file_bundle(uow, receipt, bundle_code=application.bundle_code, idempotency_key=key)
            await uow.commit()
    except DuplicateIdempotencyKey:  # filed before under this key, or a concurrent retry committed first
        earlier = await _committed_first(uow, applicant_id, key or "")
        return _replayed(earlier, caller, application, subject), False
    except ProblemError:
        # a matter's filing refused before its statement ran (the matter closed since, a real-name level raised):
        # a retry of an application filed before still gets its case, as when the key was looked up first
        if application.bundle_code is not None or not key:
            raise  # a bundle's key was looked up first
        earlier = await uow.cases.by_idempotency_key(applicant_id, key)
        if earlier is None:
            raise
        return _replayed(earlier, caller, application, subject), False
    return case, True


def _replayed(earlier: Case, caller: Caller, application: Application, subject: Party) -> Case:
    """The case an earlier submission made under the same key — if it was this submission: the same filer, the
    same matter or 一件事, subject and form. A key reused for another application is refused, and nothing of the
    earlier case is shown (a clerk reusing a citizen's key used to get her case's summary, and his own filing
    was dropped without a word)."""
    same = (
        earlier.submitted_by == caller.sub
        and (
            earlier.bundle_code == application.bundle_code
            if application.bundle_code is not None
            else earlier.matter_code == application.matter_code and earlier.bundle_code is None
        )
        and earlier.subject_id == subject.id
        and earlier.form == application.form
    )
    if not same:
        raise ProblemError(
            "此 Idempotency-Key 已用于另一份申请；新的申请请使用新的 Idempotency-Key (key reused for another request)",
            status=422,
            code="idempotency_key_reused",
        )
    return earlier


async def _committed_first(uow: CasesUnitOfWork, applicant_id: str, key: str) -> Case:
    """The case the request that won the race committed under ``key`` (``cases.store.idempotency``)."""
    await (
        uow.rollback()
    )  # the failed write ended this transaction; the winner's commit is visible to the next
    earlier = await uow.cases.by_idempotency_key(applicant_id, key)
    if earlier is None:  # cannot happen while cases are never deleted; never answer a case that is not there
        raise RuntimeError("Idempotency-Key reported taken, but no case carries it")
    return earlier


async def _file_matter(
    uow: CasesUnitOfWork,
    receipt: Receipt,
    *,
    matter_code: str,
    form_json: str,
    idempotency_key: str | None,
    matters: OpenMatterCache,
) -> Case:
    """One statement: the case, its timeline row, materials and ``case_submitted`` event (committed), unless the
    applicant's key is taken (:class:`DuplicateIdempotencyKey`, nothing written)."""
    for _ in range(3):  # a cached matter retired or superseded meanwhile: forget it and read it again
        matter = await matters.get(uow, matter_code)
        require_real_name(receipt.caller, matter.min_real_name_level, matter.name)
        values: dict[str, Any] = dict(  # noqa: C408 - the columns by name
            id=str(uuid.uuid4()),
            kind="single",
            matter_code=matter.code,
            matter_version=matter.version,
            matter_name=matter.name,
            matter_type=matter.matter_type,
            matter_legal_basis=matter.legal_basis,
            applicant_kind=receipt.applicant_kind,
            applicant_id=receipt.applicant_id,
            subject_kind=receipt.subject_kind,
            subject_id=receipt.subject_id,
            submitted_by=receipt.caller.sub,
            consent_ref=receipt.consent_ref,
            channel=receipt.channel,
            received_by_org=receipt.received_by,
            region=receipt.region,
            handling_org=matter.department_code,
            accepting_org=receipt.accepting_hall(matter.levels),
            status=CaseStatus.RECEIVED.value,
            national_code=national_code(CaseStatus.RECEIVED),
            form=receipt.form,
            received_at=receipt.now,
            limit_days=matter.promised_days,
            limit_unit=LimitUnit.WORKING_DAYS.value,
            statutory_days=matter.statutory_days,
            idempotency_key=idempotency_key,
            result_certificate_type=matter.result_certificate_type,
            traceparent=receipt.traceparent,
        )
        case = Case(
            **values,
            number="",
            extension_days=0,
            supplement_requested=False,
            deemed_accepted=False,
            version=1,
            parent_id=None,
            bundle_code=None,
        )
        event = new_event(
            CASE_SUBMITTED, aggregate_id=case.id, sequence=1, payload=case_changed(case, at=receipt.now)
        )
        if uow.session.in_transaction():  # the matter was read: end it before writing on another connection
            await uow.rollback()
        number = await uow.filing.file(
            values,
            form_json=form_json,
            number_prefix=f"{receipt.region[:6]}{local_date(receipt.now):%Y%m%d}",  # the legal date
            actor_org=receipt.caller.org,
            actor_role=acting_as(receipt.caller, FILING_ACTORS).value,
            materials=matter.material_arrays,
            event=event,
        )
        if number is not None:
            case.number = number
            observe_committed(event)  # filed in one statement, committed: counted (cases.metrics)
            return case
        matters.forget(matter_code)
    raise MatterNotOpen(f"事项 {matter_code} 尚未发布或不可申请")
