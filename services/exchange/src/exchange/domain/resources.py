"""Rules for registering a data resource in the sharing catalog (DOMAIN.md §6)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from exchange.domain.sharing import SharingMethod, SharingType

__all__ = ["ITEM_KEY", "ITEM_TYPES", "item_schema", "resource_problems"]

ITEM_KEY = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
ITEM_TYPES = {
    "string": "string",
    "integer": "integer",
    "number": "number",
    "boolean": "boolean",
    "date": "string",
    "datetime": "string",
    "object": "object",
    "array": "array",
}


def resource_problems(
    *,
    code: str,
    provider_code: str,
    sharing_type: str,
    sharing_method: str,
    items: Sequence[Mapping[str, Any]],
    legal_basis: str | None,
    sharing_condition: str | None,
    endpoint_url: str | None,
) -> list[dict[str, str]]:
    """Every rule the resource breaks, as ``{"field", "message"}``; empty when it may be registered. Where an
    endpoint may point is the outbound policy's (``exchange.domain.outbound``), checked when it is set. A resource's
    code begins with its provider's code (``500110-GAJ-RK-001`` is 区公安局's), so a code never names another
    department than the one answering for it."""
    problems: list[dict[str, str]] = []
    if not code.startswith(f"{provider_code}-"):
        problems.append({"field": "code", "message": f"资源代码须以提供部门代码 {provider_code}- 开头"})
    keys = [str(item.get("key", "")) for item in items]
    if not items:
        problems.append({"field": "items", "message": "至少登记一个数据项 (at least one data item)"})
    for index, item in enumerate(items):
        if not ITEM_KEY.match(str(item.get("key", ""))):
            problems.append(
                {
                    "field": f"items.{index}.key",
                    "message": "数据项标识须为小写字母开头的字母、数字或下划线 (a-z, 0-9, _)",
                }
            )
        if item.get("type") not in ITEM_TYPES:
            problems.append(
                {"field": f"items.{index}.type", "message": f"数据类型须为 {', '.join(ITEM_TYPES)}"}
            )
    if len(set(keys)) != len(keys):
        problems.append({"field": "items", "message": "数据项标识不能重复 (item keys must be unique)"})
    if sharing_type == SharingType.NOT_SHARED and not (legal_basis or "").strip():
        problems.append(
            {"field": "legal_basis", "message": "不予共享须注明法律依据 (not shared needs a legal basis)"}
        )
    if sharing_type == SharingType.CONDITIONAL and not (sharing_condition or "").strip():
        problems.append(
            {"field": "sharing_condition", "message": "有条件共享须注明共享条件 (condition required)"}
        )
    if sharing_method == SharingMethod.API and not endpoint_url:
        problems.append(
            {"field": "endpoint_url", "message": "接口方式须提供提供方系统的接口地址 (endpoint_url)"}
        )
    return problems


def item_schema(code: str, name: str, items: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """A JSON Schema of one record of the resource, as reads return it."""
    properties = {}
    for item in items:
        schema: dict[str, Any] = {
            "type": ITEM_TYPES.get(str(item.get("type")), "string"),
            "title": item["name"],
        }
        if item.get("type") in ("date", "datetime"):
            schema["format"] = "date" if item["type"] == "date" else "date-time"
        properties[str(item["key"])] = schema
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://tongban.example/exchange/resources/{code}.schema.json",
        "title": name,
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
    }
