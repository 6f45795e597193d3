"""Reads of shared records: each sharing type, item filtering, purpose, grants, and the log of every decision."""

import httpx
import pytest

from meshkit.db import Database

pytestmark = pytest.mark.api

# a department system with every scope its job may need (the matrix test checks each one alone)
DEPARTMENT_SYSTEM = (
    "exchange:read exchange:records:write exchange:resources:write exchange:sharing exchange:subscribe"
)

COMPANY = "92500110MA5U3G7K2T"
NEIGHBOUR = "510223195806120035"
LEGAL = "500110-SCJGJ-FR-001"
RELIEF = "500110-MZJ-DB-001"


def body(identifier: str, **overrides: object) -> dict[str, object]:
    return {
        "identifier": identifier,
        "purpose": "开办餐饮店一件事 受理审查",
        "case_ref": "50011020261125000001",
        **overrides,
    }


async def test_unconditional_read_returns_the_record(
    client: httpx.AsyncClient, demo: Database, headers
) -> None:  # type: ignore[no-untyped-def]
    response = await client.post(
        f"/resources/{LEGAL}/read",
        json=body(COMPANY),
        headers=headers.system("500110-RSJ", scope=DEPARTMENT_SYSTEM),
    )
    assert response.status_code == 200, response.text
    read = response.json()
    assert read["data"]["name"] == "綦江区古南街道晓梅小吃店"
    assert read["withheld"] == []
    assert read["method"] == "table"


async def test_reads_return_only_requested_items(client: httpx.AsyncClient, demo: Database, headers) -> None:  # type: ignore[no-untyped-def]
    response = await client.post(
        f"/resources/{LEGAL}/read",
        json=body(COMPANY, items=["name", "address"]),
        headers=headers.system("500110-RSJ", scope=DEPARTMENT_SYSTEM),
    )
    assert response.json()["data"] == {
        "name": "綦江区古南街道晓梅小吃店",
        "address": "重庆市綦江区古南街道沿河路12号",
    }


@pytest.mark.parametrize("purpose", [{"purpose": None}, {"purpose": "  "}])
async def test_no_purpose_no_data(client: httpx.AsyncClient, demo: Database, headers, purpose) -> None:  # type: ignore[no-untyped-def]
    response = await client.post(
        f"/resources/{LEGAL}/read",
        json=body(COMPANY, **purpose),
        headers=headers.system("500110-RSJ", scope=DEPARTMENT_SYSTEM),
    )
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["code"] == "purpose_required"
    assert "data" not in problem
    assert problem["access_log_id"]  # the refusal itself is logged


@pytest.mark.parametrize(
    "basis", [{"case_ref": None}, {"case_ref": None, "legal_basis": ""}, {"case_ref": "  "}]
)
async def test_no_basis_no_data(client: httpx.AsyncClient, demo: Database, headers, basis) -> None:  # type: ignore[no-untyped-def]
    response = await client.post(
        f"/resources/{LEGAL}/read",
        json=body(COMPANY, **basis),
        headers=headers.system("500110-RSJ", scope=DEPARTMENT_SYSTEM),
    )
    assert (response.status_code, response.json()["code"]) == (403, "basis_required")
    assert response.json()["access_log_id"]


async def test_a_registered_duty_instead_of_a_case(
    client: httpx.AsyncClient, demo: Database, headers, duty
) -> None:  # type: ignore[no-untyped-def]
    await duty("500110-SWJ-ZG-001", "500110-SWJ", statute="《税收征收管理法》第五十七条")
    response = await client.post(
        f"/resources/{LEGAL}/read",
        headers=headers.system("500110-SWJ", scope=DEPARTMENT_SYSTEM),
        json=body(COMPANY, case_ref=None, legal_basis="500110-SWJ-ZG-001"),
    )
    assert response.status_code == 200, response.text
    # the statute as free text, another member's duty, a duty not covering the resource: nothing
    await duty("500110-GAJ-XZ-001", "500110-GAJ")
    await duty("500110-SWJ-QT-001", "500110-SWJ", resources=("500110-MZJ-DB-001",))
    refused = [
        await client.post(
            f"/resources/{LEGAL}/read",
            headers=headers.system("500110-SWJ", scope=DEPARTMENT_SYSTEM),
            json=body(COMPANY, case_ref=None, legal_basis=basis),
        )
        for basis in ("《税收征收管理法》第五十七条", "500110-GAJ-XZ-001", "500110-SWJ-QT-001")
    ]
    assert [(r.status_code, r.json()["code"]) for r in refused] == [
        (403, "legal_basis_unknown"),
        (403, "legal_basis_unknown"),
        (403, "duty_does_not_cover_resource"),
    ]


