"""Request and response bodies of the cases API."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from cases.domain.issuing import certificate_state
from cases.domain.states import Action, CaseStatus
from meshkit.hostile import MULTI_LINE, MultiLineText

__all__ = ["ActionIn", "ApplicationIn", "CaseDetailOut", "CaseOut", "CasePage", "ClockOut", "TimelineOut"]


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
    applicant_kind: str = Field(default="person", pattern="^(person|enterprise)$")
    consent_ref: str | None = Field(
        default=None, max_length=100, description="for 代办: consent record (委托书)"
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


class CaseOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    number: str = Field(description="case number (办件编号)")
    parent_id: str | None = Field(description="the 一件事 parent of a member case")
    kind: str = Field(description="single | bundle (一件事 parent) | member (its department's case)")
    bundle_code: str | None
    matter_code: str
    matter_version: int
    matter_name: str
    applicant_kind: str
    channel: str
    received_by_org: str
    handling_org: str
    status: CaseStatus
    status_label: str
    national_code: int = Field(description="好差评 status: 1 待受理, 2 已受理, 3 已办结")
    received_at: datetime
    accepted_at: datetime | None
    deemed_accepted: bool
    limit_days: int = Field(description="promised time limit (承诺时限) in `limit_unit`")
    limit_unit: str = Field(description="working_days (工作日) | natural_days")
    due_date: date | None = Field(description="promised due date (承诺办结日期), from acceptance")
    statutory_due_date: date | None
    extension_days: int
    concluded_at: datetime | None
    outcome: str | None = Field(description="approved | denied | refused | withdrawn | terminated")
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
    delivered_at: datetime | None

    expected_due_date: date | None = Field(
        default=None,
        description="on submission: the promised date if the case is accepted today (预计办结日期)",
    )

    @classmethod
    def of(cls, case: Any, **extra: Any) -> CaseOut:
        computed = {
            "status_label",
            "expected_due_date",
            "certificate_state",
            "certificate_state_label",
            "certificate_error",
        }
        state = certificate_state(case)
        return cls.model_validate(
            {
                **{k: getattr(case, k) for k in cls.model_fields if k not in computed},
                "status_label": CaseStatus(case.status).label,
                "certificate_state": state.value,
                "certificate_state_label": state.label,
                "certificate_error": case.certificate_last_error,
                **extra,
            }
        )


class TimelineOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    action: str
    from_status: str | None
    to_status: str
    actor_org: str | None
    actor_role: str
    opinion: str | None
    at: datetime


class ClockOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    event: str
    at: datetime
    reason: str | None
    days: int | None


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
