"""Issue 19 outside try: decision documents and what a citizen sees was issued. An outside tester found decisions
addressed to the literal "申请人" (and never naming a newborn or an enterprise the case was about), the deciding
department by its code, multi-line reasons flattened, an issued certificate without content on the case, a 一件事
parent without its delivery or a decision, and "refuse 必须说明理由". Names come from identity's records (its edge
is faked in tests/conftest.py), never from the request."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime
from typing import Any
from typing import Any as Flow  # the `flow` fixture of conftest.py (test modules cannot import it)

import pytest
from pypdf import PdfReader

from cases.domain.departments import authority_name
from cases.domain.states import TRANSITIONS, Action, CaseStatus, TransitionRefused, plan_transition
from cases.store.repositories import OpenMatterRepository
from cases.store.unit_of_work import CasesUnitOfWork
from cases.use_cases.issuing import record_certificate
from meshkit.testing import filing

from ..conftest import NEWBORN_A

pytestmark = pytest.mark.api

SCJGJ_FULL = "重庆市綦江区市场监督管理局"
BUNDLE = "500110-SCJGJ-KBCYD-YJS"
BIRTH = "500110-WSJKW-CSYXZM"


def pdf_texts(pdf: bytes) -> list[str]:
    """The lines of text a PDF shows, page after page, as a reader extracts them (pypdf): whatever the font's
    encoding (the embedded TrueType subsets since issue 19)."""
    lines: list[str] = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        lines += [line.strip() for line in page.extract_text().splitlines() if line.strip()]
    return lines


async def _decided(flow: Flow, action: str, reason: str | None, **filing: Any) -> str:
    case = await flow.apply(flow.citizen(), **filing)
    assert case.status_code == 201, case.text
    case_id = str(case.json()["id"])
    await flow.act(case_id, flow.staff("window_clerk"), "accept")
    await flow.act(case_id, flow.staff("reviewer"), "start_review")
    decided = await flow.act(case_id, flow.staff("reviewer"), action, reason=reason)
    assert decided.status_code == 200, decided.text
    return case_id


async def _decision(flow: Flow, case_id: str, headers: dict[str, str] | None = None) -> Any:
    response = await flow.client.get(f"/cases/{case_id}/decision", headers=headers or flow.citizen())
    assert response.status_code == 200, response.text
    return response.json()


async def _pdf(flow: Flow, case_id: str) -> list[str]:
    response = await flow.client.get(f"/cases/{case_id}/decision.pdf", headers=flow.citizen())
    assert response.status_code == 200, response.text
    return pdf_texts(response.content)


async def test_decision_names_the_applicant_and_a_different_subject(flow: Flow) -> None:
    """issue 19 outside try: failure 1 — the decision said "申请人" instead of her name, and named neither the
    newborn nor the enterprise a case was about."""
    await flow.open_matter()
    # whatever the form says, the document names whom identity's records name for the case
    own = await _decided(flow, "approve", "符合条件", form={"申请人姓名": "王冒名", "店名": "綦河小馆"})
    newborn = await _decided(
        flow, "deny", "出生医学证明信息不全", subject_kind="newborn", subject_id=NEWBORN_A
    )
    company = await _decided(
        flow, "approve", "符合条件", subject_kind="enterprise", subject_id="enterprise-1"
    )

    mine = await _decision(flow, own)
    assert (mine["applicant_name"], mine["subject_name"], mine["party"]) == ("陈晓梅", None, "申请人：陈晓梅")
    child = await _decision(flow, newborn)
    assert (child["subject_name"], child["subject_kind_label"]) == ("陈小宝", "新生儿")
    assert child["party"] == "申请人：陈晓梅；事项对象：陈小宝（新生儿）"
    firm = await _decision(flow, company)
    assert firm["party"] == "申请人：陈晓梅；事项对象：重庆綦河餐饮有限公司（法人）"
    for case_id, party in ((own, "申请人：陈晓梅"), (newborn, child["party"]), (company, firm["party"])):
        texts = await _pdf(flow, case_id)
        assert party in texts
        assert "申请人：" not in texts  # never the bare word in place of a name
        assert not any("王冒名" in text for text in texts)
    # the department reads the same document; who may read it is unchanged: a stranger sees nothing
    assert (await _decision(flow, newborn, flow.staff("reviewer")))["party"] == child["party"]
    for path in ("decision", "decision.pdf"):
        stranger = await flow.client.get(f"/cases/{newborn}/{path}", headers=flow.citizen("person-2"))
        assert stranger.status_code == 404
        assert "陈小宝" not in stranger.text


async def test_decision_carries_the_departments_full_name(flow: Flow) -> None:
    """issue 19 outside try: failure 2 — the issuing authority appeared only by its code or short form."""
    await flow.open_matter()
    granted = await _decided(flow, "approve", "符合条件")
    denied = await _decided(flow, "deny", "经营场所面积不符合要求")
    refused = str((await flow.apply(flow.citizen())).json()["id"])
    await flow.act(refused, flow.staff("window_clerk"), "refuse", reason="不属于本部门职权范围")
    for case_id in (granted, denied, refused):
        decision = await _decision(flow, case_id)
        assert (decision["handling_org"], decision["department"]) == ("500110-SCJGJ", SCJGJ_FULL)
        assert SCJGJ_FULL in await _pdf(flow, case_id)
    # every department the same way: listed ones by their full name, others widened from the short name
    assert authority_name("500110-YJJ", "区应急局") == "重庆市綦江区应急管理局"
    assert authority_name("500110-XYZ", "区新设局") == "重庆市綦江区新设局"
    assert authority_name("500110-XYZ") == "500110-XYZ"


async def test_multi_line_reasons_keep_their_line_breaks(flow: Flow) -> None:
    """issue 19 outside try: failure 3 — a clerk's reason with line breaks was flattened into one line in the PDF
    and the JSON."""
    await flow.open_matter()
    reason = "一、经营场所面积不足12平方米；\n二、未提供食品安全管理制度。\r\n三、从业人员健康证明已过期"
    lines = ["一、经营场所面积不足12平方米；", "二、未提供食品安全管理制度。", "三、从业人员健康证明已过期"]
    case_id = await _decided(flow, "deny", reason)
    decision = await _decision(flow, case_id)
    assert decision["reasons"] == reason
    assert decision["reason_lines"] == lines
    texts = await _pdf(flow, case_id)
    start = texts.index(f"理由：{lines[0]}")
    assert texts[start + 1 : start + 3] == lines[1:]


async def _open_certifying(
    flow: Flow,
    code: str,
    name: str,
    department: tuple[str, str],
    result: tuple[str, str],
    parents: bool = False,
) -> None:
    """A matter whose approval issues ``result`` (type code, the name its material carries); ``parents``: it also
    asks, first, for the applicant's own paper of the same type (the parents' 户口簿 in a newborn's 出生登记)."""
    own = {"name": f"父母（申请人）{result[1]}", "requirement": "optional", "certificate_type": result[0]}
    subjects = [{"name": result[1], "requirement": "optional", "certificate_type": result[0]}]
    async with flow.database.sessions() as session, session.begin():
        await OpenMatterRepository(session).upsert_newer(
            {
                "matter_id": f"m-{code}",
                "code": code,
                "version": 9,
                "name": name,
                "matter_type": "01",
                "department_code": department[0],
                "department_name": department[1],
                "levels": ["district"],
                "statutory_days": 20,
                "promised_days": 5,
                "result_certificate_type": result[0],
                "materials": [{**own, "belongs_to": "applicant"}, *subjects] if parents else subjects,
            }
        )


