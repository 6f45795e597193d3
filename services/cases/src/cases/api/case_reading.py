"""What a case says to the person reading it beyond its own columns (issue 19, remaining failures 1 and 2): the
parties' names for the applicant herself, and why a date is missing. The fields :class:`cases.api.schemas.CaseOut`
takes from :class:`cases.api.views.CaseViews`, never from the stored row."""

from __future__ import annotations

from pydantic import BaseModel, Field

__all__ = ["CaseReading"]

_PENDING = (
    "why `{}` is null while it is pending (e.g. 2027年节假日安排尚未公布，期限将在公布后计算); null otherwise"
)


class CaseReading(BaseModel):
    applicant_name: str | None = Field(
        default=None,
        description="for the applicant herself (申请人本人): her own name, in full, as identity shows it to her "
        "token; null for anyone else (staff read `applicant_name_masked`) or when identity does not say",
    )
    subject_name: str | None = Field(
        default=None,
        description="for the applicant herself: whom the case is about (办理对象) by name, e.g. 陈小宝（新生儿） or "
        "an enterprise's registered name (her own name when the case is about her)",
    )
    expected_due_date_pending_reason: str | None = Field(
        default=None, description=_PENDING.format("expected_due_date")
    )
    due_date_pending_reason: str | None = Field(default=None, description=_PENDING.format("due_date"))
    statutory_due_date_pending_reason: str | None = Field(
        default=None, description=_PENDING.format("statutory_due_date")
    )
