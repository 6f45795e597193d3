"""Bounds a request model takes from the database: a string field's length read from the column it lands in, and
the largest integers PostgreSQL's INTEGER and BIGINT hold. One place decides a limit: the column."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ARRAY, String
from sqlalchemy.orm import QueryableAttribute

__all__ = ["BIGINT_MAX", "INTEGER_MAX", "JSON_INTEGER_MAX", "MAX_OFFSET", "column_length"]

INTEGER_MAX = 2**31 - 1
"""The largest value of a PostgreSQL INTEGER column."""
BIGINT_MAX = 2**63 - 1
"""The largest value of a PostgreSQL BIGINT column (and of an int64 anywhere)."""
JSON_INTEGER_MAX = 2**53 - 1
"""The largest integer a request may carry for a BIGINT column: every JSON client holds it exactly (JavaScript's
``Number.MAX_SAFE_INTEGER``), and the OpenAPI document states it exactly (FastAPI writes bounds as floats, and
2**63 - 1 would read as 2**63)."""
MAX_OFFSET = 100_000
"""The deepest page offset a list endpoint takes: beyond it, filter instead of paging."""


def column_length(attribute: QueryableAttribute[Any]) -> int:
    """The length of a mapped ``String(n)`` column, or of the items of an ``ARRAY(String(n))`` column, so a
    request model's ``max_length`` is the column's and cannot drift from it. A column without a length is a
    programming error here: it raises at import time, never at request time."""
    column_type = attribute.property.columns[0].type
    if isinstance(column_type, ARRAY):
        column_type = column_type.item_type
    if not isinstance(column_type, String) or column_type.length is None:
        raise TypeError(f"{attribute} is not a String column with a length")
    return int(column_type.length)
