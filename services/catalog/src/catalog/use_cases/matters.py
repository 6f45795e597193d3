"""Drafting and reading matter versions (事项版本)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from catalog.domain.codes import MatterStatus
from catalog.domain.matters import MatterSpec
from catalog.domain.permissions import may_edit, may_read_unpublished
from catalog.domain.workflow import TRANSITIONS, can_transition, is_editable
from catalog.store.models import HistoryEntry, Matter
from catalog.store.repositories import apply_spec, to_spec
from catalog.store.unit_of_work import CatalogUnitOfWork
from catalog.use_cases.errors import Conflict, MatterNotFound, deny
from meshkit.auth import Principal
from meshkit.legaldate import today

__all__ = [
    "MatterHistory",
    "create_draft",
    "ensure_transition",
    "get_in_force",
    "get_version",
    "history",
    "list_in_force",
    "load_for_change",
    "revise",
    "stage_draft",
    "stage_update",
    "update_draft",
]

PUBLIC = (MatterStatus.PUBLISHED, MatterStatus.RETIRED)

_ACTIONS = {"submit": "提交审核", "return": "退回修改", "publish": "发布", "retire": "废止"}


def ensure_transition(matter: Matter, action: str) -> None:
    """The one check that a version's status allows ``action`` (submit, return, publish — the API's and an
    import's — retire): 409 ``matter_not_publishable`` for publish, ``invalid_transition`` otherwise."""
    if not can_transition(matter.status, action):
        allowed = "、".join(sorted(TRANSITIONS[action][0]))
        raise Conflict(
            f"第 {matter.version} 版状态为 {matter.status}，只有 {allowed} 状态可以{_ACTIONS[action]}",
            code="matter_not_publishable" if action == "publish" else "invalid_transition",
        )


def actor_of(principal: Principal) -> str:
    return (
        principal.sub if principal.sub == principal.client_id else f"{principal.sub} ({principal.client_id})"
    )


async def create_draft(uow: CatalogUnitOfWork, principal: Principal, *, spec: MatterSpec) -> Matter:
    """A new draft version (草稿) of ``spec.code``: version 1, or the next one after the existing versions."""
    matter = await stage_draft(uow, principal, spec=spec)
    await uow.commit()
    return matter


async def stage_draft(
    uow: CatalogUnitOfWork,
    principal: Principal,
    *,
    spec: MatterSpec,
    note: str = "",
    after: int | None = None,
) -> Matter:
    """:func:`create_draft` without the commit, for operations that write several versions at once
    (``after``: the newest version of the code, when the caller has read it already)."""
    deny(may_edit(principal, spec.department_code))
    matter = Matter(
        id=str(uuid.uuid4()),
        code=spec.code,
        version=after + 1 if after is not None else await uow.matters.next_version(spec.code),
        status=MatterStatus.DRAFT,
    )
    apply_spec(matter, spec)
    uow.matters.add(matter, spec)
    uow.history.record(
        kind="matter",
        code=matter.code,
        record_id=matter.id,
        version=matter.version,
        action="created",
        status=matter.status,
        actor=actor_of(principal),
        note=note,
    )
    return matter


async def load_for_change(uow: CatalogUnitOfWork, matter_id: str) -> Matter:
    matter = await uow.matters.get(matter_id, for_update=True)
    if matter is None:
        raise MatterNotFound(f"事项版本 {matter_id} 不存在")
    return matter


async def update_draft(
    uow: CatalogUnitOfWork, principal: Principal, *, matter_id: str, spec: MatterSpec
) -> Matter:
    """Change a draft; published and retired versions are immutable (revise them into a new draft)."""
    matter = await load_for_change(uow, matter_id)
    await stage_update(uow, principal, matter, spec)
    await uow.commit()
    return matter


async def stage_update(
    uow: CatalogUnitOfWork, principal: Principal, matter: Matter, spec: MatterSpec, *, note: str = ""
) -> None:
    """:func:`update_draft` of a loaded version, without the commit."""
    deny(may_edit(principal, matter.department_code))
    deny(may_edit(principal, spec.department_code))
    if not is_editable(matter.status):
        raise Conflict(
            f"第 {matter.version} 版状态为 {matter.status}，已发布的版本不可修改，请修订为新草稿",
            code="matter_immutable",
        )
    if spec.code != matter.code:
        raise Conflict(f"实施编码不可修改（{matter.code} → {spec.code}），请新建事项", code="code_immutable")
    apply_spec(matter, spec)
    await uow.matters.set_materials(matter, spec)
    matter.updated_at = datetime.now(UTC)
    uow.history.record(
        kind="matter",
        code=matter.code,
        record_id=matter.id,
        version=matter.version,
        action="updated",
        status=matter.status,
        actor=actor_of(principal),
        note=note,
    )


async def revise(uow: CatalogUnitOfWork, principal: Principal, *, matter_id: str) -> Matter:
    """A new draft copied from an existing version (修订), without its validity dates."""
    source = await uow.matters.get(matter_id)
    if source is None:
        raise MatterNotFound(f"事项版本 {matter_id} 不存在")
    spec = replace(to_spec(source), valid_from=None, valid_to=None)
    return await create_draft(uow, principal, spec=spec)


async def get_in_force(uow: CatalogUnitOfWork, *, code: str) -> Matter:
    matter = await uow.matters.in_force(code, today=today())
    if matter is None:
        raise MatterNotFound(f"没有已发布的事项 {code}")
    return matter


async def get_version(
    uow: CatalogUnitOfWork, principal: Principal | None, *, code: str, version: int
) -> Matter:
    """Any version; drafts and versions in review only for their editors, reviewers and administrators."""
    matter = await uow.matters.by_code_version(code, version)
    if matter is None or (
        matter.status not in PUBLIC and not may_read_unpublished(principal, matter.department_code)
    ):
        raise MatterNotFound(f"事项 {code} 没有第 {version} 版")
    return matter


@dataclass(frozen=True)
class MatterHistory:
    versions: Sequence[Matter]
    entries: Sequence[HistoryEntry]


async def history(uow: CatalogUnitOfWork, principal: Principal | None, *, code: str) -> MatterHistory:
    """Every version with its validity, and every change, oldest first (unpublished ones for insiders only)."""
    versions = await uow.matters.versions(code)
    visible = [
        m for m in versions if m.status in PUBLIC or may_read_unpublished(principal, m.department_code)
    ]
    if not visible:
        raise MatterNotFound(f"事项 {code} 不存在")
    shown = {m.version for m in visible}
    entries = [e for e in await uow.history.of("matter", code) if e.version in shown]
    return MatterHistory(versions=visible, entries=entries)


async def list_in_force(
    uow: CatalogUnitOfWork, *, text: str | None, department: str | None, limit: int, offset: int
) -> tuple[Sequence[Matter], int]:
    return await uow.matters.list_in_force(
        today=today(), text=text, department=department, limit=limit, offset=offset
    )
