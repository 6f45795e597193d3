"""Tables of case handling: cases, their timeline, clock ledger, materials, uploads, the working-day calendar."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from cases.store.models import Base

__all__ = [
    "CalendarDay",
    "CalendarYear",
    "Case",
    "CaseMaterial",
    "ClockEntry",
    "Decision",
    "Evaluation",
    "RectificationTask",
    "TimelineEntry",
    "Upload",
]


class CalendarYear(Base):
    """A year whose holiday notice is published; deadlines are refused in years not listed here."""

    __tablename__ = "calendar_years"

    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(100))
    revision: Mapped[int] = mapped_column(Integer, server_default="0")  # +1 per notice entered for the year


class CalendarDay(Base):
    """A day that breaks the weekday/weekend rule: a holiday on a weekday or a makeup workday (调休)."""

    __tablename__ = "calendar_days"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(String(100))


_UNDATED_COLUMNS = (
    "id",
    "handling_org",
    "received_by_org",
    "accepting_org",
    "status",
    "accepted_at",
    "limit_unit",
    "limit_days",
    "due_date",
)


class Case(Base):
    """One application (办件). A bundle application is a parent case with one sub-case per department."""

    __tablename__ = "cases"
    __table_args__ = (
        UniqueConstraint("applicant_id", "idempotency_key"),
        Index("ix_cases_queue", "handling_org", "status", "due_date"),
        Index("ix_cases_received_queue", "received_by_org", "status", "due_date"),
        # 待办: open cases are a small share of all; the queues and overdue lists read them through these.
        Index(
            "ix_cases_open_handling",
            "handling_org",
            "due_date",
            "id",
            postgresql_include=["received_by_org", "status"],
            postgresql_where=text("concluded_at IS NULL"),
        ),
        Index(
            "ix_cases_open_received",
            "received_by_org",
            "due_date",
            "id",
            postgresql_include=["handling_org", "status"],
            postgresql_where=text("concluded_at IS NULL"),
        ),
        Index(
            "ix_cases_open_accepting",
            "accepting_org",
            "due_date",
            "id",
            postgresql_include=["handling_org", "received_by_org", "status"],
            postgresql_where=text("concluded_at IS NULL"),
        ),
        # 待办 not yet accepted (no due date): the queue sorts these by their promised date, computed for today;
        # covering, so that sort reads the index alone (migration 0016)
        *(
            Index(
                f"ix_cases_undated_{name}",
                column,
                postgresql_include=[*_UNDATED_COLUMNS],
                postgresql_where=text("concluded_at IS NULL AND due_date IS NULL"),
            )
            for name, column in (
                ("handling", "handling_org"),
                ("received", "received_by_org"),
                ("accepting", "accepting_org"),
            )
        ),
        Index(
            "ix_cases_open_due",
            "due_date",
            "id",
            postgresql_include=["region", "status"],
            postgresql_where=text("concluded_at IS NULL"),
        ),
        Index(
            "ix_cases_open_region",
            "region",
            "due_date",
            postgresql_ops={"region": "varchar_pattern_ops"},
            postgresql_where=text("concluded_at IS NULL"),
        ),
        # the applicant's own list (我的办件: top-level cases); partial, so the filing's key check has only the
        # key's unique index to read (migration 0022)
        Index(
            "ix_cases_applicant", "applicant_id", "received_at", postgresql_where=text("parent_id IS NULL")
        ),
        Index("ix_cases_parent_id", "parent_id", postgresql_where=text("parent_id IS NOT NULL")),
        Index(
            "ix_cases_certificate_due",
            "certificate_next_attempt_at",
            postgresql_where=text("certificate_next_attempt_at IS NOT NULL"),
        ),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    number: Mapped[str] = mapped_column(String(50), unique=True, doc="办件编号")
    city_number: Mapped[str | None] = mapped_column(String(50), doc="the city platform's own number")
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("cases.id"))
    matter_code: Mapped[str] = mapped_column(String(36))
    matter_version: Mapped[int] = mapped_column(Integer)
    matter_name: Mapped[str] = mapped_column(String(200))
    matter_type: Mapped[str | None] = mapped_column(
        String(2),
        doc="事项类型 of the version filed under (01 行政许可 … 20 公共服务); a bundle: its members' one type; "
        "null: not known, or a bundle whose members differ",
    )
    matter_legal_basis: Mapped[str | None] = mapped_column(
        Text, doc="设定依据 of the version filed under; null: the version's basis was never received"
    )
    bundle_code: Mapped[str | None] = mapped_column(String(50))
    kind: Mapped[str] = mapped_column(
        String(10),
        server_default="single",
        doc="single | bundle (parent of a 一件事) | member (its sub-case)",
    )
    applicant_kind: Mapped[str] = mapped_column(String(20))
    applicant_id: Mapped[str] = mapped_column(String(64), doc="identity subject id of the applicant")
    subject_kind: Mapped[str] = mapped_column(
        String(20),
        default=lambda context: context.get_current_parameters()["applicant_kind"],
        doc="whom the matter is about: person | enterprise | newborn (the applicant by default)",
    )
    subject_id: Mapped[str] = mapped_column(
        String(64),
        default=lambda context: context.get_current_parameters()["applicant_id"],
        doc="identity's id of the subject: certificates, materials and reads follow it",
    )
    submitted_by: Mapped[str] = mapped_column(String(64), doc="who filed it: the applicant or a clerk")
    consent_ref: Mapped[str | None] = mapped_column(String(100), doc="the applicant's consent to 代办")
    channel: Mapped[str] = mapped_column(String(20))
    received_by_org: Mapped[str] = mapped_column(String(40), doc="where it was received (any level)")
    region: Mapped[str] = mapped_column(String(12), index=True, doc="division code of where it was received")
    handling_org: Mapped[str] = mapped_column(String(40), doc="the department that decides")
    accepting_org: Mapped[str | None] = mapped_column(
        String(40), doc="the hall whose window accepts it (受理): by the matter's levels; null before 0011"
    )
    status: Mapped[str] = mapped_column(String(30))
    national_code: Mapped[int] = mapped_column(Integer)
    form: Mapped[dict[str, Any]] = mapped_column(JSONB)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    accepted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    deemed_accepted: Mapped[bool] = mapped_column(Boolean, server_default=text("false"))
    limit_days: Mapped[int] = mapped_column(Integer)
    limit_unit: Mapped[str] = mapped_column(String(20))
    statutory_days: Mapped[int] = mapped_column(Integer)
    extension_days: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    supplement_requested: Mapped[bool] = mapped_column(Boolean, server_default=text("false"))
    due_date: Mapped[date | None] = mapped_column(
        Date, doc="promised due date, moved by pauses and extensions"
    )
    statutory_due_date: Mapped[date | None] = mapped_column(Date)
    warning_level: Mapped[str | None] = mapped_column(String(10), doc="yellow | red, once announced")
    concluded_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    outcome: Mapped[str | None] = mapped_column(
        String(20), doc="how it concluded: approved | denied | refused | withdrawn | terminated"
    )
    idempotency_key: Mapped[str | None] = mapped_column(String(100))
    result_certificate_type: Mapped[str | None] = mapped_column(
        String(40), doc="the certificate approval issues"
    )
    certificate_id: Mapped[str | None] = mapped_column(String(120), doc="GB/T 36904 identifier once issued")
    traceparent: Mapped[str | None] = mapped_column(
        String(55), doc="W3C trace context of the filing request: the worker's calls for the case continue it"
    )
    certificate_issued_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    delivery_channel: Mapped[str | None] = mapped_column(String(20), doc="window | mail | electronic")
    delivery_ref: Mapped[str | None] = mapped_column(String(100), doc="e.g. the mail tracking number")
    delivered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    certificate_attempts: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    certificate_next_attempt_at: Mapped[datetime | None] = mapped_column(
        DateTime(timezone=True), doc="when the worker (re)tries issuing through the exchange; null = not due"
    )
    certificate_last_error: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, server_default=text("1"))

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy's declarative hook


class TimelineEntry(Base):
    """Who did what to a case, when, with which opinion (办理过程)."""

    __tablename__ = "case_timeline"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    action: Mapped[str] = mapped_column(String(30))
    from_status: Mapped[str | None] = mapped_column(String(30))
    to_status: Mapped[str] = mapped_column(String(30))
    actor_id: Mapped[str] = mapped_column(String(64))
    actor_org: Mapped[str | None] = mapped_column(String(40))
    actor_role: Mapped[str] = mapped_column(String(30))
    opinion: Mapped[str | None] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class ClockEntry(Base):
    """The legal clock's ledger: start, pause, resume, extend, stop."""

    __tablename__ = "clock_ledger"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    event: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    reason: Mapped[str | None] = mapped_column(Text)
    days: Mapped[int | None] = mapped_column(Integer, doc="for extensions")


