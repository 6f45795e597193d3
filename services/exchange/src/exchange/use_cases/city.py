"""The city-platform link: case events become national records in an outbound queue, delivered in order per case
with retries, dead letters and replay; the status shows backlog, lag and dead letters."""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from exchange.clients.city_platform import CityPlatformClient, CityRefused
from exchange.domain.access import Caller, is_operator
from exchange.domain.city import CaseFacts, DeliveryStatus, next_attempt_at, records_for
from exchange.store.models import CityOutbound
from exchange.store.unit_of_work import ExchangeUnitOfWork
from exchange.use_cases.errors import Forbidden

__all__ = ["LinkPolicy", "dead_letters", "deliver_due", "enqueue", "link_status", "replay"]

log = logging.getLogger("exchange.city")


@dataclass(frozen=True)
class LinkPolicy:
    source: str
    max_attempts: int
    backoff_base: float
    backoff_cap: float
    batch: int = 50


async def enqueue(uow: ExchangeUnitOfWork, *, facts: CaseFacts, event_id: str, sequence: int) -> int:
    """Queue the records one case event produces (inside the consumer's transaction; does not commit)."""
    special_open = facts.event == "clock_resumed" and await uow.city_outbound.special_open(facts.case_id)
    records = records_for(facts, special_open=special_open)
    batch = f"{facts.case_number}-{sequence}"
    await uow.city_outbound.add([
        {"record_id": str(uuid.uuid4()), "case_id": facts.case_id, "case_number": facts.case_number,
         "event_id": event_id, "event_type": facts.event, "event_sequence": sequence, "kind": record.kind.value,
         "operation": record.operation.value, "batch": batch, "content": record.content}
        for record in records
    ])  # fmt: skip
    return len(records)


def _wire(row: CityOutbound, policy: LinkPolicy, now: datetime) -> dict[str, Any]:
    return {
        "record_id": row.record_id, "kind": row.kind, "case_number": row.case_number, "sequence": row.event_sequence,
        "content": row.content, "batch": row.batch, "operation": row.operation,
        "sync_time": now.isoformat(timespec="seconds"), "source": policy.source,
    }  # fmt: skip


async def deliver_due(
    uow: ExchangeUnitOfWork, *, platform: CityPlatformClient, policy: LinkPolicy, now: datetime
) -> tuple[int, int]:
    """Deliver the first due record of each case (cases in parallel); returns (delivered, failed)."""
    rows = await uow.city_outbound.claim_deliverable(now, policy.batch)
    if not rows:
        return 0, 0

    async def send(row: CityOutbound) -> str | None:
        try:
            await platform.deliver(_wire(row, policy, now))
        except CityRefused as exc:
            return str(exc)
        return None

    errors = await asyncio.gather(*(send(row) for row in rows))
    failed = 0
    for row, error in zip(rows, errors, strict=True):
        row.attempts += 1
        if error is None:
            row.status, row.delivered_at, row.synced_at, row.last_error = (
                DeliveryStatus.DELIVERED,
                now,
                now,
                None,
            )
            continue
        failed += 1
        row.last_error = error[:1000]
        if row.attempts >= policy.max_attempts:
            row.status = DeliveryStatus.DEAD
            log.error("city record dead-lettered", extra={"record": row.record_id, "kind": row.kind,
                                                          "attempts": row.attempts, "reason": row.last_error})  # fmt: skip
        else:
            row.next_attempt_at = next_attempt_at(now, row.attempts, base=policy.backoff_base,
                                                  cap=policy.backoff_cap)  # fmt: skip
    await uow.commit()
    return len(rows) - failed, failed


def _operator(caller: Caller) -> None:
    if not is_operator(caller):
        raise Forbidden("只有平台运维人员可以查看或重放对接队列 (operators only)")


async def link_status(uow: ExchangeUnitOfWork, *, caller: Caller, now: datetime) -> dict[str, Any]:
    _operator(caller)
    return await uow.city_outbound.status(now)


async def dead_letters(uow: ExchangeUnitOfWork, *, caller: Caller, limit: int) -> Sequence[CityOutbound]:
    _operator(caller)
    return await uow.city_outbound.dead(limit)


async def replay(uow: ExchangeUnitOfWork, *, caller: Caller, ids: Sequence[int] | None, now: datetime) -> int:
    """Put dead records (the given ones, or all) back in line; their cases' held records follow them."""
    _operator(caller)
    count = await uow.city_outbound.requeue_dead(ids, now)
    await uow.commit()
    return count
