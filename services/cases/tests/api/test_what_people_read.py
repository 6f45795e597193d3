"""What clerks and citizens read in queues and timelines (issue 19, the outside try's findings on failures 5, 7, 8
and "every word a citizen or clerk reads is Chinese"): names beside codes, a Chinese label beside every code,
the forwarding in the timeline, the promised date in queues, and problems that name the client's path."""

from __future__ import annotations

import re
from typing import Any
from typing import Any as Flow  # the `flow` fixture of conftest.py (test modules cannot import it)

import pytest

from meshkit.testing import filing

pytestmark = pytest.mark.api

VILLAGE, TOWN, CENTER, SCJGJ = "500110001001-center", "500110001000-center", "500110-ZWFWZX", "500110-SCJGJ"
BUNDLE = "500110-SCJGJ-KBCYD-YJS"
LATIN = re.compile(r"[A-Za-z]")


async def _detail(flow: Flow, case_id: str, headers: dict[str, str] | None = None) -> Any:
    response = await flow.client.get(f"/cases/{case_id}", headers=headers or flow.citizen())
    assert response.status_code == 200, response.text
    return response.json()


def _labels_are_chinese(case: dict[str, Any]) -> None:
    """Every ``*_label`` of a case (and of its timeline and clock) is set and reads in Chinese."""
    rows = [case, *case.get("timeline", ()), *case.get("clock", ()), *case.get("members", ())]
    for row in rows:
        for name, value in row.items():
            if name.endswith("_label") and (value is not None or row.get(name[: -len("_label")]) is not None):
                assert value, name
                assert not LATIN.search(value), (name, value)


async def test_queue_and_case_name_the_halls_and_the_department_beside_their_codes(flow: Flow) -> None:
    """issue 19 outside try: queues and case views showed the handling department and the receiving and accepting
    halls as org codes only (500110-SCJGJ); their names (from identity's organization tree) now stand beside."""
    await flow.open_matter(levels=("district",))
    village = flow.staff("window_clerk", org=VILLAGE, region="500110001001")
    filed = await flow.apply(village, applicant_id="person-2", consent_ref="委托书-101")
    assert filed.status_code == 201, filed.text
    names = {
        "received_by_org_name": "綦河社区便民服务站",
        "accepting_org_name": "綦江区行政服务中心",
        "handling_org_name": "区市场监管局",
    }
    assert {k: filed.json()[k] for k in names} == names
    queued = (await flow.client.get("/queue", headers=flow.staff("window_clerk", org=CENTER))).json()["items"]
    assert [{k: item[k] for k in names} for item in queued] == [names]
    assert queued[0]["matter_name"] == "食品经营许可"
    assert queued[0]["applicant_name_masked"] == "王*明"  # as identity shows the clerk, masked
    detail = await _detail(flow, filed.json()["id"], village)
    assert {k: detail[k] for k in names} == names
    assert detail["timeline"][0]["actor_org_name"] == "綦河社区便民服务站"
    assert detail["applicant_name_masked"] == "王*明"
    mine = (await flow.client.get("/me/cases", headers=flow.citizen("person-2"))).json()["items"]
    assert mine[0]["handling_org_name"] == "区市场监管局"
    assert mine[0]["applicant_name_masked"] is None  # her own cases: no name asked for


async def test_an_org_identity_does_not_know_keeps_its_code_alone(flow: Flow) -> None:
    """issue 19 outside try (names beside codes): a code identity does not know has no name (null), and the
    response is served as before — a name never decides anything, and is never taken from the caller."""
    await flow.open_matter()
    unknown = flow.staff("window_clerk", org="500110-UNKNOWN", region="500110000000")
    filed = await flow.apply(unknown, applicant_id="person-2", consent_ref="委托书-102")
    assert filed.status_code == 201, filed.text
    assert (filed.json()["received_by_org"], filed.json()["received_by_org_name"]) == ("500110-UNKNOWN", None)
    assert filed.json()["handling_org_name"] == "区市场监管局"


