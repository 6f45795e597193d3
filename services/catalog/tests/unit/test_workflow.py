"""Version workflow and validity periods (pure)."""

from datetime import date

import pytest

from catalog.domain.workflow import Validity, can_transition, is_editable, plan_validity

pytestmark = pytest.mark.unit

D = date


def test_transitions() -> None:
    assert can_transition("draft", "submit")
    assert can_transition("in_review", "publish")
    assert can_transition("in_review", "return")
    assert can_transition("published", "retire")
    assert not can_transition("draft", "publish")
    assert not can_transition("published", "publish")
    assert not can_transition("retired", "retire")
    assert is_editable("draft")
    assert not is_editable("published")
    assert not is_editable("retired")


def test_first_version_needs_nothing() -> None:
    plan = plan_validity(Validity(1, D(2025, 1, 1), None), [])
    assert plan.close is None
    assert plan.violations == ()


def test_new_version_closes_the_open_ended_one() -> None:
    plan = plan_validity(Validity(2, D(2025, 6, 1), None), [Validity(1, D(2025, 1, 1), None)])
    assert plan.close == (1, D(2025, 6, 1))
    assert plan.violations == ()


def test_same_day_correction_supersedes() -> None:
    plan = plan_validity(Validity(2, D(2025, 1, 1), None), [Validity(1, D(2025, 1, 1), None)])
    assert plan.close == (1, D(2025, 1, 1))


def test_starting_before_the_current_version_overlaps() -> None:
    plan = plan_validity(Validity(2, D(2024, 12, 1), None), [Validity(1, D(2025, 1, 1), None)])
    assert plan.close is None
    assert [v["rule"] for v in plan.violations] == ["validity_overlap"]
    assert "第 1 版" in plan.violations[0]["message"]


def test_closed_periods_never_overlap() -> None:
    fixed = [Validity(1, D(2025, 1, 1), D(2026, 1, 1))]
    assert plan_validity(Validity(2, D(2025, 12, 31), None), fixed).violations
    assert plan_validity(Validity(2, D(2026, 1, 1), None), fixed).violations == ()
    assert plan_validity(Validity(2, D(2024, 1, 1), D(2025, 1, 1)), fixed).violations == ()
    assert plan_validity(Validity(2, D(2024, 1, 1), D(2025, 1, 2)), fixed).violations
