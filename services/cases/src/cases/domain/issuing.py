"""Where a case's e-certificate stands (电子证照签发状态), and who may have it issued again. Pure."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Protocol

from cases.domain.access import Caller, CaseFacts

__all__ = ["RETRY_ROLES", "CertificateState", "IssuingFacts", "certificate_state", "may_retry_certificate"]

RETRY_ROLES = frozenset({"reviewer", "department_head"})


class CertificateState(StrEnum):
    NONE = "none"  # the matter issues no certificate, or the case was not approved
    PENDING = "pending"  # approved; the worker issues it (or retries after a failure)
    ISSUED = "issued"
    FAILED = "failed"  # every attempt failed; staff may have it tried again once the cause is fixed

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    CertificateState.NONE: "无证照",
    CertificateState.PENDING: "待签发",
    CertificateState.ISSUED: "已签发",
    CertificateState.FAILED: "签发失败",
}


class IssuingFacts(Protocol):
    @property
    def result_certificate_type(self) -> str | None: ...
    @property
    def outcome(self) -> str | None: ...
    @property
    def certificate_id(self) -> str | None: ...
    @property
    def certificate_attempts(self) -> int: ...
    @property
    def certificate_next_attempt_at(self) -> datetime | None: ...


def certificate_state(case: IssuingFacts) -> CertificateState:
    if case.certificate_id is not None:
        return CertificateState.ISSUED
    if case.result_certificate_type is None or case.outcome != "approved":
        return CertificateState.NONE
    if case.certificate_attempts > 0 and case.certificate_next_attempt_at is None:
        return CertificateState.FAILED
    return CertificateState.PENDING


def may_retry_certificate(caller: Caller, case: CaseFacts) -> bool:
    """The handling department's reviewers and heads: the certificate is issued in their department's name."""
    return (
        caller.kind == "staff"
        and caller.org == case.handling_org
        and not RETRY_ROLES.isdisjoint(caller.roles)
    )
