"""Issue 19, failures 13 and 14 through the API: a re-import reconciles (no version or event for a no-op, one
draft, proper validity), publish refusals land on the sheet's row and column, ``all_or_nothing=false`` says
exactly what was and was not applied, and a district-size sheet goes through (its own limit, 413 beyond)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from catalog.store.models import OUTBOX, Matter
from meshkit.db import Database
from meshkit.legaldate import today
from meshkit.testing.tokens import TokenFactory

pytestmark = pytest.mark.api

SYSTEM = "catalog:write catalog:publish catalog:admin"
CSV = {"content-type": "text/csv"}
HEADER = "实施编码,事项名称,事项类型,实施主体编码,实施机构,法定办结时限,承诺办结时限,行使层级,生效日期,材料名称,必要性"


def _sheet(*rows: str) -> bytes:
    return ("\r\n".join([HEADER, *rows]) + "\r\n").encode("utf-8-sig")


MATTERS = (
    "500110-MZJ-GLJT,高龄津贴申领,行政给付,500110-MZJ,区民政局,20个工作日,10个工作日,区县级,2026-01-01,申请表,必要",
    "500110-MZJ-GLJT,高龄津贴申领,行政给付,500110-MZJ,区民政局,20个工作日,10个工作日,区县级,2026-01-01,户口簿,必要",
    "500110-MZJ-LSJZ,临时救助,行政给付,500110-MZJ,区民政局,二十个工作日,即办,四级,2026-01-01,,",
    "500110-RSJ-JYDJ,就业登记,公共服务,500110-RSJ,区人力社保局,5个工作日,即办,乡镇（街道）级,2026-01-01,身份证,必要",
)


async def _import(
    client: httpx.AsyncClient, tokens: TokenFactory, data: bytes, **params: str
) -> dict[str, Any]:
    response = await client.post(
        "/imports", params=params, content=data, headers={**tokens.headers(scope=SYSTEM), **CSV}
    )
    assert response.status_code == 200, response.text
    report: dict[str, Any] = response.json()
    return report


async def _counts(database: Database) -> tuple[int, int]:
    async with database.sessions() as session:
        versions = await session.scalar(select(func.count()).select_from(Matter))
        events = await session.scalar(
            select(func.count()).select_from(OUTBOX).where(OUTBOX.c.subject.like("%matter_published%"))
        )
    return int(versions or 0), int(events or 0)


@pytest.fixture
async def published(client: httpx.AsyncClient, tokens: TokenFactory) -> dict[str, Any]:
    report = await _import(client, tokens, _sheet(*MATTERS), publish="true")
    assert report["errors"] == []
    assert report["counts"]["published"] == 3
    return report


async def test_issue19_failure13_an_unchanged_reimport_creates_no_version_and_no_event(
    client: httpx.AsyncClient, tokens: TokenFactory, database: Database, published: dict[str, Any]
) -> None:
    """Failure 13: re-importing an unchanged export created a new version of every matter and an event each."""
    before = await _counts(database)
    exported = await client.get("/exports", params={"format": "xlsx"})
    for data, fmt in ((_sheet(*MATTERS), "csv"), (exported.content, "xlsx")):
        report = (
            await client.post(
                "/imports",
                params={"publish": "true", "format": fmt},
                content=data,
                headers=tokens.headers(scope=SYSTEM),
            )
        ).json()
        assert report["errors"] == []
        assert report["counts"] == {"created": 0, "updated": 0, "published": 0, "unchanged": 3, "rejected": 0}
        assert await _counts(database) == before == (3, 3)


async def test_issue19_failure13_a_changed_row_makes_one_version_and_the_old_keeps_its_validity(
    client: httpx.AsyncClient, tokens: TokenFactory, database: Database, published: dict[str, Any]
) -> None:
    """Failure 13: each old version was left with an empty validity (closed on its own first day, because the
    sheet carried its 生效日期 over). A changed row makes one version, starting today; the old one keeps
    [2026-01-01, today)."""
    changed = [MATTERS[0], MATTERS[1].replace("户口簿", "居民户口簿"), *MATTERS[2:]]
    report = await _import(client, tokens, _sheet(*changed), publish="true")
    assert report["counts"] == {"created": 0, "updated": 0, "published": 1, "unchanged": 2, "rejected": 0}
    assert next((o["code"], o["outcome"], o["version"]) for o in report["outcomes"]) == (
        "500110-MZJ-GLJT",
        "published",
        2,
    )
    assert await _counts(database) == (4, 4)
    history = (
        await client.get("/matters/500110-MZJ-GLJT/history", headers=tokens.headers(scope=SYSTEM))
    ).json()
    first, second = history["versions"]
    assert (first["valid_from"], first["valid_to"]) == ("2026-01-01", today().isoformat())
    assert first["valid_from"] < first["valid_to"]
    assert (second["valid_from"], second["valid_to"]) == (today().isoformat(), None)


async def test_issue19_failure13_reimport_without_publish_updates_its_draft(
    client: httpx.AsyncClient, tokens: TokenFactory, database: Database
) -> None:
    """Failure 13: without --publish each re-import added another draft."""
    first = await _import(client, tokens, _sheet(*MATTERS))
    assert first["counts"]["created"] == 3
    again = await _import(client, tokens, _sheet(*MATTERS))
    assert again["counts"] == {"created": 0, "updated": 0, "published": 0, "unchanged": 3, "rejected": 0}
    changed = await _import(client, tokens, _sheet(*MATTERS[:3], MATTERS[3].replace("身份证", "居民身份证")))
    assert changed["counts"] == {"created": 0, "updated": 1, "published": 0, "unchanged": 2, "rejected": 0}
    assert (await _counts(database)) == (3, 0)
    draft = (
        await client.get("/matters/500110-RSJ-JYDJ/versions/1", headers=tokens.headers(scope=SYSTEM))
    ).json()
    assert [m["name"] for m in draft["materials"]] == ["居民身份证"]


async def test_issue19_failure14_publish_refusals_name_the_sheets_row_and_column(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    """Failure 14: rule violations on publish named internal fields (promised_days, materials[1].name)."""
    header = "实施编码,事项名称,事项类型,实施主体编码,法定办结时限,承诺办结时限,材料名称,共享数据项"
    rows = [
        "500110-MZJ-TK,特困人员救助供养,行政给付,500110-MZJ,20个工作日,30个工作日,申请书,",
        "500110-MZJ-TK,特困人员救助供养,行政给付,500110-MZJ,20个工作日,30个工作日,身份证明,姓名、公民身份号码",
    ]
    data = ("\r\n".join([header, *rows]) + "\r\n").encode()
    report = await _import(client, tokens, data, publish="true")
    assert [(e["row"], e["column"]) for e in report["errors"]] == [(2, "承诺办结时限"), (3, "共享数据项")]
    assert [(r["code"], r["rows"], r["held_back"]) for r in report["rejected"]] == [
        ("500110-MZJ-TK", [2, 3], False)
    ]


async def test_issue19_failure14_partial_import_reports_exactly_what_was_applied(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    """Failure 14: --partial printed "已导入 4 / 4" when 7 of 11 matters were dropped."""
    bad_parse = "500110-MZJ-X1,坏事项,行政给付,500110-MZJ,区民政局,约二十天,10,区级,,,"
    bad_rule = "500110-MZJ-X2,坏事项二,行政给付,500110-MZJ,区民政局,5,10,区级,,,"
    report = await _import(
        client, tokens, _sheet(*MATTERS, bad_parse, bad_rule), publish="true", all_or_nothing="false"
    )
    assert (report["matters"], report["imported"]) == (
        5,
        ["500110-MZJ-GLJT", "500110-MZJ-LSJZ", "500110-RSJ-JYDJ"],
    )
    assert report["counts"] == {"created": 0, "updated": 0, "published": 3, "unchanged": 0, "rejected": 2}
    assert [(r["code"], r["rows"], r["held_back"]) for r in report["rejected"]] == [
        ("500110-MZJ-X1", [6], False),
        ("500110-MZJ-X2", [7], False),
    ]
    assert [(e["row"], e["column"]) for e in report["errors"]] == [(6, "法定办结时限"), (7, "承诺办结时限")]


async def test_issue19_last_outside_try_failure1_every_rejected_matter_says_why(
    client: httpx.AsyncClient, tokens: TokenFactory, database: Database
) -> None:
    """issue 19, last outside try: failure 1 — an all-or-nothing import with errors listed a clean row under
    `rejected` with no reason; each rejected matter now says why, a clean one that it was held back."""
    bad = "500110-MZJ-X1,坏事项,行政给付,500110-MZJ,区民政局,约二十天,10,区级,,,"
    before = await _counts(database)
    report = await _import(client, tokens, _sheet(*MATTERS, bad))
    assert report["applied"] is False
    assert await _counts(database) == before
    assert report["counts"]["rejected"] == 4
    by_code = {r["code"]: r for r in report["rejected"]}
    assert by_code["500110-MZJ-X1"]["held_back"] is False
    assert "第 6 行" in by_code["500110-MZJ-X1"]["reason"]
    clean = [r for code, r in by_code.items() if code != "500110-MZJ-X1"]
    assert [r["rows"] for r in clean] == [[2, 3], [4], [5]]
    for row in clean:
        assert row["held_back"] is True
        assert row["reason"].startswith("本行无误；同一批次有错误，全部成功才导入")
        assert "all_or_nothing=false" in row["reason"]
    # a partial import of the same sheet holds nothing back: only the bad matter is rejected, for its errors
    partial = await _import(client, tokens, _sheet(*MATTERS, bad), all_or_nothing="false")
    assert [(r["code"], r["held_back"]) for r in partial["rejected"]] == [("500110-MZJ-X1", False)]


def _district_sheet(matters: int, *, bad_row: bool) -> bytes:
    """A district-size sheet: ``matters`` matters of four materials each, with a guide text as real ones have."""
    guide = "申请人到窗口提交材料，窗口工作人员当场核验并出具受理凭证。" * 12
    header = HEADER + ",办事指南"
    lines = [header]
    for n in range(matters):
        for material in ("申请表", "居民身份证", "居民户口簿", "其他证明材料"):
            lines.append(
                f"500110-MZJ-S{n:04d},事项{n},行政给付,500110-MZJ,区民政局,20个工作日,10个工作日,区县级,"
                f"2026-01-01,{material},必要,{guide}"
            )
    if bad_row:
        lines[-1] = lines[-1].replace("20个工作日", "约二十天")
    return ("\r\n".join(lines) + "\r\n").encode("utf-8-sig")


async def test_issue19_failure14_a_district_size_sheet_goes_through_the_api(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    """Failure 14: a district-size sheet (2 MB) was refused 413 by the API (the 1 MiB JSON body limit)."""
    data = _district_sheet(900, bad_row=True)
    assert len(data) > 2_500_000
    response = await client.post("/imports", content=data, headers={**tokens.headers(scope=SYSTEM), **CSV})
    assert response.status_code == 200, response.text[:500]
    report = response.json()
    assert (report["rows"], report["matters"], report["applied"]) == (3600, 900, False)
    assert [(e["row"], e["column"]) for e in report["errors"]] == [(3601, "法定办结时限")]


async def test_issue19_failure14_a_sheet_over_the_import_limit_is_refused_413_in_chinese(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    """The import's own limit (CATALOG_IMPORT_MAX_BYTES, 8 MiB): declared or streamed, 413 problem in Chinese."""
    big = b"x" * (8 * 1_048_576 + 1)

    async def streamed() -> AsyncIterator[bytes]:
        for start in range(0, len(big), 1_048_576):
            yield big[start : start + 1_048_576]

    headers = {**tokens.headers(scope=SYSTEM), **CSV}
    for content in (big, streamed()):
        response = await client.post("/imports", content=content, headers=headers)
        assert response.status_code == 413
        assert response.headers["content-type"].startswith("application/problem+json")
        problem = response.json()
        assert problem["code"] == "sheet_too_large"
        assert "8 MiB" in problem["detail"]
        assert "拆分" in problem["detail"]


