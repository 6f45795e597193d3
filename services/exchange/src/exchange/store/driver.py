"""Plain-SQL statements of the hot read path, on a bare asyncpg connection in the caller's transaction.

Reads are the exchange's busiest path (every one decided, logged and chained); building SQLAlchemy statements
and sessions costs more CPU there than the database work itself. The read path therefore runs its statements on
:meth:`meshkit.db.Database.driver` (a plain asyncpg connection from a pool of its own, in one transaction), and
the repositories that share these statements reach their session's asyncpg connection with :func:`driver`.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Awaitable, Callable
from datetime import date
from typing import Any, Generic, TypeVar

from sqlalchemy import ColumnElement, String
from sqlalchemy.dialects import postgresql
from sqlalchemy.ext.asyncio import AsyncSession

from exchange.domain.certificate_types import CertificateType, Directory
from exchange.domain.entries import LogEntry
from exchange.store.models import AccessEntry, Resource
from meshkit.db import Database

__all__ = [
    "GrantCopies",
    "KeptCopies",
    "ReadStatements",
    "ResourceSnapshots",
    "TypeDirectoryCopy",
    "append_many",
    "driver",
    "look_up_and_log_many",
    "read_and_log_many",
]

V = TypeVar("V")

_RESOURCE_COLUMNS = [c.key for c in Resource.__table__.columns]
RESOURCE_BY_CODE = f"SELECT {', '.join(_RESOURCE_COLUMNS)} FROM resources WHERE code = $1"  # noqa: S608
_CERTIFICATE_TYPES = (
    "SELECT t.code, t.name, array_remove(array_agg(a.alias ORDER BY a.alias), NULL) AS aliases "
    "FROM certificate_types t LEFT JOIN certificate_type_aliases a ON a.type_code = t.code GROUP BY t.code, t.name"
)
_ENTRY_FIELDS = [c.key for c in AccessEntry.__table__.columns]
_JSON_FIELDS = {"roles", "items"}


def _element_type(column: ColumnElement[Any]) -> str:
    """The array element type a column's values travel as: text for strings and JSON (cast on insert)."""
    if isinstance(column.type, String | postgresql.JSONB):
        return "text"
    dialect = postgresql.dialect()  # type: ignore[no-untyped-call]
    return str(column.type.compile(dialect=dialect))


def _entry_arrays(first: int, extra: list[str]) -> tuple[str, str]:
    """``unnest($first::type[], ...) WITH ORDINALITY AS i(<entry fields>, <extra>, n)`` for the entry columns
    (then ``extra`` text columns) and the insert's select list reading them from ``i``."""
    columns = {c.key: c for c in AccessEntry.__table__.columns}
    arrays = [f"${first + n}::{_element_type(columns[f])}[]" for n, f in enumerate(_ENTRY_FIELDS)]
    arrays += [f"${first + len(_ENTRY_FIELDS) + n}::text[]" for n in range(len(extra))]
    names = [*_ENTRY_FIELDS, *extra, "n"]
    source = f"unnest({', '.join(arrays)}) WITH ORDINALITY AS i({', '.join(names)})"
    select = [f"i.{f}::jsonb" if f in _JSON_FIELDS else f"i.{f}" for f in _ENTRY_FIELDS]
    return source, ", ".join(select)


def _read_and_log_many() -> str:
    """One statement for a batch of hosted reads, so each read's record and its entry (whose outcome and
    canonical text depend on whether the record was found) are decided together: one array per entry field
    (the entry as if found), then the outcomes and canonical texts for not found; each row looks up its entry's
    own resource and subject. Returns one row (n, sealed) per input row, in input order."""
    source, select = _entry_arrays(1, ["missing_outcome", "missing_canonical"])
    chosen = select.replace(
        "i.outcome", "CASE WHEN i.sealed IS NULL THEN i.missing_outcome ELSE i.outcome END"
    )
    chosen = chosen.replace(
        "i.canonical", "CASE WHEN i.sealed IS NULL THEN i.missing_canonical ELSE i.canonical END"
    )
    # Column names and types come from the model; every value is a parameter.
    return (
        "WITH found AS (SELECT i.*, (SELECT sealed FROM records r WHERE r.resource_code = i.resource_code "  # noqa: S608
        f"AND r.subject_ref = i.subject_ref AND NOT r.deleted) AS sealed FROM {source}), "
        f"logged AS (INSERT INTO access_log ({', '.join(_ENTRY_FIELDS)}) SELECT {chosen} FROM found i ORDER BY i.n) "
        "SELECT n, sealed FROM found ORDER BY n"
    )


