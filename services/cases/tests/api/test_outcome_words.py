"""Issue 19, last outside try, failure 1: after 新生儿出生一件事 the documents were worded by the matter's kind
(行政确认决定书, 办理结果告知书, 不予办理告知书) but every label — the case view, /me/cases, the queue, the decision
JSON and its members, the timeline, the bundle notice's PDF — still said 准予许可 / 不予许可. The approved / denied
status and outcome now read in the words of the case's 事项类型 (one table with the documents); codes are unchanged."""

from __future__ import annotations

from typing import Any
from typing import Any as Flow  # the `flow` fixture of conftest.py

import pytest

from cases.store.repositories import OpenBundleRepository, OpenMatterRepository
from meshkit.testing import filing

from .test_decision_documents import pdf_texts

pytestmark = pytest.mark.api

HALL = "500110-ZWFWZX"
BIRTH = ("500110-GAJ-HJ-CSDJ", "出生登记", "07", "500110-GAJ")
INSURANCE = ("500110-YBJ-CXJMYB-CB", "城乡居民基本医疗保险参保登记", "20", "500110-YBJ")
SOCIAL_CARD = ("500110-RSJ-SBKSL", "社会保障卡申领", "20", "500110-RSJ")
BENEFIT = ("500110-MZJ-LSJZ", "临时救助金给付", "05", "500110-MZJ")


async def _open_bundle(flow: Flow, code: str, members: tuple[tuple[str, str, str, str], ...]) -> None:
    await flow.open_matter()  # the calendar
    async with flow.database.sessions() as session, session.begin():
        for matter, name, matter_type, department in members:
            await OpenMatterRepository(session).upsert_newer(
                {
                    "matter_id": f"m-{matter}",
                    "code": matter,
                    "version": 1,
                    "name": name,
                    "matter_type": matter_type,
                    "department_code": department,
                    "statutory_days": 20,
                    "promised_days": 5,
                    "legal_basis": f"{name}的设定依据",
                }
            )
        await OpenBundleRepository(session).upsert_newer(
            {
                "bundle_id": f"b-{code}",
                "code": code,
                "version": 1,
                "name": "新生儿出生一件事",
                "lead_department_code": members[0][3],
                "lead_department_name": "区公安分局",
                "members": [
                    {"code": c, "version": 1, "name": n, "department_code": d} for c, n, _, d in members
                ],
                "materials": [],
                "statutory_days": 20,
                "statutory_unit": "working_day",
                "promised_days": 10,
                "promised_unit": "working_day",
            }
        )


async def _decide_bundle(flow: Flow, code: str, decisions: dict[str, str]) -> tuple[str, dict[str, str]]:
    """Files the 一件事, accepts it at the hall, decides each member (matter code → approve | deny)."""
    filed = await flow.client.post(
        "/cases", json={"bundle_code": code, "form": {}}, headers=filing(flow.citizen())
    )
    assert filed.status_code == 201, filed.text
    parent = str(filed.json()["id"])
    assert (await flow.act(parent, flow.staff("window_clerk", org=HALL), "accept")).status_code == 200
    detail = (await flow.client.get(f"/cases/{parent}", headers=flow.citizen())).json()
    members = {m["matter_code"]: m for m in detail["members"]}
    for matter, action in decisions.items():
        reviewer = flow.staff("reviewer", org=members[matter]["handling_org"])
        assert (await flow.act(members[matter]["id"], reviewer, "start_review")).status_code == 200
        decided = await flow.act(members[matter]["id"], reviewer, action, reason="经核查")
        assert decided.status_code == 200, decided.text
    return parent, {matter: m["id"] for matter, m in members.items()}


def _labels(case: dict[str, Any]) -> tuple[str, str, str | None]:
    return case["status"], case["status_label"], case["outcome_label"]


