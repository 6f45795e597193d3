"""Decisions are documents (issue 19 failure 9): 不予许可 had no decision document; 行政许可法 §38 requires a written
decision with reasons and the applicant's right to 行政复议 or 行政诉讼; 准予许可 likewise produces a decision."""

from __future__ import annotations

from typing import Any as Flow  # the `flow` fixture of conftest.py (test modules cannot import it)

import pytest

pytestmark = pytest.mark.api


async def _reviewed(flow: Flow) -> str:
    await flow.open_matter()
    case = (await flow.apply(flow.citizen())).json()
    await flow.act(case["id"], flow.staff("window_clerk"), "accept")
    await flow.act(case["id"], flow.staff("reviewer"), "start_review")
    return str(case["id"])


async def test_a_denial_is_a_written_decision_with_reasons_and_remedies(flow: Flow) -> None:
    case_id = await _reviewed(flow)
    assert (await flow.client.get(f"/cases/{case_id}/decision", headers=flow.citizen())).status_code == 404
    await flow.act(case_id, flow.staff("reviewer"), "deny", reason="经营场所面积不符合要求")
    decision = await flow.client.get(f"/cases/{case_id}/decision", headers=flow.citizen())
    assert decision.status_code == 200, decision.text
    body = decision.json()
    assert (body["kind"], body["title"]) == ("deny", "不予行政许可决定书")
    assert body["reasons"] == "经营场所面积不符合要求"
    assert "第三十八条第二款" in body["legal_basis"]
    for words in (
        "60日内",
        "重庆市綦江区人民政府",
        "行政复议",
        "6个月内",
        "重庆市綦江区人民法院",
        "行政诉讼",
    ):
        assert words in body["remedies"], words
    assert body["number"].startswith("〔")
    assert body["number"].endswith("号")
    # the department may print it too; a stranger sees nothing
    assert (
        await flow.client.get(f"/cases/{case_id}/decision", headers=flow.staff("reviewer"))
    ).status_code == 200
    assert (await flow.client.get(f"/cases/{case_id}/decision", headers=flow.citizen("x"))).status_code == 404

    pdf = await flow.client.get(f"/cases/{case_id}/decision.pdf", headers=flow.citizen())
    assert pdf.status_code == 200
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-")
    assert b"+WenQuanYiMicroHei" in pdf.content  # the Chinese font the text is set in, embedded as a subset
    assert "filename*=UTF-8''" in pdf.headers["content-disposition"]


async def test_a_grant_is_a_decision_without_remedies_and_a_refusal_to_accept_has_them(flow: Flow) -> None:
    case_id = await _reviewed(flow)
    await flow.act(case_id, flow.staff("reviewer"), "approve", reason="符合条件")
    granted = (await flow.client.get(f"/cases/{case_id}/decision", headers=flow.citizen())).json()
    assert (granted["kind"], granted["title"], granted["remedies"]) == ("grant", "准予行政许可决定书", None)

    refused_case = (await flow.apply(flow.citizen())).json()["id"]
    await flow.act(refused_case, flow.staff("window_clerk"), "refuse", reason="不属于本部门职权范围")
    refused = (await flow.client.get(f"/cases/{refused_case}/decision", headers=flow.citizen())).json()
    assert (refused["kind"], refused["title"]) == ("refuse", "不予受理决定书")
    assert "第三十二条" in refused["legal_basis"]
    assert "行政复议" in refused["remedies"]