class CaseMaterial(Base):
    """One material of the matter version and how it was obtained."""

    __tablename__ = "case_materials"
    __table_args__ = (
        UniqueConstraint("case_id", "material_code"),
        Index(
            "ix_case_materials_due", "next_attempt_at", postgresql_where=text("next_attempt_at IS NOT NULL")
        ),
    )

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))  # indexed first in the unique key
    material_code: Mapped[str] = mapped_column(String(60))
    name: Mapped[str] = mapped_column(String(200))
    requirement: Mapped[str] = mapped_column(String(20), doc="required | optional | deferrable (容缺)")
    method: Mapped[str | None] = mapped_column(
        String(20), doc="data_sharing | e_certificate | upload | paper | bundle_member"
    )
    reference: Mapped[str | None] = mapped_column(String(200))
    obtained_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    status: Mapped[str] = mapped_column(
        String(20), server_default="missing", doc="missing | obtained | awaiting_member | deferred"
    )
    source: Mapped[str] = mapped_column(String(20), server_default="applicant", doc="applicant | government")
    certificate_type: Mapped[str | None] = mapped_column(String(40), doc="e-certificate that can replace it")
    resource_code: Mapped[str | None] = mapped_column(
        String(60), doc="shared data resource that can replace it"
    )
    data_items: Mapped[list[str]] = mapped_column(JSONB, server_default=text("'[]'::jsonb"))
    produced_by: Mapped[str | None] = mapped_column(String(36), doc="bundle member matter whose result it is")
    belongs_to: Mapped[str] = mapped_column(
        String(20),
        server_default="subject",
        doc="whose it is, so whose the exchange is asked for: subject (办理对象) | applicant (申请人)",
    )
    asked_by: Mapped[list[str]] = mapped_column(
        JSONB,
        server_default=text("'[]'::jsonb"),
        doc="on a 一件事 parent: the member matters asking for it (or whose material it stands in for); empty = all",
    )
    stands_in_for: Mapped[list[dict[str, str]]] = mapped_column(
        JSONB,
        server_default=text("'[]'::jsonb"),
        doc="members' materials it stands in for ({member_code, name, reason}), which are not asked themselves",
    )
    answered_ways: Mapped[list[str]] = mapped_column(
        JSONB,
        server_default=text("'[]'::jsonb"),
        doc="exchange ways that gave a final answer (not found, not granted): never asked again for it",
    )
    detail: Mapped[dict[str, Any]] = mapped_column(
        JSONB,
        server_default=text("'{}'::jsonb"),
        doc="how it was obtained: access log id, certificate id, upload",
    )
    attempts: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    last_error: Mapped[str | None] = mapped_column(Text)
    next_attempt_at: Mapped[datetime | None] = mapped_column(
        DateTime(timezone=True), doc="when the worker (re)tries the exchange; null = not due (or given up)"
    )