async def test_newborn_bundle_labels_follow_each_members_kind(flow: Flow) -> None:
    """issue 19, last outside try: failure 1 — 出生登记 (07) approved, 城乡居民医保参保登记 (20) approved and
    社会保障卡申领 (20) denied read 准予许可 / 不予许可 on the case, /me/cases, the queue, the timeline and the
    decision JSON with its members; they read 予以确认, 已办结（予以办理）, 不予办理 (the parent: 部分准予)."""
    code = "500110-GAJ-XSECS-YJS"
    await _open_bundle(flow, code, (BIRTH, INSURANCE, SOCIAL_CARD))
    decisions = {BIRTH[0]: "approve", INSURANCE[0]: "approve", SOCIAL_CARD[0]: "deny"}
    parent, ids = await _decide_bundle(flow, code, decisions)
    expected = {
        BIRTH[0]: ("approved", "予以确认", "予以确认"),
        INSURANCE[0]: ("approved", "已办结（予以办理）", "已办结（予以办理）"),
        SOCIAL_CARD[0]: ("denied", "不予办理", "不予办理"),
    }

    detail = (await flow.client.get(f"/cases/{parent}", headers=flow.citizen())).json()
    assert _labels(detail) == ("partially_granted", "部分准予", "部分准予")
    assert {m["matter_code"]: _labels(m) for m in detail["members"]} == expected
    for matter, case_id in ids.items():
        shown = (await flow.client.get(f"/cases/{case_id}", headers=flow.citizen())).json()
        assert _labels(shown) == expected[matter]
        decided = [t for t in shown["timeline"] if t["action"] in ("approve", "deny")]
        assert [(t["action_label"], t["to_status_label"]) for t in decided] == [expected[matter][1:]]
    mine = (await flow.client.get("/me/cases", headers=flow.citizen())).json()["items"]
    assert [_labels(c) for c in mine] == [("partially_granted", "部分准予", "部分准予")]  # the 一件事 itself
    for matter, _name, _type, department in (BIRTH, SOCIAL_CARD):
        queue = await flow.client.get(
            "/queue",
            params={"statuses": ["approved", "denied"]},
            headers=flow.staff("reviewer", org=department),
        )
        assert queue.status_code == 200, queue.text
        assert [_labels(c) for c in queue.json()["items"]] == [expected[matter]]

    notice = (await flow.client.get(f"/cases/{parent}/decision", headers=flow.citizen())).json()
    assert (notice["outcome"], notice["outcome_label"]) == ("partially_granted", "部分准予")
    by_matter = {m["title"]: m["outcome_label"] for m in notice["members"]}
    assert by_matter == {
        "行政确认决定书": "予以确认",
        "办理结果告知书": "已办结（予以办理）",
        "不予办理告知书": "不予办理",
    }
    alone = (await flow.client.get(f"/cases/{ids[BIRTH[0]]}/decision", headers=flow.citizen())).json()
    assert (alone["outcome"], alone["outcome_label"]) == ("approved", "予以确认")
    everything = str([detail, mine, notice])
    assert "准予许可" not in everything
    assert "不予许可" not in everything


async def test_a_bundle_whose_members_share_a_kind_is_labelled_by_it(flow: Flow) -> None:
    """issue 19, last outside try: failure 1 — a 一件事 whose members are all 公共服务 (20) and all granted read
    准予许可 on the parent and on its notice (JSON and PDF); it reads 已办结（予以办理）, as each member does. A
    benefit (05) alone reads 不予给付 when denied."""
    code = "500110-YBJ-CBBK-YJS"
    await _open_bundle(flow, code, (INSURANCE, SOCIAL_CARD))
    parent, _ = await _decide_bundle(flow, code, {INSURANCE[0]: "approve", SOCIAL_CARD[0]: "approve"})
    shown = (await flow.client.get(f"/cases/{parent}", headers=flow.citizen())).json()
    assert _labels(shown) == ("approved", "已办结（予以办理）", "已办结（予以办理）")
    mine = (await flow.client.get("/me/cases", headers=flow.citizen())).json()["items"]
    assert [_labels(c) for c in mine] == [("approved", "已办结（予以办理）", "已办结（予以办理）")]
    notice = (await flow.client.get(f"/cases/{parent}/decision", headers=flow.citizen())).json()
    assert (notice["outcome"], notice["outcome_label"]) == ("approved", "已办结（予以办理）")
    pdf = await flow.client.get(f"/cases/{parent}/decision.pdf", headers=flow.citizen())
    texts = "".join(pdf_texts(pdf.content))
    assert "办理结果：已办结（予以办理）。" in texts
    assert "准予许可" not in texts

    benefit = "500110-MZJ-JZ-YJS"
    await _open_bundle(flow, benefit, (BENEFIT,))
    denied, ids = await _decide_bundle(flow, benefit, {BENEFIT[0]: "deny"})
    member = (await flow.client.get(f"/cases/{ids[BENEFIT[0]]}", headers=flow.citizen())).json()
    assert _labels(member) == ("denied", "不予给付", "不予给付")
    whole = (await flow.client.get(f"/cases/{denied}", headers=flow.citizen())).json()
    assert _labels(whole) == ("denied", "不予给付", "不予给付")
