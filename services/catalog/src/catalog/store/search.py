"""Search entries (one per published matter and bundle) and the search query with its facets, in one round trip."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import cast, delete
from sqlalchemy.dialects.postgresql import TSVECTOR, insert
from sqlalchemy.ext.asyncio import AsyncSession

from catalog.domain.search import FACET_BITS, FACETS, Concepts, SearchFilters
from catalog.store.models import SearchEntry
from meshkit.db import Database

__all__ = ["DRIVER_SETTINGS", "SearchRepository", "SearchRows"]

_LABELLED = ", ".join(f"'{name}'" for name in FACETS.values() if name)
_BIT = {pair: n for n, pair in enumerate(FACET_BITS)}
_FACET_OF = {"levels": "level", "audiences": "audience", "types": "type", "online_depths": "online_depth"}
_LIST_FILTERS = {  # the array filters, for values outside the national code lists
    "departments": "department_code = ANY({})",
    "levels": "levels && {}",
    "audiences": "audiences && {}",
    "types": "matter_type = ANY({})",
    "online_depths": "online_depths && {}",
}
# Planner settings of the connections searches run on. Matching goes through the GIN index: otherwise the
# planner picks a sequential scan for common words, not knowing that each row's (TOASTed) document must then be
# decompressed (ten times slower).
DRIVER_SETTINGS = {"enable_seqscan": "off"}


@dataclass(frozen=True)
class SearchRows:
    total: int
    items: list[dict[str, Any]]
    bit_counts: list[int]  # per FACET_BITS entry, summed over the distinct combinations of the hits
    departments: list[dict[str, Any]]  # value, label, count
    labels: dict[str, str]  # "<dictionary>:<code>" -> label


class _Parameters:
    """Positional parameters of one statement: ``add`` returns the typed placeholder of a value."""

    def __init__(self) -> None:
        self.values: list[Any] = []

    def add(self, value: Any, sql_type: str) -> str:
        self.values.append(value)
        return f"${len(self.values)}::{sql_type}"


def _filters(filters: SearchFilters, params: _Parameters) -> list[str]:
    """Filters on the fixed national code lists test the entry's ``facet_bits`` (one integer, already read for
    the facets) instead of its arrays; a value outside those lists falls back to the array."""
    where: list[str] = []
    for key, clause in _LIST_FILTERS.items():
        values = getattr(filters, key)
        if not values:
            continue
        facet = _FACET_OF.get(key)
        bits = [_BIT.get((facet, value)) for value in values] if facet else [None]
        if None not in bits:
            mask = sum(1 << bit for bit in bits if bit is not None)
            where.append(f"facet_bits & {params.add(mask, 'bigint')} <> 0")
        else:
            where.append(clause.format(params.add(list(values), "varchar[]")))
    if filters.zero_visits is not None:
        where.append(f"zero_visits = {params.add(filters.zero_visits, 'boolean')}")
    if filters.bundle is not None:
        where.append(f"kind = {params.add('bundle' if filters.bundle else 'matter', 'text')}")
    return where


def _all(conditions: list[str]) -> str:
    return " AND ".join(conditions) or "true"


def _candidates(
    concepts: Concepts | None, where: list[str], params: _Parameters, *, query: str | None, window: str
) -> tuple[str, str]:
    """The ``ranked`` CTE (empty without text) and the rows a page is cut from.

    Only an entry whose headline (name, codes, keywords, results) matches can score above zero, and a headline
    match is a document match (the headline's lexemes are a subset of the document's). So only the headline
    matches are scored, found through their own GIN index; the other matches all score 0, and are read, shorter
    names first, only when the headline matches do not reach the end of the page.
    """
    if concepts is None or query is None:
        browse = "SELECT kind, code, 0 AS score, length(name) AS size FROM search_entries WHERE "
        return "", browse + _all(where)
    raw = params.add(concepts.raw, "text")
    terms = [f"3 * (name = {raw})::int", f"(strpos(name, {raw}) > 0)::int"]
    if len(concepts.all) == 1:  # the only concept is the query itself, which every headline match matches
        terms.append("2" if concepts.own else "1")
    else:
        for n, concept in enumerate(concepts.all):
            weight = 2 if n == 0 and concepts.own else 1
            terms.append(f"{weight} * (headline @@ CAST({params.add(concept, 'text')} AS tsquery))::int")
    ranked = f"""
        ranked AS MATERIALIZED (
            SELECT kind, code, {" + ".join(terms)} AS score, length(name) AS size
              FROM search_entries WHERE {_all([f"headline @@ {query}", *where])}
        ),"""  # noqa: S608
    candidates = f"""
        SELECT kind, code, score, size FROM ranked
        UNION ALL
        SELECT kind, code, 0, length(name) FROM search_entries
         WHERE {_all([f"document @@ {query}", f"NOT headline @@ {query}", *where])}
           AND (SELECT count(*) FROM ranked) < {window}"""  # noqa: S608
    return ranked, candidates


def _statement(
    concepts: Concepts | None, filters: SearchFilters, *, limit: int, offset: int
) -> tuple[str, list[Any]]:
    """One statement (SQL with its positional parameters): the matches counted once per (department, facet
    combination), which gives the total and every facet; the page, scoring only the headline matches; the
    labels.

    Codes are grouped and ordered byte-wise (``COLLATE "C"``): they are ASCII, and a locale's collation would
    make sorting the groups of a broad query several times slower.
    """
    params = _Parameters()
    where = _filters(filters, params)
    query = None
    if concepts is not None and concepts.combined:
        query = f"CAST({params.add(concepts.combined, 'text')} AS tsquery)"
    limit_at, offset_at = params.add(limit, "integer"), params.add(offset, "integer")
    ranked, candidates = _candidates(concepts, where, params, query=query, window=f"{limit_at} + {offset_at}")
    matching = _all([f"document @@ {query}", *where] if query else where)
    sql = f"""
        WITH groups AS (
            SELECT department_code COLLATE "C" AS department_code, facet_bits, count(*) AS count
              FROM search_entries WHERE {matching} GROUP BY 1, 2
        ),{ranked}
        page AS (
            SELECT kind, code, score, size FROM ({candidates}) c
             ORDER BY score DESC, size, kind COLLATE "C", code COLLATE "C" LIMIT {limit_at} OFFSET {offset_at}
        )
        SELECT (SELECT coalesce(json_agg(g), '[]'::json) FROM groups g) AS groups,
               (SELECT coalesce(json_agg(p ORDER BY p.score DESC, p.size, p.kind COLLATE "C", p.code COLLATE "C"),
                                '[]'::json) FROM (
                   SELECT e.kind, e.code, e.version, e.name, e.department_code, e.department_name, e.matter_type,
                          e.levels, e.zero_visits, e.summary, h.score, h.size
                     FROM page h JOIN search_entries e ON e.kind = h.kind AND e.code = h.code) p) AS items,
               (SELECT json_object_agg(d.department_code, (
                           SELECT min(department_name) FROM search_entries s
                            WHERE s.department_code = d.department_code COLLATE "default"))
                  FROM (SELECT DISTINCT department_code FROM groups) d) AS departments,
               (SELECT json_object_agg(dictionary || ':' || code, label) FROM dictionary_entries
                 WHERE dictionary IN ({_LABELLED})) AS labels
    """  # noqa: S608 - only fixed fragments and placeholders are interpolated; every value is a parameter
    return sql, params.values


_EXPANSIONS = "SELECT expansions FROM synonyms WHERE strpos($1::text, term) > 0 ORDER BY term"


class SearchRepository:
    """Writes go through the unit of work's session (they commit with the publication); searches, which only
    read, go straight to the driver: one round trip each, on connections set up with ``DRIVER_SETTINGS``."""

    def __init__(self, session: AsyncSession, database: Database) -> None:
        self._session = session
        self._database = database

    async def upsert(self, values: dict[str, Any]) -> None:
        """Insert or replace the entry of ``(kind, code)``; ``document`` is a tsvector literal."""
        row = {**values, "document": cast(values["document"], TSVECTOR)}
        statement = insert(SearchEntry).values(**row)
        updated = {k: statement.excluded[k] for k in row if k not in ("kind", "code")}
        await self._session.execute(
            statement.on_conflict_do_update(index_elements=["kind", "code"], set_=updated)
        )

    async def upsert_many(self, rows: list[dict[str, Any]]) -> None:
        """:meth:`upsert` of many entries, 500 to a statement (distinct ``(kind, code)`` each)."""
        for start in range(0, len(rows), 500):
            chunk = [{**r, "document": cast(r["document"], TSVECTOR)} for r in rows[start : start + 500]]
            statement = insert(SearchEntry).values(chunk)
            updated = {k: statement.excluded[k] for k in chunk[0] if k not in ("kind", "code")}
            await self._session.execute(
                statement.on_conflict_do_update(index_elements=["kind", "code"], set_=updated)
            )

    async def remove(self, *, kind: str, code: str) -> None:
        await self._session.execute(
            delete(SearchEntry).where(SearchEntry.kind == kind, SearchEntry.code == code)
        )

    async def expansions(self, text: str) -> list[list[str]]:
        """Expansions of every synonym term that occurs in ``text``."""
        async with self._database.driver(transaction=False) as connection:
            return [list(row[0]) for row in await connection.fetch(_EXPANSIONS, text)]

    async def search(
        self, *, concepts: Concepts | None, filters: SearchFilters, limit: int, offset: int
    ) -> SearchRows:
        sql, values = _statement(concepts, filters, limit=limit, offset=offset)
        async with self._database.driver(transaction=False) as connection:
            row = await connection.fetchrow(sql, *values)
        counts = [0] * len(FACET_BITS)
        departments: dict[str, int] = {}
        for group in row["groups"]:  # few distinct (department, combination) pairs, however many hits
            code = group["department_code"]
            departments[code] = departments.get(code, 0) + group["count"]
            for n in range(len(FACET_BITS)):
                if group["facet_bits"] >> n & 1:
                    counts[n] += group["count"]
        names = dict(row["departments"] or {})
        return SearchRows(
            total=sum(departments.values()),
            items=list(row["items"]),
            bit_counts=counts,
            departments=[
                {"value": code, "label": names.get(code) or code, "count": count}
                for code, count in departments.items()
            ],
            labels=dict(row["labels"] or {}),
        )
