"""好差评: once per concluded case by its applicant; 1 or 2 opens a rectification task that runs its steps."""

from __future__ import annotations

from typing import Any as Flow  # the `flow` fixture of conftest.py (test modules cannot import it)

import pytest
from sqlalchemy import text

from meshkit.testing import filing

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


BUNDLE = "500110-SCJGJ-KBCYD-YJS"
SCJGJ, YJJ = "500110-SCJGJ", "500110-YJJ"


async def denied_bundle(flow: Flow) -> str:
    """A 一件事 whose lead department (区市场监管局) approves and whose member 区应急局 denies."""
    await flow.open_bundle()
    parent = await flow.client.post(
        "/cases",
        json={"bundle_code": BUNDLE, "form": {"店名": "綦河小馆"}},
        headers=filing(flow.citizen()),
    )
    parent_id = str(parent.json()["id"])
    await flow.supply_paper(parent_id)
    await flow.act(parent_id, flow.staff("window_clerk", org="500110-ZWFWZX"), "accept")
    members = {
        m["handling_org"]: m["id"]
        for m in (await flow.client.get(f"/cases/{parent_id}", headers=flow.citizen())).json()["members"]
    }
    for org, action in ((SCJGJ, "approve"), (YJJ, "deny")):
        reviewer = flow.staff("reviewer", org=org)
        await flow.act(members[org], reviewer, "start_review")
        assert (await flow.act(members[org], reviewer, action, reason="审查意见")).status_code == 200
    return parent_id


async def test_issue19_outside_try_the_department_concerned_sees_the_complaint(flow: Flow) -> None:
    """issue 19 outside try: failure 1 — the department that must fix a bad rating could not see it. The list
    showed no score, comment, case number or matter; the rating itself answered 404 "不是您的办件" to staff; a
    一件事's task went to the lead department alone although the complaint was about a member department's
    refusal. Now the member department that refused is concerned (records steps), every member department sees
    the task with the rating and its comment, the lead coordinates; other departments see nothing."""
    parent_id = await denied_bundle(flow)
    comment = "消防审查被拒，\n平面图要求没有提前告知。电话13812345678"
    rated = await flow.client.post(
        f"/cases/{parent_id}/evaluation", json={"score": 2, "comment": comment}, headers=flow.citizen()
    )
    assert rated.status_code == 201, rated.text
    task = rated.json()["rectification"]
    assert task["department"] == SCJGJ  # the lead coordinates
    assert [d["code"] for d in task["concerned"]] == [YJJ]
    assert sorted(d["code"] for d in task["involved"]) == [SCJGJ, YJJ]
    # the event a notifier subscribes to names the coordinator and every department that must answer
    async with flow.database.sessions() as session:
        envelope = (
            await session.execute(
                text("SELECT envelope FROM outbox WHERE subject LIKE '%.rectification_opened.%'")
            )
        ).scalar_one()
    assert envelope["data"]["department"] == SCJGJ
    assert envelope["data"]["concerned_departments"] == [YJJ]

    case = (await flow.client.get(f"/cases/{parent_id}", headers=flow.citizen())).json()
    for org in (YJJ, SCJGJ):
        listed = (await flow.client.get("/rectifications", headers=flow.staff("reviewer", org=org))).json()
        assert [t["id"] for t in listed] == [task["id"]], org
        seen = listed[0]
        assert (seen["case_number"], seen["matter_name"]) == (case["number"], "开办餐饮店一件事")
        assert (seen["score"], seen["score_label"]) == (2, "不满意")
        assert seen["comment"].startswith("消防审查被拒，\n平面图要求没有提前告知。")
        assert "13812345678" not in seen["comment"]  # a phone in the comment stays masked for staff
        assert "applicant_id" not in seen
        rating = await flow.client.get(
            f"/cases/{parent_id}/evaluation", headers=flow.staff("reviewer", org=org)
        )
        assert rating.status_code == 200, rating.text
        assert (rating.json()["score"], rating.json()["rectification"]["status"]) == (2, "open")

    outsider = flow.staff("reviewer", org="500110-GAJ")
    assert (await flow.client.get("/rectifications", headers=outsider)).json() == []
    assert (await flow.client.get(f"/cases/{parent_id}/evaluation", headers=outsider)).status_code == 404
    clerk = flow.staff("window_clerk", org=YJJ)  # not a role that handles rectifications
    assert (await flow.client.get(f"/cases/{parent_id}/evaluation", headers=clerk)).status_code == 403
    step = await flow.client.post(
        f"/rectifications/{task['id']}/steps", json={"note": "已电话回访"}, headers=outsider
    )
    assert step.status_code == 404

    called = await flow.client.post(
        f"/rectifications/{task['id']}/steps",
        json={"note": "已电话回访申请人"},
        headers=flow.staff("reviewer", org=YJJ),
    )
    assert called.status_code == 200, called.text
    assert called.json()["records"][0]["department"] == YJJ


async def test_issue19_outside_try_the_lead_coordinates_the_rectification(flow: Flow) -> None:
    """issue 19 outside try: failure 1 — the lead department of a 一件事 coordinates the rectification of a
    complaint about a member department: it sees the task and records its steps too."""
    parent_id = await denied_bundle(flow)
    await flow.client.post(f"/cases/{parent_id}/evaluation", json={"score": 1}, headers=flow.citizen())
    task_id = (await flow.client.get("/rectifications", headers=flow.staff("reviewer", org=YJJ))).json()[0][
        "id"
    ]
    lead = await flow.client.post(
        f"/rectifications/{task_id}/steps",
        json={"note": "牵头回访"},
        headers=flow.staff("reviewer", org=SCJGJ),
    )
    assert lead.status_code == 200, lead.text
