"""一件事 bundles through the API: one application, parallel member cases, the parent follows them."""

from __future__ import annotations

from typing import Any
from typing import Any as Flow  # the `flow` fixture of conftest.py (test modules cannot import it)

import pytest

from cases.store.case_models import ClockEntry, TimelineEntry
from meshkit.testing import filing

pytestmark = pytest.mark.api

BUNDLE = "500110-SCJGJ-KBCYD-YJS"
SCJGJ, YJJ = "500110-SCJGJ", "500110-YJJ"


async def _apply(flow: Flow, headers: dict[str, str] | None = None, **extra: object) -> Any:
    response = await flow.client.post(
        "/cases",
        json={"bundle_code": BUNDLE, "form": {"店名": "綦河小馆"}, **extra},
        headers=filing(headers or flow.citizen()),
    )
    assert response.status_code == 201, response.text
    return response.json()


async def _detail(flow: Flow, case_id: object, headers: dict[str, str] | None = None) -> Any:
    response = await flow.client.get(f"/cases/{case_id}", headers=headers or flow.citizen())
    assert response.status_code == 200, response.text
    return response.json()


async def test_one_application_makes_a_parent_and_a_case_per_department(flow: Flow) -> None:
    await flow.open_bundle()
    parent = await _apply(flow)
    assert (parent["kind"], parent["bundle_code"], parent["handling_org"]) == ("bundle", BUNDLE, SCJGJ)
    assert (parent["matter_name"], parent["status"], parent["national_code"]) == (
        "开办餐饮店一件事",
        "received",
        1,
    )
    detail = await _detail(flow, parent["id"])
    members = detail["members"]
    assert isinstance(members, list)
    assert sorted(m["handling_org"] for m in members) == [SCJGJ, YJJ]
    assert all(m["kind"] == "member" and m["parent_id"] == parent["id"] for m in members)
    assert len({m["number"] for m in members} | {parent["number"]}) == 3
    # The applicant's list shows the bundle once; members are reached through it.
    mine = (await flow.client.get("/me/cases", headers=flow.citizen())).json()
    assert [c["id"] for c in mine["items"]] == [parent["id"]]


async def test_parallel_review_combined_clock_and_approval_only_when_all_approve(flow: Flow) -> None:
    await flow.open_bundle()
    parent = await _apply(flow)
    await flow.supply_paper(str(parent["id"]))  # 受理 needs the bundle's required materials
    clerk = flow.staff("window_clerk", org="500110-ZWFWZX")  # 一窗受理 at the district center
    accepted = await flow.act(str(parent["id"]), clerk, "accept")
    assert accepted.status_code == 200, accepted.text
    assert (accepted.json()["status"], accepted.json()["national_code"]) == ("accepted", 2)
    assert accepted.json()["due_date"] is not None
    members = {m["handling_org"]: m for m in (await _detail(flow, parent["id"]))["members"]}
    assert {m["status"] for m in members.values()} == {"accepted"}
    registration, fire = members[SCJGJ]["id"], members[YJJ]["id"]
    scjgj, yjj = flow.staff("reviewer", org=SCJGJ), flow.staff("reviewer", org=YJJ)

    # A department cannot act on another department's member case, nor decide on the parent.
    assert (await flow.act(fire, scjgj, "start_review")).status_code in (403, 404)
    on_parent = await flow.act(str(parent["id"]), scjgj, "approve")
    assert (on_parent.status_code, on_parent.json()["code"]) == (409, "act_on_member")

    for case_id, reviewer in ((registration, scjgj), (fire, yjj)):
        assert (await flow.act(case_id, reviewer, "start_review")).status_code == 200
    assert (await _detail(flow, parent["id"]))["status"] == "in_review"

    # One department asks once for a missing floor plan: its clock and the combined clock pause.
    asked = await flow.act(fire, yjj, "request_review_supplement", reason="缺少经营场所平面布局图")
    assert asked.json()["status"] == "review_supplement"
    paused = await _detail(flow, parent["id"])
    assert [c["event"] for c in paused["clock"]] == ["start", "pause"]
    supplemented = await flow.act(fire, flow.citizen(), "supplement")
    assert supplemented.json()["status"] == "in_review"
    assert [c["event"] for c in (await _detail(flow, parent["id"]))["clock"]] == ["start", "pause", "resume"]

    approved = await flow.act(registration, scjgj, "approve", reason="符合条件")
    assert approved.json()["status"] == "approved"
    assert (await _detail(flow, parent["id"]))["status"] == "in_review"  # one member still open
    await flow.act(fire, yjj, "approve", reason="检查合格")
    done = await _detail(flow, parent["id"])
    assert (done["status"], done["national_code"], done["outcome"]) == ("approved", 3, "approved")
    assert [c["event"] for c in done["clock"]] == ["start", "pause", "resume", "stop"]

    delivered = await flow.act(str(parent["id"]), clerk, "deliver", delivery_channel="electronic")
    assert delivered.json()["status"] == "delivered"
    for member in (await _detail(flow, parent["id"]))["members"]:
        assert (member["status"], member["delivery_channel"]) == ("delivered", "electronic")


