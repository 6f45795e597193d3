"""The e-certificate registry: GB/T 36904 identifiers checked on input, lookups logged, status history."""

from typing import Any

import httpx
import pytest

from meshkit.db import Database

pytestmark = pytest.mark.api

ISSUING = "exchange:read exchange:certificates:issue"

# Issued by 区市场监管局 under its (demo) credit code
EXAMPLE = "1.2.156.3005.2.11100000000013338W011.11500110MB1A0001X2.20230000403.001.B"
RESIDENT = "500222199803070028"


def issue_body(**overrides: Any) -> dict[str, Any]:
    return {
        "identifier": EXAMPLE,
        "type_name": "营业执照",
        "holder_kind": "person",
        "holder_identifier": RESIDENT,
        "holder_name": "陈晓梅",
        "holder_id": "person-chen",
        "valid_from": "2026-06-15",
        "valid_to": None,
        "case_ref": "50011020260615000001",
        "content": {"名称": "綦江区古南街道晓梅小吃店"},
        **overrides,
    }


def lookup_body(**overrides: Any) -> dict[str, Any]:
    return {
        "holder_kind": "person",
        "holder_identifier": RESIDENT,
        "type_code": "11100000000013338W011",
        "person_id": "person-chen",
        "purpose": "食品经营许可 材料免提交",
        "case_ref": "50011020260616000002",
        **overrides,
    }


async def test_issue_and_look_up(client: httpx.AsyncClient, demo: Database, headers, clock) -> None:  # type: ignore[no-untyped-def]
    issued = await client.post(
        "/certificates", json=issue_body(), headers=headers.system("500110-SCJGJ", scope=ISSUING)
    )
    assert issued.status_code == 201, issued.text
    assert issued.json()["status"] == "有效"
    assert issued.json()["issuer_code"] == "500110-SCJGJ"
    found = await client.post(
        "/certificates/lookup", json=lookup_body(), headers=headers.system("500110-WSJKW")
    )
    assert found.status_code == 200, found.text
    [certificate] = found.json()["certificates"]
    assert certificate["identifier"] == EXAMPLE
    assert certificate["holder_name"] == "陈晓梅"
    assert certificate["status"] == "有效"
    clock.advance(minutes=1)
    other_type = await client.post(
        "/certificates/lookup",
        json=lookup_body(type_code="11100000000013338W025"),
        headers=headers.system("500110-WSJKW"),
    )
    assert other_type.json()["certificates"] == []
    mine = (await client.get("/access-log/mine", headers=headers.person(f"p-{RESIDENT}"))).json()
    assert [m["resource_code"] for m in mine] == ["500110-ZWFWZX-ZZ-001"] * 2
    assert [m["outcome"] for m in mine] == ["not_found", "granted"]


@pytest.mark.parametrize(
    ("identifier", "check"),
    [
        (EXAMPLE[:-1] + "V", "checksum"),
        (EXAMPLE.replace("1.2.156.3005.2.", "1.2.156.3005.3."), "prefix"),
        ("1.2.156.3005.2.11100000000013338W011.11500110MB1A0001X2.20230000403.U", "format"),
        (EXAMPLE.replace("11500110MB1A0001X2", "11500110MB1A0001X3"), "credit_code"),
        (EXAMPLE.replace(".001.", ".01."), "version"),
    ],
)
async def test_identifiers_are_checked_on_input(
    client: httpx.AsyncClient, demo: Database, headers, identifier, check
) -> None:  # type: ignore[no-untyped-def]
    response = await client.post(
        "/certificates",
        json=issue_body(identifier=identifier),
        headers=headers.system("500110-SCJGJ", scope=ISSUING),
    )
    assert response.status_code == 422
    assert response.json()["code"] == "invalid_certificate_id"
    assert response.json()["errors"][0]["check"] == check


async def test_status_changes_with_history(client: httpx.AsyncClient, demo: Database, headers) -> None:  # type: ignore[no-untyped-def]
    await client.post(
        "/certificates", json=issue_body(), headers=headers.system("500110-SCJGJ", scope=ISSUING)
    )
    url = f"/certificates/{EXAMPLE}/status"
    other = await client.post(
        url, json={"status": "吊销", "reason": "违法经营"}, headers=headers.system("500110-GAJ")
    )
    assert other.status_code == 403
    for status, reason in (("暂扣", "责令停业整顿"), ("有效", "整改完毕"), ("吊销", "严重违法经营")):
        changed = await client.post(
            url,
            json={"status": status, "reason": reason},
            headers=headers.system("500110-SCJGJ", scope=ISSUING),
        )
        assert changed.status_code == 200, changed.text
    final = await client.post(
        url,
        json={"status": "有效", "reason": "申请恢复"},
        headers=headers.system("500110-SCJGJ", scope=ISSUING),
    )
    assert final.status_code == 409
    assert final.json()["code"] == "status_transition_refused"
    history = (
        await client.get(
            f"/certificates/{EXAMPLE}/history", headers=headers.system("500110-SCJGJ", scope=ISSUING)
        )
    ).json()
    assert [(h["from_status"], h["to_status"]) for h in history] == [
        (None, "有效"),
        ("有效", "暂扣"),
        ("暂扣", "有效"),
        ("有效", "吊销"),
    ]
    found = await client.post(
        "/certificates/lookup", json=lookup_body(), headers=headers.system("500110-WSJKW")
    )
    assert found.json()["certificates"][0]["status"] == "吊销"


