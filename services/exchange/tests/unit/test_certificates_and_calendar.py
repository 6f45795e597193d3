"""GB/T 36904 identifiers, certificate status transitions, and the working-day due date of share requests."""

from datetime import date

import pytest

from exchange.domain.calendar import CalendarUnavailable, DayKind, WorkingCalendar, official_days
from exchange.domain.certificates import (
    CertificateStatus,
    InvalidCertificateId,
    StatusProblem,
    check_transition,
    parse_certificate_id,
)
from exchange.domain.grants import GrantProblem, answer_due, check_items, check_validity

pytestmark = pytest.mark.unit

EXAMPLE = "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U"


def test_the_standard_example_validates() -> None:
    parsed = parse_certificate_id(EXAMPLE.lower())
    assert parsed.value == EXAMPLE
    assert (parsed.type_code, parsed.issuer_code, parsed.serial, parsed.version) == (
        "11100000000013338W011",
        "11430000006122244L",
        "20230000403",
        "001",
    )


@pytest.mark.parametrize("wrong", "0123456789ABCDEFGHIJKLMNOPQRSTVWXYZ")
def test_every_other_check_character_is_refused(wrong: str) -> None:
    with pytest.raises(InvalidCertificateId) as caught:
        parse_certificate_id(EXAMPLE[:-1] + wrong)
    assert caught.value.check == "checksum"


def test_status_transitions() -> None:
    check_transition(CertificateStatus.VALID, CertificateStatus.SUSPENDED)
    check_transition(CertificateStatus.SUSPENDED, CertificateStatus.VALID)
    for end in ("撤销", "注销", "失效", "吊销"):
        check_transition(CertificateStatus.VALID, CertificateStatus(end))
        with pytest.raises(StatusProblem):
            check_transition(CertificateStatus(end), CertificateStatus.VALID)


OFFICIAL = WorkingCalendar.from_days(*official_days())


def test_answer_due_counts_working_days_across_national_day() -> None:
    # 2025-09-26 (Fri): 09-28 (Sun) is a makeup workday, 10-01..10-08 holidays, 10-11 (Sat) a makeup workday
    assert answer_due(OFFICIAL, date(2025, 9, 26)) == date(2025, 10, 16)
    assert OFFICIAL.add_working_days(date(2026, 6, 15), 10) == date(
        2026, 6, 30
    )  # 端午 2026-06-19 is a holiday


def test_years_without_a_published_calendar_are_refused() -> None:
    with pytest.raises(CalendarUnavailable, match="2027"):
        answer_due(OFFICIAL, date(2026, 12, 28))


def test_a_year_entered_by_the_district_counts() -> None:
    # Test data, not a real notice: 2027-01-01 (Fri) off, 2027-01-09 (Sat) worked.
    years, days = official_days()
    entered = WorkingCalendar.from_days(
        years | {2027},
        [*days, (date(2027, 1, 1), DayKind.HOLIDAY), (date(2027, 1, 9), DayKind.MAKEUP_WORKDAY)],
    )
    # From Mon 2026-12-28: 29, 30, 31, (1 off), 4, 5, 6, 7, 8, Sat 9 worked, 11 → the 10th working day
    assert answer_due(entered, date(2026, 12, 28)) == date(2027, 1, 11)
    assert not entered.is_working_day(date(2027, 1, 1))
    assert entered.is_working_day(date(2027, 1, 9))
    assert not entered.is_working_day(date(2027, 1, 10))


def test_request_rules() -> None:
    assert check_items(["name", "name", "amount"], ["name", "amount"]) == ("name", "amount")
    with pytest.raises(GrantProblem, match="nope") as unknown:
        check_items(["nope"], ["name"])
    assert unknown.value.code == "unknown_items"
    with pytest.raises(GrantProblem):
        check_validity(date(2026, 7, 1), date(2026, 6, 1), date(2026, 6, 15))
    with pytest.raises(GrantProblem):
        check_validity(date(2026, 1, 1), date(2030, 1, 1), date(2026, 6, 15))
