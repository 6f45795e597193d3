"""Search entries (one per published matter and bundle) and the search query with its facets, in one round trip."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ARRAY,
    BindParameter,
    Boolean,
    Integer,
    String,
    TextClause,
    bindparam,
    cast,
    delete,
    func,
    select,
    text,
)
from sqlalchemy.dialects.postgresql import TSVECTOR, insert
from sqlalchemy.ext.asyncio import AsyncSession

from catalog.domain.search import FACET_BITS, FACETS, Concepts, SearchFilters
from catalog.store.models import SearchEntry, Synonym

__all__ = ["SearchRepository", "SearchRows"]

_LABELLED = ", ".join(f"'{name}'" for name in FACETS.values() if name)
_LIST_FILTERS = {
    "departments": "department_code = ANY(:departments)",
    "levels": "levels && :levels",
    "audiences": "audiences && :audiences",
    "types": "matter_type = ANY(:types)",
    "online_depths": "online_depths && :online_depths",
}


@dataclass(frozen=True)
class SearchRows:
    total: int
    items: list[dict[str, Any]]
    bit_counts: list[int]  # per FACET_BITS entry, summed over the distinct combinations of the hits
    departments: list[dict[str, Any]]  # value, label, count
    labels: dict[str, str]  # "<dictionary>:<code>" -> label


def _statement(concepts: Concepts | None, filters: SearchFilters) -> tuple[TextClause, dict[str, Any]]:
    where: list[str] = []
    params: dict[str, Any] = {}
    score = "0.0"
    if concepts is not None and concepts.combined:
        where.append("document @@ CAST(:query AS tsquery)")
        params.update(query=concepts.combined, raw=concepts.raw)
        terms = ["3 * (name = :raw)::int", "(strpos(name, :raw) > 0)::int"]
        for n, concept in enumerate(concepts.all):
            params[f"c{n}"] = concept
            weight = 2 if n == 0 and concepts.own else 1
            terms.append(f"{weight} * (headline @@ CAST(:c{n} AS tsquery))::int")
        score = " + ".join(terms)
    for key, clause in _LIST_FILTERS.items():
        values = getattr(filters, key)
        if values:
            where.append(clause)
            params[key] = list(values)
    if filters.zero_visits is not None:
        where.append("zero_visits = :zero_visits")
        params["zero_visits"] = filters.zero_visits
    if filters.bundle is not None:
        where.append("kind = :kind")
        params["kind"] = "bundle" if filters.bundle else "matter"
    sql = f"""
        WITH hits AS MATERIALIZED (
            SELECT kind, code, department_code, department_name, facet_bits, length(name) AS size, {score} AS score
              FROM search_entries WHERE {" AND ".join(where) or "true"}
        )
        SELECT (SELECT count(*) FROM hits) AS total,
               (SELECT coalesce(json_agg(p ORDER BY p.score DESC, p.size, p.kind, p.code), '[]'::json) FROM (
                   SELECT e.kind, e.code, e.version, e.name, e.department_code, e.department_name, e.matter_type,
                          e.levels, e.zero_visits, e.summary, h.score, h.size
                     FROM (SELECT kind, code, score, size FROM hits
                            ORDER BY score DESC, size, kind, code LIMIT :limit OFFSET :offset) h
                     JOIN search_entries e ON e.kind = h.kind AND e.code = h.code) p) AS items,
               (SELECT coalesce(json_agg(b), '[]'::json) FROM (
                   SELECT facet_bits AS bits, count(*) AS count FROM hits GROUP BY facet_bits) b) AS bit_counts,
               (SELECT coalesce(json_agg(d), '[]'::json) FROM (
                   SELECT department_code AS value, min(department_name) AS label, count(*) AS count
                     FROM hits GROUP BY department_code) d) AS departments,
               (SELECT json_object_agg(dictionary || ':' || code, label) FROM dictionary_entries
                 WHERE dictionary IN ({_LABELLED})) AS labels
    """  # noqa: S608 - only fixed fragments are interpolated; every value is a bound parameter
    statement = text(sql)
    typed: list[BindParameter[Any]] = [
        bindparam(k, type_=ARRAY(String)) for k in _LIST_FILTERS if k in params
    ]
    if "zero_visits" in params:
        typed.append(bindparam("zero_visits", type_=Boolean()))
    return statement.bindparams(
        *typed, bindparam("limit", type_=Integer), bindparam("offset", type_=Integer)
    ), params


class SearchRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def upsert(self, values: dict[str, Any]) -> None:
        """Insert or replace the entry of ``(kind, code)``; ``document`` is a tsvector literal."""
        row = {**values, "document": cast(values["document"], TSVECTOR)}
        statement = insert(SearchEntry).values(**row)
        updated = {k: statement.excluded[k] for k in row if k not in ("kind", "code")}
        await self._session.execute(
            statement.on_conflict_do_update(index_elements=["kind", "code"], set_=updated)
        )

    async def remove(self, *, kind: str, code: str) -> None:
        await self._session.execute(
            delete(SearchEntry).where(SearchEntry.kind == kind, SearchEntry.code == code)
        )

    async def expansions(self, text: str) -> list[list[str]]:
        """Expansions of every synonym term that occurs in ``text``."""
        haystack = bindparam("haystack", text, type_=String)
        query = (
            select(Synonym.expansions).where(func.strpos(haystack, Synonym.term) > 0).order_by(Synonym.term)
        )
        return [list(row) for row in (await self._session.scalars(query)).all()]

    async def search(
        self, *, concepts: Concepts | None, filters: SearchFilters, limit: int, offset: int
    ) -> SearchRows:
        statement, params = _statement(concepts, filters)
        if "query" in params:
            # Matching goes through the GIN index. Without this the planner picks a sequential scan for common
            # words, not knowing that each row's (TOASTed) document must then be decompressed: ten times slower.
            await self._session.execute(text("SET LOCAL enable_seqscan = off"))
        row = (await self._session.execute(statement, {**params, "limit": limit, "offset": offset})).one()
        counts = [0] * len(FACET_BITS)
        for combination in row.bit_counts:  # few distinct combinations, however many hits
            for n in range(len(FACET_BITS)):
                if combination["bits"] >> n & 1:
                    counts[n] += combination["count"]
        return SearchRows(total=int(row.total), items=list(row.items), bit_counts=counts,
                          departments=list(row.departments), labels=dict(row.labels or {}))  # fmt: skip
