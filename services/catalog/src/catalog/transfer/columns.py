"""The columns of the implementation list and the conversion of rows to matter specs and back.

One row per material; a matter's own columns repeat on each of its rows (a matter without materials has one
row with the material columns empty). Coded columns accept the code or its Chinese label and are exported as
labels; multi-valued columns are joined with 、. Row numbers are the spreadsheet's (the header is row 1).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any

from sqlalchemy import Text

from catalog.domain.codes import Dictionary
from catalog.domain.matters import MatterSpec
from catalog.store.models import TEXT_LENGTH, Material, Matter
from meshkit.bounds import column_length
from meshkit.hostile import text_error

__all__ = ["COLUMNS", "ParsedFile", "ParsedMatter", "RowError", "parse_rows", "spec_rows"]

Dictionaries = Mapping[str, Mapping[str, str]]


class Kind(Enum):
    TEXT = "text"
    OPTIONAL = "optional"  # text, empty → None
    INT = "int"
    BOOL = "bool"
    DATE = "date"
    CODE = "code"
    CODES = "codes"
    LIST = "list"


@dataclass(frozen=True)
class Column:
    header: str
    field: str
    kind: Kind
    dictionary: Dictionary | None = None
    required: bool = False
    material: bool = False
    # characters of a cell, of each item of a list cell, or of each code a coded cell resolves to
    max_length: int | None = None


LONG = TEXT_LENGTH  # free text (设定依据, 办事指南, ...) in a TEXT column, as the API's limit


def _stored_length(field: str, material: bool) -> int | None:
    """The length of the column a cell lands in (the one place the API's bound comes from too)."""
    attribute = getattr(Material if material else Matter, field)
    column_type = attribute.property.columns[0].type
    if isinstance(column_type, Text):
        return LONG
    try:
        return column_length(attribute)
    except TypeError:  # integers, booleans, dates: their own checks bound them
        return None


def _c(
    header: str,
    field: str,
    kind: Kind = Kind.TEXT,
    dictionary: Dictionary | None = None,
    *,
    required: bool = False,
    material: bool = False,
) -> Column:
    return Column(header, field, kind, dictionary, required, material, _stored_length(field, material))


D = Dictionary
COLUMNS: tuple[Column, ...] = (
    _c("实施编码", "code", required=True),
    _c("事项名称", "name", required=True),
    _c("基本编码", "basic_code", Kind.OPTIONAL),
    _c("业务办理项编码", "item_code", Kind.OPTIONAL),
    _c("事项类型", "matter_type", Kind.CODE, D.MATTER_TYPES, required=True),
    _c("实施主体编码", "department_code", required=True),
    _c("实施主体", "department_name"),
    _c("实施主体统一社会信用代码", "department_credit_code", Kind.OPTIONAL),
    _c("权力来源", "power_source", Kind.CODE, D.POWER_SOURCES),
    _c("行使层级", "levels", Kind.CODES, D.LEVELS),
    _c("服务对象", "audiences", Kind.CODES, D.AUDIENCES),
    _c("设定依据", "legal_basis"),
    _c("受理条件", "conditions"),
    _c("法定时限", "statutory_days", Kind.INT, required=True),
    _c("法定时限单位", "statutory_unit", Kind.CODE, D.TIME_UNITS),
    _c("承诺时限", "promised_days", Kind.INT, required=True),
    _c("承诺时限单位", "promised_unit", Kind.CODE, D.TIME_UNITS),
    _c("办件类型", "case_kind", Kind.CODE, D.CASE_KINDS),
    _c("到办事现场次数", "visits", Kind.INT),
    _c("到现场理由", "visit_reason"),
    _c("是否收费", "fee", Kind.BOOL),
    _c("收费依据", "fee_basis"),
    _c("网办深度", "online_depths", Kind.CODES, D.ONLINE_DEPTHS),
    _c("全程网办", "full_online", Kind.BOOL),
    _c("办理渠道", "channels", Kind.CODES, D.CHANNELS),
    _c("办理结果类型", "result_type", Kind.CODE, D.RESULT_TYPES),
    _c("办理结果名称", "result_name"),
    _c("结果证照类型", "result_certificate_type", Kind.CODE, D.CERTIFICATE_TYPES),
    _c("最低实名等级", "min_real_name_level", Kind.CODE, D.REAL_NAME_LEVELS),
    _c("通办范围", "cross_area", Kind.CODE, D.CROSS_AREAS),
    _c("特别程序", "special_procedures", Kind.CODES, D.SPECIAL_PROCEDURES),
    _c("咨询电话", "consult_phone"),
    _c("投诉电话", "complaint_phone"),
    _c("关键词", "keywords", Kind.LIST),
    _c("办事指南", "guide"),
    _c("生效日期", "valid_from", Kind.DATE),
    _c("失效日期", "valid_to", Kind.DATE),
    _c("材料名称", "name", material=True),
    _c("材料必要性", "requirement", Kind.CODE, D.REQUIREMENTS, material=True),
    _c("材料形式", "form", Kind.CODE, D.FORMS, material=True),
    _c("纸质份数", "paper_copies", Kind.INT, material=True),
    _c("材料来源", "source", Kind.CODE, D.SOURCES, material=True),
    _c("电子证照类型", "certificate_type", Kind.CODE, D.CERTIFICATE_TYPES, material=True),
    _c("共享资源编码", "resource_code", Kind.OPTIONAL, material=True),
    _c("共享数据项", "data_items", Kind.LIST, material=True),
    _c("材料说明", "notes", material=True),
)
MATTER_COLUMNS = [c for c in COLUMNS if not c.material]
MATERIAL_COLUMNS = [c for c in COLUMNS if c.material]
_SPLIT = re.compile(r"[、,，;；|\n]+")
_TRUE, _FALSE = {"是", "true", "1", "y", "yes"}, {"否", "false", "0", "n", "no"}
SEPARATOR = "、"


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str


@dataclass(frozen=True)
class ParsedMatter:
    row: int  # first row of the matter
    spec: MatterSpec


@dataclass(frozen=True)
class ParsedFile:
    matters: list[ParsedMatter]
    errors: list[RowError]
    rows: int


def _code(value: str, column: Column, dictionaries: Dictionaries) -> str:
    assert column.dictionary is not None
    entries = dictionaries.get(column.dictionary, {})
    if value in entries:
        return value
    for code, label in entries.items():
        if label == value:
            return code
    raise ValueError(f"“{value}”不是{column.header}的代码或名称")


def _value(raw: str, column: Column, dictionaries: Dictionaries) -> Any:
    if column.kind is Kind.TEXT:
        return raw
    if not raw:
        return {Kind.CODES: [], Kind.LIST: []}.get(column.kind)
    match column.kind:
        case Kind.OPTIONAL:
            return raw
        case Kind.INT:
            if not re.fullmatch(r"\d{1,5}", raw):
                raise ValueError(f"应为非负整数，实际为“{raw}”")
            return int(raw)
        case Kind.BOOL:
            if raw.lower() not in _TRUE | _FALSE:
                raise ValueError(f"应为“是”或“否”，实际为“{raw}”")
            return raw.lower() in _TRUE
        case Kind.DATE:
            try:
                return date.fromisoformat(raw[:10])
            except ValueError:
                raise ValueError(f"应为日期（如 2025-01-01），实际为“{raw}”") from None
        case Kind.CODE:
            code = _code(raw, column, dictionaries)
            return int(code) if column.field == "min_real_name_level" else code
        case Kind.CODES:
            return [_code(part.strip(), column, dictionaries) for part in _SPLIT.split(raw) if part.strip()]
    return [part.strip() for part in _SPLIT.split(raw) if part.strip()]


def _too_long(parts: Sequence[str], column: Column, *, each: bool) -> str | None:
    """The refusal of a cell longer than the column it lands in (the database would refuse the whole import),
    without the cell's value: such a cell is as likely as any to hold someone's phone or ID number."""
    if column.max_length is None:
        return None
    longest = max((len(part) for part in parts), default=0)
    if longest <= column.max_length:
        return None
    what = "每项" if each else ""
    return f"{what}最多 {column.max_length} 个字符，实际 {longest} 个"


def _cell_too_long(raw: str, column: Column) -> str | None:
    if column.kind in (Kind.CODE, Kind.CODES):
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
    dictionaries: Dictionaries,
    errors: list[RowError],
) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for column in columns:
        raw = record.get(column.header, "").strip()
        if column.required and not raw:
            errors.append(RowError(row, column.header, "必填"))
            continue
        hostile = text_error(raw, (), multi_line=column.max_length == LONG)  # as the API's MultiLineText
        if hostile is not None:
            errors.append(RowError(row, column.header, hostile["msg"]))
            continue
        too_long = _cell_too_long(raw, column)
        if too_long:
            errors.append(RowError(row, column.header, too_long))
            continue
        try:
            value = _value(raw, column, dictionaries)
        except ValueError as exc:
            errors.append(RowError(row, column.header, str(exc)))
            continue
        too_long = _code_too_long(value, column)
        if too_long:
            errors.append(RowError(row, column.header, too_long))
            continue
        if value is not None and not (value == "" and column.kind is not Kind.TEXT):
            values[column.field] = value
    return values