async def test_duplicates_and_issuer_mismatch(
    client: httpx.AsyncClient, demo: Database, headers, mesh
) -> None:  # type: ignore[no-untyped-def]
    office = headers.system("500110-ZFBGS", scope=ISSUING)
    mesh.case("Z-1", handling_org="500110-ZFBGS", applicant=("person", f"p-{RESIDENT}"), outcome="approved")
    await client.post(
        "/certificates", json=issue_body(), headers=headers.system("500110-SCJGJ", scope=ISSUING)
    )
    again = await client.post(
        "/certificates", json=issue_body(), headers=headers.system("500110-SCJGJ", scope=ISSUING)
    )
    assert again.json()["code"] == "certificate_exists"
    # 区人民政府办公室 is registered with its credit code: it cannot issue in another authority's name
    other = "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000404.001.E"
    foreign = await client.post(
        "/certificates", json=issue_body(identifier=other, case_ref="Z-1"), headers=office
    )
    assert foreign.json()["code"] == "issuer_mismatch"
    own = "1.2.156.3005.2.11100000000013338W025.115002227398230135.QJ2026000001.001.P"
    issued = await client.post(
        "/certificates", json=issue_body(identifier=own, case_ref="Z-1"), headers=office
    )
    assert issued.status_code == 201
    assert (
        await client.post("/certificates", json=issue_body(), headers=headers.person("p"))
    ).status_code == 403


async def test_lookup_needs_a_purpose(client: httpx.AsyncClient, demo: Database, headers) -> None:  # type: ignore[no-untyped-def]
    response = await client.post(
        "/certificates/lookup", json=lookup_body(purpose=None), headers=headers.system("500110-WSJKW")
    )
    assert response.json()["code"] == "purpose_required"


async def test_lookup_refusals_are_problems_and_logged(
    client: httpx.AsyncClient, demo: Database, headers
) -> None:  # type: ignore[no-untyped-def]
    citizen = await client.post(
        "/certificates/lookup", json=lookup_body(), headers=headers.person(f"p-{RESIDENT}")
    )
    assert citizen.status_code == 403
    assert citizen.headers["content-type"] == "application/problem+json"
    assert citizen.json()["code"] == "not_government_user"
    assert citizen.json()["access_log_id"]  # the refusal itself is logged
    unknown = await client.post(
        "/certificates/lookup",
        json=lookup_body(type_code="不存在的证照"),
        headers=headers.system("500110-WSJKW"),
    )
    assert unknown.status_code == 422
    assert unknown.json()["code"] == "unknown_certificate_type"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"holder_kind": "robot"}, "holder_kind"),
        ({"holder_identifier": None}, "holder_identifier"),
        ({"type_code": "x" * 41}, "type_code"),
    ],
)
async def test_lookup_body_is_validated_field_by_field(
    client: httpx.AsyncClient, demo: Database, headers, body, field
) -> None:  # type: ignore[no-untyped-def]
    response = await client.post(
        "/certificates/lookup", json=lookup_body(**body), headers=headers.system("500110-WSJKW")
    )
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert RESIDENT not in response.text  # the holder's ID number is never echoed
    assert field in response.text


async def test_lookup_of_an_invalid_id_number_says_which_check(
    client: httpx.AsyncClient, demo: Database, headers
) -> None:  # type: ignore[no-untyped-def]
    response = await client.post(
        "/certificates/lookup",
        json=lookup_body(holder_identifier="510223194809070017"),
        headers=headers.system("500110-WSJKW"),
    )
    assert response.status_code == 422
    assert response.json()["code"] == "invalid_id_number"
    assert "510223194809070017" not in response.text


@pytest.mark.parametrize("name", ["陈\u202e晓梅", "陈晓梅\u2066", "陈\x07晓梅"])
async def test_issue_18_failure_7_a_holder_name_with_bidi_or_control_characters_is_refused(
    client: httpx.AsyncClient, demo: Database, headers, name: str
) -> None:  # type: ignore[no-untyped-def]
    issued = await client.post(
        "/certificates",
        json=issue_body(holder_name=name),
        headers=headers.system("500110-SCJGJ", scope=ISSUING),
    )
    assert issued.status_code == 422, issued.text
    assert (
        "holder_name" in issued.text
    )  # the field is named (by the name rule, or by a transport guard first)
