"""Issue 19 outside try, failure 2: a 一件事 parent's GET /cases/{id}/certificate answered 404 "没有已签发的电子证照
（无证照）" and the parent showed 无证照 while its members had issued their certificates. The parent's view now lists
what its members issued (type, holder, masked number, issuer, valid_from, which member), by the same access rules."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any as Flow  # the `flow` fixture of conftest.py

import pytest

from cases.store.unit_of_work import CasesUnitOfWork
from cases.use_cases.issuing import record_certificate
from meshkit.testing import filing

from .conftest import BUNDLE, REGISTRATION

pytestmark = pytest.mark.api


async def _decided_bundle(flow: Flow) -> tuple[str, dict[str, str]]:
    await flow.open_bundle()
    filed = await flow.client.post(
        "/cases", json={"bundle_code": BUNDLE, "form": {"店名": "綦河小馆"}}, headers=filing(flow.citizen())
    )
    assert filed.status_code == 201, filed.text
    parent = str(filed.json()["id"])
    await flow.supply_paper(parent)
    assert (
        await flow.act(parent, flow.staff("window_clerk", org="500110-ZWFWZX"), "accept")
    ).status_code == 200
    detail = (await flow.client.get(f"/cases/{parent}", headers=flow.citizen())).json()
    members = {m["handling_org"]: m["id"] for m in detail["members"]}
    for org, member in members.items():
        reviewer = flow.staff("reviewer", org=org)
        assert (await flow.act(member, reviewer, "start_review")).status_code == 200
        assert (await flow.act(member, reviewer, "approve", reason="符合条件")).status_code == 200
    return parent, members


async def test_a_bundle_parent_lists_its_members_certificates(flow: Flow) -> None:
    """issue 19 outside try: failure 2 — the parent answered 404 (无证照) while its members had issued theirs."""
    parent, members = await _decided_bundle(flow)
    waiting = await flow.client.get(f"/cases/{parent}/certificate", headers=flow.citizen())
    assert (waiting.status_code, waiting.json()["code"]) == (404, "certificate_not_found")
    assert f"{REGISTRATION[1]}（待签发）" in waiting.json()["detail"]  # says which member it waits for
    shown = (await flow.client.get(f"/cases/{parent}", headers=flow.citizen())).json()
    assert (shown["certificate_state"], shown["certificate_state_label"]) == ("pending", "待签发")

    registration = members[REGISTRATION[2]]
    issued_at = datetime(2026, 12, 6, 17, 30, tzinfo=UTC)  # 01:30 on the 7th in Beijing
    async with CasesUnitOfWork(flow.database) as uow:
        assert await record_certificate(
            uow, case_id=registration, certificate_id="CERT-YYZZ-1", now=issued_at
        )

    answer = await flow.client.get(f"/cases/{parent}/certificate", headers=flow.citizen())
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert (body["kind"], body["case_id"], body["waiting_members"]) == ("bundle", parent, [])
    [certificate] = body["certificates"]
    assert (certificate["case_id"], certificate["matter_name"]) == (registration, REGISTRATION[1])
    assert (certificate["identifier"], certificate["type_code"]) == ("CERT-YYZZ-1", "ZZ-YYZZ")
    assert (certificate["holder_name"], certificate["holder_identifier_masked"]) == (
        "陈晓梅",
        "500222********0022",
    )
    assert (certificate["issuer"], certificate["valid_from"]) == ("重庆市綦江区市场监督管理局", "2026-12-07")
    assert body["labels"]["matter_name"] == "办理事项"
    shown = (await flow.client.get(f"/cases/{parent}", headers=flow.citizen())).json()
    assert (shown["certificate_state"], shown["certificate_state_label"]) == ("issued", "已签发")


async def test_a_bundle_parents_certificates_follow_the_access_rules(flow: Flow) -> None:
    """issue 19 outside try: failure 2 — the same access rules as a member's own certificate: a stranger and a
    department that sees neither the parent nor the member get 404, and nothing of the holder."""
    parent, members = await _decided_bundle(flow)
    async with CasesUnitOfWork(flow.database) as uow:
        now = datetime(2026, 12, 7, 2, tzinfo=UTC)
        assert await record_certificate(
            uow, case_id=members[REGISTRATION[2]], certificate_id="CERT-YYZZ-2", now=now
        )
    for headers in (flow.citizen("person-2"), flow.staff("reviewer", org="500110-YJJ")):
        refused = await flow.client.get(f"/cases/{parent}/certificate", headers=headers)
        assert refused.status_code == 404
        assert "陈晓梅" not in refused.text
        assert "CERT-YYZZ-2" not in refused.text
    lead = await flow.client.get(f"/cases/{parent}/certificate", headers=flow.staff("reviewer"))
    assert lead.status_code == 200, lead.text
    assert [c["identifier"] for c in lead.json()["certificates"]] == ["CERT-YYZZ-2"]
