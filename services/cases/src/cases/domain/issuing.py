"""Where a case's e-certificate stands (电子证照签发状态), and who may have it issued again. Pure."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime
from enum import StrEnum
from typing import Protocol

from cases.domain.access import Caller, CaseFacts

__all__ = [
    "RETRY_ROLES",
    "CertificateState",
    "IssuingFacts",
    "bundle_certificate_state",
    "certificate_content",
    "certificate_state",
    "certificate_type_code",
    "may_retry_certificate",
]

RETRY_ROLES = frozenset({"reviewer", "department_head"})

_CERTIFICATE_ID_PREFIX = "1.2.156.3005.2."  # GB/T 36904: the prefix, then the type code (DOMAIN.md §3)
_TYPE_CODE = re.compile(
    r"[0-9A-HJ-NPQRTUWXY]{18}[0-9]{3}"
)  # defining authority's credit code + 3-digit serial


def certificate_type_code(certificate_id: str, catalog_type: str) -> str:
    """The issued certificate's type code: the national one (电子证照类型代码, DOMAIN.md §3) its registry identifier
    carries, so cases says what the exchange's registry says of the same certificate (issue 19, last outside try,
    failure 2: cases said ``ZZ-CSYXZM``, the registry ``11500110MB1A00036W005``). ``catalog_type`` — the catalog's
    code for the type (an alias the registry resolves) — only for an identifier not in the GB/T 36904 form."""
    if certificate_id.startswith(_CERTIFICATE_ID_PREFIX):
        code = certificate_id[len(_CERTIFICATE_ID_PREFIX) :].split(".", 1)[0]
        if _TYPE_CODE.fullmatch(code):
            return code
    return catalog_type


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


def bundle_certificate_state(members: Iterable[IssuingFacts]) -> CertificateState:
    """A 一件事 parent issues nothing itself: its state is its members' — failed or pending while any member's
    certificate is, issued once one was issued and none is still due, none when no member issues one."""
    states = {certificate_state(member) for member in members}
    for state in (CertificateState.FAILED, CertificateState.PENDING, CertificateState.ISSUED):
        if state in states:
            return state
    return CertificateState.NONE


def may_retry_certificate(caller: Caller, case: CaseFacts) -> bool:
    """The handling department's reviewers and heads: the certificate is issued in their department's name."""
    return (
        caller.kind == "staff"
        and caller.org == case.handling_org
        and not RETRY_ROLES.isdisjoint(caller.roles)
    )


def certificate_content(
    *,
    holder_name: str,
    holder_kind_label: str,
    holder_masked: str | None,
    issuer: str,
    matter_name: str,
    case_number: str,
    decision_number: str | None,
    valid_from: date,
) -> dict[str, str]:
    """The certificate's face (照面信息) as the registry keeps it and a reader of the holder's certificates sees it:
    to whom, by whom, on which case and decision, from when — labelled in Chinese, the identifier only masked (the
    registry holds the full one as the holder's). Issue 19 outside try, failure 4: it was empty."""
    face = {
        "持证主体": holder_name,
        "持证主体类别": holder_kind_label,
        "发证机关": issuer,
        "办理事项": matter_name,
        "办件编号": case_number,
        "有效期起": valid_from.isoformat(),
    }
    if holder_masked:
        face["证件号码"] = holder_masked
    if decision_number:
        face["决定书编号"] = decision_number
    return face
