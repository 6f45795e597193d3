"""issue 18 failure 3: a catalog field is bounded by the column it lands in, through the API and the import."""

from typing import Any

import httpx
import pytest

from catalog.store.models import DictionaryEntry
from meshkit.db import Database
from meshkit.testing.tokens import TokenFactory

pytestmark = pytest.mark.api

SYSTEM = "catalog:write catalog:publish catalog:admin"
DRAFT = {
    "code": "500110-SCJGJ-BOUNDS",
    "name": "食品经营许可",
    "matter_type": "01",
    "department_code": "500110-SCJGJ",
    "statutory_days": 20,
    "promised_days": 10,
}
MATERIAL = {"name": "营业执照"}
# field → the column's length (DOMAIN §4: power source and case kind are one-digit codes; the rest short codes)
MATTER_FIELDS = {
    "power_source": 2,
    "case_kind": 2,
    "statutory_unit": 20,
    "promised_unit": 20,
    "cross_area": 20,
    "result_type": 20,
}
MATTER_LISTS = {"levels": 20, "audiences": 20, "online_depths": 20, "channels": 20, "special_procedures": 20}
MATERIAL_FIELDS = {"source": 20, "requirement": 20, "form": 20}


def _cases() -> list[tuple[str, dict[str, Any]]]:
    cases = []
    for field, length in MATTER_FIELDS.items():
        cases.append((field, {**DRAFT, field: "x" * (length + 1)}))
    for field, length in MATTER_LISTS.items():
        cases.append((f"{field}[]", {**DRAFT, field: ["x" * (length + 1)]}))
    for field, length in MATERIAL_FIELDS.items():
        cases.append(
            (f"materials.{field}", {**DRAFT, "materials": [{**MATERIAL, field: "x" * (length + 1)}]})
        )
    return cases


@pytest.mark.parametrize(("field", "body"), _cases(), ids=[c[0] for c in _cases()])
async def test_issue_18_failure_3_a_value_over_its_column_is_a_422_not_a_500(
    client: httpx.AsyncClient, tokens: TokenFactory, field: str, body: dict[str, Any]
) -> None:
    created = await client.post("/matters", json=body, headers=tokens.headers(scope=SYSTEM))
    assert created.status_code == 422, created.text
    problem = created.json()
    assert created.headers["content-type"].startswith("application/problem+json")
    assert problem["code"] == "validation_failed"
    assert any(field.split("[")[0].split(".")[-1] in str(error) for error in problem["errors"])


async def test_issue_18_failure_3_a_value_as_long_as_its_column_is_stored(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    body = {**DRAFT, **{f: "x" * n for f, n in MATTER_FIELDS.items()}}
    body["materials"] = [{**MATERIAL, **{f: "x" * n for f, n in MATERIAL_FIELDS.items()}}]
    created = await client.post("/matters", json=body, headers=tokens.headers(scope=SYSTEM))
    assert created.status_code == 201, created.text  # unknown codes wait for the quality rules at publish


async def test_issue_18_failure_3_a_local_code_longer_than_its_matter_column_is_refused(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    """办理渠道 codes land in matters.channels (20 characters): a longer code cannot enter the list."""
    refused = await client.put(
        f"/dictionaries/channels/entries/{'c' * 21}",
        json={"label": "超长渠道"},
        headers=tokens.headers(scope=SYSTEM),
    )
    assert refused.status_code == 422, refused.text
    assert refused.json()["code"] == "code_too_long"
    assert "最多 20 个字符" in refused.json()["detail"]
    fits = await client.put(
        f"/dictionaries/channels/entries/{'c' * 20}",
        json={"label": "二十字渠道"},
        headers=tokens.headers(scope=SYSTEM),
    )
    assert fits.status_code == 200, fits.text


async def test_issue_18_failure_3_import_refuses_a_code_longer_than_its_column_by_row(
    client: httpx.AsyncClient, tokens: TokenFactory, database: Database
) -> None:
    """A code list entry longer than the matters' column (one kept from before the rule above) resolves from
    its label; importing a matter with it is a row error naming the row, the column heading and the limit, in
    Chinese: the import never reaches the database with it (it answered 500, the CLI "目录数据库不可用")."""
    async with database.sessions() as session, session.begin():
        session.add(DictionaryEntry(dictionary="channels", code="c" * 30, label="超长渠道", position=99))
    header = "实施编码,事项名称,事项类型,实施主体编码,实施主体,法定时限,承诺时限,办理渠道"
    row = "500110-SCJGJ-LONGCH,食品经营许可,行政许可,500110-SCJGJ,区市场监管局,20,10,超长渠道"
    response = await client.post(
        "/imports",
        content=f"{header}\r\n{row}\r\n".encode(),
        headers={**tokens.headers(scope=SYSTEM), "content-type": "text/csv"},
    )
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["applied"] is False
    assert [(e["row"], e["column"]) for e in report["errors"]] == [(2, "办理渠道")]
    assert "最多 20 个字符" in report["errors"][0]["message"]
