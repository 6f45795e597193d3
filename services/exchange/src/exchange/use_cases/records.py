"""Providers push hosted records (库表), in bulk or incrementally; newer versions replace older ones, and each
change is announced as ``exchange.record_changed.v1`` in the same transaction."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from exchange.domain.access import Caller, Operation, may
from exchange.domain.limits import PayloadLimits
from exchange.domain.sharing import SharingMethod
from exchange.domain.subjects import SubjectKind
from exchange.events import RECORD_CHANGED, RecordChanged
from exchange.sealing import Sealer
from exchange.store.unit_of_work import ExchangeUnitOfWork
from exchange.use_cases.directory import get_resource
from exchange.use_cases.errors import Conflict, Forbidden, Invalid, PayloadTooLarge
from exchange.use_cases.reads import subject_ref_of

__all__ = ["PushSummary", "PushedRecord", "push_records"]


@dataclass(frozen=True)
class PushedRecord:
    identifier: str
    version: int
    data: dict[str, Any] | None = None
    deleted: bool = False


@dataclass(frozen=True)
class PushSummary:
    received: int
    applied: int
    stale: int


def _size(data: dict[str, Any] | None) -> int:
    return len(json.dumps(data or {}, ensure_ascii=False).encode())


async def push_records(
    uow: ExchangeUnitOfWork,
    *,
    caller: Caller,
    resource_code: str,
    records: Sequence[PushedRecord],
    sealer: Sealer,
    limits: PayloadLimits,
) -> PushSummary:
    resource = await get_resource(uow, code=resource_code)
    if not may(caller, Operation.PUSH_RECORDS, org=resource.provider_code):
        raise Forbidden(
            "只有提供部门的管理员或具备 exchange:records:write 权限的本单位系统可以推送本资源的数据",
            code="not_permitted",
        )
    if resource.sharing_method != SharingMethod.TABLE:
        raise Conflict(
            "该资源以接口方式共享，数据由提供部门系统实时提供 (not a hosted resource)", code="not_hosted"
        )
    if limits.too_many(len(records)):
        raise PayloadTooLarge(f"每批最多 {limits.records_per_push} 条记录 (too many records in one push)")
    kind, keys = SubjectKind(resource.subject_kind), set(resource.item_keys)
    newest: dict[str, dict[str, Any]] = {}
    errors: list[dict[str, Any]] = []
    for index, record in enumerate(records):
        if _size(record.data) > limits.record_bytes:
            raise PayloadTooLarge(f"第 {index + 1} 条记录超过 {limits.record_bytes} 字节 (record too large)")
        unknown = sorted(set(record.data or {}) - keys)
        if unknown:
            errors.append(
                {"field": f"records.{index}.data", "message": f"资源没有这些数据项: {', '.join(unknown)}"}
            )
            continue
        if not record.deleted and not record.data:
            errors.append(
                {"field": f"records.{index}.data", "message": "记录没有数据 (data required unless deleted)"}
            )
            continue
        try:
            _, ref = subject_ref_of(sealer, kind, record.identifier, field=f"body.records.{index}.identifier")
        except Invalid as exc:
            errors.append({"field": f"records.{index}.identifier", "message": exc.detail})
            continue
        if ref not in newest or newest[ref]["version"] < record.version:
            sealed = None if record.deleted else sealer.seal(record.data or {})
            newest[ref] = {
                "subject_ref": ref,
                "version": record.version,
                "sealed": sealed,
                "deleted": record.deleted,
            }
    if errors:
        raise Invalid(f"{len(errors)} 条记录不符合要求，本批未写入 (nothing was written)", errors=errors)
    applied = await uow.records.upsert_newer(resource.code, list(newest.values()))
    for change in applied:
        payload = RecordChanged(
            resource_code=resource.code,
            subject_ref=change.subject_ref,
            version=change.version,
            operation="delete" if change.deleted else "upsert",
        )
        await uow.publish(
            RECORD_CHANGED,
            aggregate_id=f"{resource.code}:{change.subject_ref}",
            sequence=change.version,
            payload=payload,
        )
    await uow.commit()
    return PushSummary(received=len(records), applied=len(applied), stale=len(records) - len(applied))