async def test_every_timeline_entry_and_code_of_a_bundle_reads_in_chinese(flow: Flow) -> None:
    """issue 19 outside try: the timeline showed "members_changed" untranslated. Every entry of a 一件事 parent's
    timeline (and every other code of the case: kind, channel, limit unit, delivery) has its Chinese label."""
    await flow.open_bundle()
    parent = await flow.client.post(
        "/cases", json={"bundle_code": BUNDLE, "form": {"店名": "綦河小馆"}}, headers=filing(flow.citizen())
    )
    parent_id = parent.json()["id"]
    clerk = flow.staff("window_clerk", org=CENTER)
    await flow.supply_paper(parent_id, org=CENTER)  # 受理 needs the materials
    assert (await flow.act(parent_id, clerk, "accept")).status_code == 200
    members = {m["handling_org"]: m["id"] for m in (await _detail(flow, parent_id))["members"]}
    reviewer = flow.staff("reviewer", org=SCJGJ)
    assert (await flow.act(members[SCJGJ], reviewer, "start_review")).status_code == 200
    assert (await flow.act(members[SCJGJ], reviewer, "deny", reason="不符合条件")).status_code == 200
    delivered = await flow.act(parent_id, clerk, "deliver", delivery_channel="mail", delivery_ref="EMS1")
    assert delivered.status_code == 200, delivered.text
    detail = await _detail(flow, parent_id)
    actions = [t["action"] for t in detail["timeline"]]
    assert "members_changed" in actions
    changed = next(t for t in detail["timeline"] if t["action"] == "members_changed")
    assert changed["action_label"] == "一件事子办件进展更新"
    # outside try of issue 19: the entries said neither which member moved nor who moved it
    assert changed["actor_org"] == SCJGJ
    assert changed["opinion"].endswith("：开始审查")
    assert any(t["opinion"] and t["opinion"].endswith("：不予许可") for t in detail["timeline"]), detail[
        "timeline"
    ]
    _labels_are_chinese(detail)
    assert (detail["kind_label"], detail["channel_label"], detail["limit_unit_label"]) == (
        "一件事",
        "网上申报",
        "工作日",
    )
    assert "邮寄送达" in {m["delivery_channel_label"] for m in detail["members"]}


async def test_a_forwarded_case_shows_its_forwarding_in_the_timeline_with_both_halls_by_name(
    flow: Flow,
) -> None:
    """issue 19 outside try: forwarding (转办) from a village hall to the window that may accept the case was not
    in the case's timeline. It is now, right after the filing, from and to halls by code and by name."""
    await flow.open_matter(levels=("district", "town"))
    village = flow.staff("window_clerk", org=VILLAGE, region="500110001001")
    filed = (await flow.apply(village, applicant_id="person-2", consent_ref="委托书-103")).json()
    town = flow.staff("window_clerk", org=TOWN, region="500110001000")
    assert (await flow.act(filed["id"], town, "accept")).status_code == 200
    for reader in (flow.citizen("person-2"), village, town):
        timeline = (await _detail(flow, filed["id"], reader))["timeline"]
        assert [t["action"] for t in timeline] == ["submit", "forward", "accept"]
        forward = timeline[1]
        assert forward["action_label"] == "转办"
        assert (forward["actor_org"], forward["actor_org_name"]) == (VILLAGE, "綦河社区便民服务站")
        assert (forward["to_org"], forward["to_org_name"]) == (TOWN, "古南街道公共服务中心")
        assert forward["opinion"] == "由綦河社区便民服务站转至古南街道公共服务中心受理（按事项的行使层级）"
    # A case accepted where it was received was not forwarded: no such entry.
    center = flow.staff("window_clerk", org=CENTER)
    at_center = (await flow.apply(center, applicant_id="person-2", consent_ref="委托书-104")).json()
    assert "forward" not in [t["action"] for t in (await _detail(flow, at_center["id"], center))["timeline"]]


