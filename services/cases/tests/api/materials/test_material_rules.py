"""The material rules of case handling (issue 19, outside try): 受理 and 准予许可 only with the materials the
matter version requires (容缺 materials may follow acceptance, not the grant), and the hall that accepts a case
takes its paper."""

from __future__ import annotations

from typing import Any

import pytest

from cases.store.repositories import OpenMatterRepository
from meshkit.db import Database
from meshkit.testing import filing

from ..conftest import BUNDLE, DEPT, Flow

pytestmark = pytest.mark.api

JOBS = "500110-RSJ-JYDJ-CL"  # a town-level matter with materials (就业登记)
MATERIALS = [
    {"name": "书面申请书", "requirement": "required", "source": "applicant"},
    {"name": "经营场所使用证明", "requirement": "required", "source": "applicant"},
    {"name": "从业人员健康证明", "requirement": "deferrable", "source": "applicant"},
    {"name": "其他说明材料", "requirement": "optional", "source": "applicant"},
]
VILLAGE = ("500110001001-center", "500110001001")
TOWN = ("500110001000-center", "500110001000")
OTHER_TOWN = ("500110002000-center", "500110002000")


async def _open(database: Database, code: str, levels: list[str]) -> None:
    async with database.sessions() as session, session.begin():
        await OpenMatterRepository(session).upsert_newer(
            {
                "matter_id": f"m-{code}",
                "code": code,
                "version": 4,
                "name": "就业登记" if code == JOBS else "食品经营许可",
                "matter_type": "07",
                "department_code": DEPT,
                "statutory_days": 20,
                "promised_days": 10,
                "levels": levels,
                "materials": MATERIALS,
            }
        )


async def _file(flow: Flow, database: Database, **extra: Any) -> dict[str, Any]:
    await flow.open_matter()  # the calendar years
    await _open(database, extra.pop("matter_code", "500110-SCJGJ-SPJY-XK"), extra.pop("levels", ["district"]))
    response = await flow.apply(flow.citizen(), **extra)
    assert response.status_code == 201, response.text
    return dict(response.json())


async def _paper(flow: Flow, case_id: str, code: str, headers: dict[str, str]) -> int:
    url = f"/cases/{case_id}/materials/{code}/paper"
    return (await flow.client.post(url, json={"note": "原件核验"}, headers=headers)).status_code


async def test_outside_try_1_accept_and_approve_refuse_missing_required_materials(
    flow: Flow, database: Database
) -> None:
    """issue 19 outside try: 1 — a case was accepted (受理) and approved (准予许可) while required materials were
    neither uploaded, nor recorded as paper, nor resolved from the exchange. 受理 is refused 409 problem+json
    naming each missing material in Chinese, until they are in; 准予许可 is refused the same way while a 容缺
    material is still missing."""
    case = await _file(flow, database)
    clerk, reviewer, center = (
        flow.staff("window_clerk"),
        flow.staff("reviewer"),
        flow.staff("window_clerk", org="500110-ZWFWZX"),
    )
    refused = await flow.act(case["id"], clerk, "accept")
    assert refused.status_code == 409, refused.text
    assert refused.headers["content-type"] == "application/problem+json"
    problem = refused.json()
    assert problem["code"] == "materials_missing"
    assert problem["missing_materials"] == [
        "书面申请书",
        "经营场所使用证明",
    ]  # not the 容缺 nor the optional one
    assert "「书面申请书」" in problem["detail"]
    assert "「经营场所使用证明」" in problem["detail"]
    assert "从业人员健康证明" not in problem["detail"]
    detail = (await flow.client.get(f"/cases/{case['id']}", headers=clerk)).json()
    assert detail["status"] == "received"  # nothing moved

    assert await _paper(flow, case["id"], "M01", center) == 200
    still = await flow.act(case["id"], clerk, "accept")
    assert (still.status_code, still.json()["missing_materials"]) == (409, ["经营场所使用证明"])
    upload = await flow.client.post(
        f"/cases/{case['id']}/materials/M02/upload",
        content=b"%PDF-1.7\n%%EOF\n",
        headers={**flow.citizen(), "Content-Type": "application/pdf", "X-Filename": "a.pdf"},
    )
    assert upload.status_code == 201, upload.text

    # 容缺受理: the deferrable material may follow acceptance …
    accepted = await flow.act(case["id"], clerk, "accept")
    assert accepted.status_code == 200, accepted.text
    assert (await flow.act(case["id"], reviewer, "start_review")).status_code == 200
    # … but not the grant (容缺后补).
    early = await flow.act(case["id"], reviewer, "approve", reason="符合条件")
    assert early.status_code == 409, early.text
    assert early.json()["missing_materials"] == ["从业人员健康证明"]
    assert "准予许可" in early.json()["detail"]
    assert await _paper(flow, case["id"], "M03", center) == 200
    approved = await flow.act(case["id"], reviewer, "approve", reason="符合条件")
    assert approved.status_code == 200, approved.text  # the optional material never stops it


