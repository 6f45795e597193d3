"""Resolving materials through the exchange (材料免提交): the worker's timer claims due materials, reads each
from the e-certificate registry or a shared resource for the case's purpose, and records how it was obtained.

The scan works in rounds: every material still unresolved asks the exchange its next way (first the
e-certificate, then shared data), and a round's asks go in batches (``POST /reads``, one request for up to a
hundred cases' materials; each still decided and logged by the exchange with its own case as purpose). The
identifier of the material's holder — the case's subject (the person, enterprise or newborn the matter is about),
or its applicant for a material that is hers (``belongs_to``: a mother's own ID card in her newborn's case) —
comes from identity for the calls and is dropped after them; the case keeps only the access log id, the items
obtained (keys, not values) and the certificate identifier. Failures count attempts and keep a short non-personal
reason. Only a failure that may pass by itself (the exchange or identity down or busy) is retried, with backoff
until the limit; a final answer (not found, not granted) is kept in ``answered_ways`` and that way is never asked
again for the material — every ask is a line in the person's "who read my data". Then the material waits for an
upload or paper at the window.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from cases.clients import CallFailed, Subject
from cases.clients.exchange import BATCH_MAX, Ask, CertificateLookup, Purpose, RecordRead, ResourceInfo
from cases.domain.materials import Method, exchange_ways, worth_retrying
from cases.store.resolution_queue import DueMaterial, Failure, ResolutionQueue, Success
from cases.use_cases.exchange_work import LEASE, MeshCalls, RetryPolicy
from meshkit.db import Database
from meshkit.observability import continued_trace

__all__ = ["BATCH", "Obtained", "Resolution", "Unresolved", "resolve_due_materials"]

log = logging.getLogger("cases.materials")

GAVE_UP = "已停止自动获取，请上传或到窗口提交纸质材料"
BATCH = 200  # materials claimed per scan
CONCURRENCY = 4  # calls in flight to identity and the exchange
# The exchange does not know this certificate type (not in its directory): asked once per scan, not per material.
_UNKNOWN_TYPE = "unknown_certificate_type"

T = TypeVar("T")


@dataclass(frozen=True)
class Obtained:
    method: Method
    reference: str
    detail: dict[str, Any]


@dataclass(frozen=True)
class Unresolved:
    """Why every way failed; ``retry`` when one of them may succeed later by itself."""

    reason: str
    retry: bool
    answered: list[str]


@dataclass(frozen=True)
class Resolution:
    claimed: int  # materials that were due (a full batch: more may be waiting)
    obtained: int


@dataclass
class _Material:
    """A claimed material on its way through the scan's rounds."""

    due: DueMaterial
    subject: Subject
    ways: list[str]
    reasons: list[str] = field(default_factory=list)
    obtained: Obtained | None = None
    answered: list[str] = field(default_factory=list)  # ways that gave a final answer (this scan or before)
    passing: bool = False  # a way failed in a way that may pass: worth another scan

    def missed(self, way: str, reason: str, *, transient: bool) -> None:
        self.reasons.append(f"{way}:{reason}")
        if transient:
            self.passing = True
        elif way not in self.answered:
            self.answered.append(way)

    def outcome(self) -> Obtained | Unresolved:
        if self.obtained:
            return self.obtained
        return Unresolved("; ".join(self.reasons) or "no_exchange_way", self.passing, list(self.answered))

    @property
    def why(self) -> Purpose:
        return Purpose(
            purpose=f"办件材料核验 {self.due.matter_name}",
            case_ref=self.due.case_number,
            traceparent=self.due.traceparent,
            served_org=self.due.served_org,
        )


