"""The version workflow of matters: submit, return, publish, retire (草稿 → 审核中 → 已发布 → 已废止)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from catalog.domain.codes import MatterStatus
from catalog.domain.permissions import may_edit, may_review
from catalog.domain.quality import quality_violations
from catalog.domain.workflow import TRANSITIONS, Validity, can_transition, plan_validity
from catalog.events import MATTER_PUBLISHED, MATTER_RETIRED, MaterialInfo, MatterPublished, MatterRetired
from catalog.store.models import Matter
from catalog.store.repositories import to_spec
from catalog.store.unit_of_work import CatalogUnitOfWork
from catalog.use_cases.errors import Conflict, QualityRulesFailed, deny
from catalog.use_cases.indexing import index_matter
from catalog.use_cases.matters import actor_of, load_for_change
from meshkit.auth import Principal
from meshkit.legaldate import today

__all__ = [
    "publish_matter",
    "retire_matter",
    "return_matter",
    "stage_publish",
    "stage_submit",
    "submit_matter",
]

_NAMES = {"submit": "提交审核", "return": "退回修改", "publish": "发布", "retire": "废止"}


def _check(matter: Matter, action: str) -> None:
    if not can_transition(matter.status, action):
        allowed = "、".join(sorted(TRANSITIONS[action][0]))
        code = "matter_not_publishable" if action == "publish" else "invalid_transition"
        raise Conflict(
            f"第 {matter.version} 版状态为 {matter.status}，只有 {allowed} 状态可以{_NAMES[action]}",
            code=code,
        )


def _record(
    uow: CatalogUnitOfWork, matter: Matter, action: str, principal: Principal, note: str = ""
) -> None:
    uow.history.record(
        kind="matter",
        code=matter.code,
        record_id=matter.id,
        version=matter.version,
        action=action,
        status=matter.status,
        actor=actor_of(principal),
        note=note,
    )


async def submit_matter(uow: CatalogUnitOfWork, principal: Principal, *, matter_id: str) -> Matter:
    """Send a draft to review (提交审核)."""
    matter = await load_for_change(uow, matter_id)
    stage_submit(uow, principal, matter)
    await uow.commit()
    return matter


def stage_submit(uow: CatalogUnitOfWork, principal: Principal, matter: Matter) -> None:
    deny(may_edit(principal, matter.department_code))
    _check(matter, "submit")
    matter.status = MatterStatus.IN_REVIEW
    _record(uow, matter, "submitted", principal)


async def return_matter(uow: CatalogUnitOfWork, principal: Principal, *, matter_id: str, note: str) -> Matter:
    """Send a version in review back to its editors with the reviewer's note (退回)."""
    deny(may_review(principal))
    matter = await load_for_change(uow, matter_id)
    _check(matter, "return")
    matter.status = MatterStatus.DRAFT
    _record(uow, matter, "returned", principal, note)
    await uow.commit()
    return matter


def _published_payload(matter: Matter) -> MatterPublished:
    return MatterPublished(
        matter_id=matter.id,
        code=matter.code,
        version=matter.version,
        name=matter.name,
        matter_type=matter.matter_type,
        department_code=matter.department_code,
        statutory_days=matter.statutory_days,
        promised_days=matter.promised_days,
        department_name=matter.department_name,
        levels=list(matter.levels),
        audiences=list(matter.audiences),
        statutory_unit=matter.statutory_unit,
        promised_unit=matter.promised_unit,
        case_kind=matter.case_kind,
        visits=matter.visits,
        online_depths=list(matter.online_depths),
        full_online=matter.full_online,
        min_real_name_level=matter.min_real_name_level,
        result_certificate_type=matter.result_certificate_type,
        special_procedures=list(matter.special_procedures),
        valid_from=matter.valid_from,
        valid_to=matter.valid_to,
        materials=[
            MaterialInfo(
                name=m.name,
                requirement=m.requirement,
                form=m.form,
                paper_copies=m.paper_copies,
                source=m.source,
                certificate_type=m.certificate_type,
                resource_code=m.resource_code,
                data_items=list(m.data_items),
                belongs_to=m.belongs_to,
            )
            for m in matter.materials
        ],
    )


async def publish_matter(
    uow: CatalogUnitOfWork, principal: Principal, *, matter_id: str, on: date | None = None
) -> Matter:
    """Publish a version in review (发布): every quality rule and the validity periods are checked together,
    the open-ended version it supersedes is closed, search sees it, and ``catalog.matter_published.v1`` goes out."""
    deny(may_review(principal))
    matter = await load_for_change(uow, matter_id)
    await stage_publish(uow, principal, matter, on=on)
    await uow.commit()
    return matter


async def stage_publish(
    uow: CatalogUnitOfWork, principal: Principal, matter: Matter, *, on: date | None
) -> None:
    """:func:`publish_matter` without the commit (imports publish many versions in one transaction)."""
    deny(may_review(principal))
    _check(matter, "publish")
    others = await uow.matters.lock_code(matter.code)
    spec = to_spec(matter)
    spec = replace(spec, valid_from=spec.valid_from or on or today())
    assert spec.valid_from is not None
    plan = plan_validity(Validity(matter.version, spec.valid_from, spec.valid_to), others)
    violations = quality_violations(spec, await uow.dictionaries.active()) + list(plan.violations)
    if violations:
        raise QualityRulesFailed(violations)
    if plan.close is not None:
        version, valid_to = plan.close
        await uow.matters.close_validity(matter.code, version, valid_to)
        uow.history.record(
            kind="matter",
            code=matter.code,
            record_id=matter.id,
            version=version,
            action="superseded",
            status=MatterStatus.PUBLISHED,
            actor=actor_of(principal),
            note=f"由第 {matter.version} 版取代，有效期至 {valid_to.isoformat()}",
        )
    matter.status = MatterStatus.PUBLISHED
    matter.valid_from = spec.valid_from
    matter.published_at = datetime.now(UTC)
    await index_matter(uow, matter)
    await uow.publish(
        MATTER_PUBLISHED,
        aggregate_id=matter.code,
        sequence=matter.version,
        payload=_published_payload(matter),
    )
    _record(uow, matter, "published", principal)


async def retire_matter(
    uow: CatalogUnitOfWork, principal: Principal, *, matter_id: str, note: str = "", on: date | None = None
) -> Matter:
    """Retire a published version (废止): no new applications; the version and its history stay readable."""
    deny(may_review(principal))
    matter = await load_for_change(uow, matter_id)
    _check(matter, "retire")
    day = on or today()
    end = max(day, matter.valid_from or day)
    if matter.valid_to is None or matter.valid_to > end:
        matter.valid_to = end
    matter.status = MatterStatus.RETIRED
    matter.retired_at = datetime.now(UTC)
    await uow.flush()
    current = await uow.matters.in_force(matter.code, today=day)
    if current is None:
        await uow.search.remove(kind="matter", code=matter.code)
    else:
        await index_matter(uow, current)
    await uow.publish(
        MATTER_RETIRED,
        aggregate_id=matter.code,
        sequence=matter.version,
        payload=MatterRetired(matter_id=matter.id, code=matter.code, version=matter.version, retired_on=day),
    )
    _record(uow, matter, "retired", principal, note)
    await uow.commit()
    return matter
