"""陈晓梅 applies online for 个体工商户设立登记 through the real mesh (DOMAIN.md §8): the cases worker obtains her
ID card from the 公安 population resource through the exchange — she uploads nothing for it — staff accept,
review and approve, the 营业执照 is registered in the exchange's e-certificate registry for 区市场监管局, and her
"who read my data" lists the case's reads."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest

from meshkit.testing import eventually, filing

from .paper import paper_for_missing

pytestmark = pytest.mark.e2e

CHEN = "500222199803070028"
REGISTRATION = "500110-SCJGJ-GTGSH-SL"
POPULATION = "500110-GAJ-RK-001"


LogIn = Callable[..., Awaitable[tuple[dict[str, str], dict[str, Any]]]]


async def test_materials_without_paper_and_the_certificate(http: httpx.AsyncClient, log_in: LogIn) -> None:
    chen, claims = await log_in(CHEN)

    async def matter_open() -> None:
        assert (await http.get(f"/cases/open-matters/{REGISTRATION}")).status_code == 200

    await eventually(matter_open, timeout=60, message="the catalog's demo matters never reached cases")
    applied = await http.post(
        "/cases/cases",
        headers=filing(chen),
        json={"matter_code": REGISTRATION, "form": {"字号": "晓梅小吃店"}},
    )
    assert applied.status_code == 201, applied.text
    case = applied.json()
    materials_url = f"/cases/cases/{case['id']}/materials"

    async def id_card_obtained() -> dict[str, Any]:
        listed = (await http.get(materials_url, headers=chen)).json()
        id_card = next(m for m in listed["materials"] if m["name"] == "申请人身份证明")
        assert id_card["status"] == "obtained", id_card
        return dict(id_card)

    id_card = await eventually(id_card_obtained, timeout=60, interval=0.5)
    assert (id_card["method"], id_card["reference"]) == ("data_sharing", POPULATION)
    assert set(id_card["detail"]["items"]) == {"name", "id_number"}
    assert CHEN not in str(id_card)  # the case keeps the read's log id and item keys, never her ID number

    clerk, _ = await log_in("clerk.zwfwzx")
    reviewer, _ = await log_in("reviewer.djzc")
    actions = f"/cases/cases/{case['id']}/actions"
    await paper_for_missing(http, case["id"], clerk)  # what no department holds, on paper at the window
    for headers, action in ((clerk, "accept"), (reviewer, "start_review"), (reviewer, "approve")):
        response = await http.post(actions, headers=headers, json={"action": action, "reason": "符合条件"})
        assert response.status_code == 200, response.text

    async def certificate_issued() -> str:
        current = (await http.get(f"/cases/cases/{case['id']}", headers=chen)).json()
        assert current["certificate_id"], current
        return str(current["certificate_id"])

    certificate_id = await eventually(certificate_issued, timeout=60, interval=0.5)
    assert certificate_id.startswith(
        "1.2.156.3005.2.11100000000013338W011.11500110MB1A0001X2."
    )  # 区市场监管局
    history = (await http.get(f"/exchange/certificates/{certificate_id}/history", headers=reviewer)).json()
    assert [(h["to_status"], h["actor"], h["actor_org"]) for h in history] == [
        ("有效", "tongban-cases", "500110-ZWFWZX")
    ]

    mine = await http.get("/exchange/access-log/mine", headers=chen)
    assert mine.status_code == 200, mine.text
    reads = [e for e in mine.json() if e.get("case_ref") == case["number"]]
    assert reads, mine.json()
    assert any(e["resource_code"] == POPULATION and e["outcome"] == "granted" for e in reads)
    assert all(e["purpose"] == "办件材料核验 个体工商户设立登记" for e in reads)
    assert claims["sub"]  # the reads are hers: listed by her identity id (person_id), newest first
