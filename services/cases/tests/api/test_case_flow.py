"""A case through the API: apply, accept, supplement once, review, approve — and who may do what."""

from __future__ import annotations

from typing import Any as Flow  # the `flow` fixture of conftest.py (test modules cannot import it)

import pytest

from meshkit.testing import filing

DEPT = "500110-SCJGJ"

pytestmark = pytest.mark.api


async def test_online_application_to_approval(flow: Flow) -> None:
    await flow.open_matter()
    created = await flow.apply(flow.citizen())
    assert created.status_code == 201, created.text
    case = created.json()
    assert case["number"].startswith("500110")
    assert len(case["number"]) == 22
    assert (case["status"], case["national_code"], case["matter_version"]) == ("received", 1, 3)
    assert case["channel"] == "online"

    clerk, reviewer = flow.staff("window_clerk"), flow.staff("reviewer")
    defects = "缺少经营场所平面图；健康证明复印件不清晰"
    notice = await flow.act(case["id"], clerk, "request_supplement", reason=defects)
    assert notice.json()["status"] == "supplement_requested"
    again = await flow.act(case["id"], clerk, "refuse", reason="x")
    assert again.status_code == 409  # not from supplement_requested
    assert (await flow.act(case["id"], flow.citizen(), "supplement")).json()["status"] == "pre_review"
    second_notice = await flow.act(case["id"], clerk, "request_supplement", reason="再补")
    assert second_notice.status_code == 409
    assert second_notice.json()["code"] == "supplement_already_requested"

    accepted = (await flow.act(case["id"], clerk, "accept")).json()
    assert (accepted["status"], accepted["national_code"]) == ("accepted", 2)
    assert accepted["due_date"] is not None
    assert (await flow.act(case["id"], reviewer, "start_review")).status_code == 200
    approved = (await flow.act(case["id"], reviewer, "approve", reason="符合条件")).json()
    assert (approved["status"], approved["national_code"], approved["status_label"]) == (
        "approved",
        3,
        "准予许可",
    )

    detail = (await flow.client.get(f"/cases/{case['id']}", headers=flow.citizen())).json()
    assert [t["action"] for t in detail["timeline"]] == [
        "submit",
        "request_supplement",
        "supplement",
        "accept",
        "start_review",
        "approve",
    ]
    assert detail["timeline"][1]["opinion"] == defects
    assert [c["event"] for c in detail["clock"]] == ["pause", "resume", "start", "stop"]
    mine = (await flow.client.get("/me/cases", headers=flow.citizen())).json()
    assert [c["id"] for c in mine["items"]] == [case["id"]]


async def test_idempotency_key_returns_the_same_case(flow: Flow) -> None:
    await flow.open_matter()
    headers = {**flow.citizen(), "Idempotency-Key": "abc-123"}
    first = await flow.apply(headers)
    second = await flow.apply(headers)
    assert (first.status_code, second.status_code) == (201, 200)
    assert first.json()["id"] == second.json()["id"]
    other = await flow.apply({**flow.citizen(), "Idempotency-Key": "abc-124"})
    assert other.json()["id"] != first.json()["id"]


async def test_village_clerk_files_for_a_neighbour_and_cannot_approve(flow: Flow) -> None:
    await flow.open_matter()
    village = flow.staff("window_clerk", org="500110109201-center", region="500110109201")
    no_consent = await flow.apply(village, applicant_id="person-2")
    assert no_consent.status_code == 422
    assert no_consent.json()["code"] == "consent_required"
    filed = (await flow.apply(village, applicant_id="person-2", consent_ref="委托书-001")).json()
    assert (filed["channel"], filed["received_by_org"], filed["handling_org"]) == (
        "window_village",
        "500110109201-center",
        DEPT,
    )
    assert filed["number"].startswith("500110")
    for action in ("accept", "approve"):
        refused = await flow.act(filed["id"], village, action)
        assert refused.status_code == 403, action
    # the applicant sees the same case wherever it was filed
    mine = (await flow.client.get("/me/cases", headers=flow.citizen("person-2"))).json()
    assert [c["id"] for c in mine["items"]] == [filed["id"]]
    queue = (await flow.client.get("/queue", headers=village)).json()
    assert [c["id"] for c in queue["items"]] == [filed["id"]]


async def test_others_cannot_see_or_act(flow: Flow) -> None:
    await flow.open_matter()
    case = (await flow.apply(flow.citizen())).json()
    stranger = flow.citizen("person-9")
    assert (await flow.client.get(f"/cases/{case['id']}", headers=stranger)).status_code == 404
    assert (await flow.act(case["id"], stranger, "withdraw")).status_code == 404
    other_dept = flow.staff("reviewer", org="500110-GAJ")
    assert (await flow.client.get(f"/cases/{case['id']}", headers=other_dept)).status_code == 404
    assert (await flow.client.get(f"/cases/{case['id']}")).status_code == 401
    citizen_queue = await flow.client.get("/queue", headers=flow.citizen())
    assert citizen_queue.status_code == 403


