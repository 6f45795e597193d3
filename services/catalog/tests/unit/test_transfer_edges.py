"""Issue 19, the outside try of the importer (实施清单 in): edges a district's own sheet hits — no 实施主体编码
column, copy/count notes inside 申请材料 cells, headings that carry their unit in brackets (pure: files in, specs
and errors out)."""

from __future__ import annotations

import pytest

from catalog.domain.departments import department_of_code
from catalog.transfer import parse_rows, read_table
from catalog.transfer.values import MaterialNote, material_note

from .test_transfer_sheets import DICTIONARIES, _csv, _xlsx

pytestmark = pytest.mark.unit

NO_DEPARTMENT = "实施编码,事项名称,事项类型,法定时限,承诺时限"


def test_issue19_outside_try_the_department_is_read_from_the_implementation_code() -> None:
    """Issue 19 (outside try): a sheet without a 实施主体编码 column gave "缺少此列" although each 实施编码 begins
    with its department (500110-MZJ-GLJT belongs to 500110-MZJ, a town center's codes to its center)."""
    parsed = parse_rows(
        read_table(
            _csv(
                NO_DEPARTMENT,
                "500110-MZJ-GLJT,高龄津贴申领,行政给付,20,10",
                "500110001000-center-JYDJ,就业登记,公共服务,5,0",
            ),
            "csv",
        ),
        DICTIONARIES,
        departments={"500110-MZJ": None, "500110001000-center": None},
    )
    assert parsed.errors == []
    assert [(m.spec.code, m.spec.department_code, m.derived_department) for m in parsed.matters] == [
        ("500110-MZJ-GLJT", "500110-MZJ", True),
        ("500110001000-center-JYDJ", "500110001000-center", True),
    ]


def test_issue19_outside_try_a_code_that_does_not_say_its_department_is_an_error_saying_so() -> None:
    """Issue 19 (outside try): when the 实施编码 does not show its department, the error says that the sheet has
    no 实施主体编码 column and how a code shows its department, on the row and the sheet's 实施编码 heading."""
    parsed = parse_rows(
        read_table(
            _csv("事项实施编码,事项名称,事项类型,法定时限,承诺时限", "GLJT-01,高龄津贴申领,行政给付,20,10"),
            "csv",
        ),
        DICTIONARIES,
        departments={},
    )
    assert [(e.row, e.column) for e in parsed.errors] == [(2, "事项实施编码")]
    assert "没有“实施主体编码”列" in parsed.errors[0].message
    assert "GLJT-01" in parsed.errors[0].message
    assert "500110-MZJ" in parsed.errors[0].message  # how a code shows it


def test_issue19_outside_try_departments_the_catalog_holds_decide_first() -> None:
    """A department the catalog holds wins over the code's shape (the longest it begins with), and the national
    scheme's leading credit code names the department holding it."""
    known: dict[str, str | None] = {
        "500110-GAJ": None,
        "500110-GAJ-CRJ": None,
        "500110-ZFBGS": "115002227398230135",
    }
    assert department_of_code("500110-GAJ-CRJ-HZ", known) == "500110-GAJ-CRJ"
    assert department_of_code("500110-GAJ-HJ-QY", known) == "500110-GAJ"
    assert department_of_code("1150022273982301354000111700001", known) == "500110-ZFBGS"
    assert department_of_code("1150022273982301364000111700001", known) is None  # no such credit code
    assert department_of_code("XK-001", known) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("居民身份证（复印件1份）", MaterialNote("居民身份证", "copy", 1)),
        ("户口簿原件1份", MaterialNote("户口簿", "original", 1)),
        ("申请表（原件2份）", MaterialNote("申请表", "original", 2)),
        ("结婚证复印件一份", MaterialNote("结婚证", "copy", 1)),
        ("营业执照（原件及复印件各1份）", MaterialNote("营业执照", "original_and_copy", 1)),
        ("授权委托书（原件，加盖公章）", MaterialNote("授权委托书", "original", None, "加盖公章")),
        ("申请书一式两份", MaterialNote("申请书", None, 2)),
        ("营业执照（副本）", MaterialNote("营业执照（副本）")),  # not a copy note: part of the name
        ("身份证明（户口簿或身份证）", MaterialNote("身份证明（户口簿或身份证）")),
    ],
)
def test_issue19_outside_try_copy_notes_are_not_part_of_a_material_name(
    text: str, expected: MaterialNote
) -> None:
    """Issue 19 (outside try): "（复印件1份）" stayed in the material's name; it is its form and paper copies."""
    assert material_note(text) == expected