async def test_the_issued_certificate_shows_what_was_issued_to_whom(flow: Flow) -> None:
    """issue 19 outside try: failure 4 — after approval the certificate on her case had empty content: no type
    name, no holder, no number, no valid_from."""
    await flow.open_matter()
    await _open_certifying(
        flow,
        BIRTH,
        "出生医学证明签发",
        ("500110-WSJKW", "区卫生健康委"),
        ("ZZ-CSYXZM", "出生医学证明"),
        parents=True,  # outside try: the type was named after the parents' paper listed first
    )
    food = ("ZZ-SPJYXKZ", "食品经营许可证")
    await _open_certifying(
        flow, "500110-SCJGJ-SPJY-XK", "食品经营许可", ("500110-SCJGJ", "区市场监管局"), food
    )
    case = await flow.apply(flow.citizen(), matter_code=BIRTH, subject_kind="newborn", subject_id=NEWBORN_A)
    case_id = str(case.json()["id"])
    wsjkw = "500110-WSJKW"
    await flow.act(case_id, flow.staff("window_clerk", org=wsjkw), "accept")
    await flow.act(case_id, flow.staff("reviewer", org=wsjkw), "start_review")
    await flow.act(case_id, flow.staff("reviewer", org=wsjkw), "approve", reason="符合条件")
    waiting = await flow.client.get(f"/cases/{case_id}/certificate", headers=flow.citizen())
    assert (waiting.status_code, waiting.json()["code"]) == (404, "certificate_not_found")
    assert "待签发" in waiting.json()["detail"]

    issued_at = datetime(2026, 12, 6, 17, 30, tzinfo=UTC)  # 01:30 on the 7th in Beijing: the legal date
    async with CasesUnitOfWork(flow.database) as uow:
        assert await record_certificate(uow, case_id=case_id, certificate_id="CERT-CSYXZM-1", now=issued_at)
    answer = await flow.client.get(f"/cases/{case_id}/certificate", headers=flow.citizen())
    assert answer.status_code == 200, answer.text
    shown = answer.json()
    assert shown["identifier"] == "CERT-CSYXZM-1"
    assert (shown["type_code"], shown["type_name"]) == ("ZZ-CSYXZM", "出生医学证明")
    assert (shown["holder_name"], shown["holder_kind_label"]) == ("陈小宝", "新生儿")  # the child's, not hers
    assert shown["holder_identifier_masked"] is None
    assert (shown["issuer"], shown["valid_from"]) == ("重庆市綦江区卫生健康委员会", "2026-12-07")
    assert shown["labels"]["holder_name"] == "持证主体"
    assert all(re.search("[\u4e00-\u9fff]", label) for label in shown["labels"].values())

    own = await _decided(flow, "approve", "符合条件")  # her own: her name, her number masked
    async with CasesUnitOfWork(flow.database) as uow:
        assert await record_certificate(uow, case_id=own, certificate_id="CERT-SPJY-1", now=issued_at)
    mine = (await flow.client.get(f"/cases/{own}/certificate", headers=flow.citizen())).json()
    assert (mine["holder_name"], mine["holder_identifier_masked"]) == ("陈晓梅", "500222********0022")
    assert (mine["type_name"], mine["issuer"]) == ("食品经营许可证", SCJGJ_FULL)
    stranger = await flow.client.get(f"/cases/{own}/certificate", headers=flow.citizen("person-2"))
    assert stranger.status_code == 404
    assert "陈晓梅" not in stranger.text