def parse_rows(records: Sequence[Mapping[str, str]], dictionaries: Dictionaries) -> ParsedFile:
    """Specs of the well-formed matters, and every problem with its row number and column."""
    errors: list[RowError] = []
    missing = [c.header for c in COLUMNS if c.required and records and c.header not in records[0]]
    if missing:
        return ParsedFile([], [RowError(1, h, "缺少此列") for h in missing], len(records))
    groups: dict[str, tuple[int, dict[str, Any], list[dict[str, Any]], bool]] = {}
    for index, record in enumerate(records):
        row = index + 2
        before = len(errors)
        values = _read(record, MATTER_COLUMNS, row, dictionaries, errors)
        material = (
            _read(record, MATERIAL_COLUMNS, row, dictionaries, errors) if record.get("材料名称") else None
        )
        code = values.get("code") or f"第{row}行"
        if code in groups:
            first, known, materials, bad = groups[code]
            if len(errors) == before and known and values != known:
                errors.append(RowError(row, "实施编码", f"与第 {first} 行同一事项的信息不一致"))
        else:
            first, known, materials, bad = row, values, [], False
        if material is not None:
            materials.append(material)
        groups[code] = (first, known, materials, bad or len(errors) > before)
    matters = []
    for first, values, materials, bad in groups.values():
        if not bad:
            matters.append(ParsedMatter(first, MatterSpec.from_values({**values, "materials": materials})))
    return ParsedFile(matters, errors, len(records))


def _out(value: Any, column: Column, dictionaries: Dictionaries) -> Any:
    if value is None:
        return ""
    if column.kind is Kind.CODE:
        return dictionaries.get(column.dictionary or "", {}).get(str(value), str(value))
    if column.kind is Kind.CODES:
        return SEPARATOR.join(dictionaries.get(column.dictionary or "", {}).get(v, v) for v in value)
    if column.kind is Kind.LIST:
        return SEPARATOR.join(value)
    if column.kind is Kind.BOOL:
        return "是" if value else "否"
    if column.kind is Kind.DATE:
        return value.isoformat()
    return value


def spec_rows(specs: Sequence[MatterSpec], dictionaries: Dictionaries) -> tuple[list[str], list[list[Any]]]:
    """Header and rows of ``specs``, materials expanded one per row."""
    rows = []
    for spec in specs:
        spec = spec.resolved()
        own = [_out(getattr(spec, c.field), c, dictionaries) for c in MATTER_COLUMNS]
        for material in spec.materials or (None,):
            rows.append(
                own
                + [
                    "" if material is None else _out(getattr(material, c.field), c, dictionaries)
                    for c in MATERIAL_COLUMNS
                ]
            )
    return [c.header for c in COLUMNS], rows
