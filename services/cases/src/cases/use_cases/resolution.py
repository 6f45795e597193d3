"""Resolving materials through the exchange (材料免提交): the worker's timer claims due materials, reads each
from the e-certificate registry or a shared resource for the case's purpose, and records how it was obtained.

The applicant's identifier comes from identity for the call and is dropped after it; the case keeps only the
access log id, the items obtained (keys, not values) and the certificate identifier. Failures count attempts,
keep a short non-personal reason and retry with backoff until the limit, after which the material waits for an
upload or paper at the window.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from cases.clients import CallFailed, Subject
from cases.clients.exchange import Purpose, ResourceInfo
from cases.domain.materials import Method, exchange_ways
from cases.store.case_models import Case, CaseMaterial
from cases.store.unit_of_work import CasesUnitOfWork
from cases.use_cases.exchange_work import LEASE, MeshCalls, RetryPolicy
from meshkit.db import Database

__all__ = ["Obtained", "resolve_due_materials"]

log = logging.getLogger("cases.materials")

GAVE_UP = "已停止自动获取，请上传或到窗口提交纸质材料"


@dataclass(frozen=True)
class Obtained:
    method: Method
    reference: str
    detail: dict[str, Any]


@dataclass(frozen=True)
class _CaseRef:
    id: str
    number: str
    matter_name: str
    applicant_kind: str
    applicant_id: str

    @classmethod
    def of(cls, case: Case) -> _CaseRef:
        return cls(case.id, case.number, case.matter_name, case.applicant_kind, case.applicant_id)


@dataclass(frozen=True)
class _MaterialRef:
    code: str
    certificate_type: str | None
    resource_code: str | None
    data_items: list[str]

    @classmethod
    def of(cls, material: CaseMaterial) -> _MaterialRef:
        return cls(material.material_code, material.certificate_type, material.resource_code,
                   list(material.data_items))  # fmt: skip


@dataclass
class _Run:
    """One scan's state: resource directories fetched once per scan."""

    calls: MeshCalls
    resources: dict[str, ResourceInfo] = field(default_factory=dict)

    async def resource(self, code: str) -> ResourceInfo:
        if code not in self.resources:
            self.resources[code] = await self.calls.exchange.resource(code)
        return self.resources[code]


async def resolve_due_materials(
    database: Database, calls: MeshCalls, *, policy: RetryPolicy, now: datetime, limit: int = 50
) -> int:
    """One scan: returns how many materials were obtained."""
    async with CasesUnitOfWork(database) as uow:
        claimed = await uow.materials.claim_due(now=now, lease_until=now + LEASE, limit=limit)
        await uow.commit()
    by_case: dict[str, list[str]] = defaultdict(list)
    for case_id, code in claimed:
        by_case[case_id].append(code)
    run = _Run(calls)
    obtained = 0
    for case_id, codes in by_case.items():
        async with CasesUnitOfWork(database) as uow:
            case = await uow.cases.get(case_id)
            if case is None:
                continue
            ref = _CaseRef.of(case)
            materials = [_MaterialRef.of(m) for m in await uow.materials.of_case(case_id, codes)]
        outcomes = await _resolve_case(run, ref, materials)
        async with CasesUnitOfWork(database) as uow:
            obtained += await _record(uow, case_id, outcomes, policy=policy, now=now)
    return obtained


async def _resolve_case(
    run: _Run, case: _CaseRef, materials: Sequence[_MaterialRef]
) -> dict[str, Obtained | str]:
    """Per material code: how it was obtained, or why not (a short code)."""
    try:
        subject = await run.calls.identity.subject(case.applicant_kind, case.applicant_id)
    except CallFailed as failed:
        return {m.code: failed.code for m in materials}
    why = Purpose(
        purpose=f"办件材料核验 {case.matter_name}", case_ref=case.number, person_id=case.applicant_id
    )
    outcomes: dict[str, Obtained | str] = {}
    for material in materials:
        outcomes[material.code] = await _obtain(run, material, subject, why)
    del subject  # the identifier lives only for these calls
    return outcomes


async def _obtain(run: _Run, material: _MaterialRef, subject: Subject, why: Purpose) -> Obtained | str:
    reasons: list[str] = []
    for way in exchange_ways(
        certificate_type=material.certificate_type, resource_code=material.resource_code
    ):
        try:
            if way == Method.E_CERTIFICATE:
                assert material.certificate_type is not None
                found = await run.calls.exchange.certificates(subject=subject, type_code=material.certificate_type,
                                                              why=why)  # fmt: skip
                if found.valid:
                    return Obtained(Method.E_CERTIFICATE, found.valid[0], {
                        "access_log_id": found.access_log_id, "certificate_type": material.certificate_type})  # fmt: skip
                reasons.append("e_certificate:not_found")
            else:
                assert material.resource_code is not None
                read = await _read(run, material.resource_code, material.data_items, subject, why)
                if isinstance(read, str):
                    reasons.append(f"data_sharing:{read}")
                else:
                    return read
        except CallFailed as failed:
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
    read = await run.calls.exchange.read(code, subject=subject, items=keys or None, why=why)
    detail: dict[str, Any] = {"access_log_id": read.access_log_id, "items": read.items}
    if read.withheld or unknown:
        detail["withheld"] = read.withheld + unknown
    if not read.items:
        return "no_items_granted"
    return Obtained(Method.DATA_SHARING, code, detail)


async def _record(uow: CasesUnitOfWork, case_id: str, outcomes: dict[str, Obtained | str], *, policy: RetryPolicy,
                  now: datetime) -> int:  # fmt: skip
    obtained = 0
    for code, outcome in outcomes.items():
        material = await uow.materials.get(case_id, code, for_update=True)
        if material is None or material.status != "missing":
            continue  # uploaded or received on paper meanwhile
        if isinstance(outcome, Obtained):
            material.status, material.method, material.reference = (
                "obtained",
                outcome.method.value,
                outcome.reference,
            )
            material.detail, material.obtained_at = outcome.detail, now
            material.next_attempt_at, material.last_error = None, None
            obtained += 1
            continue
        material.attempts += 1
        material.next_attempt_at = policy.next_attempt(material.attempts, now)
        material.last_error = outcome[:300] if material.next_attempt_at else f"{GAVE_UP} ({outcome})"[:300]
        log.info("material not obtained", extra={"case_id": case_id, "material": code, "reason": outcome,
                                                 "attempts": material.attempts})  # fmt: skip
    await uow.commit()
    return obtained
