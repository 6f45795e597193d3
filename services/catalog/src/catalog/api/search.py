"""Search (事项搜索) over published matters and 一件事 bundles, with facets."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import Field

from catalog.api.dependencies import UowDep
from catalog.api.schemas.reference import FacetValueOut, SearchHit, SearchPage
from catalog.domain.search import SearchFilters
from catalog.use_cases import search as searching
from meshkit.errors import problem_responses

__all__ = ["router"]

router = APIRouter(tags=["搜索 (search)"])
FacetValue = Annotated[str, Field(max_length=40)]  # a code or department code (String(40) at most)
Values = Annotated[list[FacetValue] | None, Query(max_length=20)]


@router.get("/search", response_model=SearchPage, responses=problem_responses(422))
async def search(
    uow: UowDep,
    q: Annotated[
        str | None, Query(max_length=50, description="words, partial words, pinyin or initials")
    ] = None,
    department: Values = None,
    level: Values = None,
    audience: Values = None,
    matter_type: Annotated[list[FacetValue] | None, Query(alias="type", max_length=20)] = None,
    online_depth: Values = None,
    zero_visits: Annotated[
        bool | None, Query(description="only 零跑动 (true) or only with visits (false)")
    ] = None,
    bundle: Annotated[
        bool | None, Query(description="only 一件事 bundles (true) or only single matters")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0, le=10_000)] = 0,
) -> SearchPage:
    """Chinese full text over names, keywords, synonyms (开饭店 → 食品经营许可), materials and guide text:
    words, two-character parts of words, pinyin (`yingye`) and initials (`yyzz`). Best match first. Repeat a
    facet parameter for alternatives (OR); different facets combine (AND). Facet counts (分面统计) describe
    the matching results."""
    filters = SearchFilters(
        departments=tuple(department or ()),
        levels=tuple(level or ()),
        audiences=tuple(audience or ()),
        types=tuple(matter_type or ()),
        online_depths=tuple(online_depth or ()),
        zero_visits=zero_visits,
        bundle=bundle,
    )
    result = await searching.search(uow, text=q, filters=filters, limit=limit, offset=offset)
    return SearchPage(
        items=[SearchHit.model_validate(item) for item in result.items],
        total=result.total,
        limit=limit,
        offset=offset,
        expanded=result.expanded,
        facets={
            name: [FacetValueOut(value=v.value, label=v.label, count=v.count) for v in values]
            for name, values in result.facets.items()
        },
    )