async def test_one_denial_makes_the_bundle_partially_granted(flow: Flow) -> None:
    """issue 19: failure 9 (remaining) — one member denied, one approved: 部分准予, no longer 不予许可."""
    await flow.open_bundle()
    parent = await _apply(flow)
    await flow.supply_paper(str(parent["id"]))
    await flow.act(str(parent["id"]), flow.staff("window_clerk", org="500110-ZWFWZX"), "accept")
    members = {m["handling_org"]: m["id"] for m in (await _detail(flow, parent["id"]))["members"]}
    for org, action, reason in ((SCJGJ, "approve", "符合条件"), (YJJ, "deny", "消防通道不符合要求")):
        reviewer = flow.staff("reviewer", org=org)
        await flow.act(members[org], reviewer, "start_review")
        assert (await flow.act(members[org], reviewer, action, reason=reason)).status_code == 200
    done = await _detail(flow, parent["id"])
    assert (done["status"], done["outcome"]) == ("partially_granted", "partially_granted")
    assert (done["status_label"], done["outcome_label"]) == ("部分准予", "部分准予")


async def test_window_supplement_and_withdrawal_apply_to_every_member(flow: Flow) -> None:
    await flow.open_bundle()
    parent = await _apply(flow)
    clerk = flow.staff("window_clerk", org="500110-ZWFWZX")
    notice = await flow.act(str(parent["id"]), clerk, "request_supplement", reason="身份证明不清晰；缺平面图")
    assert notice.json()["status"] == "supplement_requested"
    assert {m["status"] for m in (await _detail(flow, parent["id"]))["members"]} == {"supplement_requested"}
    assert (await flow.act(str(parent["id"]), flow.citizen(), "supplement")).json()["status"] == "pre_review"
    assert (await flow.act(str(parent["id"]), flow.citizen("person-2"), "withdraw")).status_code == 404
    withdrawn = await flow.act(str(parent["id"]), flow.citizen(), "withdraw")
    assert (withdrawn.json()["status"], withdrawn.json()["outcome"]) == ("withdrawn", "withdrawn")
    assert {m["status"] for m in (await _detail(flow, parent["id"]))["members"]} == {"withdrawn"}


async def test_bundle_materials_are_merged_and_produced_ones_are_not_asked(flow: Flow) -> None:
    await flow.open_bundle()
    parent = await _apply(flow)
    async with flow.database.sessions() as session:
        from sqlalchemy import select

        from cases.store.case_models import CaseMaterial

        rows = (
            await session.scalars(
                select(CaseMaterial)
                .where(CaseMaterial.case_id == parent["id"])
                .order_by(CaseMaterial.material_code)
            )
        ).all()
        assert [(r.material_code, r.name, r.status) for r in rows] == [
            ("M01", "申请人身份证明", "missing"),
            ("M02", "营业执照", "awaiting_member"),
            ("M03", "经营场所平面布局图", "missing"),
        ]
        assert rows[1].produced_by == "500110-SCJGJ-GTGSH-SL"
        # Members carry no materials of their own: the parent asks once for the whole bundle.
        member_rows = (
            await session.scalars(select(CaseMaterial).where(CaseMaterial.case_id != parent["id"]))
        ).all()
        assert member_rows == []
        timeline = (
            await session.scalars(select(TimelineEntry).where(TimelineEntry.case_id == parent["id"]))
        ).all()
        assert [t.action for t in timeline] == ["submit"]
        assert (
            await session.scalars(select(ClockEntry).where(ClockEntry.case_id == parent["id"]))
        ).all() == []


async def test_exactly_one_of_matter_or_bundle(flow: Flow) -> None:
    await flow.open_bundle()
    both = await flow.client.post(
        "/cases", json={"bundle_code": BUNDLE, "matter_code": "x"}, headers=filing(flow.citizen())
    )
    neither = await flow.client.post("/cases", json={"form": {}}, headers=filing(flow.citizen()))
    unknown = await flow.client.post("/cases", json={"bundle_code": "NOPE"}, headers=filing(flow.citizen()))
    assert [r.status_code for r in (both, neither, unknown)] == [422, 422, 404]
    assert unknown.json()["code"] == "bundle_not_open"
