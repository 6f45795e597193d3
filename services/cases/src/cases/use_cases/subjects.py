"""The subject a filing names, checked against identity's records before anything is written.

Default: the applicant themself — no question asked, so the common filing is as fast as before. Naming someone
else needs a relation identity confirms (a newborn whose guardian the applicant is; an enterprise the applicant
represents or is an agent of), asked with the filing caller's own token; without it, 403 in Chinese."""

from __future__ import annotations

from typing import Protocol

from cases.clients.errors import CallFailed
from cases.domain.subjects import Party, relation_needed, subject_label
from meshkit.errors import ProblemError

__all__ = ["RelationLookup", "require_subject"]


class RelationLookup(Protocol):
    """How identity says ``person_id`` may act for the subject (None: not at all)."""

    async def __call__(self, person_id: str, kind: str, subject_id: str) -> str | None: ...


def _refused(subject: Party, applicant: Party) -> ProblemError:
    what = subject_label(subject.kind)
    return ProblemError(
        f"申请人不能以该{what}为办理对象：只能为本人、本人监护的新生儿（须先在“我的新生儿”中登记）、"
        "本人担任法定代表人或经授权的企业办理 (the applicant may not file about this subject)",
        status=403,
        code="subject_not_permitted",
        errors=[
            {
                "field": "subject_id",
                "message": f"申请人与该{what}没有监护、代表或授权关系",
                "type": "forbidden",
            }
        ],
    )


async def require_subject(lookup: RelationLookup | None, *, applicant: Party, subject: Party) -> None:
    """Nothing when the applicant may file about ``subject``; else 403 ``subject_not_permitted`` (or 503 when
    identity cannot be asked now). Never decided by anything the caller sends besides the names themselves."""
    wanted = relation_needed(applicant=applicant, subject=subject)
    if wanted is None:
        return
    if not wanted:
        raise _refused(subject, applicant)
    if lookup is None:
        raise RuntimeError("naming a subject other than the applicant needs a relation lookup")
    try:
        found = await lookup(applicant.id, subject.kind, subject.id)
    except CallFailed as exc:
        if exc.status in (401, 403):
            raise _refused(subject, applicant) from None
        raise ProblemError(
            "暂时无法核实办理对象，请稍后重试 (identity cannot be reached)",
            status=503,
            code="identity_unavailable",
            headers={"Retry-After": "5"},
        ) from None
    if found not in wanted:
        raise _refused(subject, applicant)
