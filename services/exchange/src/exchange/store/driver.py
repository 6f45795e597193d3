"""Plain-SQL statements of the hot read path, on a bare asyncpg connection in the caller's transaction.

Reads are the exchange's busiest path (every one decided, logged and chained); building SQLAlchemy statements
and sessions costs more CPU there than the database work itself. The read path therefore runs its statements on
:meth:`meshkit.db.Database.driver` (a plain asyncpg connection from a pool of its own, in one transaction), and
the repositories that share these statements reach their session's asyncpg connection with :func:`driver`.
"""

from __future__ import annotations

import json
import time
import uuid
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, String
from sqlalchemy.dialects import postgresql
from sqlalchemy.ext.asyncio import AsyncSession

from exchange.store.models import AccessEntry, Resource
from meshkit.db import Database

__all__ = ["ReadStatements", "ResourceSnapshots", "append_entry", "driver"]

_RESOURCE_COLUMNS = [c.key for c in Resource.__table__.columns]
RESOURCE_BY_CODE = f"SELECT {', '.join(_RESOURCE_COLUMNS)} FROM resources WHERE code = $1"  # noqa: S608
_ENTRY_FIELDS = [c.key for c in AccessEntry.__table__.columns]
_JSON_FIELDS = {"roles", "items"}
_INSERT_ENTRY = (
    f"INSERT INTO access_log ({', '.join(_ENTRY_FIELDS)}) "  # noqa: S608 - column names from the model
    f"VALUES ({', '.join(f'${n}' for n in range(1, len(_ENTRY_FIELDS) + 1))})"
)


def _typed(column: ColumnElement[Any], number: int) -> str:
    """``$n::type``: explicit, since INSERT ... SELECT does not type its parameters from the target columns.
    Strings go as text, so a value over a varchar's length fails instead of being cut."""
    dialect = postgresql.dialect()  # type: ignore[no-untyped-call]
    kind = "text" if isinstance(column.type, String) else column.type.compile(dialect=dialect)
    return f"${number}::{kind}"


def _read_and_log() -> str:
    """One statement, so one implicit transaction: fetch the sealed record and append the entry whose outcome
    (and canonical text) depends on whether it was found. $1 resource, $2 subject ref, then the entry's fields
    as if found, then the outcome and canonical text for not found."""
    columns = {c.key: c for c in AccessEntry.__table__.columns}
    missing = {"outcome": len(_ENTRY_FIELDS) + 3, "canonical": len(_ENTRY_FIELDS) + 4}
    values = []
    for n, field in enumerate(_ENTRY_FIELDS, start=3):
        value = _typed(columns[field], n)
        if field in missing:
            value = f"CASE WHEN found.sealed IS NULL THEN ${missing[field]}::text ELSE {value} END"
        values.append(value)
    # Column names and types come from the model; every value is a parameter.
    return (
        "WITH found AS (SELECT (SELECT sealed FROM records WHERE resource_code = $1 AND subject_ref = $2 "  # noqa: S608
        "AND NOT deleted) AS sealed), "
        f"logged AS (INSERT INTO access_log ({', '.join(_ENTRY_FIELDS)}) "
        f"SELECT {', '.join(values)} FROM found RETURNING id) "
        "SELECT found.sealed FROM found, logged"
    )


_READ_AND_LOG = _read_and_log()
_SEALED = "SELECT sealed FROM records WHERE resource_code = $1 AND subject_ref = $2 AND NOT deleted"
_GRANTED = (
    "SELECT id, items, valid_from, valid_to FROM share_requests "
    "WHERE resource_code = $1 AND requester_code = $2 AND status = 'granted'"
)


async def driver(session: AsyncSession) -> Any:
    """The session's asyncpg connection (its transaction begun)."""
    connection = await session.connection()
    raw = await connection.get_raw_connection()
    return raw.driver_connection


def _entry_values(entry: dict[str, Any]) -> list[Any]:
    values = [
        json.dumps(entry[f], ensure_ascii=False) if f in _JSON_FIELDS else entry.get(f) for f in _ENTRY_FIELDS
    ]
    values[0] = uuid.UUID(str(values[0]))
    return values


async def append_entry(connection: Any, entry: dict[str, Any]) -> None:
    """Insert one access-log entry with its ``canonical`` text; the commit trigger chains it."""
    await connection.execute(_INSERT_ENTRY, *_entry_values(entry))


class ReadStatements:
    """The read path's queries on one asyncpg connection (inside the caller's transaction)."""

    def __init__(self, connection: Any) -> None:
        self.connection = connection

    async def resource(self, code: str) -> Resource | None:
        """A detached copy: one plain query, no identity map, never expired."""
        row = await self.connection.fetchrow(RESOURCE_BY_CODE, code)
        return None if row is None else Resource(**dict(row))

    async def granted(
        self, *, resource_code: str, requester_code: str
    ) -> list[tuple[str, tuple[str, ...], date, date]]:
        """(id, items, valid_from, valid_to) of every granted request of one organization for one resource."""
        rows = await self.connection.fetch(_GRANTED, resource_code, requester_code)
        return [(str(r["id"]), tuple(r["items"]), r["valid_from"], r["valid_to"]) for r in rows]

    async def sealed(self, resource_code: str, subject_ref: str) -> bytes | None:
        """The sealed payload of a live record, or None."""
        value: bytes | None = await self.connection.fetchval(_SEALED, resource_code, subject_ref)
        return value

    async def append(self, entry: dict[str, Any]) -> None:
        await append_entry(self.connection, entry)

    async def read_and_log(
        self, resource_code: str, subject_ref: str, *, found: dict[str, Any], missing: dict[str, Any]
    ) -> bytes | None:
        """The sealed payload of a live record (or None), and in the same statement the entry ``found`` or, when
        there is no record, ``missing`` (the same entry but for its outcome and canonical text)."""
        sealed: bytes | None = await self.connection.fetchval(
            _READ_AND_LOG,
            resource_code,
            subject_ref,
            *_entry_values(found),
            missing["outcome"],
            missing["canonical"],
        )
        return sealed


class ResourceSnapshots:
    """Resource definitions kept ``ttl`` seconds per process, so most reads skip one query.

    A definition changed through this process is forgotten at once (:meth:`forget`); one changed through
    another replica reaches this one's reads within ``ttl``.
    """

    def __init__(self, ttl: float = 1.0) -> None:
        self._ttl = ttl
        self._kept: dict[str, tuple[Resource, float]] = {}

    async def get(self, database: Database, code: str) -> Resource | None:
        kept = self._kept.get(code)
        now = time.monotonic()
        if kept is not None and now < kept[1]:
            return kept[0]
        async with database.driver(transaction=False) as connection:
            resource = await ReadStatements(connection).resource(code)
        if resource is None:
            self._kept.pop(code, None)
        elif self._ttl > 0:
            if len(self._kept) > 10_000:
                self._kept.clear()
            self._kept[code] = (resource, now + self._ttl)
        return resource

    def forget(self, code: str | None = None) -> None:
        if code is None:
            self._kept.clear()
        else:
            self._kept.pop(code, None)