def _look_up_and_log_many() -> str:
    """One statement for a batch of certificate lookups: each row's holder (its entry's subject) and wanted type
    (or none) find its certificates, and its entry is appended as found or, with none, as not found. Returns
    the certificates as rows (n, identifier, type_code, type_name, issuer_code, valid_from, valid_to, status,
    sealed), by input row and newest first."""
    source, select = _entry_arrays(1, ["missing_outcome", "missing_canonical", "wanted"])
    found_any = "EXISTS (SELECT 1 FROM found f WHERE f.n = i.n)"
    chosen = select.replace("i.outcome", f"CASE WHEN {found_any} THEN i.outcome ELSE i.missing_outcome END")
    chosen = chosen.replace(
        "i.canonical", f"CASE WHEN {found_any} THEN i.canonical ELSE i.missing_canonical END"
    )
    # Column names and types come from the model; every value is a parameter.
    return (
        f"WITH asked AS (SELECT i.* FROM {source}), "  # noqa: S608
        "found AS (SELECT a.n, c.identifier, c.type_code, c.type_name, c.issuer_code, c.valid_from, c.valid_to, "
        "c.status, c.sealed, c.issued_at FROM asked a JOIN certificates c ON c.holder_ref = a.subject_ref "
        "AND (a.wanted IS NULL OR c.type_code = a.wanted)), "
        f"logged AS (INSERT INTO access_log ({', '.join(_ENTRY_FIELDS)}) SELECT {chosen} FROM asked i ORDER BY i.n) "
        "SELECT n, identifier, type_code, type_name, issuer_code, valid_from, valid_to, status, sealed FROM found "
        "ORDER BY n, issued_at DESC"
    )


def _append_many() -> str:
    source, select = _entry_arrays(1, [])
    return f"INSERT INTO access_log ({', '.join(_ENTRY_FIELDS)}) SELECT {select} FROM {source} ORDER BY i.n"  # noqa: S608


_READ_AND_LOG_MANY = _read_and_log_many()
_LOOK_UP_AND_LOG_MANY = _look_up_and_log_many()
_APPEND_MANY = _append_many()
_GRANTED = (
    "SELECT id, items, valid_from, valid_to FROM share_requests "
    "WHERE resource_code = $1 AND requester_code = $2 AND status = 'granted'"
)


async def driver(session: AsyncSession) -> Any:
    """The session's asyncpg connection (its transaction begun)."""
    connection = await session.connection()
    raw = await connection.get_raw_connection()
    return raw.driver_connection


def _entry_values(entry: LogEntry) -> list[Any]:
    return [
        json.dumps(list(getattr(entry, f)), ensure_ascii=False) if f in _JSON_FIELDS else getattr(entry, f)
        for f in _ENTRY_FIELDS
    ]


def _columns(entries: list[LogEntry]) -> list[list[Any]]:
    """The entries' values, one list per entry field (the arrays of the batched statements)."""
    return [list(column) for column in zip(*(_entry_values(e) for e in entries), strict=True)]


async def read_and_log_many(connection: Any, rows: list[tuple[LogEntry, LogEntry]]) -> list[Any]:
    """For each (found, missing) pair: the sealed payload of the live record of the entry's resource and subject
    (or None), and the entry appended as ``found`` or, with no record, as ``missing`` (the same entry but for its
    outcome and canonical text). All in one statement; the payloads in order."""
    found = [pair[0] for pair in rows]
    answered = await connection.fetch(
        _READ_AND_LOG_MANY,
        *_columns(found),
        [pair[1].outcome for pair in rows],
        [pair[1].canonical for pair in rows],
    )
    return [row["sealed"] for row in answered]


async def look_up_and_log_many(
    connection: Any, rows: list[tuple[LogEntry, LogEntry, str | None]]
) -> list[list[Any]]:
    """For each (found, missing, wanted type) lookup: the holder's certificates (of that type), newest first,
    with the entry appended as ``found`` or, with none, as ``missing``. All in one statement."""
    found = [row[0] for row in rows]
    answered = await connection.fetch(
        _LOOK_UP_AND_LOG_MANY,
        *_columns(found),
        [row[1].outcome for row in rows],
        [row[1].canonical for row in rows],
        [row[2] for row in rows],
    )
    by_row: list[list[Any]] = [[] for _ in rows]
    for record in answered:
        by_row[record["n"] - 1].append(record)
    return by_row


async def append_many(connection: Any, entries: list[LogEntry]) -> list[None]:
    """Insert the entries in one statement, in order; the commit trigger chains each."""
    await connection.execute(_APPEND_MANY, *_columns(entries))
    return [None] * len(entries)


