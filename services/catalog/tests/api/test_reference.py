"""Code lists with Chinese labels, served by the API; local lists managed by administrators."""

import httpx
import pytest

from meshkit.testing.tokens import TokenFactory

pytestmark = pytest.mark.api


async def test_dictionaries_are_served_with_labels(client: httpx.AsyncClient) -> None:
    listing = (await client.get("/dictionaries")).json()
    names = {d["name"]: d for d in listing}
    assert {"matter_types", "audiences", "power_sources", "online_depths", "time_units"} <= set(names)
    types = {e["code"]: e["label"] for e in names["matter_types"]["entries"]}
    assert len(types) == 11
    assert (types["01"], types["20"]) == ("行政许可", "公共服务")
    assert names["matter_types"]["label"] == "事项类型"
    units = (await client.get("/dictionaries/time_units")).json()
    assert [e["label"] for e in units["entries"]] == ["工作日", "自然日"]
    missing = await client.get("/dictionaries/nope")
    assert missing.status_code == 404
    assert missing.json()["code"] == "dictionary_not_found"


async def test_administrators_manage_local_lists(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    admin = tokens.headers(scope="catalog:admin")
    added = await client.put(
        "/dictionaries/certificate_types/entries/ZZ-GTJYZ", json={"label": "个体经营证明"}, headers=admin
    )
    assert added.status_code == 200, added.text
    entries = (await client.get("/dictionaries/certificate_types")).json()["entries"]
    assert entries[-1] == {"code": "ZZ-GTJYZ", "label": "个体经营证明", "active": True}
    fixed = await client.put("/dictionaries/matter_types/entries/99", json={"label": "新类型"}, headers=admin)
    assert fixed.status_code == 409
    assert fixed.json()["code"] == "dictionary_fixed"
    editor = await client.put(
        "/dictionaries/channels/entries/x",
        json={"label": "x"},
        headers=tokens.headers(scope="catalog:write catalog:publish"),
    )
    assert editor.status_code == 403


async def test_deactivated_codes_fail_the_quality_rules(
    client: httpx.AsyncClient,
    tokens: TokenFactory,
    publish,  # type: ignore[no-untyped-def]
) -> None:
    admin = tokens.headers(kind="staff", roles=["admin"], org="500110-ZWFWZX")
    await client.put(
        "/dictionaries/channels/entries/post", json={"label": "邮寄办理", "active": False}, headers=admin
    )
    body = {
        "code": "X-1",
        "name": "测试事项",
        "matter_type": "20",
        "department_code": "500110-MZJ",
        "statutory_days": 5,
        "promised_days": 1,
        "channels": ["window", "post"],
    }
    problem = await publish(body, expect=422)
    assert [(e["field"], e["rule"]) for e in problem["errors"]] == [("body.channels", "unknown_code")]
