"""一件事 bundles: several matters applied for once, with merged materials and a combined time limit."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

from fastapi import APIRouter, Path, Request, Response, status

from catalog.api.dependencies import EditorDep, ReviewerDep, UowDep
from catalog.api.schemas.bundles import (
    BundleIn,
    BundleMaterialOut,
    BundleMemberOut,
    BundleOut,
    CombinedLimitOut,
    StandInOut,
    SubstituteIn,
)
from catalog.domain.bundles import Substitute
from catalog.store.models import Bundle
from catalog.store.unit_of_work import CatalogUnitOfWork
from catalog.use_cases import bundles
from meshkit.created import created_response, set_location
from meshkit.errors import problem_responses

__all__ = ["router", "versions_router"]

router = APIRouter(prefix="/bundles", tags=["一件事 (bundles)"])
versions_router = APIRouter(prefix="/bundle-versions", tags=["一件事 (bundles)"])
"""One bundle version by its id, apart from ``/bundles/{code}`` (the same template as ``/bundles/{bundle_id}``)."""
BundleId = Annotated[str, Path(max_length=36, description="bundle version id")]
WRITE = problem_responses(401, 403, 404, 409, 422)


def _out(found: bundles.BundleView) -> BundleOut:
    bundle = found.bundle
    return BundleOut(
        id=bundle.id,
        code=bundle.code,
        version=bundle.version,
        status=bundle.status,
        name=bundle.name,
        lead_department_code=bundle.lead_department_code,
        lead_department_name=bundle.lead_department_name,
        description=bundle.description,
        keywords=list(bundle.keywords),
        member_codes=[m.matter_code for m in bundle.members],
        substitutes=[SubstituteIn(**asdict(item)) for item in bundles.substitutes_of(bundle)],
        members=[
            BundleMemberOut(
                code=m.code,
                version=m.version,
                name=m.name,
                department_code=m.department_code,
                department_name=m.department_name,
                promised_days=m.promised_days,
                promised_unit=m.promised_unit,
            )
            for m in found.members
        ],
        materials=[
            BundleMaterialOut(
                **{**asdict(x.material), "data_items": list(x.material.data_items)},
                asked_by=list(x.asked_by),
                produced_by=x.produced_by,
                asked=x.asked,
                stands_in_for=[StandInOut(**asdict(i)) for i in x.stands_in_for],
            )
            for x in found.materials
        ],
        limit=CombinedLimitOut(**asdict(found.limit)) if found.limit else None,
        created_at=bundle.created_at,
        published_at=bundle.published_at,
    )


def _draft(body: BundleIn) -> bundles.BundleDraft:
    return bundles.BundleDraft(
        code=body.code,
        name=body.name,
        lead_department_code=body.lead_department_code,
        member_codes=tuple(body.member_codes),
        lead_department_name=body.lead_department_name,
        description=body.description,
        keywords=tuple(body.keywords),
        substitutes=tuple(Substitute(**item.model_dump()) for item in body.substitutes),
    )


async def _shown(uow: CatalogUnitOfWork, bundle: Bundle) -> BundleOut:
    return _out(await bundles.view(uow, bundle))


@router.get("", response_model=list[BundleOut])
async def list_bundles(uow: UowDep) -> list[BundleOut]:
    """Published bundles (已发布的一件事), anyone may read."""
    return [_out(found) for found in await bundles.list_bundles(uow)]


@router.get("/{code}", response_model=BundleOut, responses=problem_responses(404))
async def get_bundle(uow: UowDep, code: Annotated[str, Path(max_length=36)]) -> BundleOut:
    """A published bundle: members, merged materials (asked once; not asked when a member produces it) and the
    combined time limit."""
    return _out(await bundles.get_bundle(uow, code=code))


CREATED = created_response(
    "the new draft bundle version (`/bundle-versions/{id}`: change, submit, publish)",
    operation="submit_bundle",
    parameters={"bundle_id": "$response.body#/id"},
)


@router.post(
    "", response_model=BundleOut, status_code=status.HTTP_201_CREATED, responses={**WRITE, **CREATED}
)
async def create_bundle(
    request: Request, response: Response, uow: UowDep, principal: EditorDep, body: BundleIn
) -> BundleOut:
    """Draft a bundle (草稿); editors of the lead department."""
    shown = await _shown(uow, await bundles.create_bundle(uow, principal, draft=_draft(body)))
    set_location(request, response, f"/bundle-versions/{shown.id}")
    return shown


@versions_router.put("/{bundle_id}", response_model=BundleOut, responses=WRITE)
async def update_bundle(uow: UowDep, principal: EditorDep, bundle_id: BundleId, body: BundleIn) -> BundleOut:
    """Change a draft bundle."""
    return await _shown(
        uow, await bundles.update_bundle(uow, principal, bundle_id=bundle_id, draft=_draft(body))
    )


@versions_router.post("/{bundle_id}/submit", response_model=BundleOut, responses=WRITE)
async def submit_bundle(uow: UowDep, principal: EditorDep, bundle_id: BundleId) -> BundleOut:
    """Send a draft bundle to review (提交审核)."""
    return await _shown(uow, await bundles.submit_bundle(uow, principal, bundle_id=bundle_id))


@versions_router.post("/{bundle_id}/publish", response_model=BundleOut, responses=WRITE)
async def publish_bundle(uow: UowDep, principal: ReviewerDep, bundle_id: BundleId) -> BundleOut:
    """Publish (发布); reviewers. Members must be published. Announces `catalog.bundle_published.v1`."""
    return await _shown(uow, await bundles.publish_bundle(uow, principal, bundle_id=bundle_id))


@versions_router.post("/{bundle_id}/retire", response_model=BundleOut, responses=WRITE)
async def retire_bundle(uow: UowDep, principal: ReviewerDep, bundle_id: BundleId) -> BundleOut:
    """Retire (废止); reviewers. Announces `catalog.bundle_retired.v1`."""
    return await _shown(uow, await bundles.retire_bundle(uow, principal, bundle_id=bundle_id))
