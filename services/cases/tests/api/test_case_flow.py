"""A case through the API: apply, accept, supplement once, review, approve — and who may do what."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from cases.store.case_repositories import CalendarRepository
from cases.store.repositories import OpenMatterRepository
from meshkit.db import Database
from meshkit.testing.tokens import TokenFactory

pytestmark = pytest.mark.api

MATTER = "500110-SCJGJ-SPJY-XK"
DEPT = "500110-SCJGJ"


async def open_matter(database: Database, *, statutory: int = 20, promised: int = 10) -> None:
    async with database.sessions() as session, session.begin():
        await OpenMatterRepository(session).upsert_newer({
            "matter_id": "m-1", "code": MATTER, "version": 3, "name": "食品经营许可", "matter_type": "01",
            "department_code": DEPT, "statutory_days": statutory, "promised_days": promised,
        })  # fmt: skip
        # Deadlines must not depend on the day the suite runs: publish the next years as plain weeks.
        await CalendarRepository(session).seed(frozenset({2027, 2028}), [], source="test")


def citizen(tokens: TokenFactory, sub: str = "person-1") -> dict[str, str]:
    return tokens.headers(sub=sub, kind="person", acr="2")


def staff(tokens: TokenFactory, role: str, org: str = DEPT, region: str = "500110000000") -> dict[str, str]:
    return tokens.headers(sub=f"{role}@{org}", kind="staff", roles=[role], org=org, region=region)


async def apply(client: httpx.AsyncClient, headers: dict[str, str], **extra: Any) -> httpx.Response:
    return await client.post("/cases", json={"matter_code": MATTER, "form": {"店名": "綦河小馆"}, **extra},
                             headers=headers)  # fmt: skip


async def act(client: httpx.AsyncClient, case_id: str, headers: dict[str, str], action: str, **extra: Any
              ) -> httpx.Response:  # fmt: skip
    return await client.post(f"/cases/{case_id}/actions", json={"action": action, **extra}, headers=headers)


async def test_online_application_to_approval(
    client: httpx.AsyncClient, tokens: TokenFactory, database: Database
) -> None:
    await open_matter(database)
    created = await apply(client, citizen(tokens))
    assert created.status_code == 201, created.text
    case = created.json()
    assert case["number"].startswith("500110")
    assert len(case["number"]) == 22
    assert (case["status"], case["national_code"], case["matter_version"]) == ("received", 1, 3)
    assert case["channel"] == "online"

    clerk, reviewer = staff(tokens, "window_clerk"), staff(tokens, "reviewer")
    defects = "缺少经营场所平面图；健康证明复印件不清晰"
    notice = await act(client, case["id"], clerk, "request_supplement", reason=defects)
    assert notice.json()["status"] == "supplement_requested"
    again = await act(client, case["id"], clerk, "refuse", reason="x")
    assert again.status_code == 409  # not from supplement_requested
    assert (await act(client, case["id"], citizen(tokens), "supplement")).json()["status"] == "pre_review"
    second_notice = await act(client, case["id"], clerk, "request_supplement", reason="再补")
    assert second_notice.status_code == 409
    assert second_notice.json()["code"] == "supplement_already_requested"

    accepted = (await act(client, case["id"], clerk, "accept")).json()
    assert (accepted["status"], accepted["national_code"]) == ("accepted", 2)
    assert accepted["due_date"] is not None
    assert (await act(client, case["id"], reviewer, "start_review")).status_code == 200
    approved = (await act(client, case["id"], reviewer, "approve", reason="符合条件")).json()
    assert (approved["status"], approved["national_code"], approved["status_label"]) == (
        "approved",
        3,
        "准予许可",
    )

    detail = (await client.get(f"/cases/{case['id']}", headers=citizen(tokens))).json()
    assert [t["action"] for t in detail["timeline"]] == [
        "submit", "request_supplement", "supplement", "accept", "start_review", "approve"
    ]  # fmt: skip
    assert detail["timeline"][1]["opinion"] == defects
    assert [c["event"] for c in detail["clock"]] == ["pause", "resume", "start", "stop"]
    mine = (await client.get("/me/cases", headers=citizen(tokens))).json()
    assert [c["id"] for c in mine["items"]] == [case["id"]]


async def test_idempotency_key_returns_the_same_case(
    client: httpx.AsyncClient, tokens: TokenFactory, database: Database
) -> None:
    await open_matter(database)
    headers = {**citizen(tokens), "Idempotency-Key": "abc-123"}
    first = await apply(client, headers)
    second = await apply(client, headers)
    assert (first.status_code, second.status_code) == (201, 200)
    assert first.json()["id"] == second.json()["id"]
    other = await apply(client, {**citizen(tokens), "Idempotency-Key": "abc-124"})
    assert other.json()["id"] != first.json()["id"]


async def test_village_clerk_files_for_a_neighbour_and_cannot_approve(
    client: httpx.AsyncClient, tokens: TokenFactory, database: Database
) -> None:
    await open_matter(database)
    village = staff(tokens, "window_clerk", org="500110109201-center", region="500110109201")
    no_consent = await apply(client, village, applicant_id="person-2")
    assert no_consent.status_code == 422
    assert no_consent.json()["code"] == "consent_required"
    filed = (await apply(client, village, applicant_id="person-2", consent_ref="委托书-001")).json()
    assert (filed["channel"], filed["received_by_org"], filed["handling_org"]) == (
        "window_village", "500110109201-center", DEPT
    )  # fmt: skip
    assert filed["number"].startswith("500110")
    for action in ("accept", "approve"):
        refused = await act(client, filed["id"], village, action)
        assert refused.status_code == 403, action
    # the applicant sees the same case wherever it was filed
    mine = (await client.get("/me/cases", headers=citizen(tokens, "person-2"))).json()
    assert [c["id"] for c in mine["items"]] == [filed["id"]]
    queue = (await client.get("/queue", headers=village)).json()
    assert [c["id"] for c in queue["items"]] == [filed["id"]]


async def test_others_cannot_see_or_act(
    client: httpx.AsyncClient, tokens: TokenFactory, database: Database
) -> None:
    await open_matter(database)
    case = (await apply(client, citizen(tokens))).json()
    stranger = citizen(tokens, "person-9")
    assert (await client.get(f"/cases/{case['id']}", headers=stranger)).status_code == 404
    assert (await act(client, case["id"], stranger, "withdraw")).status_code == 404
    other_dept = staff(tokens, "reviewer", org="500110-GAJ")
    assert (await client.get(f"/cases/{case['id']}", headers=other_dept)).status_code == 404
    assert (await client.get(f"/cases/{case['id']}")).status_code == 401
    citizen_queue = await client.get("/queue", headers=citizen(tokens))
    assert citizen_queue.status_code == 403


async def test_refusal_needs_a_reason_and_concludes(
    client: httpx.AsyncClient, tokens: TokenFactory, database: Database
) -> None:
    await open_matter(database)
    case = (await apply(client, citizen(tokens))).json()
    clerk = staff(tokens, "window_clerk")
    missing = await act(client, case["id"], clerk, "refuse")
    assert (missing.status_code, missing.json()["code"]) == (422, "reason_required")
    refused = (await act(client, case["id"], clerk, "refuse", reason="不属于本机关职权范围")).json()
    assert (refused["status"], refused["national_code"]) == ("refused", 3)


async def test_extension_once_within_the_legal_maximum(
    client: httpx.AsyncClient, tokens: TokenFactory, database: Database
) -> None:
    await open_matter(database, statutory=5, promised=3)  # stays inside the published calendar
    case = (await apply(client, citizen(tokens))).json()
    await act(client, case["id"], staff(tokens, "window_clerk"), "accept")
    await act(client, case["id"], staff(tokens, "reviewer"), "start_review")
    head = staff(tokens, "department_head")
    assert (await act(client, case["id"], staff(tokens, "reviewer"), "extend", reason="复杂", extension_days=5)
            ).status_code == 403  # fmt: skip
    too_long = await act(client, case["id"], head, "extend", reason="需现场核查", extension_days=11)
    assert too_long.json()["code"] == "extension_not_allowed"
    before = (await client.get(f"/cases/{case['id']}", headers=head)).json()["due_date"]
    response = await act(client, case["id"], head, "extend", reason="需现场核查", extension_days=10)
    assert response.status_code == 200, response.text
    extended = response.json()
    assert extended["extension_days"] == 10
    assert extended["due_date"] > before
    twice = await act(client, case["id"], head, "extend", reason="再延", extension_days=1)
    assert twice.json()["code"] == "extension_not_allowed"


async def test_unknown_matter_and_bad_input(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    unknown = await client.post("/cases", json={"matter_code": "NOPE"}, headers=citizen(tokens))
    assert (unknown.status_code, unknown.json()["code"]) == (404, "matter_not_open")
    bad = await client.post("/cases", json={"matter_code": "", "x": 1}, headers=citizen(tokens))
    assert (bad.status_code, bad.headers["content-type"]) == (422, "application/problem+json")
    bad_action = await act(client, "nope", citizen(tokens), "fly")
    assert bad_action.status_code == 422
