"""Resolving materials through the exchange (材料免提交): the worker's timer claims due materials, reads each
from the e-certificate registry or a shared resource for the case's purpose, and records how it was obtained.

The scan works in rounds: every material still unresolved asks the exchange its next way (first the
e-certificate, then shared data), and a round's asks go in batches (``POST /reads``, one request for up to a
hundred cases' materials; each still decided and logged by the exchange with its own case as purpose). The
identifier of the case's subject (the person, enterprise or newborn the matter is about, not necessarily the
applicant) comes from identity for the calls and is dropped after them; the case keeps only the
access log id, the items obtained (keys, not values) and the certificate identifier. Failures count attempts,
keep a short non-personal reason and retry with backoff until the limit, after which the material waits for an
upload or paper at the window.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from cases.clients import CallFailed, Subject
from cases.clients.exchange import BATCH_MAX, Ask, CertificateLookup, Purpose, RecordRead, ResourceInfo
from cases.domain.materials import Method, exchange_ways
from cases.store.resolution_queue import DueMaterial, Failure, ResolutionQueue, Success
from cases.use_cases.exchange_work import LEASE, MeshCalls, RetryPolicy
from meshkit.db import Database

__all__ = ["BATCH", "Obtained", "Resolution", "resolve_due_materials"]

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

    @property
    def why(self) -> Purpose:
        return Purpose(purpose=f"办件材料核验 {self.due.matter_name}", case_ref=self.due.case_number)


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
        if isinstance(outcome, Obtained):
            successes.append(Success(material.id, outcome.method.value, outcome.reference, outcome.detail))
            continue
        attempts = material.attempts + 1
        next_at = policy.next_attempt(attempts, now)
        failures.append(
            Failure(material.id, attempts, next_at, (outcome if next_at else f"{GAVE_UP} ({outcome})")[:300])
        )
        log.info(
            "material not obtained",
            extra={
                "case_id": material.case_id,
                "material": material.code,
                "reason": outcome,
                "attempts": attempts,
            },
        )
    return Resolution(len(claimed), await queue.record(successes, failures, now=now))


async def _resolve(run: _Run, claimed: Sequence[DueMaterial]) -> list[Obtained | str]:
    """Each material's outcome, in order: obtained, or the reasons every way failed."""
    # for the case's subject (a newborn's 出生登记 asks for the newborn's certificate, never the mother's)
    parties = sorted({(m.subject_kind, m.subject_id) for m in claimed})
    found = await asyncio.gather(*(run.subject(kind, subject_id) for kind, subject_id in parties))
    subjects = dict(zip(parties, found, strict=True))  # identifiers live only for this scan's calls
    outcomes: dict[int, Obtained | str] = {}
    pending: list[_Material] = []
    for due in claimed:
        subject = subjects[(due.subject_kind, due.subject_id)]
        if isinstance(subject, CallFailed):
            outcomes[due.id] = subject.code
            continue
        ways = list(exchange_ways(certificate_type=due.certificate_type, resource_code=due.resource_code))
        pending.append(_Material(due, subject, ways))
    while pending:
        await _round(run, pending)
        for material in pending:
            if material.obtained or not material.ways:
                outcomes[material.due.id] = (
                    material.obtained or "; ".join(material.reasons) or "no_exchange_way"
                )
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
        if isinstance(ask, str):
            material.reasons.append(f"{way}:{ask}")
        else:
            asked.append((material, ask))
    answers = await run.ask([ask for _, ask in asked])
    for (material, ask), answer in zip(asked, answers, strict=True):
        way = (Method.E_CERTIFICATE if isinstance(ask, CertificateLookup) else Method.DATA_SHARING).value
        if isinstance(answer, CallFailed):
            if answer.code == _UNKNOWN_TYPE and isinstance(ask, CertificateLookup):
                run.unknown_types.add(ask.type_code)
            material.reasons.append(f"{way}:{answer.code}")
        elif isinstance(ask, CertificateLookup):
            if answer.valid:
                material.obtained = Obtained(
                    Method.E_CERTIFICATE,
                    answer.valid[0],
                    {"access_log_id": answer.access_log_id, "certificate_type": ask.type_code},
                )
            else:
                material.reasons.append(f"{way}:not_found")
        else:
            detail: dict[str, Any] = {"access_log_id": answer.access_log_id, "items": answer.items}
            unknown = [n for n in material.due.data_items if n not in _resource(run, ask.code).keys_by_name]
            if answer.withheld or unknown:
                detail["withheld"] = answer.withheld + unknown
            if answer.items:
                material.obtained = Obtained(Method.DATA_SHARING, ask.code, detail)
            else:
                material.reasons.append(f"{way}:no_items_granted")


def _resource(run: _Run, code: str) -> ResourceInfo:
    info = run.resources[code]
    assert isinstance(info, ResourceInfo)
    return info


def _ask(run: _Run, material: _Material, way: str) -> Ask | str:
    """What to ask the exchange for ``way``, or why there is nothing to ask."""
    due, subject = material.due, material.subject
    if way == Method.E_CERTIFICATE.value:
        assert due.certificate_type is not None
        if due.certificate_type in run.unknown_types:
            return _UNKNOWN_TYPE
        return CertificateLookup(subject=subject, type_code=due.certificate_type, why=material.why)
    assert due.resource_code is not None
    resource = run.resources[due.resource_code]
    if isinstance(resource, CallFailed):
        return resource.code
    if resource.subject_kind != subject.kind:
        return "subject_kind_mismatch"  # e.g. a person's record for an enterprise or a newborn subject
    keys = [resource.keys_by_name[n] for n in due.data_items if n in resource.keys_by_name]
    if due.data_items and not keys:
        return "items_unknown"
    return RecordRead(code=due.resource_code, subject=subject, items=keys or None, why=material.why)