class Upload(Base):
    """An uploaded file of a material, with its content hash."""

    __tablename__ = "uploads"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    material_code: Mapped[str] = mapped_column(String(60))
    filename: Mapped[str] = mapped_column(String(200))
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    uploaded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class Evaluation(Base):
    """The applicant's rating of a case (好差评), once per case."""

    __tablename__ = "evaluations"

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), primary_key=True)
    score: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str | None] = mapped_column(Text)
    channel: Mapped[str] = mapped_column(String(20), doc="online (一事一评) | hall (一次一评)")
    real_name: Mapped[bool] = mapped_column(Boolean)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class RectificationTask(Base):
    """A bad rating's follow-up for the handling department: callback, verification, rectification, feedback."""

    __tablename__ = "rectification_tasks"
    __table_args__ = (
        Index("ix_rectification_tasks_involved", "involved_departments", postgresql_using="gin"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), unique=True)
    department: Mapped[str] = mapped_column(
        String(40), index=True, doc="the coordinating department: the handling one, a 一件事's lead"
    )
    concerned_departments: Mapped[list[str]] = mapped_column(
        JSONB,
        server_default=text("'[]'::jsonb"),
        doc="the departments the complaint concerns: they record steps with the coordinating department",
    )
    involved_departments: Mapped[list[str]] = mapped_column(
        JSONB,
        server_default=text("'[]'::jsonb"),
        doc="every department that sees the task and the rating (a 一件事: the lead and every member's)",
    )
    status: Mapped[str] = mapped_column(String(20))
    due_date: Mapped[date | None] = mapped_column(Date)
    callback_required: Mapped[bool] = mapped_column(Boolean, doc="real-name bad reviews get a 100% callback")
    records: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, doc="each step: who, when, what")
    opened_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    rater_score: Mapped[int | None] = mapped_column(
        Integer, doc="the applicant's rating of the rectification (1-5), once it is closed"
    )
    rater_comment: Mapped[str | None] = mapped_column(Text)
    rated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class Decision(Base):
    """The written decision of a case (准予许可, 不予许可, 不予受理决定书), fixed when it is made."""

    __tablename__ = "decisions"

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(10), doc="grant | deny | refuse")
    number: Mapped[str] = mapped_column(String(80), unique=True, doc="决定书编号")
    title: Mapped[str] = mapped_column(String(40))
    matter_name: Mapped[str] = mapped_column(String(200))
    handling_org: Mapped[str] = mapped_column(String(40), doc="the deciding department")
    reasons: Mapped[str | None] = mapped_column(Text, doc="the reasons given (required for a refusal)")
    legal_basis: Mapped[str] = mapped_column(Text)
    matter_type: Mapped[str | None] = mapped_column(String(2), doc="the type whose wording it was written in")
    verdict: Mapped[str | None] = mapped_column(
        Text, doc="the decision's sentence (null before 0016: 许可 wording)"
    )
    remedies: Mapped[str | None] = mapped_column(
        Text, doc="for a refusal: 行政复议 and 行政诉讼, bodies and time limits"
    )
    issued_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