async def test_not_shared_is_refused_with_its_legal_basis(
    client: httpx.AsyncClient, demo: Database, headers
) -> None:  # type: ignore[no-untyped-def]
    response = await client.post(
        "/resources/500110-GAJ-WF-001/read",
        json=body(NEIGHBOUR),
        headers=headers.system("500110-SCJGJ", scope=DEPARTMENT_SYSTEM),
    )
    assert response.status_code == 403
    assert response.json()["code"] == "not_shared"
    assert "刑事诉讼法" in response.json()["detail"]


async def test_citizens_cannot_read_shared_records(
    client: httpx.AsyncClient, demo: Database, headers
) -> None:  # type: ignore[no-untyped-def]
    response = await client.post(
        f"/resources/{LEGAL}/read", json=body(COMPANY), headers=headers.person("p-1")
    )
    assert response.status_code == 403
    assert response.json()["code"] == "not_government_user"


async def test_invalid_identifier_says_which_check(
    client: httpx.AsyncClient, demo: Database, headers
) -> None:  # type: ignore[no-untyped-def]
    response = await client.post(
        f"/resources/{RELIEF}/read",
        json=body("510223194809070017"),
        headers=headers.system("500110-MZJ", scope=DEPARTMENT_SYSTEM),
    )
    assert response.status_code == 422
    assert response.json()["code"] == "invalid_id_number"
    assert "510223194809070017" not in response.text  # the value is never echoed


async def test_unknown_subject_is_logged_not_found(
    client: httpx.AsyncClient, demo: Database, headers
) -> None:  # type: ignore[no-untyped-def]
    response = await client.post(
        f"/resources/{LEGAL}/read",
        json=body("91500110MA60XJ8Q1X"),
        headers=headers.system("500110-RSJ", scope=DEPARTMENT_SYSTEM),
    )
    assert response.status_code == 200
    missing = await client.post(
        f"/resources/{LEGAL}/read",
        json=body("91350100M000100Y43"),
        headers=headers.system("500110-RSJ", scope=DEPARTMENT_SYSTEM),
    )
    assert missing.status_code == 404
    assert missing.json()["code"] == "record_not_found"


async def _request(client: httpx.AsyncClient, headers, **overrides: object) -> httpx.Response:  # type: ignore[no-untyped-def]
    payload = {
        "resource_code": RELIEF,
        "purpose": "临时救助审核",
        "legal_basis": "《社会救助暂行办法》第四十七条",
        "items": ["name", "category"],
        "valid_from": "2026-06-15",
        "valid_to": "2027-06-30",
        **overrides,
    }
    return await client.post(
        "/share-requests", json=payload, headers=headers.system("500110-RSJ", scope=DEPARTMENT_SYSTEM)
    )


async def test_conditional_lifecycle_request_grant_read(
    client: httpx.AsyncClient, demo: Database, headers
) -> None:  # type: ignore[no-untyped-def]
    refused = await client.post(
        f"/resources/{RELIEF}/read",
        json=body(NEIGHBOUR),
        headers=headers.system("500110-RSJ", scope=DEPARTMENT_SYSTEM),
    )
    assert refused.json()["code"] == "not_granted"
    created = await _request(client, headers)
    assert created.status_code == 201, created.text
    request = created.json()
    assert request["status"] == "pending"
    provider = headers.system("500110-MZJ", scope=DEPARTMENT_SYSTEM)
    granted = await client.post(f"/share-requests/{request['id']}/grant", json={}, headers=provider)
    assert granted.json()["status"] == "granted"
    read = await client.post(
        f"/resources/{RELIEF}/read",
        json=body(NEIGHBOUR),
        headers=headers.system("500110-RSJ", scope=DEPARTMENT_SYSTEM),
    )
    assert read.status_code == 200
    assert read.json()["data"] == {"name": "周德明", "category": "农村特困供养"}  # only the granted items
    asked = await client.post(
        f"/resources/{RELIEF}/read",
        json=body(NEIGHBOUR, items=["name", "monthly_amount"]),
        headers=headers.system("500110-RSJ", scope=DEPARTMENT_SYSTEM),
    )
    assert asked.json()["data"] == {"name": "周德明"}
    assert asked.json()["withheld"] == ["monthly_amount"]
    again = await client.post(f"/share-requests/{request['id']}/grant", json={}, headers=provider)
    assert again.status_code == 409


