"""Request and response bodies of the cases API."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model

from cases.api.case_reading import CaseReading
from cases.domain.forwarding import Forwarding
from cases.domain.issuing import certificate_state
from cases.domain.labels import (
    ACTION_LABELS,
    ACTOR_LABELS,
    CHANNEL_LABELS,
    CLOCK_LABELS,
    DELIVERY_LABELS,
    FORWARD,
    KIND_LABELS,
    LIMIT_UNIT_LABELS,
    action_label,
    outcome_label,
    status_label,
)
from cases.domain.states import Action, Actor, CaseStatus
from cases.domain.subjects import subject_label
from meshkit.hostile import MULTI_LINE, MultiLineText
from meshkit.labels import label_of

__all__ = [
    "STAFF_ACTORS",
    "SUBMISSION_LEAVES_OUT",
    "ActionIn",
    "ApplicationIn",
    "CaseDetailOut",
    "CaseOut",
    "CasePage",
    "ClockOut",
    "SubmittedCaseOut",
    "TimelineOut",
]


class ApplicationIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    matter_code: str | None = Field(
        default=None, min_length=1, max_length=36, description="implementation code (实施编码) of a matter"
    )
    bundle_code: str | None = Field(
        default=None,
        min_length=1,
        max_length=36,
        description="code of a 一件事 bundle instead: one parent case with a member case per department",
    )
    form: Annotated[dict[str, Any], MULTI_LINE] = Field(
        default_factory=dict, description="the application form (申请表) data; its text may span lines"
    )
    applicant_id: str | None = Field(default=None, max_length=64, description="for 代办: the applicant's id")
    applicant_kind: Literal["person", "enterprise"] = Field(default="person")
    consent_ref: str | None = Field(
        default=None, max_length=100, description="for 代办: consent record (委托书)"
    )
    subject_kind: Literal["person", "enterprise", "newborn"] = Field(
        default="person", description="kind of the subject (办理对象) named by subject_id"
    )
    subject_id: str | None = Field(
        default=None,
        min_length=1,
        max_length=64,
        description="whom the matter is about (办理对象), by identity's id: default the applicant. Another "
        "subject needs a link identity confirms: a newborn the applicant is guardian of (POST /identity/me/"
        "newborns), an enterprise the applicant represents or is an agent of",
    )


class ActionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    action: Action
    reason: MultiLineText | None = Field(
        default=None, max_length=2000, description="opinion (意见) or reason (理由)"
    )
    extension_days: int | None = Field(default=None, ge=1, le=60, description="for extend (延期)")
    joint: bool = Field(default=False, description="joint or centralized handling (联合办理) for extend")
    delivery_channel: Literal["window", "mail", "electronic"] | None = Field(
        default=None, description="for deliver (送达): window 窗口领取, mail 邮寄, electronic 电子送达"
    )
    delivery_ref: str | None = Field(
        default=None, max_length=100, description="e.g. the mail tracking number"
    )


class CaseOut(CaseReading):
    model_config = ConfigDict(from_attributes=True)

    id: str
    number: str = Field(description="case number (办件编号)")
    parent_id: str | None = Field(description="the 一件事 parent of a member case")
    kind: str = Field(description="single | bundle (一件事 parent) | member (its department's case)")
    kind_label: str = Field(default="", description="单一事项办件, 一件事 or 一件事子办件")
    bundle_code: str | None
    matter_code: str
    matter_version: int
    matter_name: str
    applicant_kind: str
    applicant_kind_label: str = Field(default="", description="自然人 | 法人")
    applicant_name_masked: str | None = Field(
        default=None,
        description="for staff: the applicant's name (申请人), masked for a person (陈*梅), as identity shows it "
        "to the clerk; null for others or when identity does not say",
    )
    subject_name_masked: str | None = Field(
        default=None,
        description="for staff: whom the case is about (办理对象), masked like the applicant's (陈*宝 for a newborn "
        "陈小宝, an enterprise in full), so a window's queue shows the child beside the parent",
    )
    subject_kind: str = Field(description="whom the case is about (办理对象): person | enterprise | newborn")
    subject_id: str = Field(
        description="identity's id of the subject: certificates are issued to it, materials looked up for it"
    )
    subject_label: str = Field(description="the subject's kind in Chinese: 自然人 | 法人 | 新生儿")
    channel: str
    channel_label: str = Field(
        default="", description="网上申报, 区级窗口, 镇街便民服务中心窗口 or 村（社区）便民服务站窗口"
    )
    received_by_org: str
    received_by_org_name: str | None = Field(
        default=None, description="the receiving hall's name (收件单位), from identity; null if unknown"
    )
    accepting_org: str | None = Field(
        default=None,
        description="the hall whose window accepts it (受理窗口), by the matter's levels (行使层级): the receiving "
        "hall, the village's town center or the district center",
    )
    accepting_org_name: str | None = Field(default=None, description="the accepting hall's name (受理单位)")
    handling_org: str
    handling_org_name: str | None = Field(
        default=None, description="the deciding department's name (办理部门)"
    )
    status: CaseStatus
    status_label: str = Field(
        description="the status in Chinese; approved / denied read in the words of the matter's 事项类型: 准予许可 / "
        "不予许可 (01 行政许可), 予以确认 / 不予确认 (07), 予以给付 / 不予给付 (05), 已办结（予以办理） / 不予办理 "
        "(any other, or a 一件事 whose members' types differ)"
    )
    national_code: int = Field(description="好差评 status: 1 待受理, 2 已受理, 3 已办结")
    received_at: datetime
    accepted_at: datetime | None
    deemed_accepted: bool
    limit_days: int = Field(description="promised time limit (承诺时限) in `limit_unit`")
    limit_unit: str = Field(description="working_days (工作日) | natural_days")
    limit_unit_label: str = Field(default="", description="工作日 | 自然日")
    due_date: date | None = Field(description="promised due date (承诺办结日期), from acceptance")
    statutory_due_date: date | None
    extension_days: int
    concluded_at: datetime | None
    outcome: str | None = Field(
        description="approved | denied | refused | withdrawn | terminated | partially_granted (一件事 部分准予)"
    )
    outcome_label: str | None = Field(
        default=None,
        description="as status_label: by the 事项类型 (准予许可, 予以确认, 已办结（予以办理）, 不予办理 …), or 部分准予, "
        "不予受理, 已撤回, 已终止",
    )
    certificate_id: str | None = Field(description="the issued e-certificate (电子证照标识)")
    certificate_state: str = Field(
        default="none",
        description="none (无证照) | pending (待签发) | issued (已签发) | "
        "failed (签发失败: every attempt failed; see certificate_error)",
    )
    certificate_state_label: str = Field(default="无证照")
    certificate_error: str | None = Field(
        default=None,
        description="why the last attempt to issue failed, e.g. "
        "unknown_certificate_type (the exchange's type directory lacks it)",
    )
    delivery_channel: str | None
    delivery_channel_label: str | None = Field(default=None, description="窗口领取 | 邮寄送达 | 电子送达")
    delivery_ref: str | None = Field(
        default=None, description="e.g. the mail tracking number given at delivery"
    )
    delivered_at: datetime | None

    expected_due_date: date | None = Field(
        default=None,
        description="the promised date (预计办结日期): once accepted, the due date; before, the date if the case "
        "were accepted today (on submission and on the case itself)",
    )

    @classmethod
    def of(cls, case: Any, **extra: Any) -> CaseOut:
        computed = {
            "status_label",
            "outcome_label",
            "expected_due_date",
            "certificate_state",
            "certificate_state_label",
            "certificate_error",
            "subject_label",
            "kind_label",
            "applicant_kind_label",
            "applicant_name_masked",
            "subject_name_masked",
            "channel_label",
            "limit_unit_label",
            "delivery_channel_label",
            "received_by_org_name",
            "accepting_org_name",
            "handling_org_name",
        } | set(CaseReading.model_fields)
        state = certificate_state(case)
        return cls.model_validate(
            {
                **{k: getattr(case, k) for k in cls.model_fields if k not in computed},
                "status_label": status_label(case.status, case.matter_type),
                "outcome_label": outcome_label(case.outcome, case.matter_type),
                "certificate_state": state.value,
                "certificate_state_label": state.label,
                "certificate_error": case.certificate_last_error,
                "subject_label": subject_label(case.subject_kind),
                "kind_label": label_of(KIND_LABELS, case.kind),
                "applicant_kind_label": subject_label(case.applicant_kind),
                "channel_label": label_of(CHANNEL_LABELS, case.channel),
                "limit_unit_label": label_of(LIMIT_UNIT_LABELS, case.limit_unit),
                "delivery_channel_label": label_of(DELIVERY_LABELS, case.delivery_channel),
                **extra,
            }
        )


STAFF_ACTORS = frozenset({Actor.WINDOW_CLERK, Actor.REVIEWER, Actor.DEPARTMENT_HEAD})

# The answer to a submission carries no party names: identity stays off the busiest write, and the token holds no
# name (issue 19, last outside try, failure 4: they were null there while GET showed them). Left out, not null.
SUBMISSION_LEAVES_OUT = frozenset(
    {"applicant_name", "subject_name", "applicant_name_masked", "subject_name_masked"}
)
SubmittedCaseOut: type[BaseModel] = create_model(
    "SubmittedCaseOut",
    __doc__="The case as filed (POST /cases): CaseOut without the party names; GET /cases/{id} shows them.",
    **{  # type: ignore[call-overload]  # pydantic's overloads cannot type a spread of (annotation, FieldInfo)
        name: (field.annotation, field)
        for name, field in CaseOut.model_fields.items()
        if name not in SUBMISSION_LEAVES_OUT
    },
)


class TimelineOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    action: str
    action_label: str = Field(description="what was done, in Chinese (e.g. 受理, 一次性告知补正)")
    from_status: str | None
    from_status_label: str | None
    to_status: str
    to_status_label: str
    actor_org: str | None
    actor_org_name: str | None = Field(default=None, description="the acting organization's name")
    to_org: str | None = Field(
        default=None, description="for forward (转办): the hall the case was sent to, to accept it"
    )
    to_org_name: str | None = None
    actor_role: str
    actor_role_label: str = Field(description="in which capacity (申请人, 窗口工作人员, 审核人员 …)")
    actor_name: str | None = Field(
        default=None,
        description="for staff readers: the staff member who acted, by name (from identity); never an id, and "
        "null for the applicant's own reading (she reads the capacity and the organization)",
    )
    opinion: str | None
    at: datetime

    @classmethod
    def of(
        cls,
        entry: Any,
        names: dict[str, str] | None = None,
        matter_type: str | None = None,
        staff: dict[str, str] | None = None,
    ) -> TimelineOut:
        """``matter_type``: the case's 事项类型, whose words a decision's step and status are read in; ``staff``:
        staff members' names by id, for a staff reader."""
        names = names or {}
        return cls(
            actor_name=(staff or {}).get(entry.actor_id or "") if entry.actor_role in STAFF_ACTORS else None,
            action=entry.action,
            action_label=action_label(entry.action, matter_type),
            from_status=entry.from_status,
            from_status_label=status_label(entry.from_status, matter_type) if entry.from_status else None,
            to_status=entry.to_status,
            to_status_label=status_label(entry.to_status, matter_type),
            actor_org=entry.actor_org,
            actor_org_name=names.get(entry.actor_org or ""),
            actor_role=entry.actor_role,
            actor_role_label=label_of(ACTOR_LABELS, entry.actor_role),
            opinion=entry.opinion,
            at=entry.at,
        )

    @classmethod
    def forwarded(cls, forwarding: Forwarding, status: CaseStatus, names: dict[str, str]) -> TimelineOut:
        """The forwarding (转办) from the receiving hall to the accepting one, named as people know them."""
        source = names.get(forwarding.from_org, forwarding.from_org)
        target = names.get(forwarding.to_org, forwarding.to_org)
        return cls(
            action=FORWARD,
            action_label=label_of(ACTION_LABELS, FORWARD),
            from_status=status.value,
            from_status_label=status.label,
            to_status=status.value,
            to_status_label=status.label,
            actor_org=forwarding.from_org,
            actor_org_name=names.get(forwarding.from_org),
            to_org=forwarding.to_org,
            to_org_name=names.get(forwarding.to_org),
            actor_role="system",
            actor_role_label=label_of(ACTOR_LABELS, "system"),
            opinion=f"由{source}转至{target}受理（按事项的行使层级）",
            at=forwarding.at,
        )


class ClockOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    event: str
    event_label: str = Field(description="开始计时, 暂停计时, 恢复计时, 延长期限 or 停止计时")
    at: datetime
    reason: str | None
    days: int | None

    @classmethod
    def of(cls, entry: Any) -> ClockOut:
        return cls(
            event=entry.event,
            event_label=label_of(CLOCK_LABELS, entry.event),
            at=entry.at,
            reason=entry.reason,
            days=entry.days,
        )


class CaseDetailOut(CaseOut):
    form: dict[str, Any]
    members: list[CaseOut] = Field(
        default_factory=list, description="for a 一件事 parent: the member cases, one per member matter"
    )
    timeline: list[TimelineOut]
    clock: list[ClockOut]


class CasePage(BaseModel):
    items: list[CaseOut]
    total: int = Field(description="matching cases, counted up to 10,000")
    total_exact: bool = Field(
        default=True, description="false: there are more than `total` (at least 10,000)"
    )
    limit: int
    offset: int
