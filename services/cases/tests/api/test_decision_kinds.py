"""Issue 19 outside try, failure 1: every decision was written as a 行政许可 whatever the matter's kind — 出生登记
(07 行政确认) got a 准予行政许可决定书 under 行政许可法 §38, 社会保障卡申领 (20 公共服务) a 不予行政许可决定书, a
公积金 withdrawal refused at the window a 不予受理决定书 under §32 — and the matter's own 设定依据 was never used.
The document now follows the type and basis of the matter version the case was filed under."""

from __future__ import annotations

from typing import Any
from typing import Any as Flow  # the `flow` fixture of conftest.py

import pytest

from cases.store.repositories import OpenMatterRepository

pytestmark = pytest.mark.api

DEPT = "500110-SCJGJ"  # the conftest's department: its reviewers decide
BIRTH = ("500110-GAJ-CSDJ", "出生登记", "07", "《中华人民共和国户口登记条例》第七条")
SOCIAL_CARD = ("500110-RSJ-SBKSL", "社会保障卡申领", "20", "《中华人民共和国社会保险法》第五十八条")
FUND = ("500110-GJJ-TXTQ", "退休提取住房公积金", "20", "《住房公积金管理条例》第二十四条")
BENEFIT = ("500110-MZJ-LSFX", "临时救助金给付", "05", "《社会救助暂行办法》第四十七条")
PERMIT = ("500110-SCJGJ-SPJY-XK", "食品经营许可", "01", "《中华人民共和国食品安全法》第三十五条")


async def _open(flow: Flow, matter: tuple[str, str, str, str], *, version: int = 1) -> None:
    code, name, matter_type, basis = matter
    async with flow.database.sessions() as session, session.begin():
        await OpenMatterRepository(session).upsert_newer(
            {
                "matter_id": f"m-{code}",
                "code": code,
                "version": version,
                "name": name,
                "matter_type": matter_type,
                "department_code": DEPT,
                "statutory_days": 20,
                "promised_days": 10,
                "levels": ["district"],
                "legal_basis": basis,
            }
        )


async def _decide(flow: Flow, code: str, action: str, reason: str | None = None) -> dict[str, Any]:
    filed = await flow.apply(flow.citizen(), matter_code=code)
    assert filed.status_code == 201, filed.text
    case_id = str(filed.json()["id"])
    if action != "refuse":
        assert (await flow.act(case_id, flow.staff("window_clerk"), "accept")).status_code == 200
        assert (await flow.act(case_id, flow.staff("reviewer"), "start_review")).status_code == 200
    role = "window_clerk" if action == "refuse" else "reviewer"
    decided = await flow.act(case_id, flow.staff(role), action, reason=reason)
    assert decided.status_code == 200, decided.text
    document = await flow.client.get(f"/cases/{case_id}/decision", headers=flow.citizen())
    assert document.status_code == 200, document.text
    pdf = await flow.client.get(f"/cases/{case_id}/decision.pdf", headers=flow.citizen())
    assert pdf.status_code == 200, pdf.text
    body: dict[str, Any] = document.json()
    return body


async def test_birth_registration_is_confirmed_not_permitted(flow: Flow) -> None:
    """issue 19 outside try: failure 1 — 出生登记 (07 行政确认) was granted by a 准予行政许可决定书 under 行政许可法
    第三十八条第一款; it is confirmed, on its own 设定依据."""
    await flow.open_matter()  # the calendar
    await _open(flow, BIRTH)
    granted = await _decide(flow, BIRTH[0], "approve")
    assert granted["title"] == "行政确认决定书"
    assert granted["matter_type"] == "07"
    assert granted["matter_type_label"] == "行政确认"
    assert granted["legal_basis"] == BIRTH[3]
    assert "行政许可" not in granted["title"] + granted["legal_basis"] + granted["verdict"]
    assert granted["verdict"] == "经审查，你（单位）申请的“出生登记”符合规定条件，予以确认（登记）。"
    assert granted["remedies"] is None
    denied = await _decide(flow, BIRTH[0], "deny", reason="出生医学证明与申报信息不一致")
    assert denied["title"] == "不予确认决定书"
    assert denied["legal_basis"] == BIRTH[3]
    assert "行政复议" in denied["remedies"]
    assert "行政诉讼" in denied["remedies"]


