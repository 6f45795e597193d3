"""Events the cases service publishes (stream CASES, subjects ``cases.>``).

Every payload carries the case's ids, codes and status — never names, ID numbers or phones. The exchange's
city-platform link turns them into the national case-exchange records.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from meshkit.events import EventPayload, EventSpec

__all__ = [
    "EVENTS",
    "CalendarPublished",
    "CaseChanged",
    "CaseEvaluated",
    "CertificateIssued",
    "RectificationOpened",
]


class CaseChanged(EventPayload):
    """What every case event carries."""

    case_id: str
    case_number: str
    parent_case_id: str | None = None
    matter_code: str
    matter_version: int
    handling_org: str
    received_by_org: str
    accepting_org: str | None = Field(
        default=None,
        description="the hall whose window accepts it (受理), by the matter's levels; the cases platform's reads "
        "before acceptance serve it",
    )
    channel: str
    status: str
    national_code: int
    occurred_at: str
    actor_org: str | None = None
    opinion_code: str | None = None
    due_date: str | None = None
    applicant_kind: str | None = Field(default=None, description="person | enterprise")
    applicant_id: str | None = Field(
        default=None, description="identity's id of the applicant (person or enterprise): an id, never a name"
    )
    subject_kind: str | None = Field(
        default=None,
        description="whom the case is about (办理对象): person | enterprise | newborn; the applicant by default",
    )
    subject_id: str | None = Field(
        default=None,
        description="identity's id of the subject: certificates are issued to it, materials looked up and reads "
        "logged for it; an id, never a name",
    )


_EXAMPLE: dict[str, Any] = {
    "case_id": "5b0f3f64-3c8b-4f3f-9d7e-2a1c9a0e6b11",
    "case_number": "50011020261125000001",
    "parent_case_id": None,
    "matter_code": "500110-SCJGJ-SPJY-XK",
    "matter_version": 1,
    "handling_org": "500110-SCJGJ",
    "received_by_org": "500110-ZWFWZX",
    "accepting_org": "500110-ZWFWZX",
    "channel": "online",
    "status": "received",
    "national_code": 1,
    "occurred_at": "2026-11-25T09:30:00+08:00",
    "actor_org": None,
    "opinion_code": None,
    "due_date": None,
    "applicant_kind": "person",
    "applicant_id": "0f8e6c1a-2b3d-4e5f-8a9b-0c1d2e3f4a5b",
    "subject_kind": "person",
    "subject_id": "0f8e6c1a-2b3d-4e5f-8a9b-0c1d2e3f4a5b",
}


def _spec(name: str, description: str, **example: Any) -> EventSpec[CaseChanged]:
    return EventSpec(
        service="cases",
        name=name,
        version=1,
        payload=CaseChanged,
        description=description,
        example={**_EXAMPLE, **example},
    )


CASE_SUBMITTED = _spec("case_submitted", "An application was received (申报/收件).")
CASE_ACCEPTED = _spec(
    "case_accepted",
    "The case was accepted (受理); the legal clock starts.",
    status="accepted",
    national_code=2,
    due_date="2026-12-09",
)
CASE_REFUSED = _spec(
    "case_refused", "Not accepted (不予受理), with a reason.", status="refused", national_code=3
)
SUPPLEMENT_REQUESTED = _spec(
    "supplement_requested",
    "One-time notice to supplement or correct (补齐补正).",
    status="supplement_requested",
)
CASE_SUPPLEMENTED = _spec("case_supplemented", "The applicant supplemented (已补正).", status="pre_review")
CLOCK_PAUSED = _spec(
    "clock_paused",
    "The legal clock paused (补正, 特别程序, 挂起).",
    status="special_procedure",
    national_code=2,
)
CLOCK_RESUMED = _spec("clock_resumed", "The legal clock resumed.", status="in_review", national_code=2)
CASE_CONCLUDED = _spec(
    "case_concluded",
    "The case concluded (办结): approved, denied, withdrawn or terminated.",
    status="approved",
    national_code=3,
)

DEADLINE_WARNING = _spec(
    "deadline_warning",
    "Yellow warning: the promised due date is near (黄牌预警).",
    status="in_review",
    national_code=2,
    due_date="2026-12-09",
)
DEADLINE_OVERDUE = _spec(
    "deadline_overdue",
    "Red: the promised due date has passed (红牌超期).",
    status="in_review",
    national_code=2,
    due_date="2026-12-09",
)


class CertificateIssued(CaseChanged):
    """The e-certificate of an approved case was registered in the exchange's registry (证照已签发)."""

    certificate_id: str
    certificate_type: str = Field(
        description="the national type code (电子证照类型代码), as in certificate_id"
    )


