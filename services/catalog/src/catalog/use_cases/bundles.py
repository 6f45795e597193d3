"""一件事 bundles: draft, submit, publish, retire, and the applicant's view of one."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime

from catalog.domain.bundles import (
    CombinedLimit,
    MergedMaterial,
    Substitute,
    bundle_violations,
    combined_limit,
    merge_materials,
    substitute_violations,
)
from catalog.domain.codes import MatterStatus
from catalog.domain.matters import MatterSpec
from catalog.domain.permissions import may_edit, may_review
from catalog.domain.workflow import TRANSITIONS, can_transition, is_editable
from catalog.events import (
    BUNDLE_PUBLISHED,
    BUNDLE_RETIRED,
    BundleMaterial,
    BundleMember,
    BundlePublished,
    BundleRetired,
    StandIn,
)
from catalog.store.models import Bundle, Matter
from catalog.store.repositories import to_spec
from catalog.store.unit_of_work import CatalogUnitOfWork
from catalog.use_cases.errors import BundleNotFound, Conflict, QualityRulesFailed, deny
from catalog.use_cases.indexing import index_bundle
from catalog.use_cases.matters import actor_of
from meshkit.auth import Principal

__all__ = [
    "BundleDraft",
    "BundleView",
    "create_bundle",
    "get_bundle",
    "list_bundles",
    "publish_bundle",
    "retire_bundle",
    "submit_bundle",
    "substitutes_of",
    "update_bundle",
    "view",
]


@dataclass(frozen=True)
class BundleDraft:
    code: str
    name: str
    lead_department_code: str
    member_codes: tuple[str, ...]
    lead_department_name: str = ""
    description: str = ""
    keywords: tuple[str, ...] = ()
    substitutes: tuple[
        Substitute, ...
    ] = ()  # stand-ins: a member's material satisfied by something of the bundle


def substitutes_of(bundle: Bundle) -> tuple[Substitute, ...]:
    return tuple(Substitute(**item) for item in bundle.substitutes or ())


@dataclass(frozen=True)
class BundleView:
    """A bundle with its members' current versions, merged materials and combined limit."""

    bundle: Bundle
    members: Sequence[Matter]
    materials: Sequence[MergedMaterial]
    limit: CombinedLimit | None


def _record(uow: CatalogUnitOfWork, bundle: Bundle, action: str, principal: Principal) -> None:
    uow.history.record(
        kind="bundle",
        code=bundle.code,
        record_id=bundle.id,
        version=bundle.version,
        action=action,
        status=bundle.status,
        actor=actor_of(principal),
    )


def _fill(bundle: Bundle, draft: BundleDraft) -> None:
    bundle.name, bundle.lead_department_code = draft.name, draft.lead_department_code
    bundle.lead_department_name, bundle.description = draft.lead_department_name, draft.description
    bundle.keywords = list(draft.keywords)
    bundle.substitutes = [asdict(item) for item in draft.substitutes]


async def create_bundle(uow: CatalogUnitOfWork, principal: Principal, *, draft: BundleDraft) -> Bundle:
    """A draft bundle (or the next version of one), by an editor of the lead department."""
    deny(may_edit(principal, draft.lead_department_code))
    bundle = Bundle(
        id=str(uuid.uuid4()),
        code=draft.code,
        version=await uow.bundles.next_version(draft.code),
        status=MatterStatus.DRAFT,
    )
    _fill(bundle, draft)
    uow.bundles.add(bundle, draft.member_codes)
    _record(uow, bundle, "created", principal)
    await uow.commit()
    return bundle


async def _load(uow: CatalogUnitOfWork, bundle_id: str) -> Bundle:
    bundle = await uow.bundles.get(bundle_id, for_update=True)
    if bundle is None:
        raise BundleNotFound(f"一件事 {bundle_id} 不存在")
    return bundle


def _check(bundle: Bundle, action: str) -> None:
    if not can_transition(bundle.status, action):
        allowed = "、".join(sorted(TRANSITIONS[action][0]))
        raise Conflict(
            f"一件事状态为 {bundle.status}，只有 {allowed} 状态可以执行 {action}", code="invalid_transition"
        )


async def update_bundle(
    uow: CatalogUnitOfWork, principal: Principal, *, bundle_id: str, draft: BundleDraft
) -> Bundle:
    bundle = await _load(uow, bundle_id)
    deny(may_edit(principal, bundle.lead_department_code))
    deny(may_edit(principal, draft.lead_department_code))
    if not is_editable(bundle.status) or draft.code != bundle.code:
        raise Conflict("只有草稿可以修改，且编码不可修改", code="bundle_immutable")
    _fill(bundle, draft)
    await uow.bundles.set_members(bundle, draft.member_codes)
    _record(uow, bundle, "updated", principal)
    await uow.commit()
    return bundle


