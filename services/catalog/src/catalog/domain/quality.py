"""Quality rules checked on publish (DOMAIN.md §4). Every violation is listed, never only the first.

Each violation is ``{"field", "rule", "message"}``; ``rule`` is a stable code a client may rely on.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping

from stdnum.cn import uscc

from catalog.domain.codes import CaseKind, Dictionary, TimeUnit
from catalog.domain.matters import MaterialSpec, MatterSpec

__all__ = ["Dictionaries", "Violation", "as_natural_days", "quality_violations"]

Violation = dict[str, str]
Dictionaries = Mapping[str, Mapping[str, str]]  # dictionary name -> code -> label


def as_natural_days(days: int, unit: str) -> int:
    """An upper bound in natural days, to compare limits given in different units (5 working days per week)."""
    return days if unit == TimeUnit.NATURAL_DAY else math.ceil(days * 7 / 5)


def _violation(field: str, rule: str, message: str) -> Violation:
    return {"field": field, "rule": rule, "message": message}


def _codes(
    dictionaries: Dictionaries, name: Dictionary, field: str, values: Iterable[str], label: str
) -> list[Violation]:
    known = dictionaries.get(name, {})
    return [
        _violation(field, "unknown_code", f"{label} {value!r} 不在字典“{name}”中")
        for value in values
        if value not in known
    ]


_MATTER_CODE = re.compile(r"[0-9A-Za-z][0-9A-Za-z-]{2,}")


def _core_rules(spec: MatterSpec) -> list[Violation]:
    """The six rules of the national quality checks, and a code that is a code."""
    out = []
    if not _MATTER_CODE.fullmatch(spec.code):
        out.append(
            _violation(
                "code",
                "invalid_matter_code",
                "实施编码只能由字母、数字和连字符组成（至少 3 位），如 500110-RSJ-JYDJ",
            )
        )
    same_unit = spec.promised_unit == spec.statutory_unit
    promised, statutory = spec.promised_days, spec.statutory_days
    if not same_unit:
        promised = as_natural_days(promised, spec.promised_unit)
        statutory = as_natural_days(statutory, spec.statutory_unit)
    if promised > statutory:
        out.append(_violation("promised_days", "promised_exceeds_statutory", "承诺时限不得超过法定时限"))
    immediate = spec.case_kind == CaseKind.IMMEDIATE
    if immediate != (spec.promised_days == 0):
        out.append(
            _violation(
                "case_kind",
                "immediate_needs_zero_promise",
                "即办件的承诺时限须为 0，承诺时限为 0 的须为即办件",
            )
        )
    if spec.visits > 0 and not spec.visit_reason.strip():
        out.append(_violation("visit_reason", "visits_need_reason", "到办事现场次数大于 0 时须说明理由"))
    if spec.fee and not spec.fee_basis.strip():
        out.append(_violation("fee_basis", "fee_needs_basis", "收费事项须填写收费依据"))
    if spec.full_online and spec.visits != 0:
        out.append(
            _violation("visits", "full_online_needs_zero_visits", "全程网办事项的到办事现场次数须为 0")
        )
    phones = spec.consult_phone.strip(), spec.complaint_phone.strip()
    if phones[0] and phones[0] == phones[1]:
        out.append(_violation("complaint_phone", "phones_must_differ", "咨询电话与投诉电话不得相同"))
    return out


def _field_rules(spec: MatterSpec, dictionaries: Dictionaries) -> list[Violation]:
    out = _codes(dictionaries, Dictionary.MATTER_TYPES, "matter_type", [spec.matter_type], "事项类型")
    out += _codes(dictionaries, Dictionary.POWER_SOURCES, "power_source", [spec.power_source], "权力来源")
    out += _codes(dictionaries, Dictionary.LEVELS, "levels", spec.levels, "行使层级")
    out += _codes(dictionaries, Dictionary.AUDIENCES, "audiences", spec.audiences, "服务对象")
    units = [spec.statutory_unit, spec.promised_unit]
    out += _codes(dictionaries, Dictionary.TIME_UNITS, "statutory_unit", units, "时限单位")
    out += _codes(dictionaries, Dictionary.CASE_KINDS, "case_kind", [spec.case_kind or ""], "办件类型")
    out += _codes(dictionaries, Dictionary.ONLINE_DEPTHS, "online_depths", spec.online_depths, "网办深度")
    out += _codes(dictionaries, Dictionary.CHANNELS, "channels", spec.channels, "办理渠道")
    out += _codes(dictionaries, Dictionary.RESULT_TYPES, "result_type", [spec.result_type], "办理结果类型")
    out += _codes(dictionaries, Dictionary.CROSS_AREAS, "cross_area", [spec.cross_area], "通办范围")
    out += _codes(
        dictionaries, Dictionary.SPECIAL_PROCEDURES, "special_procedures", spec.special_procedures, "特别程序"
    )
    level = str(spec.min_real_name_level)
    out += _codes(dictionaries, Dictionary.REAL_NAME_LEVELS, "min_real_name_level", [level], "实名等级")
    if spec.result_certificate_type:
        out += _codes(
            dictionaries,
            Dictionary.CERTIFICATE_TYPES,
            "result_certificate_type",
            [spec.result_certificate_type],
            "电子证照类型",
        )
    if not spec.levels:
        out.append(_violation("levels", "levels_required", "至少选择一个行使层级"))
    credit = spec.department_credit_code
    if credit and not uscc.is_valid(credit):
        out.append(
            _violation("department_credit_code", "invalid_credit_code", "实施主体统一社会信用代码校验未通过")
        )
    if spec.valid_from and spec.valid_to and spec.valid_to <= spec.valid_from:
        out.append(_violation("valid_to", "empty_validity", "失效日期须晚于生效日期"))
    return out


def _material_rules(index: int, material: MaterialSpec, dictionaries: Dictionaries) -> list[Violation]:
    field = f"materials[{index}]"
    out = _codes(
        dictionaries, Dictionary.REQUIREMENTS, f"{field}.requirement", [material.requirement], "材料必要性"
    )
    out += _codes(dictionaries, Dictionary.FORMS, f"{field}.form", [material.form], "材料形式")
    out += _codes(dictionaries, Dictionary.SOURCES, f"{field}.source", [material.source], "材料来源")
    if material.certificate_type:
        out += _codes(
            dictionaries,
            Dictionary.CERTIFICATE_TYPES,
            f"{field}.certificate_type",
            [material.certificate_type],
            "电子证照类型",
        )
    if material.data_items and not material.resource_code:
        out.append(
            _violation(
                f"{field}.data_items",
                "data_items_need_resource",
                f"材料“{material.name}”列出了数据项但没有共享资源编码",
            )
        )
    return out


def quality_violations(spec: MatterSpec, dictionaries: Dictionaries) -> list[Violation]:
    """Every rule the (resolved) spec breaks; publishing needs an empty list."""
    spec = spec.resolved()
    out = _field_rules(spec, dictionaries) + _core_rules(spec)
    names = [m.name for m in spec.materials]
    for index, material in enumerate(spec.materials):
        out += _material_rules(index, material, dictionaries)
        if names.index(material.name) != index:
            out.append(
                _violation(f"materials[{index}].name", "duplicate_material", f"材料“{material.name}”重复")
            )
    return out