@dataclass
class _Run:
    """One scan's shared state: resource directories, certificate types the exchange does not know, and calls
    in flight."""

    calls: MeshCalls
    resources: dict[str, ResourceInfo | CallFailed] = field(default_factory=dict)
    unknown_types: set[str] = field(default_factory=set)
    slots: asyncio.Semaphore = field(default_factory=lambda: asyncio.Semaphore(CONCURRENCY))

    async def call(self, call: Awaitable[T]) -> T:
        """``call`` (not started yet) once a slot is free."""
        async with self.slots:
            return await call

    async def subject(self, kind: str, subject_id: str) -> Subject | CallFailed:
        try:
            return await self.call(self.calls.identity.subject(kind, subject_id))
        except CallFailed as failed:
            return failed

    async def load_resources(self, codes: set[str]) -> None:
        """The directories of ``codes`` not known yet, each asked once per scan."""
        wanted = sorted(codes - self.resources.keys())

        async def one(code: str) -> ResourceInfo | CallFailed:
            try:
                return await self.call(self.calls.exchange.resource(code))
            except CallFailed as failed:
                return failed

        self.resources.update(zip(wanted, await asyncio.gather(*(one(c) for c in wanted)), strict=True))

    async def ask(self, asks: Sequence[Ask]) -> list[Any]:
        """Every ask's answer, in batches of at most :data:`BATCH_MAX` (a batch that fails as a whole answers
        each of its asks with that failure)."""

        async def batch(part: Sequence[Ask]) -> list[Any]:
            try:
                return list(await self.call(self.calls.exchange.reads(part)))
            except CallFailed as failed:
                return [failed] * len(part)

        parts = [asks[n : n + BATCH_MAX] for n in range(0, len(asks), BATCH_MAX)]
        return [answer for answers in await asyncio.gather(*(batch(p) for p in parts)) for answer in answers]


async def resolve_due_materials(
    database: Database, calls: MeshCalls, *, policy: RetryPolicy, now: datetime, limit: int = BATCH
) -> Resolution:
    """One scan of up to ``limit`` due materials: how many were due and how many were obtained.

    One transaction claims them (with their cases' facts), identity is asked once per subject, the
    exchange once per round of up to a hundred asks, and one transaction records every outcome."""
    queue = ResolutionQueue(database)
    claimed = await queue.claim(now=now, lease_until=now + LEASE, limit=limit)
    if not claimed:
        return Resolution(0, 0)
    run = _Run(calls)
    outcomes = await _resolve(run, claimed)
    successes: list[Success] = []
    failures: list[Failure] = []
    for material, outcome in zip(claimed, outcomes, strict=True):
        with _in_trace_of(material):  # the line carries the application's trace id
            if isinstance(outcome, Obtained):
                successes.append(
                    Success(material.id, outcome.method.value, outcome.reference, outcome.detail)
                )
                log.debug(
                    "material obtained",
                    extra={"case_id": material.case_id, "material": material.code, "method": outcome.method},
                )
                continue
            attempts = material.attempts + 1
            # a final answer is not asked again: only what may pass by itself comes due once more
            next_at = policy.next_attempt(attempts, now) if outcome.retry else None
            reason = outcome.reason if next_at else f"{GAVE_UP} ({outcome.reason})"
            failures.append(Failure(material.id, attempts, next_at, reason[:300], outcome.answered))
            log.info(
                "material not obtained",
                extra={
                    "case_id": material.case_id,
                    "material": material.code,
                    "reason": outcome.reason,
                    "attempts": attempts,
                    "retry": next_at is not None,
                },
            )
    return Resolution(len(claimed), await queue.record(successes, failures, now=now))


def _in_trace_of(material: DueMaterial) -> AbstractContextManager[object]:
    """The filing request's trace, for what is done about one of its materials (none kept: no trace of its own)."""
    return continued_trace(material.traceparent) if material.traceparent else nullcontext()