async def test_public_service_refusals_are_not_permit_refusals(flow: Flow) -> None:
    """issue 19 outside try: failure 1 — 社会保障卡申领 (20 公共服务) denied got a 不予行政许可决定书 (§38 ②) and
    退休提取住房公积金 refused at the window a 不予受理决定书 citing 行政许可法第三十二条第一款. Both keep the
    行政复议 / 行政诉讼 notice: a refusal of any kind affects the applicant's rights."""
    await flow.open_matter()
    await _open(flow, SOCIAL_CARD)
    await _open(flow, FUND)
    denied = await _decide(flow, SOCIAL_CARD[0], "deny", reason="已持有有效社会保障卡")
    assert denied["title"] == "不予办理告知书"
    assert denied["legal_basis"] == SOCIAL_CARD[3]
    assert denied["verdict"].endswith("决定不予办理。")
    refused = await _decide(flow, FUND[0], "refuse", reason="未达到法定退休年龄")
    assert refused["title"] == "不予受理告知书"
    assert refused["legal_basis"] == FUND[3]
    for document in (denied, refused):
        assert "行政许可" not in document["title"] + document["legal_basis"] + document["verdict"]
        assert "行政复议" in document["remedies"]
        assert "行政诉讼" in document["remedies"]


async def test_a_benefit_is_granted_and_a_permit_still_cites_the_permit_law(flow: Flow) -> None:
    """issue 19 outside try: failure 1 — a 行政给付 is granted as a 给付; a 行政许可 keeps 行政许可法 §38 and now
    also names its own 设定依据."""
    await flow.open_matter()
    await _open(flow, BENEFIT)
    given = await _decide(flow, BENEFIT[0], "approve")
    assert given["title"] == "给付决定书"
    assert given["legal_basis"] == BENEFIT[3]
    await _open(flow, PERMIT, version=4)  # the conftest's permit, republished with its basis
    permitted = await _decide(flow, PERMIT[0], "approve")
    assert permitted["title"] == "准予行政许可决定书"
    assert permitted["legal_basis"] == f"《中华人民共和国行政许可法》第三十八条第一款；{PERMIT[3]}"
    assert permitted["number"].startswith("〔")
    assert "准许" in permitted["number"]


async def test_the_basis_of_the_version_filed_under(flow: Flow) -> None:
    """issue 19 outside try: failure 1 — the document follows the catalog version the case was filed under: a
    version published after filing (another basis) does not change it; a version whose basis the catalog never
    sent says where the basis is listed instead of citing one the matter may not have."""
    await flow.open_matter()
    code, name, matter_type, _ = SOCIAL_CARD
    await _open(flow, (code, name, matter_type, ""), version=1)
    filed = await flow.apply(flow.citizen(), matter_code=code)
    assert filed.status_code == 201, filed.text
    case_id = str(filed.json()["id"])
    await _open(flow, (code, name, "01", "《另一版本的依据》"), version=2)  # published after filing
    assert (await flow.act(case_id, flow.staff("window_clerk"), "accept")).status_code == 200
    assert (await flow.act(case_id, flow.staff("reviewer"), "start_review")).status_code == 200
    assert (await flow.act(case_id, flow.staff("reviewer"), "approve")).status_code == 200
    document = (await flow.client.get(f"/cases/{case_id}/decision", headers=flow.citizen())).json()
    assert document["title"] == "办理结果告知书"
    assert document["matter_type"] == "20"
    assert document["legal_basis"] == f"“{name}”实施清单（事项编码 {code}，第 1 版）所列设定依据"
