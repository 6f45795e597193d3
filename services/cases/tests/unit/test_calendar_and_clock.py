"""The legal clock against the real 2025 and 2026 holiday notices (国务院办公厅 节假日安排)."""

from datetime import date, datetime

import pytest

from cases.domain.calendar import CalendarNotPublished, WorkingCalendar, official_calendar
from cases.domain.clock import (
    LimitUnit,
    Pause,
    TimeLimit,
    deemed_accepted,
    due_date,
    extension_allowed,
    max_extension,
    pending_reason,
    pending_year,
    warning_date,
)

pytestmark = pytest.mark.unit

CAL = official_calendar()


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2026, 1, 1), False),  # 元旦
        (date(2026, 1, 4), True),  # Sunday, 调休上班
        (date(2026, 2, 14), True),  # Saturday before the Spring Festival, 调休上班
        (date(2026, 2, 17), False),  # 春节
        (date(2026, 2, 23), False),  # Monday, still 春节
        (date(2026, 2, 24), True),
        (date(2026, 2, 28), True),  # Saturday, 调休上班
        (date(2026, 10, 1), False),  # 国庆
        (date(2026, 10, 7), False),
        (date(2026, 10, 10), True),  # Saturday, 调休上班
        (date(2025, 1, 26), True),  # Sunday before the 2025 Spring Festival, 调休上班
        (date(2025, 1, 28), False),  # 除夕 2025
        (date(2025, 2, 8), True),  # Saturday, 调休上班
        (date(2025, 10, 8), False),  # 国庆中秋 2025
        (date(2025, 10, 11), True),  # Saturday, 调休上班
        (date(2025, 11, 25), True),
        (date(2025, 11, 29), False),  # an ordinary Saturday
    ],
)
def test_working_days(day: date, working: bool) -> None:
    assert CAL.is_working_day(day) is working


def test_years_without_a_notice_are_refused() -> None:
    with pytest.raises(CalendarNotPublished, match="2027"):
        CAL.is_working_day(date(2027, 1, 4))
    with pytest.raises(CalendarNotPublished):
        due_date(CAL, started=date(2026, 12, 20), limit=TimeLimit(20))  # runs into 2027


def test_twenty_working_days_across_the_spring_festival() -> None:
    # Accepted Fri 2026-02-06. Working days after it: 9,10,11,12,13,14(Sat makeup) = 6; 15-23 holiday/weekend;
    # 24,25,26,27,28(Sat makeup) = 11; Mar 2-6 = 16; Mar 9,10,11,12 = 20.
    assert due_date(CAL, started=date(2026, 2, 6), limit=TimeLimit(20)) == date(2026, 3, 12)


def test_twenty_working_days_across_national_day_2025() -> None:
    # Accepted Tue 2025-09-23: 24,25,26,28(Sun makeup),29,30 = 6; Oct 1-8 holiday; 9,10,11(Sat makeup) = 9;
    # 13-17 = 14; 20-24 = 19; 27 = 20.
    assert due_date(CAL, started=date(2025, 9, 23), limit=TimeLimit(20)) == date(2025, 10, 27)


def test_natural_days() -> None:
    assert due_date(CAL, started=date(2026, 9, 30), limit=TimeLimit(10, LimitUnit.NATURAL_DAYS)) == date(
        2026, 10, 10
    )


def test_pause_pushes_the_due_date_by_the_paused_working_days() -> None:
    start = date(2026, 3, 2)  # Monday
    plain = due_date(CAL, started=start, limit=TimeLimit(10))
    assert plain == date(2026, 3, 16)
    # paused Wed 4th 10:00, resumed Mon 9th 09:00: Thu, Fri, Mon do not count → +3 working days
    pause = Pause(datetime(2026, 3, 4, 10), datetime(2026, 3, 9, 9))
    assert due_date(CAL, started=start, limit=TimeLimit(10), pauses=[pause]) == date(2026, 3, 19)


def test_open_pause_keeps_moving_the_date() -> None:
    start = date(2026, 3, 2)
    pause = Pause(datetime(2026, 3, 4, 10), None)
    on_6th = due_date(CAL, started=start, limit=TimeLimit(10), pauses=[pause], today=date(2026, 3, 6))
    on_9th = due_date(CAL, started=start, limit=TimeLimit(10), pauses=[pause], today=date(2026, 3, 9))
    assert (on_6th, on_9th) == (date(2026, 3, 18), date(2026, 3, 19))


