"""Issue 20, failure 5: deadlines warned or overdue were counted nowhere. The worker's supervision timer now counts
each red notice once, by matter code, when its transaction commits (and the deemed acceptance before it)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from prometheus_client import REGISTRY

from cases import metrics
from cases.use_cases.deadlines import accept_overdue_receipts, announce_deadlines
from meshkit.db import Database

from .test_deadlines import CENTER, received_on

pytestmark = pytest.mark.integration


def _value(name: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


async def test_failure5_overdue_notices_and_deemed_acceptances_are_counted_once(database: Database) -> None:
    """Issue 20, failure 5: nothing counted deadlines warned or overdue."""
    metrics.install()
    overdue = {"matter_code": "TIMER-1", "level": "overdue"}
    accepted = {"matter_code": "TIMER-1", "outcome": "accepted"}
    before = (
        _value("tongban_case_deadlines_total", **overdue),
        _value("tongban_cases_accepted_total", **accepted),
    )
    await received_on(database, datetime(2026, 11, 2, 9, tzinfo=UTC))
    assert await accept_overdue_receipts(
        database, now=datetime(2026, 11, 10, 8, tzinfo=UTC), district_center=CENTER
    )
    for day in (10, 11):  # the second round finds nothing new: counted once
        await announce_deadlines(database, now=datetime(2026, 11, day, 9, tzinfo=UTC), working_days_before=1)
    after = (
        _value("tongban_case_deadlines_total", **overdue),
        _value("tongban_cases_accepted_total", **accepted),
    )
    assert after[0] - before[0] == 1
    assert after[1] - before[1] == 1
