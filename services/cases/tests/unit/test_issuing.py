"""Where a case's certificate stands, and who may have it issued again."""

from dataclasses import dataclass
from datetime import UTC, datetime

import pytest

from cases.domain.access import Caller, CaseFacts
from cases.domain.issuing import CertificateState, certificate_state, may_retry_certificate

NOW = datetime(2026, 6, 15, 2, 0, tzinfo=UTC)


@dataclass
class Facts:
    result_certificate_type: str | None = "ZZ-YYZZ"
    outcome: str | None = "approved"
    certificate_id: str | None = None
    certificate_attempts: int = 0
    certificate_next_attempt_at: datetime | None = NOW


@pytest.mark.parametrize(
    ("facts", "state"),
    [
        (Facts(), CertificateState.PENDING),
        (Facts(certificate_attempts=2), CertificateState.PENDING),  # failed twice, tries again
        (Facts(certificate_attempts=20, certificate_next_attempt_at=None), CertificateState.FAILED),
        (Facts(certificate_id="1.2.156.3005.2.X", certificate_next_attempt_at=None), CertificateState.ISSUED),
        (Facts(result_certificate_type=None), CertificateState.NONE),
        (Facts(outcome="denied"), CertificateState.NONE),
        (Facts(outcome=None, certificate_next_attempt_at=None), CertificateState.NONE),
    ],
)
def test_certificate_state(facts: Facts, state: CertificateState) -> None:
    assert certificate_state(facts) is state


def test_labels() -> None:
    assert [s.label for s in CertificateState] == ["无证照", "待签发", "已签发", "签发失败"]


CASE = CaseFacts(
    applicant_id="person-1",
    handling_org="500110-SCJGJ",
    received_by_org="500110-ZWFWZX",
    region="500110001000",
)


def staff(org: str, *roles: str) -> Caller:
    return Caller(sub="s", kind="staff", org=org, region="500110000000", roles=frozenset(roles))


@pytest.mark.parametrize(
    ("caller", "allowed"),
    [
        (staff("500110-SCJGJ", "reviewer"), True),
        (staff("500110-SCJGJ", "department_head"), True),
        (staff("500110-SCJGJ", "window_clerk"), False),
        (staff("500110-ZWFWZX", "reviewer"), False),  # received it, does not issue it
        (staff("500110-ZFBGS", "admin"), False),
        (
            Caller(sub="person-1", kind="person", org=None, region=None, roles=frozenset()),
            False,
        ),  # the applicant
    ],
)
def test_who_may_have_it_issued_again(caller: Caller, allowed: bool) -> None:
    assert may_retry_certificate(caller, CASE) is allowed
