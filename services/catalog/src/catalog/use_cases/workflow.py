"""The version workflow of matters: submit, return, publish, retire (草稿 → 审核中 → 已发布 → 已废止)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from catalog.domain.codes import MatterStatus
from catalog.domain.permissions import may_edit, may_review
from catalog.events import MATTER_RETIRED, MatterRetired
from catalog.store.models import Matter
from catalog.store.unit_of_work import CatalogUnitOfWork
from catalog.use_cases.errors import QualityRulesFailed, deny
from catalog.use_cases.indexing import index_matter
from catalog.use_cases.matters import actor_of, ensure_transition, load_for_change
from catalog.use_cases.publication import publish_versions
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
    ensure_transition(matter, "submit")
    matter.status = MatterStatus.IN_REVIEW
    _record(uow, matter, "submitted", principal)


async def return_matter(uow: CatalogUnitOfWork, principal: Principal, *, matter_id: str, note: str) -> Matter:
    """Send a version in review back to its editors with the reviewer's note (退回)."""
    deny(may_review(principal))
    matter = await load_for_change(uow, matter_id)
    ensure_transition(matter, "return")
    matter.status = MatterStatus.DRAFT
    _record(uow, matter, "returned", principal, note)
    await uow.commit()
    return matter


async def publish_matter(
    uow: CatalogUnitOfWork, principal: Principal, *, matter_id: str, on: date | None = None
) -> Matter:
    """Publish a version in review (发布): every quality rule and the validity periods are checked together,
    the open-ended version it supersedes is closed, search sees it, and ``catalog.matter_published.v1`` goes out."""
    deny(may_review(principal))
    await uow.matters.lock_publishing(exclusive=False)  # before the version's row lock (see lock_publishing)
    matter = await load_for_change(uow, matter_id)
    await stage_publish(uow, principal, matter, on=on)
    await uow.commit()
    return matter


async def stage_publish(
    uow: CatalogUnitOfWork, principal: Principal, matter: Matter, *, on: date | None
) -> None:
    """:func:`publish_matter` of a loaded version, without the commit: the one way of publishing
    (:func:`catalog.use_cases.publication.publish_versions`), for one version."""
    await uow.matters.lock_publishing(exclusive=False)
    refused = await publish_versions(uow, principal, [matter], on=on)
    if refused:
        raise QualityRulesFailed(refused[matter.code])


async def retire_matter(
    uow: CatalogUnitOfWork, principal: Principal, *, matter_id: str, note: str = "", on: date | None = None
) -> Matter:
    """Retire a published version (废止): no new applications; the version and its history stay readable."""
    deny(may_review(principal))
    await uow.matters.lock_publishing(exclusive=False)  # an import's reading of validities excludes this
    matter = await load_for_change(uow, matter_id)
    ensure_transition(matter, "retire")
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