class ReadStatements:
    """The read path's queries on one asyncpg connection (inside the caller's transaction)."""

    def __init__(self, connection: Any) -> None:
        self.connection = connection

    async def resource(self, code: str) -> Resource | None:
        """A detached copy: one plain query, no identity map, never expired."""
        row = await self.connection.fetchrow(RESOURCE_BY_CODE, code)
        return None if row is None else Resource(**dict(row))

    async def certificate_types(self) -> Directory:
        rows = await self.connection.fetch(_CERTIFICATE_TYPES)
        return Directory(CertificateType(r["code"], r["name"], tuple(r["aliases"])) for r in rows)

    async def granted(
        self, *, resource_code: str, requester_code: str
    ) -> list[tuple[str, tuple[str, ...], date, date]]:
        """(id, items, valid_from, valid_to) of every granted request of one organization for one resource."""
        rows = await self.connection.fetch(_GRANTED, resource_code, requester_code)
        return [(str(r["id"]), tuple(r["items"]), r["valid_from"], r["valid_to"]) for r in rows]


class KeptCopies(Generic[V]):
    """Copies of rarely changed definitions kept ``ttl`` seconds per process, so most reads skip a query.

    A definition changed through this process is forgotten at once (:meth:`forget`); one changed through
    another replica reaches this one's reads within ``ttl``. Reads that miss together share one query: a batch
    of reads (``POST /reads``) is answered concurrently, and without that every item of the batch running when
    the copy expired queried the database itself (measured: ≈ 1 query per application's two materials at
    360 applications/s, instead of ≈ 2 per second).
    """

    def __init__(self, load: Callable[[Any, str], Awaitable[V | None]], ttl: float = 1.0) -> None:
        self._load = load
        self._ttl = ttl
        self._kept: dict[str, tuple[V, float]] = {}
        self._loading: dict[str, asyncio.Future[V | None]] = {}
        self._generation = 0  # bumped by forget(): a query begun before it does not keep its answer

    async def get(self, database: Database, code: str) -> V | None:
        kept = self._kept.get(code)
        now = time.monotonic()
        if kept is not None and now < kept[1]:
            return kept[0]
        loading = self._loading.get(code)
        if loading is not None:
            try:
                return await asyncio.shield(loading)
            except asyncio.CancelledError:
                if not loading.cancelled():
                    raise  # this read was cancelled
                # the read that was querying was cancelled: query here instead
        loading = asyncio.get_running_loop().create_future()
        self._loading[code] = loading
        generation = self._generation
        try:
            async with database.driver(transaction=False) as connection:
                value = await self._load(connection, code)
        except Exception as exc:
            loading.set_exception(exc)
            loading.exception()  # retrieved: the readers waiting on it (if any) raise it too
            raise
        except BaseException:
            loading.cancel()
            raise
        finally:
            if self._loading.get(code) is loading:
                del self._loading[code]
        loading.set_result(value)
        if value is None:
            self._kept.pop(code, None)
        elif self._ttl > 0 and generation == self._generation:
            if len(self._kept) > 10_000:
                self._kept.clear()
            self._kept[code] = (value, now + self._ttl)
        return value

    def forget(self, code: str | None = None) -> None:
        self._generation += 1
        if code is None:
            self._kept.clear()
        else:
            self._kept.pop(code, None)


class ResourceSnapshots(KeptCopies[Resource]):
    """Resource definitions, by code."""

    def __init__(self, ttl: float = 1.0) -> None:
        super().__init__(lambda connection, code: ReadStatements(connection).resource(code), ttl)


class GrantCopies(KeptCopies[list[tuple[str, tuple[str, ...], date, date]]]):
    """The granted requests of one organization for one resource (``key(resource, org)``): every read without a
    case or duty, and every read of a conditional resource, needs them. A grant, refusal or withdrawal through this
    process is seen at once; through another replica within the ttl."""

    def __init__(self, ttl: float = 1.0) -> None:
        super().__init__(self._granted, ttl)

    @staticmethod
    def key(resource_code: str, requester_code: str) -> str:
        return f"{resource_code}\x1f{requester_code}"

    @staticmethod
    async def _granted(connection: Any, key: str) -> list[tuple[str, tuple[str, ...], date, date]]:
        resource_code, requester_code = key.split("\x1f")
        return await ReadStatements(connection).granted(
            resource_code=resource_code, requester_code=requester_code
        )


class TypeDirectoryCopy(KeptCopies[Directory]):
    """The e-certificate type directory (a few dozen rows), whole."""

    def __init__(self, ttl: float = 1.0) -> None:
        super().__init__(lambda connection, _: ReadStatements(connection).certificate_types(), ttl)

    async def current(self, database: Database) -> Directory:
        return await self.get(database, "") or Directory(())
