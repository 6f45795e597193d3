"""一件事 bundles through the API: merged materials, combined limit, publication rules, the event."""

from typing import Any

import httpx
import pytest
from sqlalchemy import select

from catalog.store.models import OUTBOX
from meshkit.db import Database
from meshkit.testing.tokens import TokenFactory

pytestmark = pytest.mark.api

SYSTEM = "catalog:write catalog:publish catalog:admin"
ID = {
    "name": "经营者身份证明",
    "source": "government",
    "certificate_type": "ZZ-JMSFZ",
    "resource_code": "500110-GAJ-RK-001",
    "data_items": ["姓名"],
    "paper_copies": 0,
}
REGISTRATION: dict[str, Any] = {
    "code": "500110-SCJGJ-GTGSH-SL",
    "name": "个体工商户设立登记",
    "matter_type": "01",
    "department_code": "500110-SCJGJ",
    "statutory_days": 15,
    "promised_days": 3,
    "result_name": "营业执照",
    "result_certificate_type": "ZZ-YYZZ",
    "materials": [ID, {"name": "经营场所使用证明", "form": "copy"}],
}
FOOD: dict[str, Any] = {
    "code": "500110-SCJGJ-SPJY-XK",
    "name": "食品经营许可",
    "matter_type": "01",
    "department_code": "500110-SCJGJ",
    "statutory_days": 20,
    "promised_days": 10,
    "materials": [
        {**ID, "data_items": ["公民身份号码"]},
        {"name": "营业执照", "certificate_type": "ZZ-YYZZ"},
        {"name": "经营场所平面布局图"},
    ],
}
BUNDLE = {
    "code": "500110-SCJGJ-KBCYD-YJS",
    "name": "开办餐饮店一件事",
    "lead_department_code": "500110-SCJGJ",
    "lead_department_name": "区市场监管局",
    "member_codes": [REGISTRATION["code"], FOOD["code"]],
    "keywords": ["开饭店"],
}


async def bundle_through_review(
    client: httpx.AsyncClient, tokens: TokenFactory, body: dict[str, Any]
) -> httpx.Response:
    headers = tokens.headers(scope=SYSTEM)
    created = await client.post("/bundles", json=body, headers=headers)
    assert created.status_code == 201, created.text
    await client.post(f"/bundle-versions/{created.json()['id']}/submit", headers=headers)
    return await client.post(f"/bundle-versions/{created.json()['id']}/publish", headers=headers)


async def test_merged_materials_and_combined_limit(
    client: httpx.AsyncClient,
    tokens: TokenFactory,
    database: Database,
    publish,  # type: ignore[no-untyped-def]
) -> None:
    await publish(REGISTRATION)
    await publish(FOOD)
    published = await bundle_through_review(client, tokens, BUNDLE)
    assert published.status_code == 200, published.text
    bundle = (await client.get(f"/bundles/{BUNDLE['code']}")).json()
    materials = {m["name"]: m for m in bundle["materials"]}
    assert materials["经营者身份证明"]["asked_by"] == BUNDLE["member_codes"]  # asked once
    assert materials["经营者身份证明"]["data_items"] == ["姓名", "公民身份号码"]
    assert materials["营业执照"]["produced_by"] == REGISTRATION["code"]  # produced by a member: not asked
    assert materials["营业执照"]["asked"] is False
    assert [m["name"] for m in bundle["materials"] if m["asked"]] == [
        "经营者身份证明",
        "经营场所使用证明",
        "经营场所平面布局图",
    ]
    assert bundle["limit"] == {
        "statutory_days": 20,
        "statutory_unit": "working_day",
        "promised_days": 10,
        "promised_unit": "working_day",
    }
    assert [m["version"] for m in bundle["members"]] == [1, 1]
    search = (await client.get("/search", params={"q": "开饭店"})).json()
    assert search["items"][0]["code"] == BUNDLE["code"]
    async with database.sessions() as session:
        envelopes = (await session.scalars(select(OUTBOX.c.envelope))).all()
    event = next(e for e in envelopes if e["type"] == "catalog.bundle_published.v1")
    assert event["data"]["materials"][1]["produced_by"] is None
    assert event["data"]["promised_days"] == 10


async def test_members_must_be_published(client: httpx.AsyncClient, tokens: TokenFactory, publish) -> None:  # type: ignore[no-untyped-def]
    await publish(REGISTRATION)
    refused = await bundle_through_review(client, tokens, BUNDLE)
    assert refused.status_code == 422
    assert [e["rule"] for e in refused.json()["errors"]] == ["member_not_published"]


async def test_bundle_editing_and_retiring(client: httpx.AsyncClient, tokens: TokenFactory, publish) -> None:  # type: ignore[no-untyped-def]
    await publish(REGISTRATION)
    await publish(FOOD)
    headers = tokens.headers(scope=SYSTEM)
    published = (await bundle_through_review(client, tokens, BUNDLE)).json()
    changed = await client.put(
        f"/bundle-versions/{published['id']}", json={**BUNDLE, "name": "x"}, headers=headers
    )
    assert changed.status_code == 409
    other = await client.post(
        "/bundles",
        json=BUNDLE,
        headers=tokens.headers(kind="staff", roles=["catalog_editor"], org="500110-GAJ"),
    )
    assert other.status_code == 403
    retired = await client.post(f"/bundle-versions/{published['id']}/retire", headers=headers)
    assert retired.json()["status"] == "retired"
    assert (await client.get(f"/bundles/{BUNDLE['code']}")).status_code == 404
    assert (await client.get("/bundles")).json() == []
