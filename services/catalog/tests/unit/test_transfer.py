"""The implementation list as a table: rows to specs with row-numbered errors, and back (pure)."""

import pytest

from catalog.demo import MATTERS
from catalog.transfer import parse_rows, read_table, spec_rows, write_table
from catalog.transfer.files import TableError

pytestmark = pytest.mark.unit

LABELS = {
    "matter_types": {
        "01": "行政许可",
        "07": "行政确认",
        "20": "公共服务",
        "05": "行政给付",
        "10": "其他行政权力",
    },
    "levels": {"district": "区级", "town": "街镇级", "village": "村社区级"},
    "time_units": {"working_day": "工作日", "natural_day": "自然日"},
    "material_requirements": {"required": "必要", "optional": "非必要", "deferrable": "容缺后补"},
    "certificate_types": {"ZZ-YYZZ": "营业执照", "ZZ-JMSFZ": "居民身份证"},
    "material_holders": {"subject": "办理对象", "applicant": "申请人"},
}
HEADER = [
    "实施编码",
    "事项名称",
    "事项类型",
    "实施主体编码",
    "法定时限",
    "承诺时限",
    "行使层级",
    "材料名称",
    "材料必要性",
    "电子证照类型",
]


def records(*rows: list[str]) -> list[dict[str, str]]:
    return [dict(zip(HEADER, row, strict=True)) for row in rows]


def test_rows_become_specs_one_matter_per_code() -> None:
    parsed = parse_rows(
        records(
            [
                "A-1",
                "个体工商户设立登记",
                "行政许可",
                "500110-SCJGJ",
                "15",
                "3",
                "区级、街镇级",
                "身份证明",
                "必要",
                "ZZ-JMSFZ",
            ],
            [
                "A-1",
                "个体工商户设立登记",
                "01",
                "500110-SCJGJ",
                "15",
                "3",
                "district|town",
                "场所证明",
                "容缺后补",
                "",
            ],
            ["B-1", "高龄津贴", "05", "500110-MZJ", "20", "0", "村社区级", "", "", ""],
        ),
        LABELS,
    )
    assert parsed.errors == []
    first, second = (p.spec for p in parsed.matters)
    assert (first.code, first.levels, [m.name for m in first.materials]) == (
        "A-1",
        ("district", "town"),
        ["身份证明", "场所证明"],
    )
    assert first.materials[0].certificate_type == "ZZ-JMSFZ"
    assert first.materials[1].requirement == "deferrable"
    assert (second.materials, second.levels, parsed.matters[1].row) == ((), ("village",), 4)


def test_bad_rows_are_reported_with_row_number_and_reason() -> None:
    parsed = parse_rows(
        records(
            ["A-1", "好事项", "01", "500110-SCJGJ", "15", "3", "区级", "", "", ""],
            ["B-1", "", "99", "500110-SCJGJ", "十五日左右", "3", "国家级", "", "", ""],
            ["C-1", "另一事项", "01", "500110-SCJGJ", "15", "3", "区级", "材料", "看情况", ""],
            ["A-1", "好事项（改）", "01", "500110-SCJGJ", "15", "3", "区级", "", "", ""],
        ),
        LABELS,
    )
    assert [(e.row, e.column) for e in parsed.errors] == [
        (3, "事项名称"),
        (3, "事项类型"),
        (3, "行使层级"),
        (3, "法定时限"),
        (4, "材料必要性"),
        (5, "事项名称"),
    ]
    assert "与第 2 行同一事项的“事项名称”不一致" in parsed.errors[-1].message
    assert parsed.matters == []  # A-1 is inconsistent, B-1 and C-1 are bad: nothing is half-read


def test_missing_columns_are_reported() -> None:
    parsed = parse_rows([{"实施编码": "A"}], LABELS)
    assert {e.column for e in parsed.errors} >= {"事项名称", "事项类型", "法定时限"}
    assert all(e.row == 1 for e in parsed.errors)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_demo_catalog_round_trips_through_a_file(fmt: str) -> None:
    dictionaries = {
        "matter_types": {c: c for c in ("01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "20")},
        **{
            name: {}
            for name in (
                "power_sources",
                "audiences",
                "case_kinds",
                "online_depths",
                "channels",
                "result_types",
                "real_name_levels",
                "cross_areas",
                "special_procedures",
                "material_forms",
                "material_sources",
            )
        },
    }
    known = {  # codes as their own labels: every code used by the demo data
        "power_sources": {"1"},
        "audiences": {"1", "2", "3", "4", "5", "6"},
        "case_kinds": {"1", "2"},
        "online_depths": {str(n) for n in range(1, 8)},
        "result_types": {"certificate", "approval", "payment", "other"},
        "channels": {"window", "online", "mobile"},
        "real_name_levels": {"1", "2", "3"},
        "cross_areas": {"district", "chuanyu", "national", "none"},
        "material_forms": {"original", "copy"},
        "special_procedures": {"hearing", "site_check", "publicity", "appraisal", "expert_review"},
        "material_sources": {"applicant", "government"},
    }
    for name, codes in known.items():
        dictionaries[name] = {code: f"{name}:{code}" for code in codes}
    certificates = {m.certificate_type for s in MATTERS for m in s.materials} | {
        s.result_certificate_type for s in MATTERS
    }
    dictionaries.update({k: v for k, v in LABELS.items() if k != "matter_types"})
    dictionaries["certificate_types"] = {c: f"证照{c}" for c in certificates if c}
    header, rows = spec_rows(MATTERS, dictionaries)
    data = write_table(header, rows, fmt)
    parsed = parse_rows(read_table(data, fmt), dictionaries)
    assert parsed.errors == []
    assert [p.spec for p in parsed.matters] == [s.resolved() for s in MATTERS]
    if fmt == "csv":
        assert write_table(*spec_rows([p.spec for p in parsed.matters], dictionaries), fmt) == data


def test_unreadable_files() -> None:
    with pytest.raises(TableError):
        read_table(b"PK\x03\x04 not really a workbook", "xlsx")
    with pytest.raises(TableError):
        read_table(b"", "csv")
    assert read_table("实施编码,事项名称\r\nA,甲\r\n".encode("gb18030"), "csv").records == [
        {"实施编码": "A", "事项名称": "甲"}
    ]


def test_an_export_never_carries_a_live_formula() -> None:
    """Outside try of issue 18: a matter named `=HYPERLINK("http://evil.example/","点此")` went into the public
    export as a real formula cell (xlsx `<f>`) and a bare `=…` CSV cell; the name still reads back unchanged."""
    import io
    import zipfile

    name = '=HYPERLINK("http://evil.example/","点此")'
    xlsx = write_table(["实施编码", "事项名称"], [["500110-X-1", name]], "xlsx")
    with zipfile.ZipFile(io.BytesIO(xlsx)) as book:
        sheets = [book.read(n).decode() for n in book.namelist() if n.startswith("xl/worksheets/")]
    assert not any("<f>" in sheet for sheet in sheets)
    csv = write_table(["事项名称"], [[name], ["+1"], ["@x"], ["普通名称"]], "csv").decode("utf-8-sig")
    lines = csv.splitlines()
    assert lines[1].lstrip('"').startswith("'=")
    assert lines[2:] == ["'+1", "'@x", "普通名称"]
    header = ["实施编码", "事项名称"]
    again = read_table(write_table(header, [["500110-X-1", name]], "csv"), "csv")
    assert [record["事项名称"] for record in again.records] == [name]
