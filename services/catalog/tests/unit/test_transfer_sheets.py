"""Issue 19, failures 12 and 14: a 实施清单 as districts really keep it is read, and every problem is named by the
sheet's own row and column heading (pure: files in, specs and errors out)."""

from __future__ import annotations

import importlib.util
import io
import runpy
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook  # type: ignore[import-untyped]

from catalog.store import SERVICE_ROOT
from catalog.transfer import parse_rows, read_table, spec_rows, write_table

pytestmark = pytest.mark.unit

DATA = Path(__file__).parents[1] / "data"


def _migration(name: str) -> Any:
    path = SERVICE_ROOT / "migrations" / "versions" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"catalog_migration_{name}", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _seeded() -> dict[str, dict[str, str]]:
    """The code lists as migrations 0002 and 0004 (材料所属) seed them."""
    seeded = {
        name: dict(entries)
        for name, entries in _migration("0002_catalog_national_fields").DICTIONARIES.items()
    }
    return {**seeded, "material_holders": dict(_migration("0004_material_holder").HOLDERS)}


DICTIONARIES = _seeded()


def _xlsx(rows: list[list[Any]], merges: tuple[tuple[int, int, int, int], ...] = ()) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "实施清单"
    for row in rows:
        sheet.append(row)
    for first_row, first_column, last_row, last_column in merges:
        sheet.merge_cells(
            start_row=first_row, start_column=first_column, end_row=last_row, end_column=last_column
        )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _csv(*lines: str) -> bytes:
    return ("\r\n".join(lines) + "\r\n").encode("utf-8-sig")


BASE = "实施编码,事项名称,事项类型,实施主体编码,法定时限,承诺时限"


def test_issue19_failure12_real_headings_are_understood_and_unknown_ones_are_named() -> None:
    """Failure 12: 办理地点, 申请材料, 收费标准, 监督投诉电话, 办理时间, 序号 were dropped silently. Each is understood
    now (办理地点/办理时间/收费标准 as lines of 办事指南, 收费标准 also deciding 是否收费); a heading we do not know is
    reported as a warning naming it."""
    sheet = read_table(
        _csv(
            "序号,事项名称,实施编码,事项类型,实施机构,实施主体编码,法定办结时限,承诺办结时限,咨询电话,监督投诉电话,"
            "办理地点,办理时间,收费标准,申请材料,审查标准",
            "1,高龄津贴申领,500110-MZJ-GLJT,行政给付,区民政局,500110-MZJ,20,10,023-48662301,023-48662399,"
            '区行政服务中心,工作日 9:00-17:00,不收费,"1.申请表 2.户口簿",按规定',
        ),
        "csv",
    )
    parsed = parse_rows(sheet, DICTIONARIES)
    assert parsed.errors == []
    assert [(w.row, w.column) for w in parsed.warnings] == [(1, "审查标准")]
    assert "无法识别" in parsed.warnings[0].message
    spec = parsed.matters[0].spec
    assert (spec.department_name, spec.consult_phone, spec.complaint_phone) == (
        "区民政局",
        "023-48662301",
        "023-48662399",
    )
    assert spec.guide == "办理地点：区行政服务中心\n办理时间：工作日 9:00-17:00\n收费标准：不收费"
    assert spec.fee is False
    assert [m.name for m in spec.materials] == ["申请表", "户口簿"]


def test_issue19_failure12_title_rows_above_the_header_are_skipped() -> None:
    """Failure 12: a title row above the header gave six "缺少此列"."""
    data = _xlsx(
        [
            ["重庆市綦江区政务服务事项实施清单（2026年版）"],
            ["填报单位：区政务服务管理办公室", None, None, "更新日期：2026年11月"],
            BASE.split(","),
            ["500110-MZJ-GLJT", "高龄津贴申领", "05", "500110-MZJ", 20, 10],
        ],
        merges=((1, 1, 1, 6),),
    )
    sheet = read_table(data, "xlsx")
    parsed = parse_rows(sheet, DICTIONARIES)
    assert (parsed.errors, sheet.header_row, sheet.rows) == ([], 3, [4])
    assert parsed.matters[0].row == 4