async def test_issue19_failure13_a_sheet_without_a_column_keeps_what_the_catalog_has(
    client: httpx.AsyncClient, tokens: TokenFactory, database: Database
) -> None:
    """A district's own sheet has no 电子证照类型 or 共享资源编码 column: re-importing it neither wipes a material's
    paper-free links nor makes a new version; its own changes still apply (to the material of the same name)."""
    full = (
        "实施编码,事项名称,事项类型,实施主体编码,法定时限,承诺时限,生效日期,材料名称,电子证照类型,共享资源编码,共享数据项\r\n"
        "500110-MZJ-GLJT,高龄津贴申领,行政给付,500110-MZJ,20,10,2026-01-01,申请人身份证明,居民身份证,"
        "500110-GAJ-RK-001,姓名、公民身份号码\r\n"
        "500110-MZJ-GLJT,高龄津贴申领,行政给付,500110-MZJ,20,10,2026-01-01,户口簿,居民户口簿,,\r\n"
    ).encode()
    assert (await _import(client, tokens, full, publish="true"))["counts"]["published"] == 1
    district = "序号,实施编码,事项名称,事项类型,实施主体编码,法定办结时限,承诺办结时限,材料名称,必要性\r\n"
    same = district + (
        "1,500110-MZJ-GLJT,高龄津贴申领,行政给付,500110-MZJ,20个工作日,10个工作日,申请人身份证明,必要\r\n"
        "1,500110-MZJ-GLJT,高龄津贴申领,行政给付,500110-MZJ,20个工作日,10个工作日,户口簿,必要\r\n"
    )
    report = await _import(client, tokens, same.encode(), publish="true")
    assert report["counts"]["unchanged"] == 1
    assert await _counts(database) == (1, 1)
    changed = same.replace("户口簿,必要", "户口簿,非必要")
    report = await _import(client, tokens, changed.encode(), publish="true")
    assert report["counts"]["published"] == 1
    matter = (await client.get("/matters/500110-MZJ-GLJT")).json()
    assert [(m["certificate_type"], m["resource_code"], m["requirement"]) for m in matter["materials"]] == [
        ("ZZ-JMSFZ", "500110-GAJ-RK-001", "required"),
        ("ZZ-JMHKB", None, "optional"),
    ]