async def test_a_bundle_parent_keeps_its_delivery_and_presents_its_members_decisions(flow: Flow) -> None:
    """issue 19 outside try: failure 5 — on a 一件事 parent the delivery details were lost and GET /decision said
    there was none."""
    await flow.open_bundle()
    filed = await flow.client.post(
        "/cases", json={"bundle_code": BUNDLE, "form": {"店名": "綦河小馆"}}, headers=filing(flow.citizen())
    )
    parent = str(filed.json()["id"])
    clerk = flow.staff("window_clerk", org="500110-ZWFWZX")
    await flow.supply_paper(parent)  # 受理 needs the materials
    assert (await flow.act(parent, clerk, "accept")).status_code == 200
    none_yet = await flow.client.get(f"/cases/{parent}/decision", headers=flow.citizen())
    assert (none_yet.status_code, none_yet.json()["code"]) == (404, "decision_not_found")
    detail = (await flow.client.get(f"/cases/{parent}", headers=flow.citizen())).json()
    members = {m["handling_org"]: m["id"] for m in detail["members"]}
    for org, reason in (("500110-SCJGJ", "符合条件"), ("500110-YJJ", "消防检查合格\n可以投入使用")):
        reviewer = flow.staff("reviewer", org=org)
        await flow.act(members[org], reviewer, "start_review")
        assert (await flow.act(members[org], reviewer, "approve", reason=reason)).status_code == 200

    notice = await _decision(flow, parent)
    assert (notice["kind"], notice["title"], notice["party"]) == (
        "bundle",
        "一件事办理结果告知书",
        "申请人：陈晓梅",
    )
    assert notice["department"] == SCJGJ_FULL  # the lead department
    assert notice["pending_members"] == []
    by_org = {m["handling_org"]: m for m in notice["members"]}
    assert by_org["500110-SCJGJ"]["department"] == SCJGJ_FULL
    assert by_org["500110-YJJ"]["department"] == "重庆市綦江区应急管理局"
    assert by_org["500110-YJJ"]["reason_lines"] == ["消防检查合格", "可以投入使用"]
    assert {m["title"] for m in notice["members"]} == {"准予行政许可决定书"}
    texts = await _pdf(flow, parent)
    assert texts[0] == "一件事办理结果告知书"
    assert "重庆市綦江区应急管理局" in texts
    assert texts.count("准予行政许可决定书") == 2  # each member's decision on its own page

    delivered = await flow.act(
        parent, clerk, "deliver", delivery_channel="mail", delivery_ref="EMS1234567890"
    )
    assert delivered.status_code == 200, delivered.text
    shown = (await flow.client.get(f"/cases/{parent}", headers=flow.citizen())).json()
    assert (shown["status"], shown["delivery_channel"], shown["delivery_ref"]) == (
        "delivered",
        "mail",
        "EMS1234567890",
    )
    assert (shown["delivery_channel_label"], shown["delivered_at"] is not None) == ("邮寄送达", True)