def test_issue19_outside_try_a_material_cell_with_copy_notes_sets_form_and_copies() -> None:
    """Issue 19 (outside try): a 申请材料 cell's notes become each material's 材料形式, 纸质份数 and 材料说明."""
    cell = "1.居民身份证（复印件1份）\n2.户口簿原件2份\n3.授权委托书（原件，加盖公章）"
    parsed = parse_rows(
        read_table(
            _csv(
                "实施编码,事项名称,事项类型,实施主体编码,法定时限,承诺时限,申请材料",
                f'A-1,甲,01,500110-MZJ,20,10,"{cell}"',
            ),
            "csv",
        ),
        DICTIONARIES,
    )
    assert parsed.errors == []
    materials = parsed.matters[0].spec.materials
    assert [(m.name, m.form, m.paper_copies, m.notes) for m in materials] == [
        ("居民身份证", "copy", 1, ""),
        ("户口簿", "original", 2, ""),
        ("授权委托书", "original", 1, "加盖公章"),
    ]
    assert parsed.matters[0].material_given(1) == frozenset({"form", "paper_copies"})


def test_issue19_outside_try_headings_with_their_unit_are_understood_and_named_as_written() -> None:
    """Issue 19 (outside try): "承诺时限（工作日）" and a merged "办理时限（工作日）" over 法定/承诺 were unknown
    columns ("缺少此列" for 法定时限 and 承诺时限); they are read, the unit in brackets is the limit's unit, and
    errors name the heading as the sheet writes it."""
    one_row = parse_rows(
        read_table(
            _csv(
                "实施编码,事项名称,事项类型,实施主体编码,法定时限（自然日）,承诺时限（工作日）",
                "A-1,甲,01,500110-MZJ,30,约十天",
            ),
            "csv",
        ),
        DICTIONARIES,
    )
    assert [(e.row, e.column) for e in one_row.errors] == [(2, "承诺时限（工作日）")]
    assert "承诺时限（工作日）" in one_row.errors[0].message
    header = ["实施编码", "事项名称", "事项类型", "实施主体编码", "办理时限（自然日）", None]
    two_rows = parse_rows(
        read_table(
            _xlsx(
                [
                    header,
                    [None, None, None, None, "法定", "承诺"],
                    ["A-1", "甲", "01", "500110-MZJ", "30", "二十"],
                ],
                merges=((1, 5, 1, 6),),
            ),
            "xlsx",
        ),
        DICTIONARIES,
    )
    assert two_rows.errors == []
    spec = two_rows.matters[0].spec
    assert (spec.statutory_days, spec.statutory_unit, spec.promised_days, spec.promised_unit) == (
        30,
        "natural_day",
        20,
        "natural_day",
    )
    clash = parse_rows(
        read_table(
            _csv(
                "实施编码,事项名称,事项类型,实施主体编码,法定时限,承诺时限（工作日）",
                "A-1,甲,01,500110-MZJ,20,10个自然日",
            ),
            "csv",
        ),
        DICTIONARIES,
    )
    assert [(e.row, e.column) for e in clash.errors] == [(2, "承诺时限（工作日）")]


def test_issue19_outside_try_a_missing_column_names_the_columns_not_understood() -> None:
    """A required column that is missing while the sheet has columns we could not read names them."""
    parsed = parse_rows(
        read_table(
            _csv("实施编码,事项名称,事项类型,实施主体编码,法定时限,承诺期限值", "A-1,甲,01,500110-MZJ,20,10"),
            "csv",
        ),
        DICTIONARIES,
    )
    assert [(e.column, e.message) for e in parsed.errors] == [
        ("承诺时限", "缺少此列；表中未能识别的列：承诺期限值——如其中有此列，请把列名改为“承诺时限”")
    ]


def test_outside_try_a_department_read_from_the_code_must_be_one_the_catalog_holds() -> None:
    """Issue 19's outside try: 500110-WLW-TEST-002 (区文化旅游委 is 500110-WHLYW) was published under a department
    that does not exist, and nobody could ever handle its cases. A department read from the code's shape alone
    must be one the catalog's matters have; otherwise the row says to write the 实施主体编码 column."""
    parsed = parse_rows(
        read_table(_csv(NO_DEPARTMENT, "500110-WLW-TEST-002,营业性演出审批,行政许可,20,10"), "csv"),
        DICTIONARIES,
        departments={"500110-WHLYW": None, "500110-MZJ": None},
    )
    assert parsed.matters == []
    [error] = parsed.errors
    assert "500110-WLW" in error.message
    assert "实施主体编码" in error.message


def test_outside_try_a_material_twice_in_one_cell_names_the_items() -> None:
    """Issue 19's outside try: a material listed twice inside one 申请材料 cell was reported "与第 4 行重复" on
    row 4 itself. The error names the two items of the cell, on the 申请材料 column."""
    cell = "1.申请人身份证明\n2.营业执照（复印件1份）\n3.场所证明\n4.申请人身份证明"
    parsed = parse_rows(
        read_table(
            _csv(
                "实施编码,事项名称,事项类型,实施主体编码,法定时限,承诺时限,申请材料",
                f'A-1,甲,01,500110-MZJ,20,10,"{cell}"',
            ),
            "csv",
        ),
        DICTIONARIES,
    )
    [error] = parsed.errors
    assert error.row == 2
    assert error.column == "申请材料"
    assert error.message == "材料“申请人身份证明”在本行的申请材料中出现两次（第 1 项与第 4 项）"
