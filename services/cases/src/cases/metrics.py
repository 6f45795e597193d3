"""Business metrics of the cases service (Prometheus): what happened to cases, counted once its transaction has
committed, in whichever process made it happen (the API files and decides, the worker's timers warn and issue).

Labels are codes only — matter code, channel, outcome, certificate type — never an applicant, a case number or
anything else that names a person. :func:`install` registers the counters' observers; the API and the worker
each call it once at start.
"""

from __future__ import annotations

from prometheus_client import Counter

from cases.events import (
    CASE_ACCEPTED,
    CASE_CONCLUDED,
    CASE_REFUSED,
    CASE_SUBMITTED,
    CERTIFICATE_ISSUED,
    DEADLINE_OVERDUE,
    DEADLINE_WARNING,
)
from meshkit.events import CloudEvent
from meshkit.outbox import on_committed

__all__ = ["CASES_ACCEPTED", "CASES_CONCLUDED", "CASES_FILED", "CERTIFICATES_ISSUED", "DEADLINES", "install"]

CASES_FILED = Counter("tongban_cases_filed", "Applications filed (申报/收件)", ["matter_code", "channel"])
CASES_ACCEPTED = Counter(
    "tongban_cases_accepted", "Cases accepted (受理) or refused (不予受理)", ["matter_code", "outcome"]
)
CASES_CONCLUDED = Counter(
    "tongban_cases_concluded",
    "Cases concluded (办结), by outcome: approved, denied, ...",
    ["matter_code", "outcome"],
)
DEADLINES = Counter(
    "tongban_case_deadlines",
    "Deadline notices: warning (黄牌预警) or overdue (红牌超期)",
    ["matter_code", "level"],
)
CERTIFICATES_ISSUED = Counter(
    "tongban_certificates_issued", "E-certificates issued (证照签发)", ["matter_code", "certificate_type"]
)

_installed = False


def _code(event: CloudEvent, name: str) -> str:
    value = event.data.get(name)
    return str(value) if value is not None else "unknown"


def install() -> None:
    """Count each case event this process commits (idempotent)."""
    global _installed
    if _installed:
        return
    _installed = True
    on_committed(
        CASE_SUBMITTED, lambda e: CASES_FILED.labels(_code(e, "matter_code"), _code(e, "channel")).inc()
    )
    on_committed(CASE_ACCEPTED, lambda e: CASES_ACCEPTED.labels(_code(e, "matter_code"), "accepted").inc())
    on_committed(CASE_REFUSED, lambda e: CASES_ACCEPTED.labels(_code(e, "matter_code"), "refused").inc())
    on_committed(
        CASE_CONCLUDED, lambda e: CASES_CONCLUDED.labels(_code(e, "matter_code"), _code(e, "status")).inc()
    )
    on_committed(DEADLINE_WARNING, lambda e: DEADLINES.labels(_code(e, "matter_code"), "warning").inc())
    on_committed(DEADLINE_OVERDUE, lambda e: DEADLINES.labels(_code(e, "matter_code"), "overdue").inc())
    on_committed(
        CERTIFICATE_ISSUED,
        lambda e: CERTIFICATES_ISSUED.labels(_code(e, "matter_code"), _code(e, "certificate_type")).inc(),
    )