async def test_a_bundle_with_one_member_refused_is_partially_granted_with_the_remedies(flow: Flow) -> None:
    """issue 19: failure 9 (remaining) — a 一件事 whose members ended differently (one 准予许可, one 不予许可)
    showed 不予许可 (or the last member's outcome) and its notice carried no 行政复议 / 行政诉讼 notice; it is
    部分准予, lists each member's decision and, since part was refused, tells where and by when to seek review."""
    await flow.open_bundle()
    filed = await flow.client.post(
        "/cases", json={"bundle_code": BUNDLE, "form": {"店名": "綦河小馆"}}, headers=filing(flow.citizen())
    )
    parent = str(filed.json()["id"])
    clerk = flow.staff("window_clerk", org="500110-ZWFWZX")
    await flow.supply_paper(parent)
    assert (await flow.act(parent, clerk, "accept")).status_code == 200
    detail = (await flow.client.get(f"/cases/{parent}", headers=flow.citizen())).json()
    members = {m["handling_org"]: m["id"] for m in detail["members"]}
    for org, action, reason in (
        ("500110-SCJGJ", "approve", "符合条件"),
        ("500110-YJJ", "deny", "消防通道堵塞"),
    ):
        reviewer = flow.staff("reviewer", org=org)
        await flow.act(members[org], reviewer, "start_review")
        assert (await flow.act(members[org], reviewer, action, reason=reason)).status_code == 200

    shown = (await flow.client.get(f"/cases/{parent}", headers=flow.citizen())).json()
    assert (shown["status"], shown["status_label"]) == ("partially_granted", "部分准予")
    assert (shown["outcome"], shown["outcome_label"]) == ("partially_granted", "部分准予")
    assert shown["national_code"] == 3
    notice = await _decision(flow, parent)
    assert (notice["kind"], notice["outcome"], notice["outcome_label"]) == (
        "bundle",
        "partially_granted",
        "部分准予",
    )
    titles = {m["handling_org"]: m["title"] for m in notice["members"]}
    assert titles == {"500110-SCJGJ": "准予行政许可决定书", "500110-YJJ": "不予行政许可决定书"}
    remedies = notice["remedies"]
    assert remedies
    assert "行政复议" in remedies
    assert "行政诉讼" in remedies
    assert "60日内向重庆市綦江区人民政府" in remedies
    assert "6个月内依法向重庆市綦江区人民法院" in remedies
    texts = "".join(await _pdf(flow, parent))
    assert "办理结果：部分准予。" in texts
    assert (
        "行政复议" in texts.split("办理结果：部分准予。")[1].split("不予行政许可决定书")[0]
    )  # on the notice page

    delivered = await flow.act(parent, clerk, "deliver", delivery_channel="window")
    assert delivered.status_code == 200, delivered.text
    after = (await flow.client.get(f"/cases/{parent}", headers=flow.citizen())).json()
    assert (after["status"], after["outcome_label"]) == ("delivered", "部分准予")