async def submit_bundle(uow: CatalogUnitOfWork, principal: Principal, *, bundle_id: str) -> Bundle:
    bundle = await _load(uow, bundle_id)
    deny(may_edit(principal, bundle.lead_department_code))
    _check(bundle, "submit")
    bundle.status = MatterStatus.IN_REVIEW
    _record(uow, bundle, "submitted", principal)
    await uow.commit()
    return bundle


async def _members(uow: CatalogUnitOfWork, bundle: Bundle) -> list[Matter]:
    codes = [m.matter_code for m in bundle.members]
    found = {m.code: m for m in await uow.matters.latest_published(codes)}
    return [found[code] for code in codes if code in found]


def _payload(bundle: Bundle, members: Sequence[Matter], specs: Sequence[MatterSpec]) -> BundlePublished:
    limit = combined_limit(specs)
    return BundlePublished(
        bundle_id=bundle.id,
        code=bundle.code,
        version=bundle.version,
        name=bundle.name,
        lead_department_code=bundle.lead_department_code,
        lead_department_name=bundle.lead_department_name,
        members=[
            BundleMember(code=m.code, version=m.version, name=m.name, department_code=m.department_code)
            for m in members
        ],
        materials=[
            BundleMaterial(
                name=x.material.name,
                requirement=x.material.requirement,
                form=x.material.form,
                paper_copies=x.material.paper_copies,
                source=x.material.source,
                certificate_type=x.material.certificate_type,
                resource_code=x.material.resource_code,
                data_items=list(x.material.data_items),
                belongs_to=x.material.belongs_to,
                asked_by=list(x.asked_by),
                produced_by=x.produced_by,
                stands_in_for=[
                    StandIn(member_code=i.member_code, name=i.name, reason=i.reason) for i in x.stands_in_for
                ],
            )
            for x in merge_materials(specs, substitutes_of(bundle))
        ],
        statutory_days=limit.statutory_days,
        statutory_unit=limit.statutory_unit,
        promised_days=limit.promised_days,
        promised_unit=limit.promised_unit,
    )


async def publish_bundle(uow: CatalogUnitOfWork, principal: Principal, *, bundle_id: str) -> Bundle:
    """Publish (发布): members must be published; the previous published version is retired."""
    deny(may_review(principal))
    bundle = await _load(uow, bundle_id)
    _check(bundle, "publish")
    members = await _members(uow, bundle)
    specs = [to_spec(m) for m in members]
    violations = bundle_violations(
        member_codes=[m.matter_code for m in bundle.members],
        lead_department_code=bundle.lead_department_code,
        members=specs,
    ) + substitute_violations(specs, substitutes_of(bundle))
    if violations:
        raise QualityRulesFailed(violations, what="一件事")
    now = datetime.now(UTC)
    for previous in await uow.bundles.lock_code(bundle.code):
        if previous.status == MatterStatus.PUBLISHED and previous.id != bundle.id:
            previous.status, previous.retired_at = MatterStatus.RETIRED, now
            _record(uow, previous, "superseded", principal)
    bundle.status, bundle.published_at = MatterStatus.PUBLISHED, now
    await index_bundle(uow, bundle, specs)
    await uow.publish(
        BUNDLE_PUBLISHED,
        aggregate_id=bundle.code,
        sequence=bundle.version,
        payload=_payload(bundle, members, specs),
    )
    _record(uow, bundle, "published", principal)
    await uow.commit()
    return bundle


async def retire_bundle(uow: CatalogUnitOfWork, principal: Principal, *, bundle_id: str) -> Bundle:
    deny(may_review(principal))
    bundle = await _load(uow, bundle_id)
    _check(bundle, "retire")
    bundle.status, bundle.retired_at = MatterStatus.RETIRED, datetime.now(UTC)
    await uow.search.remove(kind="bundle", code=bundle.code)
    await uow.publish(
        BUNDLE_RETIRED,
        aggregate_id=bundle.code,
        sequence=bundle.version,
        payload=BundleRetired(bundle_id=bundle.id, code=bundle.code, version=bundle.version),
    )
    _record(uow, bundle, "retired", principal)
    await uow.commit()
    return bundle


async def view(uow: CatalogUnitOfWork, bundle: Bundle) -> BundleView:
    members = await _members(uow, bundle)
    specs = [to_spec(m) for m in members]
    materials = merge_materials(specs, substitutes_of(bundle))
    return BundleView(bundle, members, materials, combined_limit(specs) if specs else None)


async def get_bundle(uow: CatalogUnitOfWork, *, code: str) -> BundleView:
    bundle = await uow.bundles.latest(code)
    if bundle is None:
        raise BundleNotFound(f"没有已发布的一件事 {code}")
    return await view(uow, bundle)


async def list_bundles(uow: CatalogUnitOfWork) -> list[BundleView]:
    return [await view(uow, bundle) for bundle in await uow.bundles.published()]