async def _resolve(run: _Run, claimed: Sequence[DueMaterial]) -> list[Obtained | Unresolved]:
    """Each material's outcome, in order: obtained, or the reasons every way failed."""
    # for the material's holder: the case's subject (a newborn's 出生登记 asks for the newborn's certificate, never
    # the mother's), or its applicant for what is hers (the mother's own ID card in that case)
    parties = sorted({(m.holder_kind, m.holder_id) for m in claimed})
    found = await asyncio.gather(*(run.subject(kind, holder_id) for kind, holder_id in parties))
    subjects = dict(zip(parties, found, strict=True))  # identifiers live only for this scan's calls
    outcomes: dict[int, Obtained | Unresolved] = {}
    pending: list[_Material] = []
    for due in claimed:
        subject = subjects[(due.holder_kind, due.holder_id)]
        if isinstance(subject, CallFailed):
            retry = worth_retrying(subject.status, subject.code)
            outcomes[due.id] = Unresolved(subject.code, retry, list(due.answered_ways))
            continue
        ways = [
            way
            for way in exchange_ways(certificate_type=due.certificate_type, resource_code=due.resource_code)
            if way not in due.answered_ways  # answered before: never read again for this case
        ]
        pending.append(_Material(due, subject, ways, answered=list(due.answered_ways)))
    while pending:
        await _round(run, pending)
        for material in pending:
            if material.obtained or not material.ways:
                outcomes[material.due.id] = material.outcome()
        pending = [m for m in pending if not m.obtained and m.ways]
    subjects.clear()
    return [outcomes[due.id] for due in claimed]


async def _round(run: _Run, pending: Sequence[_Material]) -> None:
    """Each pending material tries its next way: asks that can be settled here are, the rest go in batches."""
    await run.load_resources(
        {
            m.due.resource_code
            for m in pending
            if m.ways[0] == Method.DATA_SHARING.value and m.due.resource_code
        }
    )
    asked: list[tuple[_Material, Ask]] = []
    for material in pending:
        way = material.ways.pop(0)
        ask = _ask(run, material, way)
        if isinstance(ask, CallFailed):
            material.missed(way, ask.code, transient=worth_retrying(ask.status, ask.code))
        else:
            asked.append((material, ask))
    answers = await run.ask([ask for _, ask in asked])
    for (material, ask), answer in zip(asked, answers, strict=True):
        way = (Method.E_CERTIFICATE if isinstance(ask, CertificateLookup) else Method.DATA_SHARING).value
        if isinstance(answer, CallFailed):
            if answer.code == _UNKNOWN_TYPE and isinstance(ask, CertificateLookup):
                run.unknown_types.add(ask.type_code)
            material.missed(way, answer.code, transient=worth_retrying(answer.status, answer.code))
        elif isinstance(ask, CertificateLookup):
            if answer.valid:
                material.obtained = Obtained(
                    Method.E_CERTIFICATE,
                    answer.valid[0],
                    {"access_log_id": answer.access_log_id, "certificate_type": ask.type_code},
                )
            else:
                material.missed(way, "not_found", transient=False)
        else:
            detail: dict[str, Any] = {"access_log_id": answer.access_log_id, "items": answer.items}
            unknown = [n for n in material.due.data_items if n not in _resource(run, ask.code).keys_by_name]
            if answer.withheld or unknown:
                detail["withheld"] = answer.withheld + unknown
            if answer.items:
                material.obtained = Obtained(Method.DATA_SHARING, ask.code, detail)
            else:
                material.missed(way, "no_items_granted", transient=False)


def _resource(run: _Run, code: str) -> ResourceInfo:
    info = run.resources[code]
    assert isinstance(info, ResourceInfo)
    return info


def _ask(run: _Run, material: _Material, way: str) -> Ask | CallFailed:
    """What to ask the exchange for ``way``, or why there is nothing to ask (a final answer unless the resource's
    directory could not be read)."""
    due, subject = material.due, material.subject
    if way == Method.E_CERTIFICATE.value:
        assert due.certificate_type is not None
        if due.certificate_type in run.unknown_types:
            return CallFailed(_UNKNOWN_TYPE, 422)
        return CertificateLookup(subject=subject, type_code=due.certificate_type, why=material.why)
    assert due.resource_code is not None
    resource = run.resources[due.resource_code]
    if isinstance(resource, CallFailed):
        return resource
    if resource.subject_kind != subject.kind:
        # e.g. a person's record for an enterprise or a newborn subject
        return CallFailed("subject_kind_mismatch", 422)
    keys = [resource.keys_by_name[n] for n in due.data_items if n in resource.keys_by_name]
    if due.data_items and not keys:
        return CallFailed("items_unknown", 422)
    return RecordRead(code=due.resource_code, subject=subject, items=keys or None, why=material.why)
