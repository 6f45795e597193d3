"""Issue 19, failure 8 (the access log part): "who read my data" showed the reading system by its client id and
the hidden-reads view repeated the data items' keys. Each code now has its name beside it: the reading department,
the system (kept by the hub: its operators enter each member's systems, never asked of identity per read), the
resource and every data item; the codes stay for integrators."""

from typing import Any

import httpx
import pytest

from meshkit.db import Database

pytestmark = pytest.mark.api

COMPANY = "92500110MA5U3G7K2T"
LEGAL = "500110-SCJGJ-FR-001"
ENTERPRISE = f"e-{COMPANY}"  # identity's id of the enterprise (the fake identity knows it)
LEGAL_ITEMS = {
    "credit_code": "统一社会信用代码",
    "name": "名称",
    "legal_representative": "法定代表人",
    "legal_representative_id": "法定代表人身份证件号码",
    "address": "住所",
    "established_on": "成立日期",
}


async def read(client: httpx.AsyncClient, headers: dict[str, str], **overrides: Any) -> httpx.Response:
    body = {
        "identifier": COMPANY,
        "subject_kind": "enterprise",
        "purpose": "个体工商户设立登记 核验",
        "case_ref": "50011020260615000001",
        **overrides,
    }
    return await client.post(f"/resources/{LEGAL}/read", json=body, headers=headers)


async def test_issue19_failure8_who_read_my_data_names_the_reading_system(
    client: httpx.AsyncClient, demo: Database, headers, clock
) -> None:  # type: ignore[no-untyped-def]
    """The reading system appears by its Chinese name beside its client id; a system the hub's operators have
    not entered yet has no name (never a made-up one), and entering it names its earlier reads too."""
    assert (await read(client, headers.system("500110-SWJ", client_id="swj-collection"))).status_code == 200
    clock.advance(minutes=5)
    assert (await read(client, headers.system("500110-RSJ", client_id="rsj-insurance"))).status_code == 200
    mine = (await client.get("/access-log/mine", headers=headers.enterprise(ENTERPRISE))).json()
    assert [(m["system"], m["system_name"]) for m in mine] == [
        ("rsj-insurance", None),
        ("swj-collection", "区税务局征管系统"),  # entered by the demo loader, as identity names the client
    ]
    assert [(m["organization_code"], m["organization"]) for m in mine] == [
        ("500110-RSJ", "区人力社保局"),
        ("500110-SWJ", "区税务局"),
    ]

    entered = await client.put(
        "/members/500110-RSJ/systems/rsj-insurance",
        json={"name": "社会保险业务系统"},
        headers=headers.operator(),
    )
    assert entered.status_code == 200, entered.text
    assert {
        "client_id": "rsj-insurance",
        "member_code": "500110-RSJ",
        "name": "社会保险业务系统",
    } in entered.json()
    mine = (await client.get("/access-log/mine", headers=headers.enterprise(ENTERPRISE))).json()
    assert mine[0]["system_name"] == "社会保险业务系统"
    for m in mine:
        assert m["item_names"] == [LEGAL_ITEMS[item] for item in m["items"]]
        assert m["resource"] == "法人基础信息"


async def test_issue19_failure8_only_operators_enter_a_systems_name(
    client: httpx.AsyncClient, demo: Database, headers
) -> None:  # type: ignore[no-untyped-def]
    """A department cannot rename its own (or another's) system to what citizens read; bad input is a 4xx in
    Chinese, never stored."""
    url = "/members/500110-RSJ/systems/rsj-insurance"
    for caller in (headers.system("500110-RSJ"), headers.staff("500110-RSJ", "admin")):
        refused = await client.put(url, json={"name": "公安局"}, headers=caller)
        assert (refused.status_code, refused.json()["code"]) == (403, "forbidden")
    unknown = await client.put(
        "/members/500110-NONE/systems/rsj-insurance", json={"name": "系统"}, headers=headers.operator()
    )
    assert (unknown.status_code, unknown.json()["code"]) == (404, "member_not_found")
    assert "成员单位" in unknown.json()["detail"]
    for body in ({"name": ""}, {"name": "系统\n换行"}, {"name": "x" * 101}, {"name": "系统", "member": "x"}):
        bad = await client.put(url, json=body, headers=headers.operator())
        assert bad.status_code == 422, body
    bad_id = await client.put(
        "/members/500110-RSJ/systems/RSJ%20X", json={"name": "系统"}, headers=headers.operator()
    )
    assert bad_id.status_code == 422
    listed = (await client.get("/members/500110-RSJ/systems")).json()
    assert all(s["client_id"] != "rsj-insurance" for s in listed)


