"""What the catalog does: one async function per operation, each committing explicitly."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

from catalog.domain import MatterDraft, MatterStatus, quality_violations
from catalog.events import MATTER_PUBLISHED, MatterPublished
from catalog.store.models import Matter
from catalog.store.unit_of_work import CatalogUnitOfWork
from meshkit.errors import ProblemError

__all__ = [
    "MatterNotFound",
    "MatterNotPublishable",
    "create_draft",
    "get_published",
    "list_published",
    "publish_matter",
]


class MatterNotFound(ProblemError):
    status = 404
    code = "matter_not_found"


class MatterNotPublishable(ProblemError):
    status = 409
    code = "matter_not_publishable"


async def create_draft(uow: CatalogUnitOfWork, *, draft: MatterDraft) -> Matter:
    matter = Matter(
        id=str(uuid.uuid4()),
        code=draft.code,
        version=await uow.matters.next_version(draft.code),
        name=draft.name,
        matter_type=draft.matter_type,
        department_code=draft.department_code,
        statutory_days=draft.statutory_days,
        promised_days=draft.promised_days,
        status=MatterStatus.DRAFT,
    )
    uow.matters.add(matter)
    await uow.commit()
    return matter


async def publish_matter(uow: CatalogUnitOfWork, *, matter_id: str) -> Matter:
    matter = await uow.matters.get(matter_id, for_update=True)
    if matter is None:
        raise MatterNotFound(f"事项 {matter_id} 不存在")
    if matter.status != MatterStatus.DRAFT:
        raise MatterNotPublishable(f"事项状态为 {matter.status}，只有草稿可以发布")
    draft = MatterDraft(
        code=matter.code, name=matter.name, matter_type=matter.matter_type, department_code=matter.department_code,
        statutory_days=matter.statutory_days, promised_days=matter.promised_days,
    )  # fmt: skip
    violations = quality_violations(draft)
    if violations:
        raise ProblemError(
            f"事项不符合发布规则，共 {len(violations)} 处",
            status=422,
            code="quality_rules_failed",
            errors=violations,
        )
    matter.status = MatterStatus.PUBLISHED
    matter.published_at = datetime.now(UTC)
    await uow.publish(
        MATTER_PUBLISHED,
        aggregate_id=matter.code,
        sequence=matter.version,
        payload=MatterPublished(
            matter_id=matter.id, code=matter.code, version=matter.version, name=matter.name,
            matter_type=matter.matter_type, department_code=matter.department_code,
            statutory_days=matter.statutory_days, promised_days=matter.promised_days,
        ),
    )  # fmt: skip
    await uow.commit()
    return matter


async def get_published(uow: CatalogUnitOfWork, *, code: str) -> Matter:
    matter = await uow.matters.current_published(code)
    if matter is None:
        raise MatterNotFound(f"没有已发布的事项 {code}")
    return matter


async def list_published(
    uow: CatalogUnitOfWork, *, text: str | None, limit: int, offset: int
) -> tuple[Sequence[Matter], int]:
    return await uow.matters.list_published(text=text, limit=limit, offset=offset)
