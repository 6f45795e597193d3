"""Matters (事项): read published ones; draft, submit, review, publish, retire versions; history."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response, status

from catalog.api.dependencies import EditorDep, ReviewerDep, UowDep
from catalog.api.schemas.matters import MatterHistoryOut, MatterIn, MatterOut, MatterPage, NoteIn
from catalog.domain.matters import MatterSpec
from catalog.use_cases import matters, workflow
from meshkit.auth import OptionalPrincipal
from meshkit.created import created_response, set_location
from meshkit.errors import problem_responses

__all__ = ["router", "versions_router"]

router = APIRouter(prefix="/matters", tags=["事项 (matters)"])
versions_router = APIRouter(prefix="/matter-versions", tags=["事项 (matters)"])
"""One version by its id (drafts, reviews, publishing): apart from ``/matters/{code}`` so that no two path
templates are the same (``GET /matters/{code}`` vs ``PUT /matters/{matter_id}`` were)."""
MatterId = Annotated[str, Path(max_length=36, description="version id (版本标识)")]
Code = Annotated[str, Path(max_length=36, description="implementation code (实施编码)")]
WRITE = problem_responses(401, 403, 404, 409, 422)
CREATED = created_response(
    "the new draft version",
    operation="get_matter_version",
    parameters={"code": "$response.body#/code", "version": "$response.body#/version"},
)


def _created(request: Request, response: Response, matter: MatterOut) -> MatterOut:
    set_location(request, response, f"/matters/{matter.code}/versions/{matter.version}")
    return matter


def _spec(body: MatterIn) -> MatterSpec:
    return MatterSpec.from_values(body.model_dump())


@router.get("", response_model=MatterPage, responses=problem_responses(422))
async def list_matters(
    uow: UowDep,
    q: Annotated[str | None, Query(max_length=50, description="words in the matter name")] = None,
    department: Annotated[str | None, Query(max_length=40, description="department code (实施主体)")] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
) -> MatterPage:
    """Matters in force today (已发布事项), anyone may read. For ranked full-text search use `/search`."""
    items, total = await matters.list_in_force(uow, text=q, department=department, limit=limit, offset=offset)
    return MatterPage(
        items=[MatterOut.model_validate(m) for m in items], total=total, limit=limit, offset=offset
    )


@router.get("/{code}", response_model=MatterOut, responses=problem_responses(404))
async def get_matter(uow: UowDep, code: Code) -> MatterOut:
    """The version of a matter in force today, with its materials (办理材料)."""
    return MatterOut.model_validate(await matters.get_in_force(uow, code=code))


@router.get("/{code}/versions/{version}", response_model=MatterOut, responses=problem_responses(404))
async def get_matter_version(
    uow: UowDep, principal: OptionalPrincipal, code: Code, version: Annotated[int, Path(ge=1, le=100_000)]
) -> MatterOut:
    """One version (版本); drafts and versions in review only for their editors and reviewers."""
    return MatterOut.model_validate(await matters.get_version(uow, principal, code=code, version=version))


@router.get("/{code}/history", response_model=MatterHistoryOut, responses=problem_responses(404))
async def get_matter_history(uow: UowDep, principal: OptionalPrincipal, code: Code) -> MatterHistoryOut:
    """Every version with its validity dates and every change (变更历史), oldest first."""
    found = await matters.history(uow, principal, code=code)
    return MatterHistoryOut.model_validate(
        {"code": code, "versions": found.versions, "entries": found.entries}, from_attributes=True
    )


@router.post(
    "", response_model=MatterOut, status_code=status.HTTP_201_CREATED, responses={**WRITE, **CREATED}
)
async def create_matter(
    request: Request, response: Response, uow: UowDep, principal: EditorDep, body: MatterIn
) -> MatterOut:
    """Create a draft version (草稿): the first of a new code, or the next of an existing one. Editors of the
    department (role `catalog_editor` with a matching `org`) or department systems (scope `catalog:write`)."""
    created = await matters.create_draft(uow, principal, spec=_spec(body))
    return _created(request, response, MatterOut.model_validate(created))


@versions_router.put("/{matter_id}", response_model=MatterOut, responses=WRITE)
async def update_matter(uow: UowDep, principal: EditorDep, matter_id: MatterId, body: MatterIn) -> MatterOut:
    """Change a draft. Published versions are immutable (409 `matter_immutable`): revise them instead."""
    return MatterOut.model_validate(
        await matters.update_draft(uow, principal, matter_id=matter_id, spec=_spec(body))
    )


@versions_router.post(
    "/{matter_id}/revise",
    response_model=MatterOut,
    status_code=status.HTTP_201_CREATED,
    responses={**WRITE, **CREATED},
)
async def revise_matter(
    request: Request, response: Response, uow: UowDep, principal: EditorDep, matter_id: MatterId
) -> MatterOut:
    """A new draft version copied from this one (修订), without validity dates."""
    revised = await matters.revise(uow, principal, matter_id=matter_id)
    return _created(request, response, MatterOut.model_validate(revised))


@versions_router.post("/{matter_id}/submit", response_model=MatterOut, responses=WRITE)
async def submit_matter(uow: UowDep, principal: EditorDep, matter_id: MatterId) -> MatterOut:
    """Send a draft to review (提交审核); editors of the department."""
    return MatterOut.model_validate(await workflow.submit_matter(uow, principal, matter_id=matter_id))


@versions_router.post("/{matter_id}/return", response_model=MatterOut, responses=WRITE)
async def return_matter(uow: UowDep, principal: ReviewerDep, matter_id: MatterId, body: NoteIn) -> MatterOut:
    """Send a version in review back to draft with a note (退回修改); reviewers."""
    return MatterOut.model_validate(
        await workflow.return_matter(uow, principal, matter_id=matter_id, note=body.note)
    )


@versions_router.post("/{matter_id}/publish", response_model=MatterOut, responses=WRITE)
async def publish_matter(uow: UowDep, principal: ReviewerDep, matter_id: MatterId) -> MatterOut:
    """Publish a version in review (发布); reviewers (role `catalog_reviewer` or scope `catalog:publish`).
    Every quality rule and the validity periods are checked; a 422 problem lists every violation. Announces
    `catalog.matter_published.v1`."""
    return MatterOut.model_validate(await workflow.publish_matter(uow, principal, matter_id=matter_id))


@versions_router.post("/{matter_id}/retire", response_model=MatterOut, responses=WRITE)
async def retire_matter(uow: UowDep, principal: ReviewerDep, matter_id: MatterId, body: NoteIn) -> MatterOut:
    """Retire a published version (废止); reviewers. Announces `catalog.matter_retired.v1`."""
    return MatterOut.model_validate(
        await workflow.retire_matter(uow, principal, matter_id=matter_id, note=body.note)
    )
