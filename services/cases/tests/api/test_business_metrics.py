"""Issue 20, failure 5: nothing counted cases filed, accepted or concluded. Now each is counted in the process that
made it happen, once its transaction committed, by matter code and outcome, and shows on that process's /metrics —
with labels that name no person."""

from __future__ import annotations

from typing import Any as Flow  # the `flow` fixture of conftest.py (test modules cannot import it)

import pytest
from prometheus_client.parser import text_string_to_metric_families

pytestmark = pytest.mark.api


async def _counts(flow: Flow) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    response = await flow.client.get("/metrics")
    assert response.status_code == 200
    found: dict[tuple[str, tuple[tuple[str, str], ...]], float] = {}
    for family in text_string_to_metric_families(response.text):
        for sample in family.samples:
            if sample.name.startswith(("tongban_cases_", "tongban_case_deadlines")) and sample.name.endswith(
                "_total"
            ):
                found[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return found


async def test_failure5_cases_filed_accepted_and_concluded_are_counted_by_matter_and_outcome(
    flow: Flow,
) -> None:
    """Issue 20, failure 5: no business metrics (cases filed/accepted/concluded)."""
    await flow.open_matter()
    before = await _counts(flow)
    case = (await flow.apply(flow.citizen())).json()
    matter = case["matter_code"]
    clerk, reviewer = flow.staff("window_clerk"), flow.staff("reviewer")
    assert (await flow.act(case["id"], clerk, "accept")).status_code == 200
    assert (await flow.act(case["id"], reviewer, "start_review")).status_code == 200
    assert (await flow.act(case["id"], reviewer, "approve", reason="符合条件")).status_code == 200
    after = await _counts(flow)

    def grew(name: str, **labels: str) -> float:
        key = (name, tuple(sorted(labels.items())))
        return after.get(key, 0) - before.get(key, 0)

    assert grew("tongban_cases_filed_total", matter_code=matter, channel="online") == 1
    assert grew("tongban_cases_accepted_total", matter_code=matter, outcome="accepted") == 1
    assert grew("tongban_cases_concluded_total", matter_code=matter, outcome="approved") == 1
    labels = {value for _, pairs in after for _, value in pairs}
    assert case["id"] not in labels
    assert case["number"] not in labels  # codes only: no case, no applicant
