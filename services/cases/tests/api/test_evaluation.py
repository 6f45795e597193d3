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


async def test_the_rater_sees_the_rectification_and_rates_it_once_closed(flow: Flow) -> None:
    """Issue 19 failure 10: the rater never saw the rectification of her 差评 or its feedback."""
    case_id = await concluded_case(flow)
    await flow.client.post(
        f"/cases/{case_id}/evaluation", json={"score": 1, "comment": "窗口态度差"}, headers=flow.citizen()
    )
    mine = await flow.client.get(f"/cases/{case_id}/evaluation", headers=flow.citizen())
    assert mine.status_code == 200, mine.text
    assert (mine.json()["label"], mine.json()["rectification"]["status_label"]) == ("非常不满意", "待回访")
    assert (
        await flow.client.get(f"/cases/{case_id}/evaluation", headers=flow.citizen("x"))
    ).status_code == 404
    early = await flow.client.post(
        f"/cases/{case_id}/evaluation/rectification-rating", json={"score": 4}, headers=flow.citizen()
    )
    assert (early.status_code, early.json()["code"]) == (409, "rectification_not_closed")

    task_id = (await flow.client.get("/rectifications", headers=flow.staff("department_head"))).json()[0][
        "id"
    ]
    notes = ["已电话回访申请人", "核实属实", "窗口人员已培训", "已向申请人反馈整改结果并致歉"]
    for note in notes:
        await flow.client.post(
            f"/rectifications/{task_id}/steps", json={"note": note}, headers=flow.staff("department_head")
        )
    seen = (await flow.client.get(f"/cases/{case_id}/evaluation", headers=flow.citizen())).json()[
        "rectification"
    ]
    assert seen["status_label"] == "已反馈"
    assert [(s["step_label"], s["note"]) for s in seen["steps"]] == list(
        zip(["回访", "核实", "整改", "反馈"], notes, strict=True)
    )
    assert all("by" not in s for s in seen["steps"])  # what was done, not which staff account recorded it

    rated = await flow.client.post(
        f"/cases/{case_id}/evaluation/rectification-rating",
        json={"score": 4, "comment": "态度改善"},
        headers=flow.citizen(),
    )
    assert rated.status_code == 200, rated.text
    assert (rated.json()["rectification"]["rater_score"], rated.json()["rectification"]["rater_label"]) == (
        4,
        "满意",
    )
    again = await flow.client.post(
        f"/cases/{case_id}/evaluation/rectification-rating", json={"score": 5}, headers=flow.citizen()
    )
    assert (again.status_code, again.json()["code"]) == (409, "rectification_already_rated")
    other = await flow.client.post(
        f"/cases/{case_id}/evaluation/rectification-rating", json={"score": 5}, headers=flow.citizen("x")
    )
    assert other.status_code == 404
