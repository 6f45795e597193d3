"""A clerk files for an applicant identity knows (代办): never a case for a subject that does not exist."""

from __future__ import annotations

from typing import Protocol

from cases.clients.errors import CallFailed
from meshkit.errors import ProblemError

__all__ = ["ApplicantLookup", "require_applicant"]


class ApplicantLookup(Protocol):
    """Whether identity knows the subject, asked with the filing clerk's own token."""

    async def __call__(self, kind: str, subject_id: str) -> bool: ...


async def require_applicant(lookup: ApplicantLookup | None, *, kind: str, subject_id: str) -> None:
    """Nothing, or the problem that stops the filing before anything is written: 422 ``applicant_not_found``,
    403 ``applicant_not_permitted`` (identity will not show the clerk this subject), 503 ``identity_unavailable``.
    Filing on someone's behalf without a lookup is a wiring mistake, refused rather than skipped."""
    if lookup is None:
        raise RuntimeError("filing on an applicant's behalf needs an applicant lookup")
    try:
        found = await lookup(kind, subject_id)
    except CallFailed as exc:
        if exc.status in (401, 403):
            raise ProblemError(
                "无权查看该申请人，不能为其代办 (the applicant is not visible to this clerk)",
                status=403,
                code="applicant_not_permitted",
            ) from None
        raise ProblemError(
            "暂时无法核实申请人，请稍后重试 (identity cannot be reached)",
            status=503,
            code="identity_unavailable",
            headers={"Retry-After": "5"},
        ) from None
    if not found:
        what = "法人" if kind == "enterprise" else "自然人"
        message = f"申请人（{what}）不存在：请核对申请人标识 applicant_id，或先为其登记"
        raise ProblemError(
            message,
            status=422,
            code="applicant_not_found",
            errors=[{"field": "applicant_id", "message": message, "type": "not_found"}],
        )