async def test_refusal_needs_a_reason_and_only_the_provider_answers(
    client: httpx.AsyncClient, demo: Database, headers
) -> None:  # type: ignore[no-untyped-def]
    request = (await _request(client, headers)).json()
    url = f"/share-requests/{request['id']}/refuse"
    assert (
        await client.post(
            url, json={"reason": "不行"}, headers=headers.system("500110-GAJ", scope=DEPARTMENT_SYSTEM)
        )
    ).status_code == 403
    short = await client.post(
        url, json={"reason": "否"}, headers=headers.system("500110-MZJ", scope=DEPARTMENT_SYSTEM)
    )
    assert short.json()["code"] == "reason_required"
    refused = await client.post(
        url,
        json={"reason": "申请用途超出共享条件所列范围"},
        headers=headers.system("500110-MZJ", scope=DEPARTMENT_SYSTEM),
    )
    assert refused.json()["status"] == "refused"
    assert refused.json()["answer"] == "申请用途超出共享条件所列范围"
    read = await client.post(
        f"/resources/{RELIEF}/read",
        json=body(NEIGHBOUR),
        headers=headers.system("500110-RSJ", scope=DEPARTMENT_SYSTEM),
    )
    assert read.json()["code"] == "not_granted"


async def test_expired_grant(client: httpx.AsyncClient, demo: Database, headers) -> None:  # type: ignore[no-untyped-def]
    request = (await _request(client, headers)).json()
    await client.post(
        f"/share-requests/{request['id']}/grant",
        json={},
        headers=headers.system("500110-MZJ", scope=DEPARTMENT_SYSTEM),
    )
    from sqlalchemy import text

    async with demo.sessions() as session:  # time passes: the validity ended yesterday
        await session.execute(
            text("UPDATE share_requests SET valid_from = '2025-01-01', valid_to = '2026-06-14'")
        )
        await session.commit()
    read = await client.post(
        f"/resources/{RELIEF}/read",
        json=body(NEIGHBOUR),
        headers=headers.system("500110-RSJ", scope=DEPARTMENT_SYSTEM),
    )
    assert read.status_code == 403
    assert read.json()["code"] == "grant_expired"
    listed = (
        await client.get("/share-requests", headers=headers.system("500110-RSJ", scope=DEPARTMENT_SYSTEM))
    ).json()
    assert listed[0]["status"] == "expired"


async def test_due_date_in_working_days_and_overdue_list(
    client: httpx.AsyncClient, demo: Database, headers
) -> None:  # type: ignore[no-untyped-def]
    request = (await _request(client, headers)).json()
    from datetime import date

    from exchange.domain.calendar import WorkingCalendar, official_days
    from exchange.domain.grants import answer_due

    official = WorkingCalendar.from_days(*official_days())
    assert request["due_on"] == answer_due(official, date.fromisoformat(request["requested_on"])).isoformat()
    from sqlalchemy import text

    async with demo.sessions() as session:
        await session.execute(text("UPDATE share_requests SET due_on = '2026-06-14'"))
        await session.commit()
    overdue = (
        await client.get(
            "/share-requests",
            params={"role": "provider", "overdue": "true"},
            headers=headers.system("500110-MZJ", scope=DEPARTMENT_SYSTEM),
        )
    ).json()
    assert [r["id"] for r in overdue] == [request["id"]]
    assert overdue[0]["overdue"] is True


async def test_an_unconditional_resource_may_be_granted_as_a_basis_and_not_shared_may_not(
    client: httpx.AsyncClient, demo: Database, headers
) -> None:  # type: ignore[no-untyped-def]
    # a department reading unconditional data without a case asks once: the grant is its checked basis
    assert (await _request(client, headers, resource_code=LEGAL, items=["name"])).status_code == 201
    assert (await _request(client, headers, resource_code="500110-GAJ-WF-001", items=["name"])).json()[
        "code"
    ] == "not_shared"


async def test_issue_18_failure_7_an_id_number_born_in_the_future_is_refused(
    client: httpx.AsyncClient, demo: Database, headers
) -> None:  # type: ignore[no-untyped-def]
    from stdnum.cn import ric

    base = "50011020991231012"
    future = base + ric.calc_check_digit(base + "0")
    assert ric.is_valid(future)  # stdnum alone accepts it
    response = await client.post(
        f"/resources/{RELIEF}/read",
        json=body(future),
        headers=headers.system("500110-MZJ", scope=DEPARTMENT_SYSTEM),
    )
    assert response.status_code == 422, response.text
    problem = response.json()
    assert problem["code"] == "invalid_id_number"
    assert "出生日期晚于今天" in problem["detail"]
    assert problem["errors"][0]["check"] == "component"
    assert future not in response.text