async def test_outside_try_1_supplement_path_still_works_with_materials_missing(
    flow: Flow, database: Database
) -> None:
    """issue 19 outside try: 1 — the refusal to accept must keep 补正 open: with materials missing the window
    sends the one-time notice (一次性告知补正), the applicant supplements them, and the case is accepted; in review
    a 容缺 material can be asked for (审查中补正) and the grant follows once it is in."""
    case = await _file(flow, database)
    clerk, reviewer = flow.staff("window_clerk"), flow.staff("reviewer")
    asked = await flow.act(case["id"], clerk, "request_supplement", reason="缺少书面申请书和经营场所使用证明")
    assert asked.status_code == 200, asked.text
    supplied = await flow.act(case["id"], flow.citizen(), "supplement")
    assert (supplied.status_code, supplied.json()["status"]) == (200, "pre_review")
    assert (await flow.act(case["id"], clerk, "accept")).status_code == 409  # supplemented in words only
    for code in ("M01", "M02"):
        assert await _paper(flow, case["id"], code, clerk) == 200
    assert (await flow.act(case["id"], clerk, "accept")).status_code == 200

    deferred = (await flow.apply(flow.citizen())).json()  # 容缺受理, then 审查中补正 for the 容缺 material
    for code in ("M01", "M02"):
        assert await _paper(flow, deferred["id"], code, clerk) == 200
    assert (await flow.act(deferred["id"], clerk, "accept")).status_code == 200
    assert (await flow.act(deferred["id"], reviewer, "start_review")).status_code == 200
    review = await flow.act(deferred["id"], reviewer, "request_review_supplement", reason="请补交健康证明")
    assert review.status_code == 200, review.text
    assert await _paper(flow, deferred["id"], "M03", clerk) == 200
    assert (await flow.act(deferred["id"], flow.citizen(), "supplement")).json()["status"] == "in_review"
    assert (await flow.act(deferred["id"], reviewer, "approve", reason="符合条件")).status_code == 200


async def test_outside_try_2_the_accepting_town_hall_records_paper_another_hall_may_not(
    flow: Flow, database: Database
) -> None:
    """issue 19 outside try: 2 — the town center that accepts a case (its ``accepting_org``, by the matter's levels)
    could not record a paper material on it: only the handling department and the filing hall could. The
    accepting hall and the filing hall may; another town's hall may not."""
    village = flow.staff("window_clerk", org=VILLAGE[0], region=VILLAGE[1])
    await flow.open_matter()
    await _open(database, JOBS, ["district", "town"])
    filed = await flow.apply(village, applicant_id="person-2", consent_ref="委托书-021", matter_code=JOBS)
    assert filed.status_code == 201, filed.text
    case = filed.json()
    assert case["accepting_org"] == TOWN[0]
    town = flow.staff("window_clerk", org=TOWN[0], region=TOWN[1])
    other = flow.staff("window_clerk", org=OTHER_TOWN[0], region=OTHER_TOWN[1])
    town_reviewer = flow.staff("reviewer", org=TOWN[0], region=TOWN[1])

    assert await _paper(flow, case["id"], "M01", town) == 200  # the accepting hall
    assert await _paper(flow, case["id"], "M02", village) == 200  # the filing hall
    assert await _paper(flow, case["id"], "M03", other) == 404  # another hall does not even see it
    assert await _paper(flow, case["id"], "M03", town_reviewer) == 403  # paper is a window's
    listed = (await flow.client.get(f"/cases/{case['id']}/materials", headers=town)).json()
    assert [(m["material_code"], m["method"], m["reference"]) for m in listed["materials"][:3]] == [
        ("M01", "paper", TOWN[0]),
        ("M02", "paper", VILLAGE[0]),
        ("M03", None, None),
    ]
    assert (await flow.act(case["id"], town, "accept")).status_code == 200  # 容缺受理 at the town


async def test_outside_try_1_a_bundle_is_accepted_only_with_its_materials(flow: Flow) -> None:
    """issue 19 outside try: 1 — a 一件事 too: its materials live on the parent, every member's 受理 checks them;
    the one another member produces (营业执照) is never asked of the applicant."""
    await flow.open_bundle()
    response = await flow.client.post("/cases", json={"bundle_code": BUNDLE}, headers=filing(flow.citizen()))
    assert response.status_code == 201, response.text
    parent = response.json()
    center = flow.staff("window_clerk", org="500110-ZWFWZX")
    refused = await flow.act(parent["id"], center, "accept")
    assert (refused.status_code, refused.json()["code"]) == (409, "materials_missing")
    assert refused.json()["missing_materials"] == ["申请人身份证明", "经营场所平面布局图"]
    assert parent["number"] in refused.json()["detail"]
    detail = (await flow.client.get(f"/cases/{parent['id']}", headers=center)).json()
    assert {m["status"] for m in detail["members"]} == {"received"}  # no member moved alone
    assert await flow.supply_paper(parent["id"]) == ["M01", "M03"]
    assert (await flow.act(parent["id"], center, "accept")).status_code == 200
