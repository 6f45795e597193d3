"""The directory: members, resources, item schemas, registration rules, and what a caller may read."""

import httpx
import pytest

from meshkit.db import Database

pytestmark = pytest.mark.api

# a department system with every scope its job may need (the matrix test checks each one alone)
DEPARTMENT_SYSTEM = (
    "exchange:read exchange:records:write exchange:resources:write exchange:sharing exchange:subscribe"
)

POPULATION = "500110-GAJ-RK-001"
WRITE = "exchange:resources:write"  # a department system's scope for its own resources


async def test_directory_lists_base_resources(client: httpx.AsyncClient, demo: Database) -> None:
    resources = (await client.get("/resources")).json()
    names = {r["name"] for r in resources}
    assert {"人口基础信息", "法人基础信息", "电子证照", "最低生活保障对象信息", "违法犯罪记录信息"} <= names
    assert all(r["access"] is None for r in resources)  # anonymous: no "what may I read"
    population = (await client.get("/resources", params={"provider": "500110-GAJ"})).json()
    assert {r["sharing_type"] for r in population} == {"unconditional", "not_shared"}
    one = (await client.get(f"/resources/{POPULATION}")).json()
    assert one["items"][0] == {"key": "name", "name": "姓名", "type": "string"}
    members = (await client.get("/members")).json()
    assert {
        "code": "500110-GAJ",
        "name": "区公安局",
        "credit_code": "1150011000870001XG",
        "active": True,
    } in members


async def test_directory_says_what_the_caller_may_read(
    client: httpx.AsyncClient, demo: Database, headers
) -> None:  # type: ignore[no-untyped-def]
    found = (
        await client.get("/resources", headers=headers.system("500110-SCJGJ", scope=DEPARTMENT_SYSTEM))
    ).json()
    access = {r["code"]: r["access"] for r in found}
    assert access[POPULATION]["readable"] is True
    assert access["500110-MZJ-DB-001"] == {
        "readable": False,
        "items": [],
        "reason": "not_granted",
        "detail": "有条件共享资源须先申请并获得授权 (no granted share request)",
    }
    assert access["500110-GAJ-WF-001"]["reason"] == "not_shared"
    assert "刑事诉讼法" in access["500110-GAJ-WF-001"]["detail"]  # the legal basis is shown
    assert access["500110-SCJGJ-FR-001"]["items"][0] == "credit_code"  # its own resource


async def test_item_schema(client: httpx.AsyncClient, demo: Database) -> None:
    schema = (await client.get(f"/resources/{POPULATION}/schema")).json()
    assert schema["properties"]["birth_date"] == {"type": "string", "title": "出生日期", "format": "date"}
    assert schema["additionalProperties"] is False


async def test_unknown_resource_is_problem_json(client: httpx.AsyncClient) -> None:
    response = await client.get("/resources/none")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["code"] == "resource_not_found"


def _resource(**overrides: object) -> dict[str, object]:
    body: dict[str, object] = {
        "name": "社保参保信息",
        "provider_code": "500110-RSJ",
        "summary": "参保登记与缴费状态",
        "items": [
            {"key": "name", "name": "姓名", "type": "string"},
            {"key": "insured", "name": "参保状态", "type": "string"},
        ],
        "sharing_type": "conditional",
        "sharing_condition": "用于待遇审核",
        "sharing_method": "table",
        "update_cycle": "每日",
        "published_on": "2026-01-01",
    }
    body.update(overrides)
    return body


async def test_provider_registers_its_own_resource(
    client: httpx.AsyncClient, demo: Database, headers
) -> None:  # type: ignore[no-untyped-def]
    ok = await client.put(
        "/resources/500110-RSJ-CB-001", json=_resource(), headers=headers.system("500110-RSJ", scope=WRITE)
    )
    assert ok.status_code == 200, ok.text
    other = await client.put(
        "/resources/500110-RSJ-CB-002", json=_resource(), headers=headers.system("500110-GAJ", scope=WRITE)
    )
    assert other.status_code == 403
    unscoped = await client.put(
        "/resources/500110-RSJ-CB-003", json=_resource(), headers=headers.system("500110-RSJ")
    )
    assert unscoped.status_code == 403


async def test_registration_rules_list_every_violation(
    client: httpx.AsyncClient, demo: Database, headers
) -> None:  # type: ignore[no-untyped-def]
    bad = _resource(
        sharing_type="not_shared",
        sharing_method="api",
        items=[{"key": "Name", "name": "姓名", "type": "text"}],
    )
    response = await client.put(
        "/resources/500110-RSJ-CB-009", json=bad, headers=headers.system("500110-RSJ", scope=WRITE)
    )
    assert response.status_code == 422
    fields = {e["field"] for e in response.json()["errors"]}
    assert fields == {"body.items.0.key", "body.items.0.type", "body.legal_basis", "body.endpoint_url"}


async def test_only_operators_register_members(client: httpx.AsyncClient, headers) -> None:  # type: ignore[no-untyped-def]
    body = {"name": "区教委"}
    assert (
        await client.put(
            "/members/500110-JW", json=body, headers=headers.system("500110-JW", scope=DEPARTMENT_SYSTEM)
        )
    ).status_code == 403
    assert (await client.put("/members/500110-JW", json=body, headers=headers.operator())).status_code == 200