async def test_refusal_needs_a_reason_and_concludes(flow: Flow) -> None:
    await flow.open_matter()
    case = (await flow.apply(flow.citizen())).json()
    clerk = flow.staff("window_clerk")
    missing = await flow.act(case["id"], clerk, "refuse")
    assert (missing.status_code, missing.json()["code"]) == (422, "reason_required")
    refused = (await flow.act(case["id"], clerk, "refuse", reason="不属于本机关职权范围")).json()
    assert (refused["status"], refused["national_code"]) == ("refused", 3)


async def test_extension_once_within_the_legal_maximum(flow: Flow) -> None:
    await flow.open_matter(statutory=5, promised=3)  # stays inside the published calendar
    case = (await flow.apply(flow.citizen())).json()
    await flow.act(case["id"], flow.staff("window_clerk"), "accept")
    await flow.act(case["id"], flow.staff("reviewer"), "start_review")
    head = flow.staff("department_head")
    assert (
        await flow.act(case["id"], flow.staff("reviewer"), "extend", reason="复杂", extension_days=5)
    ).status_code == 403
    too_long = await flow.act(case["id"], head, "extend", reason="需现场核查", extension_days=11)
    assert too_long.json()["code"] == "extension_not_allowed"
    before = (await flow.client.get(f"/cases/{case['id']}", headers=head)).json()["due_date"]
    response = await flow.act(case["id"], head, "extend", reason="需现场核查", extension_days=10)
    assert response.status_code == 200, response.text
    extended = response.json()
    assert extended["extension_days"] == 10
    assert extended["due_date"] > before
    twice = await flow.act(case["id"], head, "extend", reason="再延", extension_days=1)
    assert twice.json()["code"] == "extension_not_allowed"


async def test_unknown_matter_and_bad_input(flow: Flow) -> None:
    unknown = await flow.client.post("/cases", json={"matter_code": "NOPE"}, headers=filing(flow.citizen()))
    assert (unknown.status_code, unknown.json()["code"]) == (404, "matter_not_open")
    bad = await flow.client.post("/cases", json={"matter_code": "", "x": 1}, headers=filing(flow.citizen()))
    assert (bad.status_code, bad.headers["content-type"]) == (422, "application/problem+json")
    bad_action = await flow.act("nope", flow.citizen(), "fly")
    assert bad_action.status_code == 422


async def test_supplement_during_review_pauses_the_clock_and_delivery_records_its_channel(flow: Flow) -> None:
    await flow.open_matter()
    case = (await flow.apply(flow.citizen())).json()
    clerk, reviewer = flow.staff("window_clerk"), flow.staff("reviewer")
    await flow.act(case["id"], clerk, "accept")
    await flow.act(case["id"], reviewer, "start_review")
    by_clerk = await flow.act(case["id"], clerk, "request_review_supplement", reason="缺平面图")
    assert by_clerk.status_code == 403  # during review only the reviewers ask
    asked = (
        await flow.act(case["id"], reviewer, "request_review_supplement", reason="缺经营场所平面布局图")
    ).json()
    assert (asked["status"], asked["national_code"], asked["status_label"]) == (
        "review_supplement",
        2,
        "审查中补正",
    )
    assert (await flow.act(case["id"], flow.citizen(), "supplement")).json()["status"] == "in_review"
    again = await flow.act(case["id"], reviewer, "request_review_supplement", reason="再补")
    assert (again.status_code, again.json()["code"]) == (409, "supplement_already_requested")
    await flow.act(case["id"], reviewer, "approve")
    no_channel = await flow.act(case["id"], clerk, "deliver")
    assert (no_channel.status_code, no_channel.json()["code"]) == (422, "delivery_channel_required")
    delivered = (
        await flow.act(case["id"], clerk, "deliver", delivery_channel="mail", delivery_ref="EMS1234")
    ).json()
    assert (delivered["status"], delivered["delivery_channel"], delivered["outcome"]) == (
        "delivered",
        "mail",
        "approved",
    )
    assert delivered["delivered_at"] is not None
    detail = (await flow.client.get(f"/cases/{case['id']}", headers=flow.citizen())).json()
    assert [c["event"] for c in detail["clock"]] == ["start", "pause", "resume", "stop"]


async def test_online_applications_need_the_matters_real_name_level(flow: Flow) -> None:
    await flow.open_matter(level=2)
    registered_only = flow.tokens.headers(sub="person-9", kind="person", acr="1")
    refused = await flow.apply(registered_only)
    assert (refused.status_code, refused.json()["code"]) == (403, "real_name_level_too_low")
    assert "实名认证等级 2 级" in refused.json()["detail"]
    assert (await flow.apply(flow.citizen())).status_code == 201  # level 2
    clerk = flow.staff("window_clerk", org="500110-ZWFWZX")  # checked in person at the window
    on_behalf = await flow.apply(clerk, applicant_id="person-9", consent_ref="委托书-009")
    assert on_behalf.status_code == 201, on_behalf.text


