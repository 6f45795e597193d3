"""What a request body's JSON schema says about each place in a body: whether its text may span lines, and the
label its model gives it.

The schema is the one the OpenAPI document publishes (validation mode, aliases as sent), generated once per body
model, so what is enforced and what is documented cannot disagree: a string may carry line breaks exactly where
the schema says ``x-multiline: true`` (on the string, or on any object or array around it, e.g. a free-form
application form). Labels are explicit ``title``\\ s only (``Field(title="申请事由")``); the generator here leaves
out pydantic's automatic English ones.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from pydantic import TypeAdapter
from pydantic.json_schema import GenerateJsonSchema
from pydantic_core import CoreSchema

__all__ = ["MULTI_LINE_KEY", "MultiLine", "Shape", "shape_of"]

MULTI_LINE_KEY = "x-multiline"

Schema = dict[str, Any]


class MultiLine:
    """``Annotated`` marker: the text here may span lines (tab, line feed, carriage return allowed). On a ``str``
    field, or on a container (``dict[str, Any]``, a list, a model) for every string inside it; keys never."""

    def __get_pydantic_json_schema__(self, core_schema: CoreSchema, handler: Any) -> Schema:
        schema: Schema = handler(core_schema)
        schema[MULTI_LINE_KEY] = True
        return schema

    def __repr__(self) -> str:
        return "MultiLine()"


class _ExplicitTitles(GenerateJsonSchema):
    def field_title_should_be_set(self, schema: Any) -> bool:
        return False


class Shape:
    """Navigates one JSON schema along a body's path (object keys and array indexes)."""

    def __init__(self, schema: Schema) -> None:
        self._defs: dict[str, Schema] = schema.get("$defs", {})
        self.root = schema

    def expand(self, schemas: Iterable[Schema]) -> list[Schema]:
        """The schemas a value must satisfy one of: ``$ref`` resolved, ``anyOf``/``oneOf``/``allOf`` flattened;
        a marker on a holder is carried to what it holds."""
        out: list[Schema] = []
        todo = [(schema, False) for schema in schemas]
        while todo:
            schema, marked = todo.pop()
            marked = marked or bool(schema.get(MULTI_LINE_KEY))
            ref = schema.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/$defs/"):
                target = self._defs.get(ref.removeprefix("#/$defs/"))
                if target is not None:
                    todo.append((target, marked))
            for key in ("anyOf", "oneOf", "allOf"):
                todo.extend((part, marked) for part in schema.get(key, ()) if isinstance(part, dict))
            out.append({**schema, MULTI_LINE_KEY: True} if marked else schema)
        return out

    @staticmethod
    def multi_line(schemas: Sequence[Schema]) -> bool:
        return any(schema.get(MULTI_LINE_KEY) for schema in schemas)

    @staticmethod
    def member(schemas: Sequence[Schema], key: str) -> list[Schema]:
        found: list[Schema] = []
        for schema in schemas:
            child = schema.get("properties", {}).get(key)
            if child is None:
                child = schema.get("additionalProperties", {})
            if child is True:  # any value: nothing said of it but what holds it
                child = {}
            if isinstance(child, dict):
                found.append(child if not schema.get(MULTI_LINE_KEY) else {**child, MULTI_LINE_KEY: True})
        return found

    @staticmethod
    def item(schemas: Sequence[Schema], index: int) -> list[Schema]:
        found: list[Schema] = []
        for schema in schemas:
            prefix = schema.get("prefixItems")
            child = (
                prefix[index] if isinstance(prefix, list) and index < len(prefix) else schema.get("items", {})
            )
            if child is True:
                child = {}
            if isinstance(child, dict):
                found.append(child if not schema.get(MULTI_LINE_KEY) else {**child, MULTI_LINE_KEY: True})
        return found

    def _at(self, path: Sequence[str | int]) -> list[Schema]:
        """The schemas that hold the value at ``path`` (keys and indexes below the body); the root for ``()``."""
        schemas: list[Schema] = [self.root]
        for part in path:
            expanded = self.expand(schemas)
            schemas = self.member(expanded, part) if isinstance(part, str) else self.item(expanded, part)
            if not schemas:
                return []
        return schemas

    def multi_line_at(self, path: Sequence[str | int]) -> bool:
        """Whether the text at ``path`` may span lines."""
        return self.multi_line(self.expand(self._at(path)))

    def title(self, path: Sequence[str | int]) -> str | None:
        """The explicit title of the field at ``path`` (keys and indexes below the body), if its model gives one."""
        holders = self._at(path) if path else []
        for holder in holders:
            title = holder.get("title")
            if isinstance(title, str) and title:
                return title
        return None


def shape_of(annotation: Any) -> Shape | None:
    """The shape of a body declared as ``annotation`` (a model class, usually), built once; None when it has no
    JSON schema (then every string is single-line and no field has a label)."""
    try:
        return _shape(annotation)
    except TypeError:  # an unhashable annotation cannot be cached: build it each time
        return _shape.__wrapped__(annotation)


@lru_cache(maxsize=512)
def _shape(annotation: Any) -> Shape | None:
    try:
        return Shape(TypeAdapter(annotation).json_schema(schema_generator=_ExplicitTitles))
    except Exception:  # a body type without a JSON schema
        return None