async def test_queue_items_carry_the_promised_date_and_are_ordered_by_it(flow: Flow) -> None:
    """issue 19 outside try: `expected_due_date` (承诺办结日期) was null in queue items although the case had it,
    and cases not yet accepted sorted last. Every list item carries it; the queue orders by it, accepted cases by
    their due date and the others by the date they would have if accepted today."""
    quick, slow = "500110-SCJGJ-QUICK", "500110-SCJGJ-SLOW"
    await flow.open_matter(promised=3, code=quick)
    await flow.open_matter(promised=15, code=slow)
    await flow.open_matter(promised=8)
    center = flow.staff("window_clerk", org=CENTER)
    slow_case = (await flow.apply(flow.citizen(), matter_code=slow)).json()
    quick_case = (await flow.apply(flow.citizen(), matter_code=quick)).json()
    accepted_case = (await flow.apply(flow.citizen())).json()
    accepted = (await flow.act(accepted_case["id"], center, "accept")).json()

    items = (await flow.client.get("/queue", headers=flow.staff("reviewer", org=SCJGJ))).json()["items"]
    assert [i["id"] for i in items] == [quick_case["id"], accepted_case["id"], slow_case["id"]]
    assert all(i["expected_due_date"] is not None for i in items)
    by_id = {i["id"]: i for i in items}
    assert by_id[quick_case["id"]]["expected_due_date"] == quick_case["expected_due_date"]
    assert by_id[accepted_case["id"]]["expected_due_date"] == accepted["due_date"]
    assert accepted["expected_due_date"] == accepted["due_date"]  # the action's answer carries it too
    mine = (await flow.client.get("/me/cases", headers=flow.citizen())).json()["items"]
    assert all(i["expected_due_date"] is not None for i in mine)


async def test_problems_of_the_fast_lane_and_of_cases_paths_name_the_gateways_prefix(flow: Flow) -> None:
    """issue 19 outside try: the fast lane (POST /cases) answered problem+json whose `instance` lacked the
    gateway's prefix ("/cases" for the client's "/cases/cases"), and so did every path of the cases service that
    starts with /cases: the prefix was skipped whenever the path already began with it."""
    through = {"X-Forwarded-Prefix": "/cases"}
    bad = await flow.client.post("/cases", json={"form": "x"}, headers=filing({**flow.citizen(), **through}))
    assert bad.status_code == 422
    unkeyed = await flow.client.post("/cases", json={}, headers={**flow.citizen(), **through})
    assert (unkeyed.status_code, unkeyed.json()["instance"]) == (400, "/cases/cases")
    assert bad.json()["instance"] == "/cases/cases"
    unauthenticated = await flow.client.post("/cases", json={}, headers=through)
    assert unauthenticated.json()["instance"] == "/cases/cases"
    missing = await flow.client.get("/cases/no-such-case", headers={**flow.citizen(), **through})
    assert (missing.status_code, missing.json()["instance"]) == (404, "/cases/cases/no-such-case")
    queue = await flow.client.get("/queue", headers={**flow.citizen(), **through})
    assert (queue.status_code, queue.json()["instance"]) == (403, "/cases/queue")
    direct = await flow.client.post("/cases", json={"form": "x"}, headers=filing(flow.citizen()))
    assert direct.json()["instance"] == "/cases"


async def test_a_departments_rectification_tasks_name_the_department_and_label_each_status(
    flow: Flow,
) -> None:
    """issue 19 outside try (every code a clerk reads has its label, every department its name): rectification
    tasks showed the department by code and their status and steps as English codes."""
    await flow.open_matter()
    case = (await flow.apply(flow.citizen())).json()
    await flow.act(case["id"], flow.staff("window_clerk"), "accept")
    await flow.act(case["id"], flow.staff("reviewer"), "start_review")
    await flow.act(case["id"], flow.staff("reviewer"), "approve")
    rated = await flow.client.post(
        f"/cases/{case['id']}/evaluation", json={"score": 1}, headers=flow.citizen()
    )
    task = rated.json()["rectification"]
    assert (task["department_name"], task["status_label"]) == ("区市场监管局", "待回访")
    head = flow.staff("department_head")
    step = await flow.client.post(
        f"/rectifications/{task['id']}/steps", json={"note": "已电话回访"}, headers=head
    )
    assert (step.json()["status_label"], step.json()["records"][0]["step_label"]) == ("已回访", "回访")
    listed = (await flow.client.get("/rectifications", headers=head)).json()
    assert [(t["department_name"], t["status_label"]) for t in listed] == [("区市场监管局", "已回访")]
