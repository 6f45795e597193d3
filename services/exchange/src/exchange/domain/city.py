"""The link to the city-level approval platform (DOMAIN.md §7): case events become the national case-exchange
records — acceptance (受理), process (过程), result (结果), special procedure (特别程序) and material (材料) — each
with sync metadata, delivered in order per case, retried with exponential backoff, dead-lettered after a limit."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

__all__ = [
    "CASE_EVENTS",
    "CaseFacts",
    "DeliveryStatus",
    "NationalRecord",
    "Operation",
    "Outbound",
    "RecordKind",
    "RecordResult",
    "backoff_delay",
    "next_attempt_at",
    "pack_batches",
    "records_for",
    "run_of_case",
    "signing_input",
]


class RecordKind(StrEnum):
    ACCEPTANCE = "acceptance"  # 受理信息
    PROCESS = "process"  # 过程信息
    RESULT = "result"  # 结果信息
    SPECIAL_PROCEDURE = "special_procedure"  # 特别程序信息
    MATERIAL = "material"  # 材料信息


class Operation(StrEnum):
    INSERT = "I"  # 新增
    UPDATE = "U"  # 更新


class DeliveryStatus(StrEnum):
    PENDING = "pending"
    DELIVERED = "delivered"
    DEAD = "dead"


class RecordResult(StrEnum):
    """The platform's answer for one record of a batch."""

    ACCEPTED = "accepted"  # recorded now
    DUPLICATE = "duplicate"  # it had the record id already: delivered earlier (a retry after a lost answer)
    REFUSED = "refused"  # not taken (validation): the record backs off, and its case's later records wait
    SKIPPED = "skipped"  # not looked at, because an earlier record of its case in the batch was refused

    @property
    def delivered(self) -> bool:
        return self in (RecordResult.ACCEPTED, RecordResult.DUPLICATE)


@dataclass(frozen=True)
class Outbound:
    """One queued record as the delivery sees it; ``content`` is the stored JSON text, sent as it is."""

    id: int
    record_id: str
    case_id: str
    case_number: str
    event_sequence: int
    kind: str
    operation: str
    batch: str
    status: str
    attempts: int
    refusals: int
    next_attempt_at: datetime
    content: str


@dataclass(frozen=True)
class CaseFacts:
    """What the link needs from a case event (the consumer's narrow view, as plain values)."""

    event: str  # e.g. "case_accepted"
    case_id: str
    case_number: str
    matter_code: str | None
    status: str | None
    national_code: int | None
    occurred_at: str | None = None
    handling_org: str | None = None
    received_by_org: str | None = None
    opinion_code: str | None = None
    procedure: str | None = None
    certificate_id: str | None = None
    rating: int | None = None
    materials: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True)
class NationalRecord:
    kind: RecordKind
    operation: Operation
    content: dict[str, Any]


STEPS: dict[str, str] = {
    "case_submitted": "申报",
    "case_accepted": "受理",
    "case_refused": "不予受理",
    "supplement_requested": "补齐补正告知",
    "case_supplemented": "补齐补正",
    "clock_paused": "特别程序开始",
    "clock_resumed": "特别程序结束",
    "case_concluded": "办结",
    "certificate_issued": "制证送达",
    "case_evaluated": "评价",
}
CASE_EVENTS = tuple(STEPS)


def _base(facts: CaseFacts) -> dict[str, Any]:
    return {
        "case_number": facts.case_number,
        "matter_code": facts.matter_code,
        "status": facts.status,
        "national_code": facts.national_code,
        "handling_org": facts.handling_org,
        "received_by_org": facts.received_by_org,
        "occurred_at": facts.occurred_at,
    }


def _process(facts: CaseFacts) -> NationalRecord:
    content = {**_base(facts), "step": STEPS[facts.event], "opinion_code": facts.opinion_code}
    return NationalRecord(RecordKind.PROCESS, Operation.INSERT, content)


