"""好差评: once per concluded case by its applicant; 1 or 2 opens a rectification task that runs its steps."""

from __future__ import annotations

from typing import Any as Flow  # the `flow` fixture of conftest.py (test modules cannot import it)

import pytest

pytestmark = pytest.mark.api


async def concluded_case(flow: Flow) -> str:
    await flow.open_matter()
    case = (await flow.apply(flow.citizen())).json()
    await flow.act(case["id"], flow.staff("window_clerk"), "accept")
    await flow.act(case["id"], flow.staff("reviewer"), "start_review")
    await flow.act(case["id"], flow.staff("reviewer"), "approve")
    return str(case["id"])


async def test_bad_rating_opens_rectification(flow: Flow) -> None:
    case_id = await concluded_case(flow)
    other = await flow.client.post(
        f"/cases/{case_id}/evaluation", json={"score": 1}, headers=flow.citizen("x")
    )
    assert other.status_code == 404
    rated = await flow.client.post(
        f"/cases/{case_id}/evaluation", json={"score": 2, "comment": "等待太久"}, headers=flow.citizen()
    )
    assert rated.status_code == 201, rated.text
    body = rated.json()
    assert body["label"] == "不满意"
    task = body["rectification"]
    assert (task["status"], task["department"], task["callback_required"]) == ("open", "500110-SCJGJ", True)
    assert task["due_date"] is not None
    again = await flow.client.post(f"/cases/{case_id}/evaluation", json={"score": 5}, headers=flow.citizen())
    assert again.json()["code"] == "already_evaluated"

    head = flow.staff("department_head")
    assert [t["id"] for t in (await flow.client.get("/rectifications", headers=head)).json()] == [task["id"]]
    assert (
        await flow.client.get("/rectifications", headers=flow.staff("department_head", org="500110-GAJ"))
    ).json() == []
    for expected in ("called_back", "verified", "rectified", "closed"):
        step = await flow.client.post(
            f"/rectifications/{task['id']}/steps", json={"note": expected}, headers=head
        )
        assert step.json()["status"] == expected
    done = await flow.client.post(f"/rectifications/{task['id']}/steps", json={"note": "x"}, headers=head)
    assert done.json()["code"] == "rectification_closed"
    assert (await flow.client.get("/rectifications", headers=flow.citizen())).status_code == 403


async def test_good_rating_opens_nothing_and_open_cases_cannot_be_rated(flow: Flow) -> None:
    case_id = await concluded_case(flow)
    rated = (
        await flow.client.post(f"/cases/{case_id}/evaluation", json={"score": 5}, headers=flow.citizen())
    ).json()
    assert (rated["label"], rated["rectification"]) == ("非常满意", None)
    fresh = (await flow.apply(flow.citizen())).json()
    early = await flow.client.post(
        f"/cases/{fresh['id']}/evaluation", json={"score": 3}, headers=flow.citizen()
    )
    assert early.json()["code"] == "case_not_concluded"
    out_of_range = await flow.client.post(
        f"/cases/{case_id}/evaluation", json={"score": 6}, headers=flow.citizen()
    )
    assert out_of_range.status_code == 422