CERTIFICATE_ISSUED = EventSpec(
    service="cases",
    name="certificate_issued",
    version=1,
    payload=CertificateIssued,
    description="The approved case's e-certificate was issued through the exchange's registry (证照签发).",
    example={
        **_EXAMPLE,
        "status": "approved",
        "national_code": 3,
        "certificate_type": "11100000000013338W025",
        "certificate_id": "1.2.156.3005.2.11100000000013338W025.11500110MB1A0001X2.202612010000000042.001.7",
    },
)


class CaseEvaluated(EventPayload):
    case_id: str
    case_number: str
    handling_org: str
    score: int
    channel: str
    real_name: bool
    occurred_at: str


class RectificationOpened(EventPayload):
    task_id: str
    case_id: str
    case_number: str
    department: str = Field(
        description="the coordinating department (牵头部门): the handling one, or a 一件事's lead"
    )
    concerned_departments: list[str] = Field(
        default_factory=list,
        description="the departments the complaint concerns (涉及部门), who must answer it: a single case's handling "
        "department; a 一件事's member departments that did not grant (every member's when all granted); empty in "
        "events written before this field",
    )
    due_date: str | None
    callback_required: bool
    occurred_at: str


CASE_EVALUATED = EventSpec(
    service="cases",
    name="case_evaluated",
    version=1,
    payload=CaseEvaluated,
    description="The applicant rated the service (好差评), 1 非常不满意 … 5 非常满意.",
    example={
        "case_id": _EXAMPLE["case_id"],
        "case_number": _EXAMPLE["case_number"],
        "handling_org": "500110-SCJGJ",
        "score": 2,
        "channel": "online",
        "real_name": True,
        "occurred_at": "2026-12-01T10:00:00+08:00",
    },
)
RECTIFICATION_OPENED = EventSpec(
    service="cases",
    name="rectification_opened",
    version=1,
    payload=RectificationOpened,
    description="A bad rating opened a rectification task (差评整改): coordinated by `department`, for every "
    "department in `concerned_departments`.",
    example={
        "task_id": "1f0c2b7e-0a59-4f0e-a7b2-0d5c1c1b2a33",
        "case_id": _EXAMPLE["case_id"],
        "case_number": _EXAMPLE["case_number"],
        "department": "500110-SCJGJ",
        "concerned_departments": ["500110-SCJGJ"],
        "due_date": "2026-12-22",
        "callback_required": True,
        "occurred_at": "2026-12-01T10:00:00+08:00",
    },
)


class CalendarPublished(EventPayload):
    """A year's holiday notice as entered by the district's administrators: the whole year, replacing any
    earlier notice of it with a lower ``revision``."""

    year: int
    source: str
    revision: int
    holidays: list[str]
    makeup_workdays: list[str]
    occurred_at: str


CALENDAR_PUBLISHED = EventSpec(
    service="cases",
    name="calendar_published",
    version=1,
    payload=CalendarPublished,
    description="A year's holiday notice was entered or corrected (节假日安排): the working days every service "
    "counts deadlines in.",
    example={
        "year": 2027,
        "source": "国务院办公厅关于2027年部分节假日安排的通知",
        "revision": 1,
        "holidays": ["2027-01-01", "2027-02-08"],
        "makeup_workdays": ["2027-02-06"],
        "occurred_at": "2026-12-04T10:00:00+08:00",
    },
)

EVENTS: list[EventSpec[Any]] = [
    CASE_SUBMITTED,
    CASE_ACCEPTED,
    CASE_REFUSED,
    SUPPLEMENT_REQUESTED,
    CASE_SUPPLEMENTED,
    CLOCK_PAUSED,
    CLOCK_RESUMED,
    CASE_CONCLUDED,
    CERTIFICATE_ISSUED,
    DEADLINE_WARNING,
    DEADLINE_OVERDUE,
    CASE_EVALUATED,
    RECTIFICATION_OPENED,
    CALENDAR_PUBLISHED,
]
