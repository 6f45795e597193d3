"""Resolving materials through the exchange (材料免提交): the worker's timer claims due materials, reads each
from the e-certificate registry or a shared resource for the case's purpose, and records how it was obtained.

The applicant's identifier comes from identity for the call and is dropped after it; the case keeps only the
access log id, the items obtained (keys, not values) and the certificate identifier. Failures count attempts,
keep a short non-personal reason and retry with backoff until the limit, after which the material waits for an
upload or paper at the window.
"""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from collections.abc import Awaitable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from cases.clients import CallFailed, Subject
from cases.clients.exchange import Purpose, ResourceInfo
from cases.domain.materials import Method, exchange_ways
from cases.store.resolution_queue import DueMaterial, Failure, ResolutionQueue, Success
from cases.use_cases.exchange_work import LEASE, MeshCalls, RetryPolicy
from meshkit.db import Database

__all__ = ["BATCH", "Obtained", "Resolution", "resolve_due_materials"]

log = logging.getLogger("cases.materials")

GAVE_UP = "已停止自动获取，请上传或到窗口提交纸质材料"
BATCH = 200  # materials claimed per scan
CONCURRENCY = 8  # calls in flight to identity and the exchange
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
class _Run:
    """One scan's shared state: resource directories, certificate types the exchange does not know, and calls
    in flight."""

    calls: MeshCalls
    resources: dict[str, asyncio.Future[ResourceInfo]] = field(default_factory=dict)
    unknown_types: set[str] = field(default_factory=set)
    slots: asyncio.Semaphore = field(default_factory=lambda: asyncio.Semaphore(CONCURRENCY))

    async def call(self, call: Awaitable[T]) -> T:
        """``call`` (not started yet) once a slot is free."""
        async with self.slots:
            return await call

    async def resource(self, code: str) -> ResourceInfo:
        if code not in self.resources:  # fetched once, even when several materials ask at the same time
            self.resources[code] = asyncio.ensure_future(self.call(self.calls.exchange.resource(code)))
        return await self.resources[code]


async def resolve_due_materials(
    database: Database, calls: MeshCalls, *, policy: RetryPolicy, now: datetime, limit: int = BATCH
) -> Resolution:
    """One scan of up to ``limit`` due materials: how many were due and how many were obtained.

    One transaction claims them (with their cases' facts), identity is asked once per applicant, the exchange
    calls run a few at a time, and one transaction records every outcome."""
    queue = ResolutionQueue(database)
    claimed = await queue.claim(now=now, lease_until=now + LEASE, limit=limit)
    if not claimed:
        return Resolution(0, 0)
    by_applicant: dict[tuple[str, str], list[DueMaterial]] = defaultdict(list)
    for material in claimed:
        by_applicant[(material.applicant_kind, material.applicant_id)].append(material)
    run = _Run(calls)
    outcomes = await asyncio.gather(*(_resolve_applicant(run, due) for due in by_applicant.values()))
    successes: list[Success] = []
    failures: list[Failure] = []
    for material, outcome in (pair for results in outcomes for pair in results):
        if isinstance(outcome, Obtained):
            successes.append(Success(material.id, outcome.method.value, outcome.reference, outcome.detail))
            continue
        attempts = material.attempts + 1
        next_at = policy.next_attempt(attempts, now)
        failures.append(Failure(material.id, attempts, next_at,
                                (outcome if next_at else f"{GAVE_UP} ({outcome})")[:300]))  # fmt: skip
        log.info("material not obtained", extra={"case_id": material.case_id, "material": material.code,
                                                 "reason": outcome, "attempts": attempts})  # fmt: skip
    return Resolution(len(claimed), await queue.record(successes, failures, now=now))


async def _resolve_applicant(
    run: _Run, materials: Sequence[DueMaterial]
) -> list[tuple[DueMaterial, Obtained | str]]:
    """One applicant's due materials (of one or more cases): their identifier is asked once, used for these
    calls and dropped."""
    first = materials[0]
    try:
        subject = await run.call(run.calls.identity.subject(first.applicant_kind, first.applicant_id))
    except CallFailed as failed:
        return [(m, failed.code) for m in materials]
    results = await asyncio.gather(*(_obtain(run, m, subject) for m in materials))
    del subject  # the identifier lives only for these calls
    return list(zip(materials, results, strict=True))


async def _obtain(run: _Run, material: DueMaterial, subject: Subject) -> Obtained | str:
    why = Purpose(purpose=f"办件材料核验 {material.matter_name}", case_ref=material.case_number,
                  person_id=material.applicant_id)  # fmt: skip
    reasons: list[str] = []
    for way in exchange_ways(
        certificate_type=material.certificate_type, resource_code=material.resource_code
    ):
        try:
            if way == Method.E_CERTIFICATE:
                type_code = material.certificate_type
                assert type_code is not None
                if type_code in run.unknown_types:
                    reasons.append(f"{way}:{_UNKNOWN_TYPE}")
                    continue
                found = await run.call(
                    run.calls.exchange.certificates(subject=subject, type_code=type_code, why=why)
                )
                if found.valid:
                    return Obtained(Method.E_CERTIFICATE, found.valid[0], {
                        "access_log_id": found.access_log_id, "certificate_type": type_code})  # fmt: skip
                reasons.append("e_certificate:not_found")
            else:
                assert material.resource_code is not None
                read = await _read(run, material.resource_code, material.data_items, subject, why)
                if isinstance(read, str):
                    reasons.append(f"data_sharing:{read}")
                else:
                    return read
        except CallFailed as failed:
            if failed.code == _UNKNOWN_TYPE and material.certificate_type:
                run.unknown_types.add(material.certificate_type)
            reasons.append(f"{way}:{failed.code}")
    return "; ".join(reasons) or "no_exchange_way"


async def _read(run: _Run, code: str, names: list[str], subject: Subject, why: Purpose) -> Obtained | str:
    resource = await run.resource(code)
    if resource.subject_kind != subject.kind:
        return "subject_kind_mismatch"  # e.g. a person's record for an enterprise applicant
    keys = [resource.keys_by_name[n] for n in names if n in resource.keys_by_name]
    unknown = [n for n in names if n not in resource.keys_by_name]
    if names and not keys:
        return "items_unknown"
    read = await run.call(run.calls.exchange.read(code, subject=subject, items=keys or None, why=why))
    detail: dict[str, Any] = {"access_log_id": read.access_log_id, "items": read.items}
    if read.withheld or unknown:
        detail["withheld"] = read.withheld + unknown
    if not read.items:
        return "no_items_granted"
    return Obtained(Method.DATA_SHARING, code, detail)
