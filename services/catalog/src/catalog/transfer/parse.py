"""Rows of a sheet to matter specs, every problem named by the sheet's row and the sheet's own heading.

A matter's own columns repeat on each of its rows, or are left empty (merged) on the rows after its first; a
matter's materials are one a row, or listed in one 申请材料 cell. 办理地点, 办理时间 and 收费标准 have no field
of their own: they become labelled lines of 办事指南 (what an applicant reads), the same every time.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from catalog.domain.matters import MatterSpec
from catalog.transfer.columns import (
    COLUMNS,
    KNOWN,
    LONG,
    MATERIAL_COLUMNS,
    MATTER_COLUMNS,
    Column,
    Dictionaries,
    Kind,
)
from catalog.transfer.extras import (
    OWN_COLUMNS,
    derive_department,
    extras,
    missing_message,
    noted,
    time_limits,
)
from catalog.transfer.sheet import RowError, Sheet
from catalog.transfer.values import Codes, material_note, parse_days
from meshkit.hostile import text_error

__all__ = ["ParsedFile", "ParsedMatter", "parse_rows"]

_SPLIT = re.compile(r"[、,，;；|\n]+(?![^（(]*[）)])")  # not inside brackets: 镇（乡、街道）级 is one value
_TRUE, _FALSE = {"是", "true", "1", "y", "yes"}, {"否", "false", "0", "n", "no"}
Heading = Callable[[str], str]


@dataclass(frozen=True)
class ParsedMatter:
    row: int  # first row of the matter
    spec: MatterSpec
    rows: tuple[int, ...] = ()  # every row of the matter
    material_rows: tuple[int, ...] = ()  # the row of each material of ``spec.materials``
    # the fields the sheet speaks about (its column is there, or a cell set it): the others keep what the
    # catalog has, so a sheet without, say, 电子证照类型 does not wipe a matter's paper-free links
    given: frozenset[str] = frozenset()
    given_material: frozenset[str] = frozenset()  # the same for each material's fields; "name" = materials
    materials_given: tuple[
        frozenset[str], ...
    ] = ()  # per material, the fields its own cell set (a note: 复印件1份)
    derived_department: bool = False  # 实施主体编码 read from the 实施编码 (the sheet has no such column)

    def material_given(self, index: int) -> frozenset[str]:
        return self.materials_given[index] if index < len(self.materials_given) else frozenset()


@dataclass(frozen=True)
class ParsedFile:
    matters: list[ParsedMatter]
    errors: list[RowError]
    rows: int
    warnings: list[RowError] = field(default_factory=list)
    shown: dict[str, str] = field(default_factory=dict)  # our heading → the sheet's
    dropped: dict[str, tuple[int, ...]] = field(default_factory=dict)  # matter code → its rows, not applied

    def heading(self, ours: str) -> str:
        return self.shown.get(ours, ours)


def _value(raw: str, column: Column, codes: Codes, heading: str) -> Any:
    if column.kind is Kind.TEXT:
        return raw
    if not raw:
        return {Kind.CODES: [], Kind.LIST: []}.get(column.kind)
    match column.kind:
        case Kind.OPTIONAL:
            return raw
        case Kind.DAYS:
            return parse_days(raw, heading)
        case Kind.INT:
            if not re.fullmatch(r"\d{1,5}", raw):
                raise ValueError(f"“{heading}”应为非负整数，实际为“{raw}”")
            return int(raw)
        case Kind.BOOL:
            if raw.lower() not in _TRUE | _FALSE:
                raise ValueError(f"“{heading}”应为“是”或“否”，实际为“{raw}”")
            return raw.lower() in _TRUE
        case Kind.DATE:
            try:
                return date.fromisoformat(raw[:10])
            except ValueError:
                raise ValueError(f"“{heading}”应为日期（如 2025-01-01），实际为“{raw}”") from None
        case Kind.CODE:
            code = codes.code_of(raw, column.dictionary or "", heading)
            return int(code) if column.field == "min_real_name_level" else code
        case Kind.CODES:
            parts = [p.strip() for p in _SPLIT.split(raw) if p.strip()]
            return list(dict.fromkeys(codes.code_of(p, column.dictionary or "", heading) for p in parts))
    return [part.strip() for part in _SPLIT.split(raw) if part.strip()]


def _too_long(parts: Sequence[str], column: Column, *, each: bool) -> str | None:
    """The refusal of a cell longer than the column it lands in, without the cell's value: such a cell is as
    likely as any to hold someone's phone or ID number."""
    if column.max_length is None:
        return None
    longest = max((len(part) for part in parts), default=0)
    if longest <= column.max_length:
        return None
    return f"{'每项' if each else ''}最多 {column.max_length} 个字符，实际 {longest} 个"


def _cell_too_long(raw: str, column: Column) -> str | None:
    if column.kind in (Kind.CODE, Kind.CODES, Kind.DAYS):
        return None  # a label may be longer than its code: the code is checked once resolved
    if column.kind is Kind.LIST:
        return _too_long([p.strip() for p in _SPLIT.split(raw)], column, each=True)
    return _too_long([raw], column, each=False)


def _code_too_long(value: Any, column: Column) -> str | None:
    if column.kind is Kind.CODES:
        message = _too_long(value, column, each=True)
    elif column.kind is Kind.CODE and isinstance(value, str):
        message = _too_long([value], column, each=False)
    else:
        return None
    return None if message is None else f"代码{message}"