async def test_the_promised_date_stays_on_the_case_from_filing_on(flow: Flow) -> None:
    """Issue 19 failure 5: the submission answer carried `expected_due_date`, GET /cases/{id} showed null until
    acceptance."""
    await flow.open_matter()
    filed = (await flow.apply(flow.citizen())).json()
    assert filed["expected_due_date"] is not None
    detail = (await flow.client.get(f"/cases/{filed['id']}", headers=flow.citizen())).json()
    assert detail["expected_due_date"] == filed["expected_due_date"]
    accepted = (await flow.act(filed["id"], flow.staff("window_clerk"), "accept")).json()
    detail = (await flow.client.get(f"/cases/{filed['id']}", headers=flow.citizen())).json()
    assert detail["expected_due_date"] == accepted["due_date"] == detail["due_date"]


async def test_a_town_center_accepts_the_matters_its_level_may_accept(flow: Flow) -> None:
    """Issue 19 failure 3: a town center could not accept anything, not even 就业登记 whose levels include the town
    (clerk.gunan filed, then accept → 403)."""
    await flow.open_matter(levels=("district", "town"))
    town = flow.staff("window_clerk", org="500110001000-center", region="500110001000")
    filed = (await flow.apply(town, applicant_id="person-2", consent_ref="委托书-002")).json()
    assert filed["accepting_org"] == "500110001000-center"
    accepted = await flow.act(filed["id"], town, "accept")
    assert accepted.status_code == 200, accepted.text
    assert (await flow.act(filed["id"], town, "approve")).status_code == 403  # the department decides


async def test_a_forwarded_case_lands_in_the_queue_of_the_hall_that_may_accept_it(flow: Flow) -> None:
    """Issue 19 failure 7: a case forwarded from 綦河社区 did not appear in the queue of the window that may accept
    it. A district matter goes to the district center; a town-level matter to the village's town center."""
    village = flow.staff("window_clerk", org="500110001001-center", region="500110001001")
    center = flow.staff("window_clerk", org="500110-ZWFWZX")
    town = flow.staff("window_clerk", org="500110001000-center", region="500110001000")

    await flow.open_matter(levels=("district",))
    district_case = (await flow.apply(village, applicant_id="person-2", consent_ref="委托书-003")).json()
    assert district_case["accepting_org"] == "500110-ZWFWZX"
    town_matter = "500110-RSJ-JYDJ"  # 就业登记
    await flow.open_matter(levels=("district", "town"), code=town_matter)
    town_case = (
        await flow.apply(village, applicant_id="person-2", consent_ref="委托书-004", matter_code=town_matter)
    ).json()
    assert town_case["accepting_org"] == "500110001000-center"

    queued = [c["id"] for c in (await flow.client.get("/queue", headers=center)).json()["items"]]
    assert district_case["id"] in queued
    assert town_case["id"] not in queued  # the town center accepts it
    assert [c["id"] for c in (await flow.client.get("/queue", headers=town)).json()["items"]] == [
        town_case["id"]
    ]
    assert (await flow.act(town_case["id"], town, "accept")).status_code == 200
    assert (await flow.act(district_case["id"], town, "accept")).status_code == 404  # not its case at all
    assert (
        await flow.act(district_case["id"], village, "accept")
    ).status_code == 403  # received, not accepting
    assert (await flow.act(district_case["id"], center, "accept")).status_code == 200


async def test_what_a_citizen_reads_of_a_case_is_chinese(flow: Flow) -> None:
    """Issue 19 failure 8: timeline actions, clock events and outcomes were English codes, and a refusal said
    `执行 accept`."""
    await flow.open_matter()
    case = (await flow.apply(flow.citizen())).json()
    refused = await flow.act(case["id"], flow.citizen(), "accept")
    assert refused.status_code == 403
    assert "accept" not in refused.json()["detail"]
    assert "受理" in refused.json()["detail"]
    await flow.act(case["id"], flow.staff("window_clerk"), "accept")
    await flow.act(case["id"], flow.staff("reviewer"), "start_review")
    await flow.act(case["id"], flow.staff("reviewer"), "deny", reason="不符合条件")
    detail = (await flow.client.get(f"/cases/{case['id']}", headers=flow.citizen())).json()
    assert [t["action_label"] for t in detail["timeline"]] == ["提交申请", "受理", "开始审查", "不予许可"]
    assert detail["timeline"][1]["actor_role_label"] == "窗口工作人员"
    assert detail["timeline"][1]["to_status_label"] == "已受理"
    assert [c["event_label"] for c in detail["clock"]] == ["开始计时", "停止计时"]
    assert (detail["outcome"], detail["outcome_label"]) == ("denied", "不予许可")
