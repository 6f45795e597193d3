"""What a row says beyond the cells of our own columns: time-limit units written in a cell or a heading,
办理地点 / 办理时间 / 收费标准 as lines of 办事指南, the materials of a 申请材料 cell with their copy notes, and a
department read from the 实施编码 when the sheet has no 实施主体编码 column."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from catalog.domain.departments import CODE_SHAPES, department_of_code
from catalog.transfer.columns import LONG, MATERIAL_COLUMNS, MATTER_COLUMNS
from catalog.transfer.sheet import RowError, Sheet
from catalog.transfer.values import Days, MaterialNote, material_lines
from meshkit.hostile import text_error

__all__ = [
    "GUIDE_LINES",
    "NO_FEE",
    "OWN_COLUMNS",
    "derive_department",
    "extras",
    "missing_message",
    "noted",
    "time_limits",
]

NO_FEE = {"不收费", "免费", "无", "0", "否", "无收费", "不收取费用"}
GUIDE_LINES = ("办理地点", "办理时间", "收费标准")  # in this order, after the 办事指南 text
Heading = Callable[[str], str]


def time_limits(
    values: dict[str, Any], row: int, errors: list[RowError], heading: Heading, units: Mapping[str, str]
) -> None:
    """A unit written in the time-limit cell ("20个工作日") or in its heading ("承诺时限（工作日）") fills the unit
    column, or must agree with it; a cell's unit must agree with its heading's."""
    for days_field, unit_field, days_header, unit_header in (
        ("statutory_days", "statutory_unit", "法定时限", "法定时限单位"),
        ("promised_days", "promised_unit", "承诺时限", "承诺时限单位"),
    ):
        limit = values.get(days_field)
        if not isinstance(limit, Days):
            continue
        values[days_field] = limit.days
        named = units.get(days_header)
        if limit.unit is not None and named is not None and limit.unit != named:
            errors.append(RowError(row, heading(days_header), "单元格中写明的单位与列名中的单位不一致"))
            continue
        unit = limit.unit or named
        if unit is None:
            continue
        given = values.get(unit_field)
        if given is not None and given != unit:
            errors.append(
                RowError(row, heading(unit_header), f"与“{heading(days_header)}”中写明的单位不一致")
            )
        values[unit_field] = unit


def extras(
    record: Mapping[str, str], values: dict[str, Any], row: int, errors: list[RowError], heading: Heading
) -> list[dict[str, Any]]:
    """办理地点 / 办理时间 / 收费标准 into 办事指南 (and 是否收费), and the materials of a 申请材料 cell."""
    lines = [values.get("guide", "")] if values.get("guide") else []
    for name in GUIDE_LINES:
        raw = record.get(name, "").strip()
        hostile = text_error(raw, (), multi_line=True)
        if hostile is not None:
            errors.append(RowError(row, heading(name), hostile["msg"]))
        elif raw:
            lines.append(f"{name}：{raw}")
    if len(lines) > (1 if values.get("guide") else 0):
        guide = "\n".join(lines)
        if len(guide) > LONG:
            errors.append(RowError(row, heading("办事指南"), f"连同办理地点等各列最多 {LONG} 个字符"))
        values["guide"] = guide
    fee_text = re.sub(r"\s+", "", record.get("收费标准", ""))
    if fee_text and "fee" not in values:
        values["fee"] = fee_text not in NO_FEE
    cell = record.get("申请材料", "").strip()
    hostile = text_error(cell, (), multi_line=True)
    if hostile is not None:
        errors.append(RowError(row, heading("申请材料"), hostile["msg"]))
        return []
    out: list[dict[str, Any]] = []
    for note in material_lines(cell):
        if len(note.name) > (MATERIAL_COLUMNS[0].max_length or LONG):
            errors.append(RowError(row, heading("申请材料"), f"材料“{note.name[:20]}…”名称过长"))
            continue
        out.append(noted({"name": note.name}, note))
    values["_cell_materials"] = [m["name"] for m in out]
    return out


def noted(material: dict[str, Any], note: MaterialNote) -> dict[str, Any]:
    """A material's form, paper copies and remark from the note after its name, where its own columns are
    not filled (a column the sheet fills wins)."""
    material["name"] = note.name
    for key, value in (("form", note.form), ("paper_copies", note.copies), ("notes", note.notes)):
        if value is not None and material.get(key) in (None, ""):
            material[key] = value
    return material


def missing_message(heading: str, sheet: Sheet) -> str:
    """缺少此列, naming the sheet's columns that were not understood (one of them may be meant)."""
    unknown = [w.column for w in sheet.warnings if w.row == sheet.header_row]
    if not unknown:
        return "缺少此列"
    return f"缺少此列；表中未能识别的列：{'、'.join(unknown[:10])}——如其中有此列，请把列名改为“{heading}”"


OWN_COLUMNS = [c for c in MATTER_COLUMNS if c.header != "实施主体编码"]


def derive_department(
    values: dict[str, Any],
    departments: Mapping[str, str | None],
    row: int,
    errors: list[RowError],
    h: Heading,
) -> None:
    department = department_of_code(values["code"], departments)
    if department is None:
        errors.append(
            RowError(
                row,
                h("实施编码"),
                f"表中没有“实施主体编码”列，无法从实施编码“{values['code']}”看出实施主体（如 {CODE_SHAPES}）："
                "请加“实施主体编码”列",
            )
        )
    elif department not in departments:
        # read from the code's shape only: a department no matter of the catalog has is more likely a misread
        # code (500110-WLW for 区文化旅游委, 500110-WHLYW) than a new one — the sheet must say so (outside try)
        errors.append(
            RowError(
                row,
                h("实施编码"),
                f"实施编码“{values['code']}”看起来属于实施主体 {department}，但目录中没有这个实施主体的事项："
                "请加“实施主体编码”列写明实施主体（新设的实施主体也须写明）",
            )
        )
    else:
        values["department_code"] = department