def test_issue19_failure12_a_header_merged_over_two_rows_is_read_as_one() -> None:
    """Failure 12: a header merged across two rows read its second row as data. The group heading over its
    sub-headings (申请材料 over 名称/必要性/份数) is one header; a matter's cells merged down over its material rows
    belong to every one of them."""
    top = ["实施编码", "事项名称", "事项类型", "实施主体编码", "办理时限", None, "申请材料", None, None]
    sub = [None, None, None, None, "法定", "承诺", "名称", "必要性", "份数"]
    data = _xlsx(
        [
            top,
            sub,
            [
                "500110-MZJ-GLJT",
                "高龄津贴申领",
                "行政给付",
                "500110-MZJ",
                "20个工作日",
                "10个工作日",
                "申请表",
                "必要",
                1,
            ],
            [None, None, None, None, None, None, "户口簿", "非必要", 2],
        ],
        merges=(
            (1, 1, 2, 1),
            (1, 2, 2, 2),
            (1, 3, 2, 3),
            (1, 4, 2, 4),
            (1, 5, 1, 6),
            (1, 7, 1, 9),
            *tuple((3, c, 4, c) for c in range(1, 7)),
        ),
    )
    sheet = read_table(data, "xlsx")
    parsed = parse_rows(sheet, DICTIONARIES)
    assert parsed.errors == []
    assert sheet.warnings == []
    assert sheet.header_row == 2
    (matter,) = parsed.matters
    assert (matter.spec.statutory_days, matter.spec.promised_days) == (20, 10)
    assert [(m.name, m.requirement, m.paper_copies) for m in matter.spec.materials] == [
        ("申请表", "required", 1),
        ("户口簿", "optional", 2),
    ]
    assert matter.material_rows == (3, 4)


@pytest.mark.parametrize(
    ("levels", "expected"),
    [
        ("区县级", ("district",)),
        ("四级", ("district",)),
        ("乡镇（街道）级、村（社区）级", ("town", "village")),
        ("镇（乡、街道）级", ("town",)),
        ("区级,街镇级", ("district", "town")),
    ],
)
def test_issue19_failure12_level_names_are_understood(levels: str, expected: tuple[str, ...]) -> None:
    """Failure 12: 区县级, 四级 (the national 行使层级 code 4 = 县级), 乡镇（街道）级 were refused."""
    parsed = parse_rows(
        read_table(_csv(BASE + ",行使层级", f'A-1,甲,01,500110-MZJ,20,10,"{levels}"'), "csv"), DICTIONARIES
    )
    assert parsed.errors == []
    assert parsed.matters[0].spec.levels == expected


@pytest.mark.parametrize(
    ("cell", "days", "unit"),
    [
        ("20个工作日", 20, "working_day"),
        ("二十个工作日", 20, "working_day"),
        ("十五个自然日", 15, "natural_day"),
        ("30天", 30, "natural_day"),
        ("20", 20, "working_day"),
        ("即办", 0, "working_day"),
    ],
)
def test_issue19_failure12_time_limits_in_words_are_understood(cell: str, days: int, unit: str) -> None:
    """Failure 12: "20个工作日" and "二十个工作日" were refused without a hint."""
    parsed = parse_rows(
        read_table(_csv(BASE + ",办件类型", f"A-1,甲,行政许可,500110-MZJ,{cell},0,即办件"), "csv"),
        DICTIONARIES,
    )
    assert parsed.errors == []
    spec = parsed.matters[0].spec
    assert (spec.statutory_days, spec.statutory_unit, spec.case_kind) == (days, unit, "1")


def test_issue19_failure12_an_unclear_time_limit_says_what_to_write() -> None:
    parsed = parse_rows(read_table(_csv(BASE, "A-1,甲,01,500110-MZJ,二十日,十日左右"), "csv"), DICTIONARIES)
    assert [(e.row, e.column) for e in parsed.errors] == [(2, "法定时限"), (2, "承诺时限")]
    assert "20个工作日" in parsed.errors[0].message  # says how to write it
    assert "即办" in parsed.errors[1].message


def test_issue19_failure12_a_multi_line_material_cell_maps_to_materials() -> None:
    """Failure 12: 申请材料 as one multi-line cell could not be mapped."""
    cell = "1.个体工商户登记（备案）申请书\n2.经营者身份证明原件\n3.经营场所使用证明复印件"
    parsed = parse_rows(
        read_table(_csv(BASE + ",申请材料", f'A-1,甲,01,500110-SCJGJ,15,3,"{cell}"'), "csv"), DICTIONARIES
    )
    assert parsed.errors == []
    assert [(m.name, m.form) for m in parsed.matters[0].spec.materials] == [
        ("个体工商户登记（备案）申请书", "original"),
        ("经营者身份证明", "original"),  # the form a name ends with is the material's form, not its name
        ("经营场所使用证明", "copy"),
    ]


def test_issue19_failure14_rows_that_disagree_name_the_column() -> None:
    """Failure 14: "与第 3 行同一事项的信息不一致" did not say which column differs."""
    parsed = parse_rows(
        read_table(
            _csv(BASE + ",材料名称", "A-1,甲,01,500110-MZJ,20,10,申请表", "A-1,甲,01,500110-MZJ,20,5,户口簿"),
            "csv",
        ),
        DICTIONARIES,
    )
    assert [(e.row, e.column) for e in parsed.errors] == [(3, "承诺时限")]
    assert parsed.errors[0].message == "与第 2 行同一事项的“承诺时限”不一致"