def test_extension_adds_working_days_once_within_the_maximum() -> None:
    limit = TimeLimit(20)
    assert due_date(CAL, started=date(2026, 3, 2), limit=limit, extension_days=10) == date(
        2026, 4, 14
    )  # 30 working days, Qingming (Apr 6) skipped
    assert max_extension(limit, joint=False) == 10
    assert max_extension(TimeLimit(45), joint=True) == 15
    assert extension_allowed(limit, days=10, already_extended=False, joint=False)
    assert not extension_allowed(limit, days=11, already_extended=False, joint=False)
    assert not extension_allowed(limit, days=5, already_extended=True, joint=False)
    assert not extension_allowed(limit, days=0, already_extended=False, joint=False)


def test_deemed_acceptance_after_five_working_days() -> None:
    received = date(
        2026, 9, 28
    )  # Monday before National Day: 29, 30, (Oct 1-7 holiday), 8, 9, 10 (Sat makeup)
    assert not deemed_accepted(CAL, received=received, today=date(2026, 10, 9))  # 4 working days passed
    assert not deemed_accepted(CAL, received=received, today=date(2026, 10, 10))  # 5: the last allowed day
    assert not deemed_accepted(CAL, received=received, today=date(2026, 10, 11))  # Sunday: still 5
    assert deemed_accepted(CAL, received=received, today=date(2026, 10, 12))


def test_yellow_warning_one_working_day_before() -> None:
    assert warning_date(CAL, date(2026, 2, 24)) == date(
        2026, 2, 14
    )  # back over the Spring Festival to Sat 14th
    assert warning_date(CAL, date(2026, 3, 10), working_days_before=2) == date(2026, 3, 6)


def test_a_zero_day_matter_is_due_the_same_working_day() -> None:
    """Issue 19 failure 4: a 即办件 accepted on a Sunday was due that Sunday."""
    sunday, monday = date(2026, 12, 6), date(2026, 12, 7)
    assert due_date(CAL, started=sunday, limit=TimeLimit(0)) == monday
    assert due_date(CAL, started=monday, limit=TimeLimit(0)) == monday
    assert due_date(CAL, started=date(2026, 10, 1), limit=TimeLimit(0)) == date(
        2026, 10, 8
    )  # the first working day after 国庆


def test_in_december_the_promised_date_stays_when_the_statutory_one_is_pending() -> None:
    """Issue 19 failure 2: accepting 社会保障卡申领 (5 working days promised, 20 statutory) on 2026-12-06 before
    2027's notice gave no due date at all; the promised 2026-12-11 lies in 2026."""
    from datetime import UTC

    from cases.store.case_models import Case
    from cases.use_cases.clock import refresh_due_dates

    case = Case(
        accepted_at=datetime(2026, 12, 6, 2, 0, tzinfo=UTC),  # 10:00 in Qijiang
        limit_days=5,
        statutory_days=20,
        limit_unit="working_days",
        extension_days=0,
    )
    refresh_due_dates(case, CAL, [], date(2026, 12, 6))
    assert case.due_date == date(2026, 12, 11)
    assert case.statutory_due_date is None  # pending until 2027's notice, computed then


def test_a_case_accepted_after_midnight_in_qijiang_is_dated_that_day() -> None:
    """Issue 19 failure 6: dates were taken in UTC, so between 00:00 and 08:00 Beijing time every deadline came a
    day early. Accepted at 07:30 on Monday 2026-12-07 in Qijiang (23:30 UTC on Sunday)."""
    from datetime import UTC

    from cases.store.case_models import Case
    from cases.use_cases.clock import refresh_due_dates
    from meshkit.legaldate import local_date

    accepted = datetime(2026, 12, 6, 23, 30, tzinfo=UTC)
    assert local_date(accepted) == date(2026, 12, 7)
    case = Case(
        accepted_at=accepted, limit_days=1, statutory_days=5, limit_unit="working_days", extension_days=0
    )
    refresh_due_dates(case, CAL, [], date(2026, 12, 7))
    assert case.due_date == date(2026, 12, 8)  # one working day after Monday, not after Sunday (= Monday)


def test_issue19_failure2_a_pending_date_names_the_year_it_waits_for() -> None:
    """issue 19 (remaining, failure 2): the reason beside a pending date names the first year, from the start on,
    whose holiday notice is missing; with every year published it says the date is being recomputed, and on a case
    concluded meanwhile that it never was."""
    calendar = WorkingCalendar.from_days({2025, 2026, 2028}, [])
    assert pending_year(calendar, date(2026, 12, 6)) == 2027
    assert pending_year(calendar, date(2028, 3, 1)) == 2029
    assert pending_reason(2027) == "2027年节假日安排尚未公布，期限将在公布后计算"
    assert pending_year(WorkingCalendar.from_days(range(2004, 2101), []), date(2026, 12, 6)) is None
    assert "重新计算" in pending_reason(None)
    assert "未曾计算" in pending_reason(None, concluded=True)
