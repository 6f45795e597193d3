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

from exchange.clients.city_platform import Answer, CityPlatformClient, CityRefused
from exchange.domain.access import Caller, is_operator
from exchange.domain.city import (
    CaseFacts,
    DeliveryStatus,
    Outbound,
    RecordKind,
    RecordResult,
    next_attempt_at,
    pack_batches,
    records_for,
    run_of_case,
)
from exchange.store.models import CityOutbound
from exchange.store.unit_of_work import ExchangeUnitOfWork
from exchange.use_cases.errors import Forbidden

__all__ = [
    "CaseEvent",
    "LinkPolicy",
    "RoundResult",
    "dead_letters",
    "deliver_due",
    "enqueue",
    "enqueue_many",
    "link_status",
    "replay",
]

log = logging.getLogger("exchange.city")


@dataclass(frozen=True)
class LinkPolicy:
    source: str
    max_attempts: int
    backoff_base: float
    backoff_cap: float
    cases: int = 500  # cases claimed per round
    per_case: int = 50  # records of one case per round
    batch: int = 500  # records per signed POST
    batch_bytes: int = 512 * 1024  # content per signed POST (about)


@dataclass(frozen=True)
class RoundResult:
    delivered: int
    failed: int
    full: bool  # the round took as much as it may (cases, or records of a case): more may be due right away


@dataclass(frozen=True)
class CaseEvent:
    """One case event as the link queues it: what it says, its id, and its place in the case (``sequence``)."""

    facts: CaseFacts
    event_id: str
    sequence: int


async def enqueue(uow: ExchangeUnitOfWork, *, facts: CaseFacts, event_id: str, sequence: int) -> int:
    """Queue the records one case event produces (inside the consumer's transaction; does not commit)."""
    return await enqueue_many(uow, [CaseEvent(facts, event_id, sequence)])


async def enqueue_many(uow: ExchangeUnitOfWork, events: Sequence[CaseEvent]) -> int:
    """Queue the records of several case events, in their order, with one insert (inside the consumer's
    transaction; does not commit). The same records as :func:`enqueue` for each event in turn.

    A resume closes a special procedure only when the case's latest special-procedure record opened one: the
    latest built here if there is one (it is not in the table yet), else the latest in the table."""
    special_open: dict[str, bool] = {}  # per case, as of the records built so far
    rows: list[dict[str, Any]] = []
    for item in events:
        facts = item.facts
        if facts.event == "clock_resumed" and facts.case_id not in special_open:
            special_open[facts.case_id] = await uow.city_outbound.special_open(facts.case_id)
        resumes = facts.event == "clock_resumed"
        records = records_for(facts, special_open=resumes and special_open.get(facts.case_id, False))
        batch = f"{facts.case_number}-{item.sequence}"
        for record in records:
            if record.kind == RecordKind.SPECIAL_PROCEDURE:
                special_open[facts.case_id] = record.content["phase"] == "start"
            rows.append(
                {
                    "record_id": str(uuid.uuid4()),
                    "case_id": facts.case_id,
                    "case_number": facts.case_number,
                    "event_id": item.event_id,
                    "event_type": facts.event,
                    "event_sequence": item.sequence,
                    "kind": record.kind.value,
                    "operation": record.operation.value,
                    "batch": batch,
                    "content": record.content,
                }
            )
    await uow.city_outbound.add(rows)  # in event order, so ids follow it within a case as one by one would
    return len(rows)


async def deliver_due(
    uow: ExchangeUnitOfWork, *, platform: CityPlatformClient, policy: LinkPolicy, now: datetime
) -> RoundResult:
    """Deliver what is due, in one transaction: per case the first undelivered record and the consecutive ones
    after it, packed into signed batches sent in parallel (a case's records stay in one batch, in order).

    A batch that fails as a whole (down, slow, refused, answering nonsense) counts an attempt against each case's
    first record only — the rest of the case was never looked at — and backs off (capped), however long it lasts:
    an unreachable platform is waited out, and the queue drains by itself in per-case order when it returns. A
    record the platform refuses *itself* counts a refusal and backs off; its case's later records were skipped and
    wait behind it. After ``max_attempts`` refusals a record is dead with its reason (an operator replays it).
    """
    heads = await uow.city_outbound.claim_heads(now, policy.cases)
    if not heads:
        return RoundResult(0, 0, False)
    runs = await uow.city_outbound.runs(heads, policy.per_case)
    case_runs = [
        run for head in heads if (run := run_of_case(runs.get(head, []), head, now, policy.per_case))
    ]
    batches = pack_batches(case_runs, max_records=policy.batch, max_bytes=policy.batch_bytes)
    sync_time = now.isoformat(timespec="seconds")

    async def send(batch: list[Outbound]) -> dict[str, Answer] | str:
        try:
            return await platform.deliver_batch(batch, source=policy.source, sync_time=sync_time)
        except CityRefused as exc:
            return str(exc)

    answers = await asyncio.gather(*(send(batch) for batch in batches))
    delivered: list[int] = []
    failures: list[dict[str, Any]] = []

    def fail(row: Outbound, error: str, *, refused: bool) -> None:
        attempts = row.attempts + 1
        refusals = row.refusals + refused
        dead = refusals >= policy.max_attempts
        failures.append(
            {
                "id": row.id,
                "attempts": attempts,
                "refusals": refusals,
                "last_error": error[:1000],
                "status": DeliveryStatus.DEAD if dead else DeliveryStatus.PENDING,
                "next_attempt_at": now
                if dead
                else next_attempt_at(now, attempts, base=policy.backoff_base, cap=policy.backoff_cap),
            }
        )
        if dead:
            log.error(
                "city record dead-lettered",
                extra={
                    "record": row.record_id,
                    "kind": row.kind,
                    "attempts": attempts,
                    "refusals": refusals,
                    "reason": error[:1000],
                },
            )

    for batch, answer in zip(batches, answers, strict=True):
        if isinstance(answer, str):
            seen: set[str] = set()
            for row in batch:  # each case's first record carries the attempt
                if row.case_id not in seen:
                    seen.add(row.case_id)
                    fail(row, answer, refused=False)
            continue
        for row in batch:
            result = answer[row.record_id]
            if result.result.delivered:
                delivered.append(row.id)
            elif result.result == RecordResult.REFUSED:
                fail(row, f"platform refused the record: {result.error or 'no reason given'}", refused=True)
    await uow.city_outbound.mark_delivered(delivered, now)
    await uow.city_outbound.mark_failed(failures)
    await uow.commit()
    cut = sum(map(len, batches)) < sum(map(len, case_runs)) or any(
        len(run) >= policy.per_case for run in case_runs
    )
    return RoundResult(len(delivered), len(failures), full=len(heads) >= policy.cases or cut)


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
