"""Issuing e-certificates through the exchange's registry (§44: within 10 days of the decision).

The worker's timer claims approved cases whose certificate is due, asks identity for the identifier of the case's
subject (the person, enterprise or newborn the matter is about — not the applicant when they differ) and registers the certificate for the handling department (the registry assigns the GB/T 36904 identifier; a
retry for the same case gets the same certificate back). The case keeps the identifier and announces
``cases.certificate_issued.v1``; in a 一件事 bundle, the parent's materials produced by this member become
obtained in the same transaction.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime

from cases.clients import CallFailed, Subject
from cases.domain.access import Caller
from cases.domain.departments import authority_name
from cases.domain.issuing import (
    RETRY_ROLES,
    CertificateState,
    certificate_content,
    certificate_state,
    certificate_type_code,
    may_retry_certificate,
)
from cases.domain.materials import Method
from cases.domain.subjects import subject_label
from cases.events import CERTIFICATE_ISSUED, CertificateIssued
from cases.store.case_models import Case, TimelineEntry
from cases.store.unit_of_work import CasesUnitOfWork
from cases.use_cases.events import case_changed
from cases.use_cases.exchange_work import LEASE, MeshCalls, RetryPolicy
from cases.use_cases.handling import facts_of, load_visible
from meshkit.db import Database
from meshkit.errors import ProblemError
from meshkit.legaldate import local_date
from meshkit.masking import redact

__all__ = ["issue_due_certificates", "record_certificate", "retry_certificate"]

log = logging.getLogger("cases.certificates")


async def issue_due_certificates(
    database: Database, calls: MeshCalls, *, policy: RetryPolicy, now: datetime, limit: int = 20
) -> int:
    """One scan: returns how many certificates were issued."""
    async with CasesUnitOfWork(database) as uow:
        claimed = await uow.certificate_queue.claim_due(now=now, lease_until=now + LEASE, limit=limit)
        await uow.commit()
    issued = 0
    for case_id in claimed:
        async with CasesUnitOfWork(database) as uow:
            case = await uow.cases.get(case_id)
            if case is None or case.result_certificate_type is None or case.certificate_id is not None:
                continue
            kind, holder, org, number = (  # issued to the subject: a newborn's 出生医学证明 is the child's
                case.subject_kind,
                case.subject_id,
                case.handling_org,
                case.number,
            )
            type_code = case.result_certificate_type
            face = await _face(uow, case)
        try:
            subject = await calls.identity.subject(kind, holder)
            certificate = await calls.exchange.issue(
                subject=subject,
                type_code=type_code,
                issuer_org=org,
                holder_id=holder,
                case_ref=number,
                valid_from=local_date(now),
                content=face.of(subject, local_date(now)),
            )
            del subject
        except CallFailed as failed:
            async with CasesUnitOfWork(database) as uow:
                await _failed(uow, case_id, failed.code, policy=policy, now=now)
            continue
        async with CasesUnitOfWork(database) as uow:
            issued += await record_certificate(
                uow, case_id=case_id, certificate_id=certificate.identifier, now=now
            )
    return issued


@dataclass(frozen=True)
class _Face:
    """What the certificate's face says besides the holder, read from the case's own records."""

    issuer: str
    matter_name: str
    case_number: str
    decision_number: str | None

    def of(self, subject: Subject, valid_from: date) -> dict[str, str]:
        return certificate_content(
            holder_name=subject.name,
            holder_kind_label=subject_label(subject.kind),
            holder_masked=None if subject.kind == "newborn" else redact(subject.identifier),
            issuer=self.issuer,
            matter_name=self.matter_name,
            case_number=self.case_number,
            decision_number=self.decision_number,
            valid_from=valid_from,
        )


async def _face(uow: CasesUnitOfWork, case: Case) -> _Face:
    matter = await uow.open_matters.get(case.matter_code)
    decision = await uow.cases.decision(case.id)
    return _Face(
        issuer=authority_name(case.handling_org, matter.department_name if matter is not None else None),
        matter_name=case.matter_name,
        case_number=case.number,
        decision_number=decision.number if decision is not None else None,
    )


async def _failed(
    uow: CasesUnitOfWork, case_id: str, reason: str, *, policy: RetryPolicy, now: datetime
) -> None:
    case = await uow.cases.get(case_id, for_update=True)
    if case is None or case.certificate_id is not None:
        return
    case.certificate_attempts += 1
    case.certificate_next_attempt_at = policy.next_attempt(case.certificate_attempts, now)
    case.certificate_last_error = reason[:300]
    log.warning(
        "certificate not issued",
        extra={"case_id": case_id, "reason": reason, "attempts": case.certificate_attempts},
    )
    await uow.commit()


async def record_certificate(
    uow: CasesUnitOfWork, *, case_id: str, certificate_id: str, now: datetime
) -> int:
    """Keep the certificate on the case, announce it, and satisfy the bundle materials it produces."""
    case = await uow.cases.get(case_id, for_update=True)
    if case is None or case.certificate_id is not None:
        return 0
    case.certificate_id, case.certificate_issued_at = certificate_id, now
    case.certificate_next_attempt_at, case.certificate_last_error = None, None
    if case.parent_id is not None:
        for material in await uow.materials.produced_by(case.parent_id, case.matter_code):
            material.status, material.method, material.reference = (
                "obtained",
                Method.BUNDLE_MEMBER.value,
                certificate_id,
            )
            material.obtained_at = now
            material.detail = {
                "member_case_id": case.id,
                "member_case_number": case.number,
                "certificate_type": case.result_certificate_type,
            }
    await uow.flush()
    payload = CertificateIssued(
        **case_changed(case, at=now).model_dump(),
        certificate_id=certificate_id,
        certificate_type=certificate_type_code(certificate_id, case.result_certificate_type or ""),
    )
    await uow.publish(CERTIFICATE_ISSUED, aggregate_id=case.id, sequence=case.version, payload=payload)
    await uow.commit()
    return 1


async def retry_certificate(
    uow: CasesUnitOfWork, *, case_id: str, caller: Caller, district_center: str, now: datetime
) -> Case:
    """Have the worker try issuing an approved case's certificate again, at once and with a fresh count of
    attempts (e.g. after the exchange's type directory gained the type). Recorded in the timeline."""
    case = await load_visible(uow, case_id, caller, district_center=district_center, for_update=True)
    if not may_retry_certificate(caller, facts_of(case)):
        raise ProblemError("只有承办部门的审核人员或负责人可以重新签发证照", status=403, code="not_permitted")
    state = certificate_state(case)
    if state not in (CertificateState.PENDING, CertificateState.FAILED):
        raise ProblemError(
            f"办件 {case.number} 没有待签发的电子证照（{state.label}）",
            status=409,
            code="certificate_not_retryable",
        )
    opinion = f"重新签发电子证照（此前 {case.certificate_attempts} 次未成功：{case.certificate_last_error or '无'}）"
    case.certificate_attempts, case.certificate_next_attempt_at = 0, now
    uow.cases.add(
        TimelineEntry(
            case_id=case.id,
            action="retry_certificate",
            from_status=case.status,
            to_status=case.status,
            actor_id=caller.sub,
            actor_org=caller.org,
            actor_role=min(RETRY_ROLES & caller.roles),
            opinion=opinion,
            at=now,
        )
    )
    await uow.commit()
    return case
