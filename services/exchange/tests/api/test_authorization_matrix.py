"""The exchange's authorization matrix (``exchange.domain.access.PERMISSIONS``, docs/exchange.md): every operation
tried by a system with its scope, a system without it, a staff member with a permitted role, one without, and —
where the operation is bound to an organization — the right scope or role in another organization."""

from typing import Any

import httpx
import pytest

from exchange.domain.access import PERMISSIONS, Operation
from meshkit.db import Database

pytestmark = pytest.mark.api

LEGAL = "500110-SCJGJ-FR-001"  # 区市场监管局's unconditional hosted resource
RELIEF = "500110-MZJ-DB-001"  # 区民政局's conditional resource
COMPANY = "92500110MA5U3G7K2T"
RESIDENT = "500222199803070028"
OPERATORS = "500110-ZFBGS"

# operation -> (the organization it acts for, or None for the hub's own; a role that may not)
CELLS: dict[Operation, tuple[str, str]] = {
    Operation.READ: ("500110-RSJ", "supervisor"),
    Operation.PUSH_RECORDS: ("500110-SCJGJ", "reviewer"),
    Operation.DEFINE_RESOURCES: ("500110-SCJGJ", "reviewer"),
    Operation.REQUEST_SHARING: ("500110-RSJ", "window_clerk"),
    Operation.ANSWER_SHARING: ("500110-MZJ", "reviewer"),
    Operation.SUBSCRIBE: ("500110-RSJ", "reviewer"),
    Operation.ISSUE_CERTIFICATES: ("500110-SCJGJ", "window_clerk"),
    Operation.ADMINISTER: (OPERATORS, "admin"),
    Operation.AUDIT: (OPERATORS, "supervisor"),
}
ORG_BOUND = {
    Operation.PUSH_RECORDS,
    Operation.DEFINE_RESOURCES,
    Operation.ANSWER_SHARING,
    Operation.ISSUE_CERTIFICATES,
}


async def _pending_request(client: httpx.AsyncClient, headers) -> str:  # type: ignore[no-untyped-def]
    response = await client.post(
        "/share-requests",
        headers=headers.system("500110-RSJ", scope="exchange:sharing"),
        json={
            "resource_code": RELIEF,
            "purpose": "临时救助审核",
            "items": ["name"],
            "legal_basis": "《社会救助暂行办法》第四十七条",
            "valid_from": "2026-06-15",
            "valid_to": "2027-06-30",
        },
    )
    assert response.status_code in (200, 201), response.text  # 200: the same request is pending already
    return str(response.json()["id"])


async def attempt(
    client: httpx.AsyncClient, headers, operation: Operation, caller: dict[str, str]
) -> httpx.Response:  # type: ignore[no-untyped-def]
    body: dict[str, Any]
    match operation:
        case Operation.READ:
            body = {"identifier": COMPANY, "purpose": "受理审查", "case_ref": "50011020260615000001"}
            return await client.post(f"/resources/{LEGAL}/read", json=body, headers=caller)
        case Operation.PUSH_RECORDS:
            body = {
                "records": [
                    {"identifier": COMPANY, "version": 10**9, "data": {"name": "綦江区古南街道晓梅小吃店"}}
                ]
            }
            return await client.put(f"/resources/{LEGAL}/records", json=body, headers=caller)
        case Operation.DEFINE_RESOURCES:
            body = {
                "name": "个体户年报",
                "provider_code": "500110-SCJGJ",
                "summary": "年度报告公示信息",
                "items": [{"key": "name", "name": "名称", "type": "string"}],
                "sharing_type": "unconditional",
                "sharing_method": "table",
                "update_cycle": "每日",
                "published_on": "2026-01-01",
            }
            return await client.put("/resources/500110-SCJGJ-NB-001", json=body, headers=caller)
        case Operation.REQUEST_SHARING:
            body = {
                "resource_code": RELIEF,
                "purpose": "临时救助审核",
                "legal_basis": "《社会救助暂行办法》第四十七条",
                "items": ["name"],
                "valid_from": "2026-06-15",
                "valid_to": "2027-06-30",
            }
            return await client.post("/share-requests", json=body, headers=caller)
        case Operation.ANSWER_SHARING:
            request_id = await _pending_request(client, headers)
            return await client.post(f"/share-requests/{request_id}/grant", json={}, headers=caller)
        case Operation.SUBSCRIBE:
            return await client.post(
                "/subscriptions", json={"resource_code": LEGAL, "channel": "nats"}, headers=caller
            )
        case Operation.ISSUE_CERTIFICATES:
            body = {
                "type_code": "ZZ-YYZZ",
                "holder_kind": "person",
                "holder_identifier": RESIDENT,
                "holder_name": "陈晓梅",
                "valid_from": "2026-06-15",
                "case_ref": "50011020260615000001",
            }
            return await client.post("/certificates", json=body, headers=caller)
        case Operation.ADMINISTER:
            return await client.put("/members/500110-JW", json={"name": "区教委"}, headers=caller)
        case Operation.AUDIT:
            return await client.get("/access-log/chain", headers=caller)
        case Operation.HIDE_READS:
            raise AssertionError("hiding is tried in test_access_log and test_read_basis")


def _role(operation: Operation) -> str:
    return sorted(PERMISSIONS[operation].roles)[0]


@pytest.mark.parametrize("operation", list(CELLS))
async def test_each_operation_needs_its_scope_or_role_in_its_own_organization(
    client: httpx.AsyncClient, demo: Database, headers, operation: Operation
) -> None:  # type: ignore[no-untyped-def]
    org, wrong_role = CELLS[operation]
    scope = PERMISSIONS[operation].scope
    allowed = {
        "system with its scope": headers.system(org, scope=scope),
        "staff with its role": headers.staff(org, _role(operation)),
    }
    refused = {
        "system without the scope": headers.system(
            org, scope="exchange:read catalog:write" if operation != Operation.READ else "catalog:write"
        ),
        "staff with another role": headers.staff(org, wrong_role),
        "a citizen": headers.person(f"p-{RESIDENT}"),
    }
    if operation in ORG_BOUND:
        refused["the scope in another organization"] = headers.system("500110-WSJKW", scope=scope)
        refused["the role in another organization"] = headers.staff("500110-WSJKW", _role(operation))
    for who, caller in refused.items():
        response = await attempt(client, headers, operation, caller)
        assert response.status_code == 403, f"{operation} by {who}: {response.status_code} {response.text}"
    for who, caller in allowed.items():
        response = await attempt(client, headers, operation, caller)
        assert response.status_code not in (401, 403), f"{operation} by {who}: {response.text}"


def test_the_matrix_covers_every_operation() -> None:
    """Hiding is tried in test_access_log/test_read_basis, endpoints in test_provider_endpoints."""
    assert set(CELLS) | {Operation.HIDE_READS, Operation.SET_ENDPOINT} == set(Operation)
