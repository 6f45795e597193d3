"""Issue 19 outside try, failure 3: labels in one timeline disagreed — the same clerk read 工作人员 on 收取纸质材料 and
窗口工作人员 on 受理 — and `approve` from 已受理 answered 409 with English in `detail` and no next step."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any as Flow  # the `flow` fixture of conftest.py

import pytest

from meshkit.testing import filing

from .conftest import BUNDLE

pytestmark = pytest.mark.api


async def test_one_label_per_actor_across_a_timeline(flow: Flow) -> None:
    """issue 19 outside try: failure 3 — every row of one person in one capacity reads one label: the window clerk
    who took the paper and accepted, the reviewer whose member step shows on the parent, the applicant."""
    await flow.open_bundle()
    filed = await flow.client.post(
        "/cases", json={"bundle_code": BUNDLE, "form": {"店名": "綦河小馆"}}, headers=filing(flow.citizen())
    )
    assert filed.status_code == 201, filed.text
    parent = str(filed.json()["id"])
    clerk = flow.staff("window_clerk", org="500110-ZWFWZX")
    assert await flow.supply_paper(parent)  # 收取纸质材料 by the clerk
    assert (await flow.act(parent, clerk, "accept")).status_code == 200
    detail = (await flow.client.get(f"/cases/{parent}", headers=flow.citizen())).json()
    member = next(m["id"] for m in detail["members"] if m["handling_org"] == "500110-SCJGJ")
    reviewer = flow.staff("reviewer")
    assert (await flow.act(member, reviewer, "start_review")).status_code == 200
    timeline = (await flow.client.get(f"/cases/{parent}", headers=clerk)).json()["timeline"]
    labels: dict[str, set[str]] = defaultdict(set)
    for row in timeline:
        labels[row["actor_org"] or "applicant"].add(row["actor_role_label"])  # one person per org here
    actions = {row["action"] for row in timeline}
    assert {"submit", "paper_material", "accept", "members_changed"} <= actions
    assert labels["500110-ZWFWZX"] == {"窗口工作人员"}  # paper, acceptance (the cascade) alike
    assert labels["500110-SCJGJ"] == {"审核人员"}
    assert labels["applicant"] == {"申请人"}
    assert all(row["actor_role_label"] != "工作人员" for row in timeline)


async def test_approve_from_accepted_says_what_to_do_first(flow: Flow) -> None:
    """issue 19 outside try: failure 3 — 409 "不能准予许可 (not allowed from accepted)" now says, in Chinese only,
    to start the review first; a window step on a 一件事 parent says to act on the member."""
    await flow.open_matter()
    filed = await flow.apply(flow.citizen())
    case_id = str(filed.json()["id"])
    assert (await flow.act(case_id, flow.staff("window_clerk"), "accept")).status_code == 200
    refused = await flow.act(case_id, flow.staff("reviewer"), "approve")
    assert refused.status_code == 409
    problem = refused.json()
    assert problem["code"] == "transition_not_allowed"
    assert problem["detail"] == "办件处于「已受理」，请先「开始审查」再准予许可"
    await flow.open_bundle()
    bundle = await flow.client.post(
        "/cases", json={"bundle_code": BUNDLE, "form": {"店名": "綦河小馆"}}, headers=filing(flow.citizen())
    )
    on_parent = await flow.act(str(bundle.json()["id"]), flow.staff("reviewer"), "approve")
    assert (on_parent.status_code, on_parent.json()["code"]) == (409, "act_on_member")
    assert not re.search(r"[A-Za-z]", on_parent.json()["detail"])
    assert "子办件" in on_parent.json()["detail"]