def test_issue19_failure14_an_invalid_code_lists_the_allowed_values() -> None:
    """Failure 14: an invalid code value did not list the allowed ones."""
    parsed = parse_rows(
        read_table(_csv(BASE + ",行使层级,办件类型", "A-1,甲,01,500110-MZJ,20,10,省级,急办"), "csv"),
        DICTIONARIES,
    )
    levels, kinds = parsed.errors
    assert (levels.column, kinds.column) == ("行使层级", "办件类型")
    assert "区级（district）、街镇级（town）、村社区级（village）" in levels.message
    assert "即办件（1）、承诺件（2）" in kinds.message


def test_issue19_failure14_a_duplicate_material_is_reported_on_its_own_row() -> None:
    """Failure 14: a duplicate material was reported on the matter's first row."""
    parsed = parse_rows(
        read_table(
            _csv(
                BASE + ",材料名称",
                "A-1,甲,01,500110-MZJ,20,10,申请表",
                "A-1,甲,01,500110-MZJ,20,10,户口簿",
                "A-1,甲,01,500110-MZJ,20,10,申请 表",
            ),
            "csv",
        ),
        DICTIONARIES,
    )
    assert [(e.row, e.column, e.message) for e in parsed.errors] == [
        (4, "材料名称", "材料“申请 表”与第 2 行重复")
    ]


def test_issue19_failure14_errors_name_the_sheets_own_heading() -> None:
    """Failure 14: errors named our fields; they name the sheet's heading, as the clerk sees it."""
    parsed = parse_rows(
        read_table(
            _csv(
                "实施编码,事项名称,事项类型,实施机构编码,法定办结时限,承诺办结时限", "A-1,甲,01,X,20,约十天"
            ),
            "csv",
        ),
        DICTIONARIES,
    )
    assert [(e.row, e.column) for e in parsed.errors] == [(2, "承诺办结时限")]


@pytest.mark.parametrize("name", ["实施清单_单行表头.xlsx", "实施清单_两行表头.xlsx"])
def test_issue19_failure12_sample_district_sheets_are_read(name: str) -> None:
    """Both sample layouts (made by tests/data/make_sheets.py) read without errors; the committed files are what
    the script makes."""
    made = runpy.run_path(str(DATA / "make_sheets.py"))
    book = made["one_row_sheet" if "单行" in name else "two_row_sheet"]()
    buffer = io.BytesIO()
    book.save(buffer)
    sheet = read_table((DATA / name).read_bytes(), "xlsx")
    assert sheet == read_table(buffer.getvalue(), "xlsx")
    parsed = parse_rows(sheet, DICTIONARIES)
    assert parsed.errors == []
    if "单行" in name:
        assert [w.column for w in sheet.warnings] == ["审查标准"]
        assert [len(m.spec.materials) for m in parsed.matters] == [2, 2, 0]
        assert parsed.matters[0].spec.levels == ("district", "town")
        assert (parsed.matters[1].spec.statutory_days, parsed.matters[1].spec.levels) == (20, ("district",))
    else:
        assert sheet.warnings == []
        assert [len(m.spec.materials) for m in parsed.matters] == [3, 3]
        assert parsed.matters[1].spec.promised_days == 0
    # and what the importer made of it writes out and reads back the same (实施清单 out)
    header, rows = spec_rows([m.spec for m in parsed.matters], DICTIONARIES)
    again = parse_rows(read_table(write_table(header, rows, "xlsx"), "xlsx"), DICTIONARIES)
    assert [m.spec for m in again.matters] == [m.spec.resolved() for m in parsed.matters]


@pytest.mark.parametrize("cell", ["十十十", "九万", "约二十天", "20日"])
def test_issue19_failure12_unreadable_time_limits_are_refused_with_a_hint(cell: str) -> None:
    parsed = parse_rows(read_table(_csv(BASE, f"A-1,甲,01,500110-MZJ,{cell},0"), "csv"), DICTIONARIES)
    assert [(e.row, e.column) for e in parsed.errors] == [(2, "法定时限")]
    assert "个工作日" in parsed.errors[0].message


def test_issue19_failure12_a_sub_heading_row_richer_than_its_group_row_is_still_the_second_header_row() -> (
    None
):
    """The row of sub-headings may name more columns than the group row above it; the header starts above."""
    top = [
        "实施编码",
        "事项名称",
        "事项类型",
        "实施主体编码",
        "办理时限",
        None,
        "申请材料",
        None,
        None,
        None,
        None,
    ]
    sub = [None, None, None, None, "法定", "承诺", "名称", "必要性", "份数", "来源渠道", "材料形式"]
    data = _xlsx(
        [
            ["綦江区实施清单"],
            top,
            sub,
            ["A-1", "甲", "01", "500110-MZJ", "20", "10", "申请表", "必要", 1, "申请人", "原件"],
        ]
    )
    sheet = read_table(data, "xlsx")
    parsed = parse_rows(sheet, DICTIONARIES)
    assert (parsed.errors, sheet.header_row) == ([], 3)
    assert parsed.matters[0].spec.materials[0].name == "申请表"
