"""Issue 19, last outside try: who accepted, who may read rectifications, and what a response says at once."""

from __future__ import annotations

from typing import Any as Flow  # the `flow` fixture of conftest.py (test modules cannot import it)

import pytest

from cases.store.repositories import OpenMatterRepository
from meshkit.testing import filing

from ..conftest import NEWBORN_A

pytestmark = pytest.mark.api

CENTER, TOWN_HALL, VILLAGE_HALL = "500110-ZWFWZX", "500110001000-center", "500110001001-center"


async def test_issue19_last_failure1_the_hall_that_really_accepted_is_the_accepting_org(flow: Flow) -> None:
    """issue 19, last outside try: failure 1 — a town-level matter forwarded to 古南街道公共服务中心 and accepted by
    the district window kept ``accepting_org`` 古南街道 while the 受理 entry said 綦江区行政服务中心."""
    await flow.open_matter(levels=("district", "town"))
    village = flow.staff("window_clerk", org=VILLAGE_HALL, region="500110001001")
    center = flow.staff("window_clerk", org=CENTER)
    filed = (await flow.apply(village, applicant_id="person-2", consent_ref="委托书-101")).json()
    assert filed["accepting_org"] == TOWN_HALL
    await flow.supply_paper(filed["id"], org=TOWN_HALL)
    accepted = await flow.act(filed["id"], center, "accept")
    assert accepted.status_code == 200, accepted.text
    assert (accepted.json()["accepting_org"], accepted.json()["accepting_org_name"]) == (
        CENTER,
        "綦江区行政服务中心",
    )
    detail = (await flow.client.get(f"/cases/{filed['id']}", headers=center)).json()
    assert (detail["accepting_org"], detail["accepting_org_name"]) == (CENTER, "綦江区行政服务中心")
    entry = next(t for t in detail["timeline"] if t["action"] == "accept")
    assert entry["actor_org"] == detail["accepting_org"]

    refused_case = (await flow.apply(village, applicant_id="person-2", consent_ref="委托书-102")).json()
    refused = await flow.act(refused_case["id"], center, "refuse", reason="不属于受理范围")
    assert refused.status_code == 200, refused.text
    assert refused.json()["accepting_org"] == CENTER  # 不予受理 is the accepting hall's decision too


async def _rated_badly(flow: Flow, sub: str = "person-1") -> dict[str, object]:
    await flow.open_matter()
    case = (await flow.apply(flow.citizen(sub))).json()
    await flow.act(case["id"], flow.staff("window_clerk"), "accept")
    await flow.act(case["id"], flow.staff("reviewer"), "start_review")
    await flow.act(case["id"], flow.staff("reviewer"), "approve")
    rated = await flow.client.post(
        f"/cases/{case['id']}/evaluation", json={"score": 1, "comment": "等太久"}, headers=flow.citizen(sub)
    )
    assert rated.status_code == 201, rated.text
    return {"case": case, "rated": rated.json()}


async def test_issue19_last_failure3_a_supervisor_reads_the_rectifications_of_their_region(
    flow: Flow,
) -> None:
    """issue 19, last outside try: failure 3 — a supervisor (督查) got 403 on GET /rectifications. They read every
    task of their region, read-only: recording a step stays 403; a supervisor of another region reads none."""
    opened = await _rated_badly(flow)
    task = opened["rated"]["rectification"]  # type: ignore[index]
    supervisor = flow.staff("supervisor", org="500110-JCJ", region="500110000000")
    listed = await flow.client.get("/rectifications", headers=supervisor)
    assert listed.status_code == 200, listed.text
    assert [t["id"] for t in listed.json()] == [task["id"]]
    assert listed.json()[0]["case_number"] == opened["case"]["number"]  # type: ignore[index]
    step = await flow.client.post(
        f"/rectifications/{task['id']}/steps", json={"note": "回访"}, headers=supervisor
    )
    assert step.status_code == 403, step.text
    elsewhere = flow.staff("supervisor", org="500222-JCJ", region="500222000000")
    assert (await flow.client.get("/rectifications", headers=elsewhere)).json() == []
    window = flow.staff("window_clerk", org=CENTER)
    assert (await flow.client.get("/rectifications", headers=window)).status_code == 403


async def test_issue19_last_failure4_responses_say_at_once_what_a_later_read_shows(flow: Flow) -> None:
    """issue 19, last outside try: failure 4 — an action's answer lacked the names GET shows, the evaluation's
    answer had a rectification with case_number, matter_name, score and comment null."""
    await flow.open_matter()
    filed = (await flow.apply(flow.citizen(), subject_kind="newborn", subject_id=NEWBORN_A)).json()
    clerk = flow.staff("window_clerk")
    await flow.act(filed["id"], clerk, "request_supplement", reason="缺出生医学证明")
    supplemented = await flow.act(filed["id"], flow.citizen(), "supplement")
    assert supplemented.status_code == 200, supplemented.text
    read = (await flow.client.get(f"/cases/{filed['id']}", headers=flow.citizen())).json()
    answer = supplemented.json()
    assert (answer["applicant_name"], answer["subject_name"]) == (
        read["applicant_name"],
        read["subject_name"],
    )
    assert answer["subject_name"] == "陈小宝（新生儿）"
    by_staff = (await flow.act(filed["id"], clerk, "accept")).json()
    staff_read = (await flow.client.get(f"/cases/{filed['id']}", headers=clerk)).json()
    assert by_staff["applicant_name_masked"] == staff_read["applicant_name_masked"] == "陈*梅"
    assert by_staff["subject_name_masked"] == staff_read["subject_name_masked"] == "陈*宝"
    assert "applicant_name" not in filed  # not null: left out of that answer
    assert "subject_name" not in filed

    opened = await _rated_badly(flow, "person-2")
    task = opened["rated"]["rectification"]  # type: ignore[index]
    assert (task["case_number"], task["matter_name"], task["score"], task["comment"]) == (
        opened["case"]["number"],  # type: ignore[index]
        "食品经营许可",
        1,
        "等太久",
    )


