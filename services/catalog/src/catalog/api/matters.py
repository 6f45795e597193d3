"""Matters (事项): list, read, draft, publish."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, status

from catalog import use_cases
from catalog.api.dependencies import EditorDep, PublisherDep, UowDep
from catalog.api.schemas import MatterIn, MatterOut, MatterPage
from catalog.domain import MatterDraft
from meshkit.errors import problem_responses

__all__ = ["router"]

router = APIRouter(prefix="/matters", tags=["事项 (matters)"])


@router.get("", response_model=MatterPage, responses=problem_responses(422))
async def list_matters(
    uow: UowDep,
    q: Annotated[str | None, Query(max_length=50, description="words in the matter name")] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
) -> MatterPage:
    """Published matters (已发布事项), anyone may read."""
    items, total = await use_cases.list_published(uow, text=q, limit=limit, offset=offset)
    return MatterPage(
        items=[MatterOut.model_validate(m) for m in items], total=total, limit=limit, offset=offset
    )


@router.get("/{code}", response_model=MatterOut, responses=problem_responses(404))
async def get_matter(uow: UowDep, code: str) -> MatterOut:
    """The current published version of a matter by its implementation code (实施编码)."""
    return MatterOut.model_validate(await use_cases.get_published(uow, code=code))


@router.post(
    "",
    response_model=MatterOut,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(401, 403, 422),
)
async def create_matter(uow: UowDep, body: MatterIn, _editor: EditorDep) -> MatterOut:
    """Create a draft version (草稿) of a matter; scope `catalog:write`."""
    draft = MatterDraft(**body.model_dump())
    return MatterOut.model_validate(await use_cases.create_draft(uow, draft=draft))


@router.post(
    "/{matter_id}/publish", response_model=MatterOut, responses=problem_responses(401, 403, 404, 409, 422)
)
async def publish_matter(uow: UowDep, matter_id: str, _publisher: PublisherDep) -> MatterOut:
    """Publish a draft (发布): checks the quality rules and announces `catalog.matter_published.v1`."""
    return MatterOut.model_validate(await use_cases.publish_matter(uow, matter_id=matter_id))
