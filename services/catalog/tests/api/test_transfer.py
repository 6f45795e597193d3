"""Import and export of the implementation list through the API."""

import csv
import io
import logging

import httpx
import pytest

from catalog.transfer.files import read_table
from meshkit.testing.tokens import TokenFactory

pytestmark = pytest.mark.api

SYSTEM = "catalog:write catalog:publish catalog:admin"
HEADER = "实施编码,事项名称,事项类型,实施主体编码,实施主体,法定时限,承诺时限,行使层级,材料名称,电子证照类型,共享资源编码,共享数据项"
GOOD_AND_BAD = (
    "\r\n".join(
        [
            HEADER,
            "500110-MZJ-GLJT,高龄津贴申领,行政给付,500110-MZJ,区民政局,20,10,区级、街镇级,申请人身份证明,居民身份证,500110-GAJ-RK-001,姓名、公民身份号码",
            "500110-MZJ-GLJT,高龄津贴申领,行政给付,500110-MZJ,区民政局,20,10,区级、街镇级,户口簿,居民户口簿,,",
            "500110-MZJ-LSJZ,临时救助,行政给付,500110-MZJ,区民政局,约十五天,5,区级,,,,",
            "500110-MZJ-TK,特困人员救助供养,行政给付,500110-MZJ,区民政局,30,40,区级,,,,",
            "500110-GAJ-CS,出生登记,火星类型,500110-GAJ,区公安局,20,0,区级,,,,",
        ]
    )
    + "\r\n"
)
CSV = {"content-type": "text/csv"}


async def test_bad_rows_are_reported_and_nothing_is_applied(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    response = await client.post(
        "/imports",
        params={"publish": "true"},
        content=GOOD_AND_BAD.encode(),
        headers={**tokens.headers(scope=SYSTEM), **CSV},
    )
    assert response.status_code == 200, response.text
    report = response.json()
    assert (report["rows"], report["applied"], report["imported"]) == (5, False, [])
    assert [(e["row"], e["column"]) for e in report["errors"]] == [(4, "法定时限"), (6, "事项类型")]
    assert "约十五天" in report["errors"][0]["message"]
    assert (await client.get("/matters/500110-MZJ-GLJT")).status_code == 404  # good rows not applied either


async def test_partial_import_applies_whole_good_matters(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    response = await client.post(
        "/imports",
        params={"publish": "true", "all_or_nothing": "false"},
        content=GOOD_AND_BAD.encode(),
        headers={**tokens.headers(scope=SYSTEM), **CSV},
    )
    report = response.json()
    assert report["imported"] == ["500110-MZJ-GLJT"]
    assert [(e["row"], e["column"]) for e in report["errors"]] == [
        (4, "法定时限"),
        (5, "承诺时限"),
        (6, "事项类型"),  # row 5 failed the quality rules on publish
    ]
    matter = (await client.get("/matters/500110-MZJ-GLJT")).json()
    assert [m["certificate_type"] for m in matter["materials"]] == ["ZZ-JMSFZ", "ZZ-JMHKB"]
    assert matter["materials"][0]["data_items"] == ["姓名", "公民身份号码"]
    assert (await client.get("/matters/500110-MZJ-TK")).status_code == 404


async def test_drafts_need_edit_rights_per_department(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    editor = tokens.headers(kind="staff", roles=["catalog_editor"], org="500110-MZJ")
    rows = "\r\n".join([*GOOD_AND_BAD.split("\r\n")[:3], GOOD_AND_BAD.split("\r\n")[5]]).replace(
        "火星类型", "行政确认"
    )
    report = (await client.post("/imports", content=rows.encode(), headers={**editor, **CSV})).json()
    assert [e["column"] for e in report["errors"]] == ["实施主体编码"]
    assert "只能编辑本部门" in report["errors"][0]["message"]
    refused = await client.post(
        "/imports", params={"publish": "true"}, content=rows.encode(), headers={**editor, **CSV}
    )
    assert refused.status_code == 403


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
async def test_export_import_round_trip_is_equal(
    demo_client: httpx.AsyncClient, client: httpx.AsyncClient, tokens: TokenFactory, fmt: str
) -> None:
    exported = await demo_client.get("/exports", params={"format": fmt})
    assert exported.status_code == 200
    assert len(read_table(exported.content, fmt).records) >= 120
    imported = await client.post(
        "/imports",
        params={"format": fmt, "publish": "true"},
        content=exported.content,
        headers=tokens.headers(scope=SYSTEM),
    )
    report = imported.json()
    assert report["errors"] == []
    assert report["applied"]
    again = await client.get("/exports", params={"format": fmt})
    assert read_table(again.content, fmt) == read_table(exported.content, fmt)
    if fmt == "csv":
        assert again.content == exported.content
        assert next(csv.reader(io.StringIO(again.content.decode("utf-8-sig"))))[0] == "实施编码"


async def test_unreadable_and_unknown_files(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    headers = tokens.headers(scope=SYSTEM)
    unknown = await client.post("/imports", content=b"x", headers={**headers, "content-type": "text/plain"})
    assert (unknown.status_code, unknown.json()["code"]) == (415, "unsupported_format")
    broken = await client.post(
        "/imports", params={"format": "xlsx"}, content=b"not a workbook", headers=headers
    )
    assert (broken.status_code, broken.json()["code"]) == (422, "unreadable_file")
    anonymous = await client.post("/imports", content=GOOD_AND_BAD.encode(), headers=CSV)
    assert anonymous.status_code == 401


async def test_issue17_failure6_failed_import_writes_no_personal_data_to_the_log(
    client: httpx.AsyncClient, tokens: TokenFactory, caplog: pytest.LogCaptureFixture
) -> None:
    """Issue 17, failure 6: an import whose 咨询电话 cell was longer than the column failed in the database (a 500)
    and the log got the row — an unmasked ID number and mobile number. Every text cell is now checked against
    its column's length (a row error naming the limit, never the value), and nothing of the row is logged."""
    id_number, phone = "500222199803070028", "13812345678"
    long_cell = f"联系人{id_number}，电话{phone}或86{phone}，工作日 9:00-17:00"
    header = (
        "实施编码,事项名称,事项类型,实施主体编码,实施主体,法定时限,承诺时限,行使层级,咨询电话,关键词,材料名称"
    )
    rows = [
        f"500110-MZJ-LOG1,高龄津贴申领,行政给付,500110-MZJ,区民政局,20,10,区级,{long_cell},养老,申请书",
        f"500110-MZJ-LOG2,临时救助,行政给付,500110-MZJ,区民政局,20,10,区级,023-48612345,{'救' * 51},申请书",
    ]
    caplog.set_level(logging.DEBUG)
    response = await client.post(
        "/imports",
        params={"publish": "true"},
        content=("\r\n".join([header, *rows]) + "\r\n").encode(),
        headers={**tokens.headers(scope=SYSTEM), **CSV},
    )
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["applied"] is False
    assert [(e["row"], e["column"]) for e in report["errors"]] == [(2, "咨询电话"), (3, "关键词")]
    assert "最多 40 个字符" in report["errors"][0]["message"]
    assert id_number not in response.text  # the refusal names the limit, not the cell
    logged = caplog.text + "".join(f"{r.__dict__!r}" for r in caplog.records)
    assert id_number not in logged
    assert phone not in logged