def records_for(facts: CaseFacts, *, special_open: bool = False) -> list[NationalRecord]:
    """The national records one case event produces, in the order they must arrive.

    A pause is a special procedure (听证, 检验, 鉴定 …) when the event names one or its status says so; a resume
    closes one only when a special procedure of the case is open (``special_open``), since pauses for 补正 are not.
    """
    base = _base(facts)
    event = facts.event
    records: list[NationalRecord] = []
    if event in ("case_accepted", "case_refused"):
        decision = "受理" if event == "case_accepted" else "不予受理"
        records.append(
            NationalRecord(
                RecordKind.ACCEPTANCE,
                Operation.INSERT,
                {**base, "decision": decision, "reason_code": facts.opinion_code},
            )
        )
    if event == "clock_paused" and (facts.procedure or facts.status == "special_procedure"):
        content = {**base, "procedure": facts.procedure or "特别程序", "phase": "start"}
        records.append(NationalRecord(RecordKind.SPECIAL_PROCEDURE, Operation.INSERT, content))
    if event == "clock_resumed" and special_open:
        content = {**base, "procedure": facts.procedure or "特别程序", "phase": "end"}
        records.append(NationalRecord(RecordKind.SPECIAL_PROCEDURE, Operation.UPDATE, content))
    if event in STEPS:
        records.append(_process(facts))
    if event in ("case_submitted", "case_supplemented"):
        for material in facts.materials:
            records.append(
                NationalRecord(RecordKind.MATERIAL, Operation.INSERT, {**base, "material": material})
            )
    if event in ("case_refused", "case_concluded"):
        records.append(
            NationalRecord(
                RecordKind.RESULT,
                Operation.INSERT,
                {**base, "result": facts.status, "opinion_code": facts.opinion_code},
            )
        )
    if event == "certificate_issued":
        records.append(
            NationalRecord(
                RecordKind.RESULT, Operation.UPDATE, {**base, "certificate_id": facts.certificate_id}
            )
        )
    if event == "case_evaluated":
        records.append(
            NationalRecord(RecordKind.RESULT, Operation.UPDATE, {**base, "satisfaction": facts.rating})
        )
    return records


def backoff_delay(attempts: int, *, base: float, cap: float) -> timedelta:
    """Exponential backoff after ``attempts`` failures: base, 2·base, 4·base, … up to ``cap`` seconds."""
    return timedelta(seconds=min(cap, base * 2 ** max(attempts - 1, 0)))


def signing_input(timestamp: str, nonce: str, body: bytes) -> bytes:
    """What both directions sign: ``<timestamp>\\n<nonce>\\n<body>``."""
    return f"{timestamp}\n{nonce}\n".encode() + body


def run_of_case(rows: Sequence[Outbound], head_id: int, now: datetime, limit: int) -> list[Outbound]:
    """The consecutive records of one case that may go together: the claimed head, then every following record
    while it is pending and due (a dead or backing-off record stops the run), at most ``limit``."""
    if not rows or rows[0].id != head_id:
        return []  # the queue moved under us (a concurrent replay or delivery): next round
    run = [rows[0]]
    for row in rows[1:limit]:
        if row.status != DeliveryStatus.PENDING or row.next_attempt_at > now:
            break
        run.append(row)
    return run


def pack_batches(
    runs: Sequence[Sequence[Outbound]], *, max_records: int, max_bytes: int
) -> list[list[Outbound]]:
    """Runs (each one case's records, in order) packed into batches of at most ``max_records`` records and about
    ``max_bytes`` of content. A case's run never spans two batches — they are sent in parallel, so a split run
    could arrive out of order — and a run longer than a batch is cut (the rest goes next round)."""
    batches: list[list[Outbound]] = []
    current: list[Outbound] = []
    size = 0
    for run in runs:
        run = list(run[:max_records])
        run_size = sum(len(row.content) + 300 for row in run)
        while len(run) > 1 and run_size > max_bytes:
            run_size -= len(run.pop().content) + 300
        if current and (len(current) + len(run) > max_records or size + run_size > max_bytes):
            batches.append(current)
            current, size = [], 0
        current.extend(run)
        size += run_size
    if current:
        batches.append(current)
    return batches


def next_attempt_at(now: datetime, attempts: int, *, base: float, cap: float) -> datetime:
    return now + backoff_delay(attempts, base=base, cap=cap)