async def test_issue19_last_failure2_staff_read_names_a_citizen_reads_capacity_and_hall(flow: Flow) -> None:
    """issue 19, last outside try: failure 2 — staff appeared only as ids (rectification steps' ``by``, paper's
    ``detail.received_by``, no name on timeline rows). Staff now read the name (identity's staff card), the
    citizen reads the capacity and the hall, and no staff id anywhere."""
    await flow.open_matter()
    async with flow.database.sessions() as session, session.begin():  # the matter asks a paper material
        await OpenMatterRepository(session).upsert_newer(
            {
                "matter_id": "m-500110-SCJGJ-SPJY-XK",
                "code": "500110-SCJGJ-SPJY-XK",
                "version": 4,
                "name": "食品经营许可",
                "matter_type": "01",
                "department_code": "500110-SCJGJ",
                "statutory_days": 20,
                "promised_days": 10,
                "materials": [{"name": "书面申请书", "requirement": "required", "source": "applicant"}],
            }
        )
    case = (await flow.apply(flow.citizen())).json()
    clerk = flow.staff("window_clerk", org=CENTER)
    assert await flow.supply_paper(case["id"], org=CENTER)
    await flow.act(case["id"], clerk, "accept")

    staff_read = (await flow.client.get(f"/cases/{case['id']}/materials", headers=clerk)).json()
    paper = [m["detail"] for m in staff_read["materials"] if m["method"] == "paper"]
    assert paper, staff_read
    assert {d["received_by_name"] for d in paper} == {"刘洋"}
    mine = await flow.client.get(f"/cases/{case['id']}/materials", headers=flow.citizen())
    assert mine.status_code == 200, mine.text
    theirs = [m["detail"] for m in mine.json()["materials"] if m["method"] == "paper"]
    assert {d["received_by_label"] for d in theirs} == {"窗口工作人员 · 綦江区行政服务中心"}
    assert "window_clerk@" not in mine.text

    entry = next(
        t
        for t in (await flow.client.get(f"/cases/{case['id']}", headers=clerk)).json()["timeline"]
        if t["action"] == "accept"
    )
    assert entry["actor_name"] == "刘洋"
    own = await flow.client.get(f"/cases/{case['id']}", headers=flow.citizen())
    accepted = next(t for t in own.json()["timeline"] if t["action"] == "accept")
    assert (accepted["actor_name"], accepted["actor_role_label"], accepted["actor_org_name"]) == (
        None,
        "窗口工作人员",
        "綦江区行政服务中心",
    )
    assert "window_clerk@" not in own.text

    await flow.act(case["id"], flow.staff("reviewer"), "start_review")
    await flow.act(case["id"], flow.staff("reviewer"), "approve")
    rated = await flow.client.post(
        f"/cases/{case['id']}/evaluation", json={"score": 2}, headers=flow.citizen()
    )
    task = rated.json()["rectification"]
    head = flow.staff("department_head")
    step = await flow.client.post(
        f"/rectifications/{task['id']}/steps", json={"note": "已回访"}, headers=head
    )
    assert step.json()["records"][0]["by_name"] == "张伟"
    listed = (await flow.client.get("/rectifications", headers=head)).json()
    assert listed[0]["records"][0]["by_name"] == "张伟"
    rater = (await flow.client.get(f"/cases/{case['id']}/evaluation", headers=flow.citizen())).text
    assert "department_head@" not in rater


async def test_issue19_last_failure1_who_may_accept_a_bundle_is_answered_before_its_missing_materials(
    flow: Flow,
) -> None:
    """issue 19, last outside try: failure 1 (who accepts) — a village clerk's accept on a 一件事 it only carried
    was answered 409 materials_missing instead of 403 (the materials were checked before who may act)."""
    await flow.open_bundle()
    village = flow.staff("window_clerk", org=VILLAGE_HALL, region="500110001001")
    filed = await flow.client.post(
        "/cases",
        json={
            "bundle_code": "500110-SCJGJ-KBCYD-YJS",
            "applicant_id": "person-2",
            "consent_ref": "委托书-103",
            "form": {"字号": "德明面馆"},
        },
        headers=filing(village),
    )
    assert filed.status_code == 201, filed.text
    refused = await flow.act(filed.json()["id"], village, "accept")
    assert refused.status_code == 403, refused.text