async def test_issue19_failure8_hidden_reads_name_the_items_the_resource_and_the_system(
    client: httpx.AsyncClient, demo: Database, headers
) -> None:  # type: ignore[no-untyped-def]
    """The auditors' view of hidden reads repeated the item keys as their "names" and left the resource unnamed;
    it now shows them as the citizen's view does."""
    duty = {
        "member_code": "500110-GAJ",
        "name": "刑事案件侦查",
        "statute": "《中华人民共和国刑事诉讼法》第一百四十四条",
        "resources": [LEGAL],
        "allows_hiding": True,
        "max_hidden_days": 90,
        "valid_from": "2026-01-01",
    }
    assert (
        await client.put("/duties/500110-GAJ-ZC-002", json=duty, headers=headers.operator())
    ).status_code == 200
    await client.put(
        "/members/500110-GAJ/systems/hall-console",
        json={"name": "公安窗口业务系统"},
        headers=headers.operator(),
    )
    head = headers.staff("500110-GAJ", "department_head", sub="investigator-7")
    hidden = await read(
        client,
        head,
        case_ref=None,
        legal_basis="500110-GAJ-ZC-002",
        hidden_until="2026-08-01T00:00:00Z",
        items=["name", "legal_representative_id"],
    )
    assert hidden.status_code == 200, hidden.text
    [seen] = (await client.get("/access-log/hidden", headers=headers.staff("500110-ZFBGS", "auditor"))).json()
    assert seen["items"] == ["name", "legal_representative_id"]
    assert seen["item_names"] == ["名称", "法定代表人身份证件号码"]
    assert seen["resource"] == "法人基础信息"
    assert (seen["system"], seen["system_name"]) == ("hall-console", "公安窗口业务系统")
    assert (seen["organization_code"], seen["organization"]) == ("500110-GAJ", "区公安局")


async def test_issue19_refused_reads_through_the_web_hall_name_the_organization_and_system(
    client: httpx.AsyncClient, demo: Database, headers, clock
) -> None:  # type: ignore[no-untyped-def]
    """issue 19 (remaining, failure 8 / "who read my data"): a lookup refused (no basis, no purpose), made with a citizen's login through the web hall (通办网上办事大厅), showed no
    organization, while an allowed read did. Every entry — allowed or refused — now names the organization and
    the system in Chinese; the refused ones say a personal login asked, never who."""
    web = headers.person("p-stranger", client_id="tongban-web")
    refused = await read(client, web)
    assert refused.status_code == 403, refused.text
    clock.advance(minutes=1)
    no_basis = await read(client, headers.system("500110-RSJ", client_id="rsj-insurance"), case_ref=None)
    assert no_basis.status_code == 403, no_basis.text
    clock.advance(minutes=1)
    no_purpose = await read(client, headers.system("500110-SWJ", client_id="swj-collection"), purpose=None)
    assert no_purpose.status_code == 400, no_purpose.text  # refused, and logged
    clock.advance(minutes=1)
    allowed = await read(client, headers.system("500110-SWJ", client_id="swj-collection"))
    assert allowed.status_code == 200, allowed.text
    mine = (await client.get("/access-log/mine", headers=headers.enterprise(ENTERPRISE))).json()
    assert [m["outcome"] for m in mine] == ["granted", "refused", "refused", "refused"]
    assert [m["organization"] for m in mine] == ["区税务局", "区税务局", "区人力社保局", "綦江区行政服务中心"]
    assert [m["read_by"] for m in mine] == [
        "区税务局的区税务局征管系统",
        "区税务局的区税务局征管系统",
        "区人力社保局的名称尚未登记的系统",
        "个人用户经綦江区行政服务中心的通办网上办事大厅查询",
    ]
    assert (
        mine[3]["organization_code"] is None
    )  # the citizen's login has none: the hall's is named, not claimed
    for m in mine:
        shown = m["read_by"] + m["organization"] + m["outcome_label"] + (m["reason_label"] or "")
        assert not any("a" <= ch.lower() <= "z" for ch in shown), shown
        assert m["outcome"] == "granted" or m["reason_label"]
