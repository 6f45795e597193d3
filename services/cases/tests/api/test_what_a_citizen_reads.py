"""What a citizen reads on her own case (issue 19, remaining failures 1 and 2): the parties by name — her own in
full, the subject's (her newborn, the enterprise she represents) — while staff keep the masked form and a stranger
sees nothing; and a pending date never stands null without a reason, nor sorts last in a queue for being null."""

from __future__ import annotations

from datetime import date
from typing import Any
from typing import Any as Flow  # the `flow` fixture of conftest.py (test modules cannot import it)

import pytest

from ..conftest import NEWBORN_A

pytestmark = pytest.mark.api

PENDING_2029 = "2029年节假日安排尚未公布，期限将在公布后计算"  # the suite publishes up to 2028 (conftest)


async def _filed(flow: Flow, **extra: Any) -> dict[str, Any]:
    response = await flow.apply(flow.citizen(), **extra)
    assert response.status_code == 201, response.text
    return dict(response.json())


async def _get(flow: Flow, case_id: str, headers: dict[str, str]) -> Any:
    return await flow.client.get(f"/cases/{case_id}", headers=headers)


async def test_issue19_failure1_the_applicant_reads_her_own_and_her_subjects_names(flow: Flow) -> None:
    """issue 19 (remaining, failure 1): GET /cases/{id} and 我的办件 showed the applicant and the subject by code
    only. The applicant herself now reads her own name and the subject's (陈小宝（新生儿）, the enterprise's
    registered name), from identity with her own token; staff keep the masked name; a stranger gets 404."""
    await flow.open_matter()
    for_child = await _filed(flow, subject_kind="newborn", subject_id=NEWBORN_A)
    for_company = await _filed(flow, subject_kind="enterprise", subject_id="enterprise-1")
    for_herself = await _filed(flow)

    mine = await _get(flow, str(for_child["id"]), flow.citizen())
    assert mine.status_code == 200, mine.text
    assert (mine.json()["applicant_name"], mine.json()["subject_name"]) == ("陈晓梅", "陈小宝（新生儿）")
    company = (await _get(flow, str(for_company["id"]), flow.citizen())).json()
    assert (company["applicant_name"], company["subject_name"]) == ("陈晓梅", "重庆綦河餐饮有限公司")
    listed = (await flow.client.get("/me/cases", headers=flow.citizen())).json()["items"]
    assert {c["id"]: c["subject_name"] for c in listed} == {
        for_child["id"]: "陈小宝（新生儿）",
        for_company["id"]: "重庆綦河餐饮有限公司",
        for_herself["id"]: "陈晓梅",
    }
    assert {c["applicant_name"] for c in listed} == {"陈晓梅"}
    assert all(c["applicant_name_masked"] is None for c in listed)

    staff = (await _get(flow, str(for_child["id"]), flow.staff("window_clerk"))).json()
    assert staff["applicant_name_masked"] == "陈*梅"
    assert (staff["applicant_name"], staff["subject_name"]) == (None, None)  # lists keep the masked form

    stranger = await _get(flow, str(for_child["id"]), flow.citizen("person-2"))
    assert stranger.status_code == 404, stranger.text
    theirs = (await flow.client.get("/me/cases", headers=flow.citizen("person-2"))).json()
    assert theirs["items"] == []


async def test_issue19_failure1_names_are_identitys_never_the_callers(flow: Flow) -> None:
    """issue 19 (remaining, failure 1): a name is never taken from what the caller sends — a filing that carries
    names (in the form, or as unknown fields) is refused or ignored, and the case reads identity's names."""
    await flow.open_matter()
    case = await _filed(flow, form={"申请人姓名": "张三", "办理对象": "李四"})
    shown = (await _get(flow, str(case["id"]), flow.citizen())).json()
    assert (shown["applicant_name"], shown["subject_name"]) == ("陈晓梅", "陈晓梅")
    forged = await flow.apply(flow.citizen(), applicant_name="张三")
    assert forged.status_code == 422, forged.text


async def test_issue19_failure2_a_pending_date_says_why_it_is_null(flow: Flow) -> None:
    """issue 19 (remaining, failure 2): a promised or statutory date in a year whose holiday notice is not entered
    showed as null with no reason. Beside each null now stands why, in Chinese — on the submission answer, the
    case, the applicant's list and the queue — and a date that is computed carries no reason."""
    await flow.open_matter(statutory=600, promised=10)  # the statutory date reaches 2029: not published
    filed = await _filed(flow)
    assert filed["expected_due_date"] is not None
    assert filed["expected_due_date_pending_reason"] is None
    accepted = await flow.act(str(filed["id"]), flow.staff("window_clerk"), "accept")
    assert accepted.status_code == 200, accepted.text
    for shown in (
        accepted.json(),
        (await _get(flow, str(filed["id"]), flow.citizen())).json(),
        (await flow.client.get("/me/cases", headers=flow.citizen())).json()["items"][0],
        (await flow.client.get("/queue", headers=flow.staff("window_clerk"))).json()["items"][0],
    ):
        assert shown["due_date"] is not None
        assert shown["due_date_pending_reason"] is None
        assert shown["statutory_due_date"] is None
        assert shown["statutory_due_date_pending_reason"] == PENDING_2029

    await flow.open_matter(statutory=1000, promised=900, code="500110-SCJGJ-FAR")
    far = await _filed(flow, matter_code="500110-SCJGJ-FAR")
    assert (far["expected_due_date"], far["expected_due_date_pending_reason"]) == (None, PENDING_2029)
    assert far["due_date_pending_reason"] == PENDING_2029  # not accepted: its promise is pending too


async def test_issue19_failure2_pending_cases_sort_by_their_estimate_not_last_for_a_null(flow: Flow) -> None:
    """issue 19 (remaining, failure 2): accepted cases whose promised date is pending sorted last in the queue,
    among themselves in no order (a null). They now sort after every computed date (a pending date lies in the
    unpublished year) and among themselves by their estimate: the shorter limit first."""
    limits = [900, 600, 800, 650, 700]  # filed in this order: the queue must not follow it
    ids: dict[int, str] = {}
    for days in [10, *limits]:
        code = f"500110-SCJGJ-D{days}"
        await flow.open_matter(statutory=days + 100, promised=days, code=code)
        case = await _filed(flow, matter_code=code)
        accepted = await flow.act(str(case["id"]), flow.staff("window_clerk"), "accept")
        assert accepted.status_code == 200, accepted.text
        ids[days] = str(case["id"])
    queue = (await flow.client.get("/queue", headers=flow.staff("window_clerk"))).json()["items"]
    assert [c["id"] for c in queue] == [ids[d] for d in [10, *sorted(limits)]]
    assert date.fromisoformat(queue[0]["due_date"]).year <= 2028
    assert all(c["due_date"] is None and c["due_date_pending_reason"] for c in queue[1:])
