"""The columns of the implementation list, and matter specs written out as rows (the import: parse.py).

One row per material; a matter's own columns repeat on each of its rows (a matter without materials has one
row with the material columns empty). Coded columns are exported as labels; multi-valued columns are joined
with 、.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from sqlalchemy import Text

from catalog.domain.codes import Dictionary
from catalog.domain.matters import MatterSpec
from catalog.store.models import TEXT_LENGTH, Material, Matter
from meshkit.bounds import column_length

__all__ = ["COLUMNS", "KNOWN", "MATERIAL_COLUMNS", "MATTER_COLUMNS", "Column", "Kind", "spec_rows"]

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
    DAYS = "days"  # a time limit: "20", "20个工作日", "二十个工作日", "即办"


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
    _c("法定时限", "statutory_days", Kind.DAYS, required=True),
    _c("法定时限单位", "statutory_unit", Kind.CODE, D.TIME_UNITS),
    _c("承诺时限", "promised_days", Kind.DAYS, required=True),
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
    _c("材料所属", "belongs_to", Kind.CODE, D.HOLDERS, material=True),
)
MATTER_COLUMNS = [c for c in COLUMNS if not c.material]
MATERIAL_COLUMNS = [c for c in COLUMNS if c.material]
KNOWN = frozenset(c.header for c in COLUMNS)
SEPARATOR = "、"


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