async def test_an_all_granted_bundle_notice_has_no_remedies(flow: Flow) -> None:
    """issue 19: failure 9 (remaining) — all members granted: 准予许可, and no 行政复议 notice on the whole."""
    await flow.open_bundle()
    filed = await flow.client.post(
        "/cases", json={"bundle_code": BUNDLE, "form": {"店名": "綦河小馆"}}, headers=filing(flow.citizen())
    )
    parent = str(filed.json()["id"])
    await flow.supply_paper(parent)
    assert (
        await flow.act(parent, flow.staff("window_clerk", org="500110-ZWFWZX"), "accept")
    ).status_code == 200
    detail = (await flow.client.get(f"/cases/{parent}", headers=flow.citizen())).json()
    for member in detail["members"]:
        reviewer = flow.staff("reviewer", org=member["handling_org"])
        await flow.act(member["id"], reviewer, "start_review")
        assert (await flow.act(member["id"], reviewer, "approve")).status_code == 200
    notice = await _decision(flow, parent)
    assert (notice["outcome"], notice["outcome_label"], notice["remedies"]) == ("approved", "准予许可", None)


async def test_a_missing_reason_names_the_action_in_chinese(flow: Flow) -> None:
    """issue 19 outside try: failure 6 — 不予受理 without a reason answered "refuse 必须说明理由"; every action that
    needs a reason must name itself in Chinese."""
    await flow.open_matter()
    case_id = str((await flow.apply(flow.citizen())).json()["id"])
    refused = await flow.act(case_id, flow.staff("window_clerk"), "refuse", reason="  ")
    assert refused.status_code == 422
    assert refused.headers["content-type"].startswith("application/problem+json")
    assert "「不予受理」必须说明理由" in refused.json()["detail"]
    assert "refuse" not in refused.json()["detail"]
    needing = [action for action, rule in TRANSITIONS.items() if rule.needs_reason]
    assert len(needing) >= 8
    for action in needing:
        rule = TRANSITIONS[action]
        source = min(rule.sources)
        with pytest.raises(TransitionRefused) as refusal:
            plan_transition(CaseStatus(source), Action(action), min(rule.actors), reason=None)
        assert refusal.value.code == "reason_required"
        assert action.label in str(refusal.value)
        assert action.value not in str(refusal.value)


async def test_a_decision_identity_cannot_name_is_a_503_not_a_500(flow: Flow) -> None:
    """issue 19 outside try: failure 1 — the names come from identity; when it cannot answer, the decision is not
    printed nameless: 503 `identity_unavailable` with Retry-After, in Chinese."""
    await flow.open_matter()
    unknown = flow.citizen("person-unknown")  # a token identity's records (the faked edge) do not hold
    case_id = str((await flow.apply(unknown)).json()["id"])
    await flow.act(case_id, flow.staff("window_clerk"), "refuse", reason="不属于本部门职权范围")
    for path in ("decision", "decision.pdf"):
        answer = await flow.client.get(f"/cases/{case_id}/{path}", headers=unknown)
        assert (answer.status_code, answer.json()["code"]) == (503, "identity_unavailable")
        assert answer.headers["content-type"].startswith("application/problem+json")
        assert answer.headers["retry-after"] == "5"
        assert "姓名" in answer.json()["detail"]
