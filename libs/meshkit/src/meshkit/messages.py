"""Validation errors in Chinese: which field (its title if the model gives one, else its path) and what is
expected, for every error type pydantic can raise, and a Chinese fallback for any other — never pydantic's
English sentence. Clerks and integrators read these (issue 18, failure 8); the machine-readable ``type`` and
``field`` of each error stay as they are."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

__all__ = ["MESSAGES", "field_label", "message_of", "summary"]

Ctx = Mapping[str, Any]


def _expected(ctx: Ctx) -> str:
    return str(ctx.get("expected", "")).replace(" or ", ", ")


def _n(ctx: Ctx, key: str) -> str:
    return str(ctx.get(key, "?"))


MESSAGES: dict[str, Callable[[Ctx], str]] = {
    "missing": lambda c: "缺少必填字段",
    "missing_argument": lambda c: "缺少必填字段",
    "missing_keyword_only_argument": lambda c: "缺少必填字段",
    "missing_positional_only_argument": lambda c: "缺少必填字段",
    "missing_sentinel_error": lambda c: "缺少必填字段",
    "extra_forbidden": lambda c: "不接受此字段，请删除",
    "unexpected_keyword_argument": lambda c: "不接受此字段，请删除",
    "unexpected_positional_argument": lambda c: "不接受多余的值",
    "multiple_argument_values": lambda c: "同一字段给了多个值",
    "no_such_attribute": lambda c: "不存在此字段",
    "frozen_field": lambda c: "此字段不可修改",
    "frozen_instance": lambda c: "此对象不可修改",
    "invalid_key": lambda c: "字段名必须是字符串",
    "get_attribute_error": lambda c: "读取字段时出错",
    "json_invalid": lambda c: "不是有效的 JSON",
    "json_type": lambda c: "必须是 JSON 字符串、字节或字节数组",
    "needs_python_object": lambda c: "不能由 JSON 给出",
    "recursion_loop": lambda c: "数据有循环引用",
    "recursion_depth_exceeded": lambda c: "数据嵌套过深",
    "model_type": lambda c: "必须是 JSON 对象",
    "model_attributes_type": lambda c: "必须是 JSON 对象",
    "dataclass_type": lambda c: "必须是 JSON 对象",
    "dataclass_exact_type": lambda c: "必须是 JSON 对象",
    "named_tuple_type": lambda c: "必须是数组或对象",
    "arguments_type": lambda c: "必须是数组或对象",
    "default_factory_not_called": lambda c: "默认值无法生成",
    "none_required": lambda c: "必须为空（null）",
    "greater_than": lambda c: f"必须大于 {_n(c, 'gt')}",
    "greater_than_equal": lambda c: f"不能小于 {_n(c, 'ge')}",
    "less_than": lambda c: f"必须小于 {_n(c, 'lt')}",
    "less_than_equal": lambda c: f"不能大于 {_n(c, 'le')}",
    "multiple_of": lambda c: f"必须是 {_n(c, 'multiple_of')} 的整数倍",
    "finite_number": lambda c: "必须是有限数字（不接受 NaN、Infinity 或超出范围的数）",
    "int_out_of_range": lambda c: "整数超出范围（64 位有符号整数）",
    "too_short": lambda c: f"至少需要 {_n(c, 'min_length')} 项",
    "too_long": lambda c: f"最多 {_n(c, 'max_length')} 项",
    "iterable_type": lambda c: "必须是数组",
    "iteration_error": lambda c: "数组内容无法读取",
    "string_type": lambda c: "必须是字符串",
    "string_unicode": lambda c: "必须是有效的 Unicode 字符串",
    "string_too_short": lambda c: f"长度不能少于 {_n(c, 'min_length')} 个字符",
    "string_too_long": lambda c: f"长度不能超过 {_n(c, 'max_length')} 个字符",
    "string_pattern_mismatch": lambda c: f"格式不符合要求（应匹配 {_n(c, 'pattern')}）",
    "string_not_ascii": lambda c: "只能包含 ASCII 字符",
    "enum": lambda c: f"必须是以下值之一：{_expected(c)}",
    "literal_error": lambda c: f"必须是以下值之一：{_expected(c)}",
    "dict_type": lambda c: "必须是 JSON 对象",
    "frozen_dict_type": lambda c: "必须是 JSON 对象",
    "ordered_dict_type": lambda c: "必须是 JSON 对象",
    "counter_type": lambda c: "必须是 JSON 对象",
    "mapping_type": lambda c: "必须是 JSON 对象",
    "list_type": lambda c: "必须是数组",
    "deque_type": lambda c: "必须是数组",
    "tuple_type": lambda c: "必须是数组",
    "set_type": lambda c: "必须是数组（各项不重复）",
    "frozen_set_type": lambda c: "必须是数组（各项不重复）",
    "set_item_not_hashable": lambda c: "数组中的项不能是对象或数组",
    "bool_type": lambda c: "必须是布尔值（true 或 false）",
    "bool_parsing": lambda c: "必须是布尔值（true 或 false）",
    "int_type": lambda c: "必须是整数",
    "int_parsing": lambda c: "必须是整数",
    "int_parsing_size": lambda c: "整数超出范围",
    "int_from_float": lambda c: "必须是整数（不能有小数部分）",
    "float_type": lambda c: "必须是数字",
    "float_parsing": lambda c: "必须是数字",
    "bytes_type": lambda c: "必须是字节串",
    "bytes_too_short": lambda c: f"长度不能少于 {_n(c, 'min_length')} 个字节",
    "bytes_too_long": lambda c: f"长度不能超过 {_n(c, 'max_length')} 个字节",
    "bytes_invalid_encoding": lambda c: "字节串编码无效",
    "value_error": lambda c: "取值不符合要求",
    "assertion_error": lambda c: "取值不符合要求",
    "ellipsis_error": lambda c: "取值不符合要求",
    "date_type": lambda c: "必须是日期（如 2026-01-31）",
    "date_parsing": lambda c: "必须是日期（如 2026-01-31）",
    "date_from_datetime_parsing": lambda c: "必须是日期（如 2026-01-31）",
    "date_from_datetime_inexact": lambda c: "必须是日期，不能带时刻",
    "date_past": lambda c: "必须是过去的日期",
    "date_future": lambda c: "必须是将来的日期",
    "time_type": lambda c: "必须是时刻（如 09:30:00）",
    "time_parsing": lambda c: "必须是时刻（如 09:30:00）",
    "datetime_type": lambda c: "必须是日期时间（如 2026-01-31T09:30:00+08:00）",
    "datetime_parsing": lambda c: "必须是日期时间（如 2026-01-31T09:30:00+08:00）",
    "datetime_object_invalid": lambda c: "日期时间无效",
    "datetime_from_date_parsing": lambda c: "必须是日期时间（如 2026-01-31T09:30:00+08:00）",
    "datetime_past": lambda c: "必须是过去的时间",
    "datetime_future": lambda c: "必须是将来的时间",
    "timezone_naive": lambda c: "不能带时区",
    "timezone_aware": lambda c: "必须带时区（如 +08:00）",
    "timezone_offset": lambda c: f"时区必须是 {_n(c, 'tz_expected')} 秒的偏移",
    "time_delta_type": lambda c: "必须是时长（如 PT30M）",
    "time_delta_parsing": lambda c: "必须是时长（如 PT30M）",
    "is_instance_of": lambda c: "类型不符合要求",
    "is_subclass_of": lambda c: "类型不符合要求",
    "callable_type": lambda c: "类型不符合要求",
    "union_tag_invalid": lambda c: f"{_n(c, 'discriminator')} 必须是以下值之一：{_n(c, 'expected_tags')}",
    "union_tag_not_found": lambda c: f"缺少用于区分类型的字段 {_n(c, 'discriminator')}",
    "url_type": lambda c: "必须是网址",
    "url_parsing": lambda c: "必须是有效的网址",
    "url_syntax_violation": lambda c: "必须是有效的网址",
    "url_too_long": lambda c: f"网址不能超过 {_n(c, 'max_length')} 个字符",
    "url_scheme": lambda c: f"网址协议必须是 {_expected({'expected': c.get('expected_schemes', '')})}",
    "uuid_type": lambda c: "必须是 UUID",
    "uuid_parsing": lambda c: "必须是 UUID（如 123e4567-e89b-12d3-a456-426614174000）",
    "uuid_version": lambda c: f"必须是第 {_n(c, 'expected_version')} 版 UUID",
    "decimal_type": lambda c: "必须是十进制数",
    "decimal_parsing": lambda c: "必须是十进制数",
    "decimal_max_digits": lambda c: f"最多 {_n(c, 'max_digits')} 位数字",
    "decimal_max_places": lambda c: f"小数最多 {_n(c, 'decimal_places')} 位",
    "decimal_whole_digits": lambda c: f"整数部分最多 {_n(c, 'whole_digits')} 位",
    "fraction_type": lambda c: "必须是分数或数字",
    "fraction_parsing": lambda c: "必须是分数或数字",
    "complex_type": lambda c: "必须是复数",
    "complex_str_parsing": lambda c: "必须是复数",
}

FALLBACK = "取值不符合要求"
_CJK = re.compile(r"[\u4e00-\u9fff]")
_PLACES = {"path": "路径参数", "query": "查询参数", "header": "请求头", "cookie": "Cookie"}


def message_of(error: Mapping[str, Any]) -> str:
    """The Chinese message of one error: its own when already Chinese (our refusals, a service validator's
    ``ValueError`` in Chinese), else the table's for its type, else the fallback."""
    own = str(error.get("msg", ""))
    kind = str(error.get("type", ""))
    if _CJK.search(own):
        return own.removeprefix("Value error, ").removeprefix("Assertion failed, ")
    template = MESSAGES.get(kind)
    if template is None:
        return FALLBACK
    try:
        return template(error.get("ctx") or {})
    except Exception:  # a ctx of an unexpected shape: the type's meaning still holds
        return FALLBACK


def field_label(loc: Sequence[Any], title: str | None = None) -> str:
    """How a person is told which field: ``form.x``, ``查询参数 q``, ``请求体``; with the model's title first."""
    parts = [str(part) for part in loc]
    if not parts:
        return "请求"
    place, rest = parts[0], parts[1:]
    if place == "body":
        path = ".".join(rest) if rest else "请求体"
        return f"{title}（{path}）" if title and rest else path
    named = f"{_PLACES.get(place, place)} {'.'.join(rest)}".strip()
    return f"{title}（{named}）" if title else named


def summary(labelled: Sequence[tuple[str, str]], limit: int = 5) -> str:
    """The problem's ``detail``: each field with what is wrong, at most ``limit`` of them."""
    parts = [f"字段 {label}：{message}" for label, message in labelled[:limit]]
    more = f"；另有 {len(labelled) - limit} 处" if len(labelled) > limit else ""
    head = "请求数据不符合要求：" if len(labelled) > 1 else ""
    return head + "；".join(parts) + more
