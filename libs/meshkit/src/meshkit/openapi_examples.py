"""An example for every request body and every successful JSON response that has none, built from its schema.

A field's own ``examples`` (pydantic ``Field(examples=[…])``) win, then its default, its first enum value, and
last a value of its type and format. Only objects' required properties and those with examples of their own are
filled in. The lint gate (Redocly ``no-invalid-media-type-examples``) checks every example against its schema, so
an example built here that a pattern refuses fails ``make test`` until the field gets an example of its own.
"""

from __future__ import annotations

from typing import Any

__all__ = ["add_examples", "example_of"]

_METHODS = ("get", "put", "post", "delete", "patch")
_EXAMPLE_MEDIA = ("application/json", "application/x-www-form-urlencoded", "multipart/form-data")
_FORMATS: dict[str, Any] = {
    "date": "2026-12-07",
    "date-time": "2026-12-07T09:30:00+08:00",
    "uri": "https://dept.example.gov.cn/tongban/hook",
    "email": "zhangsan@example.gov.cn",
    "uuid": "3f2b8c1e-4d5a-4e6f-8a7b-9c0d1e2f3a4b",
    "password": "Qj-2026-secret!",
    "binary": "",
}
_MAX_DEPTH = 8


def _resolve(schema: dict[str, Any], document: dict[str, Any]) -> dict[str, Any]:
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
        resolved: dict[str, Any] = document["components"]["schemas"][ref.rsplit("/", 1)[-1]]
        return resolved
    return schema


def _string(schema: dict[str, Any]) -> str:
    if schema.get("format") in _FORMATS:
        return str(_FORMATS[schema["format"]])
    low, high = int(schema.get("minLength", 1)), int(schema.get("maxLength", 40))
    text = "示例"
    while len(text) < low:
        text += "示例"
    return text[: max(high, low)]


def example_of(schema: dict[str, Any], document: dict[str, Any], depth: int = 0) -> Any:
    """A value ``schema`` accepts, as far as its constraints can be read without solving patterns."""
    schema = _resolve(schema, document)
    if schema.get("examples"):
        return schema["examples"][0]
    if "example" in schema:
        return schema["example"]
    if schema.get("default") is not None:
        return schema["default"]
    if "const" in schema:
        return schema["const"]
    if schema.get("enum"):
        return schema["enum"][0]
    for key in ("anyOf", "oneOf", "allOf"):
        options = [o for o in schema.get(key, []) if _resolve(o, document).get("type") != "null"]
        if options:
            return example_of(options[0], document, depth + 1)
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        if depth > _MAX_DEPTH:
            return {}
        required = set(schema.get("required", []))
        properties: dict[str, Any] = schema.get("properties", {})
        return {
            name: example_of(value, document, depth + 1)
            for name, value in properties.items()
            if name in required or "examples" in _resolve(value, document)
        }
    if kind == "array":
        item = example_of(schema.get("items", {}), document, depth + 1) if depth <= _MAX_DEPTH else None
        return [item] * max(1, int(schema.get("minItems", 1))) if item is not None else []
    if kind == "integer":
        if "exclusiveMinimum" in schema:
            return int(schema["exclusiveMinimum"]) + 1
        return int(schema.get("minimum", 1))
    if kind == "number":
        return float(schema.get("minimum", 1.0))
    if kind == "boolean":
        return False
    if kind == "string":
        return _string(schema)
    return None


def _fill(content: dict[str, Any], document: dict[str, Any]) -> None:
    for media_type, media in content.items():
        if media_type not in _EXAMPLE_MEDIA or not isinstance(media, dict) or "schema" not in media:
            continue
        if "example" in media or "examples" in media:
            continue
        if not _resolve(media["schema"], document).get("examples"):
            media["example"] = example_of(media["schema"], document)


def add_examples(document: dict[str, Any]) -> None:
    """Give every request body and every 2xx JSON response of ``document`` an example (in place)."""
    for item in document.get("paths", {}).values():
        for method in _METHODS:
            operation = item.get(method)
            if not isinstance(operation, dict):
                continue
            body = operation.get("requestBody")
            if isinstance(body, dict):
                _fill(body.get("content", {}), document)
            for status, response in operation.get("responses", {}).items():
                if status.startswith("2") and isinstance(response, dict):
                    _fill(response.get("content", {}), document)
