"""Issue 18 at the catalog: hostile text refused as a 422 naming the field, before PostgreSQL sees it; the caller
refused before its body is looked at; details in Chinese."""

import json
import re
import uuid

import httpx
import pytest

from meshkit.testing.support import assert_malformed_path
from meshkit.testing.tokens import TokenFactory

pytestmark = pytest.mark.api

DRAFT = {
    "code": "500110-SCJGJ-SPJY-XK",
    "name": "食品经营许可",
    "matter_type": "01",
    "department_code": "500110-SCJGJ",
    "statutory_days": 20,
    "promised_days": 10,
}
BUNDLE = {
    "code": "500110-SCJGJ-KBCYD-YJS",
    "name": "开办餐饮店一件事",
    "lead_department_code": "500110-SCJGJ",
    "member_codes": ["500110-SCJGJ-SPJY-XK"],
}
_ENGLISH = re.compile(r"[A-Za-z]+(?: [A-Za-z]+){2,}")


def editor(tokens: TokenFactory) -> dict[str, str]:
    return tokens.headers(scope="catalog:write catalog:publish catalog:admin")


def refused(response: httpx.Response, field: str) -> None:
    assert response.status_code == 422, response.text
    problem = response.json()
    assert response.headers["content-type"] == "application/problem+json"
    assert problem["code"] == "validation_failed"
    assert field in [e["field"] for e in problem["errors"]], problem
    assert not _ENGLISH.search(problem["detail"]), problem["detail"]


async def test_issue_18_failure_1_nul_and_other_controls_never_reach_the_catalog_database(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    """Issue 18, failure 1: ``GET /search?q=a%00b``, ``GET /matters/%00``, a NUL in ``POST /bundles`` and
    ``PUT /matters`` bodies, a bidi override in a matter's name — each a 422 naming the field, not a 500."""
    refused(await client.get("/search", params={"q": "a\x00b"}), "query.q")
    assert_malformed_path(await client.get("/matters/%00"))
    assert_malformed_path(await client.get("/matters/%00/history"))
    refused(
        await client.post("/bundles", json={**BUNDLE, "name": "一件事\x00"}, headers=editor(tokens)),
        "body.name",
    )
    draft = await client.post("/matters", json=DRAFT, headers=editor(tokens))
    assert draft.status_code == 201, draft.text
    put = await client.put(
        f"/matter-versions/{draft.json()['id']}", json={**DRAFT, "guide": "a\x00b"}, headers=editor(tokens)
    )
    refused(put, "body.guide")
    bidi = await client.post("/matters", json={**DRAFT, "name": "许可\u202e证"}, headers=editor(tokens))
    refused(bidi, "body.name")
    assert bidi.json()["errors"][0]["type"] == "bidi_control"
    multi_line = await client.put(
        f"/matter-versions/{draft.json()['id']}",
        json={**DRAFT, "guide": "第一步：\n第二步：", "conditions": "一、\r\n二、"},
        headers=editor(tokens),
    )
    assert multi_line.status_code == 200, multi_line.text
    refused(
        await client.post("/matters", json={**DRAFT, "name": "第一行\n第二行"}, headers=editor(tokens)),
        "body.name",
    )


async def test_issue_18_failure_10_the_catalog_refuses_the_caller_before_the_body(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    """Issue 18, failure 10 (runtime): a write without a token is 401 whatever its body (broken JSON, text/plain,
    wrong types, NUL); with a token, broken JSON and bad UTF-8 are one 400 ``malformed_body`` and text/plain 415."""
    matter = f"/matter-versions/{uuid.uuid4()}"
    bodies = [
        (b'{"code": ', "application/json"),
        (b'{"name": "\xff"}', "application/json"),
        (json.dumps(DRAFT).encode(), "text/plain"),
        (json.dumps({**DRAFT, "statutory_days": "many"}).encode(), "application/json"),
        (json.dumps({**DRAFT, "name": "a\x00"}).encode(), "application/json"),
    ]
    for content, content_type in bodies:
        answer = await client.put(matter, content=content, headers={"content-type": content_type})
        assert answer.status_code == 401, (content, answer.text)
    headers = editor(tokens)
    broken = await client.post(
        "/matters", content=b'{"code": ', headers={**headers, "content-type": "application/json"}
    )
    bad_utf8 = await client.post(
        "/matters", content=b'{"name": "\xff"}', headers={**headers, "content-type": "application/json"}
    )
    assert (
        (broken.status_code, broken.json()["code"])
        == (bad_utf8.status_code, bad_utf8.json()["code"])
        == (
            400,
            "malformed_body",
        )
    )
    text = await client.post(
        "/matters", content=json.dumps(DRAFT), headers={**headers, "content-type": "text/plain"}
    )
    assert (text.status_code, text.json()["code"]) == (415, "unsupported_media_type")


@pytest.mark.parametrize(
    "change",
    [
        {"statutory_days": "二十"},
        {"statutory_days": 5000},
        {"matter_type": "1"},
        {"name": ""},
        {"name": "x" * 201},
        {"levels": "district"},
        {"materials": [{"paper_copies": 1}]},
        {"valid_from": "明天"},
        {"fee": "是"},
    ],
)
async def test_issue_18_failure_8_catalog_validation_details_are_chinese(
    client: httpx.AsyncClient, tokens: TokenFactory, change: dict[str, object]
) -> None:
    """Issue 18, failure 8: a clerk's mistakes in a matter are explained in Chinese, field by field."""
    answer = await client.post("/matters", json={**DRAFT, **change}, headers=editor(tokens))
    assert answer.status_code == 422, answer.text
    problem = answer.json()
    assert problem["detail"].startswith(("字段 ", "请求数据不符合要求：")), problem["detail"]
    assert not _ENGLISH.search(problem["detail"]), problem["detail"]
    assert all(not _ENGLISH.search(e["message"]) for e in problem["errors"]), problem["errors"]


async def test_issue_18_failure_1_an_imported_cell_with_nul_is_a_row_error(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    """Issue 18, failure 1 (the sheet's way in): an imported cell with NUL or a bidi override is a row error
    naming the column, not a failed statement; line breaks pass in free-text columns only."""
    header = "实施编码,事项名称,事项类型,实施主体编码,实施主体,法定时限,承诺时限,行使层级,办事指南,材料名称"
    rows = [
        "500110-MZJ-NUL1,高龄津贴\x00申领,行政给付,500110-MZJ,区民政局,20,10,区级,,申请书",
        '500110-MZJ-NUL2,临时救助,行政给付,500110-MZJ,区民政局,20,10,区级,"第一步\n第二步",申请\u202e书',
        '500110-MZJ-NUL3,特困供养,行政给付,500110-MZJ,区民政局,20,10,区级,"第一步\n第二步",申请书',
    ]
    response = await client.post(
        "/imports",
        content=("\r\n".join([header, *rows]) + "\r\n").encode(),
        headers={
            **tokens.headers(scope="catalog:write catalog:publish catalog:admin"),
            "content-type": "text/csv",
        },
    )
    assert response.status_code == 200, response.text
    report = response.json()
    assert [(e["row"], e["column"]) for e in report["errors"]] == [(2, "事项名称"), (3, "材料名称")]
    assert "U+0000" in report["errors"][0]["message"]
    assert "U+202E" in report["errors"][1]["message"]
