"""Search (事项搜索): text with synonyms, facet filters, facet counts, pagination, best match first."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from catalog.domain import analysis
from catalog.domain.search import FACET_BITS, FACETS, FIXED_LABELS, SearchFilters, concepts
from catalog.store.unit_of_work import CatalogUnitOfWork

__all__ = ["FacetValue", "SearchResult", "search"]


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int


@dataclass(frozen=True)
class SearchResult:
    total: int
    items: list[dict[str, Any]]
    facets: dict[str, list[FacetValue]]
    expanded: bool  # synonyms widened the query


async def search(
    uow: CatalogUnitOfWork, *, text: str | None, filters: SearchFilters, limit: int, offset: int
) -> SearchResult:
    """Published matters and bundles matching ``text`` (may be empty: browse by facets)."""
    meaning = None
    if text and analysis.query(text) is not None:
        meaning = concepts(text, await uow.search.expansions(analysis.normalize(text)))
    rows = await uow.search.search(concepts=meaning, filters=filters, limit=limit, offset=offset)
    facets: dict[str, list[FacetValue]] = {
        "department": [FacetValue(d["value"], d["label"], int(d["count"])) for d in rows.departments]
    }
    for (facet, value), count in zip(FACET_BITS, rows.bit_counts, strict=True):
        dictionary = FACETS[facet]
        label = rows.labels.get(f"{dictionary}:{value}") if dictionary else FIXED_LABELS[facet][value]
        if count:
            facets.setdefault(facet, []).append(FacetValue(value, label or value, int(count)))
    for values in facets.values():
        values.sort(key=lambda v: (-v.count, v.value))
    items = [{**item, "score": round(item["score"], 4)} for item in rows.items]
    return SearchResult(
        total=rows.total, items=items, facets=facets, expanded=bool(meaning and meaning.expansions)
    )
