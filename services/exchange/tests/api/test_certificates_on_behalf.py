"""Issuing on behalf of a member (the cases platform for the deciding department), identifiers assigned by the
registry, retries for the same case, and the certificate-type directory with aliases."""

from typing import Any

import httpx
import pytest

from exchange.domain.certificates import parse_certificate_id
from meshkit.db import Database

pytestmark = pytest.mark.api

RESIDENT = "500222199803070028"
SCJGJ_CREDIT_CODE = "11500110MB1A0001X2"
SCOPE = "exchange:read exchange:platform exchange:certificates:issue"


def body(**overrides: Any) -> dict[str, Any]:
    return {
        "type_code": "ZZ-YYZZ",
        "issuer_org": "500110-SCJGJ",
        "type_name": "营业执照",
        "holder_kind": "person",
        "holder_identifier": RESIDENT,
        "holder_name": "陈晓梅",
        "holder_id": "person-chen",
        "valid_from": "2026-06-15",
        "case_ref": "5001102026061500000007",
        **overrides,
    }


def platform(headers, scope: str = SCOPE) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return headers.system("500110-ZWFWZX", client_id="tongban-cases", scope=scope)  # type: ignore[no-any-return]


async def test_platform_issues_for_the_department_with_an_assigned_identifier(
    client: httpx.AsyncClient,
    demo: Database,
    headers,  # type: ignore[no-untyped-def]
) -> None:
    issued = await client.post("/certificates", json=body(), headers=platform(headers))
    assert issued.status_code == 201, issued.text
    certificate = issued.json()
    assert certificate["issuer_code"] == "500110-SCJGJ"
    assert certificate["type_code"] == "11100000000013338W011"
    parsed = parse_certificate_id(certificate["identifier"])  # the MOD 37,36 check character holds
    assert (parsed.issuer_code, parsed.version) == (SCJGJ_CREDIT_CODE, "001")
    assert parsed.serial.startswith("20260615")
    history = await client.get(
        f"/certificates/{certificate['identifier']}/history", headers=platform(headers)
    )
    [change] = history.json()
    assert (change["actor"], change["actor_org"]) == ("tongban-cases", "500110-ZWFWZX")

    again = await client.post("/certificates", json=body(), headers=platform(headers))
    assert again.status_code == 200  # a retry for the same case returns the first certificate
    assert again.json()["identifier"] == certificate["identifier"]

    found = await client.post(
        "/certificates/lookup",
        headers=headers.system("500110-WSJKW"),
        json={
            "holder_kind": "person",
            "holder_identifier": RESIDENT,
            "type_code": "ZZ-YYZZ",
            "person_id": "person-chen",
            "purpose": "食品经营许可 营业执照免提交",
            "case_ref": "5001102026061500000008",
        },
    )
    assert [c["identifier"] for c in found.json()["certificates"]] == [certificate["identifier"]]


async def test_on_behalf_needs_the_scope_and_a_member(
    client: httpx.AsyncClient,
    demo: Database,
    headers,  # type: ignore[no-untyped-def]
) -> None:
    refused = await client.post(
        "/certificates",
        json=body(),
        headers=platform(headers, scope="exchange:read exchange:certificates:issue"),
    )
    assert refused.status_code == 403
    assert refused.json()["code"] == "issue_on_behalf_not_allowed"
    staff = await client.post(
        "/certificates", json=body(), headers=headers.staff("500110-ZWFWZX", "reviewer")
    )
    assert staff.json()["code"] == "issue_on_behalf_not_allowed"
    clerk = await client.post(
        "/certificates", json=body(), headers=headers.staff("500110-ZWFWZX", "window_clerk")
    )
    assert clerk.json()["code"] == "not_permitted"
    unknown = await client.post(
        "/certificates", json=body(issuer_org="500110-NOPE"), headers=platform(headers)
    )
    assert (unknown.status_code, unknown.json()["code"]) == (422, "unknown_issuer")
    no_code = await client.post(
        "/certificates", json=body(issuer_org="500000-SJSPPT"), headers=platform(headers)
    )
    # the case is 区市场监管局's: the platform cannot have it issued in another member's name
    assert (no_code.status_code, no_code.json()["code"]) == (403, "case_not_approved_for_issuer")


async def test_the_department_itself_may_leave_the_identifier_out(
    client: httpx.AsyncClient,
    demo: Database,
    headers,  # type: ignore[no-untyped-def]
) -> None:
    own = await client.post(
        "/certificates",
        json=body(issuer_org=None, type_code="11100000000013338W025", type_name="食品经营许可证"),
        headers=headers.system("500110-SCJGJ", scope=SCOPE),
    )
    assert own.status_code == 201, own.text
    assert own.json()["type_code"] == "11100000000013338W025"
    for wrong, code in (
        ({"type_code": "ZZ-NOPE"}, "unknown_certificate_type"),
        ({"type_code": None}, "identifier_required"),
    ):
        response = await client.post(
            "/certificates",
            json=body(issuer_org=None, **wrong),
            headers=headers.system("500110-SCJGJ", scope=SCOPE),
        )
        assert (response.status_code, response.json()["code"]) == (422, code)


async def test_type_directory_lists_aliases(client: httpx.AsyncClient) -> None:
    types = (await client.get("/certificate-types")).json()
    assert {"code": "11100000000013338W011", "name": "营业执照", "aliases": ["ZZ-YYZZ"]} in types