def _read(
    record: Mapping[str, str],
    columns: Sequence[Column],
    row: int,
    codes: Codes,
    errors: list[RowError],
    heading: Heading,
) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for column in columns:
        if column.header not in record and not column.required:
            continue  # a column the sheet does not have: the field's default, not an empty value
        raw = record.get(column.header, "").strip()
        name = heading(column.header)
        if column.required and not raw:
            errors.append(RowError(row, name, "必填"))
            continue
        hostile = text_error(raw, (), multi_line=column.max_length == LONG)  # as the API's MultiLineText
        if hostile is not None:
            errors.append(RowError(row, name, hostile["msg"]))
            continue
        problem = _cell_too_long(raw, column)
        try:
            value = None if problem else _value(raw, column, codes, name)
        except ValueError as exc:
            problem = str(exc)
        problem = problem or _code_too_long(value, column)
        if problem:
            errors.append(RowError(row, name, problem))
            continue
        if value is not None and not (value == "" and column.kind is not Kind.TEXT):
            values[column.field] = value
    return values


@dataclass
class _Group:
    first: int
    values: dict[str, Any]
    rows: list[int] = field(default_factory=list)
    materials: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    bad: bool = False


_FIELD_HEADER = {c.field: c.header for c in MATTER_COLUMNS} | {"_cell_materials": "申请材料"}


def _add_material(
    group: _Group, row: int, material: dict[str, Any], errors: list[RowError], h: Heading
) -> bool:
    key = re.sub(r"\s+", "", str(material.get("name", "")))
    in_row = [other for earlier, other in group.materials if earlier == row]
    for earlier, other in group.materials:
        if re.sub(r"\s+", "", str(other.get("name", ""))) == key:
            if earlier == row:  # one 申请材料 cell listing it twice: name the items, not the row itself
                first = next(n for n, o in enumerate(in_row, 1) if o is other)
                where = f"在本行的申请材料中出现两次（第 {first} 项与第 {len(in_row) + 1} 项）"
                errors.append(RowError(row, h("申请材料"), f"材料“{material['name']}”{where}"))
            else:
                errors.append(RowError(row, h("材料名称"), f"材料“{material['name']}”与第 {earlier} 行重复"))
            return False
    group.materials.append((row, material))
    return True


def parse_rows(
    records: Sheet | Sequence[Mapping[str, str]],
    dictionaries: Dictionaries,
    *,
    departments: Mapping[str, str | None] | None = None,
) -> ParsedFile:
    """Specs of the well-formed matters, and every problem with its sheet row and the sheet's heading.
    ``departments``: the departments the catalog holds (code → credit code), to read a matter's department from
    its 实施编码 when the sheet has no 实施主体编码 column."""
    sheet = records if isinstance(records, Sheet) else Sheet.of_records(records, KNOWN)
    h, errors = sheet.heading, list[RowError]()
    present = set(sheet.records[0]) if sheet.records else set()
    derive = "实施主体编码" not in present  # then each matter's department is read from its 实施编码
    missing = [
        c.header
        for c in COLUMNS
        if c.required and sheet.records and c.header not in present and c.header != "实施主体编码"
    ]
    if missing:
        return ParsedFile(
            [],
            [RowError(sheet.header_row, m, missing_message(m, sheet)) for m in missing],
            len(sheet.records),
            sheet.warnings,
        )
    groups: dict[str, _Group] = {}
    last: _Group | None = None
    codes = Codes(dictionaries)
    for record, row in zip(sheet.records, sheet.rows, strict=True):
        before = len(errors)
        has_material = bool(record.get("材料名称", "").strip())
        if (
            last is not None
            and has_material
            and not any(record.get(k, "").strip() for k in ("实施编码", "事项名称"))
        ):
            group = last  # the matter's cells are merged (or left empty) on its later rows
        else:
            values = _read(record, OWN_COLUMNS if derive else MATTER_COLUMNS, row, codes, errors, h)
            if derive and values.get("code"):
                derive_department(values, departments or {}, row, errors, h)
            time_limits(values, row, errors, h, sheet.units)
            cell_materials = extras(record, values, row, errors, h)
            code = values.get("code") or f"第{row}行"
            group = groups.get(code) or groups.setdefault(code, _Group(row, values))
            if group.first != row and len(errors) == before and not group.bad:
                differ = [h(_FIELD_HEADER[k]) for k in _FIELD_HEADER if values.get(k) != group.values.get(k)]
                if differ:
                    errors.append(
                        RowError(
                            row, differ[0], f"与第 {group.first} 行同一事项的“{'”“'.join(differ)}”不一致"
                        )
                    )
            elif group.first == row:
                for material in cell_materials:
                    _add_material(group, row, material, errors, h)
        group.rows.append(row)
        if has_material:
            material = _read(record, MATERIAL_COLUMNS, row, codes, errors, h)
            if "name" in material:
                material = noted(material, material_note(material["name"]))
            if len(errors) == before:
                _add_material(group, row, material, errors, h)
        group.bad = group.bad or len(errors) > before
        last = group
    matters, dropped = [], {}
    given_material = frozenset(
        {c.field for c in MATERIAL_COLUMNS if c.header in present}
        | ({"name", "form"} if "申请材料" in present else set())
    )
    for code, group in groups.items():
        if group.bad:
            dropped[code] = tuple(group.rows)
            continue
        values = {k: v for k, v in group.values.items() if not k.startswith("_")}
        spec = MatterSpec.from_values({**values, "materials": [m for _, m in group.materials]})
        rows = tuple(r for r, _ in group.materials)
        given = frozenset({c.field for c in MATTER_COLUMNS if c.header in present} | set(values))
        cell_given = tuple(frozenset(k for k in m if k != "name") for _, m in group.materials)
        derived = "实施主体编码" not in present
        matters.append(
            ParsedMatter(
                group.first, spec, tuple(group.rows), rows, given, given_material, cell_given, derived
            )
        )
    return ParsedFile(matters, errors, len(sheet.records), sheet.warnings, sheet.shown, dropped)
