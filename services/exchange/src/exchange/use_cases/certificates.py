"""The e-certificate registry (电子证照库): issue, look up by holder and type, change status with history.

Certificates are an unconditional base resource: a lookup is a read like any other — decided, logged, chained.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from exchange.domain.access import Caller, is_government, speaks_for
from exchange.domain.certificates import (
    CertificateStatus,
    InvalidCertificateId,
    StatusProblem,
    check_transition,
    parse_certificate_id,
)
from exchange.domain.sharing import Outcome, Purpose
from exchange.domain.subjects import SubjectKind
from exchange.events import RECORD_CHANGED, RecordChanged
from exchange.sealing import Sealer
from exchange.store.models import Certificate, CertificateChange
from exchange.store.unit_of_work import ExchangeUnitOfWork
from exchange.use_cases.access_entries import ReadContext, log_read
from exchange.use_cases.directory import get_resource
from exchange.use_cases.errors import Conflict, Forbidden, Invalid, NotFound
from exchange.use_cases.reads import authorize, subject_ref_of

__all__ = ["CertificateDraft", "FoundCertificates", "change_status", "history", "issue", "look_up"]


@dataclass(frozen=True)
class CertificateDraft:
    identifier: str
    type_name: str
    holder_kind: SubjectKind
    holder_identifier: str
    holder_name: str
    valid_from: date
    valid_to: date | None = None
    holder_id: str | None = None
    case_ref: str | None = None
    content: dict[str, Any] | None = None


@dataclass(frozen=True)
class FoundCertificates:
    certificates: list[dict[str, Any]]
    items: tuple[str, ...]
    access_log_id: str


async def _announce(uow: ExchangeUnitOfWork, certificate: Certificate, resource_code: str) -> None:
    payload = RecordChanged(resource_code=resource_code, subject_ref=certificate.holder_ref,
                            version=certificate.version, operation="upsert")  # fmt: skip
    await uow.publish(RECORD_CHANGED, aggregate_id=certificate.identifier, sequence=certificate.version,
                      payload=payload)  # fmt: skip


async def issue(
    uow: ExchangeUnitOfWork, *, caller: Caller, draft: CertificateDraft, sealer: Sealer, resource_code: str
) -> Certificate:
    """Register an issued certificate; the caller's organization is the issuer."""
    if not is_government(caller):
        raise Forbidden("只有发证部门的工作人员或系统可以登记电子证照 (issuing department only)")
    try:
        parsed = parse_certificate_id(draft.identifier)
    except InvalidCertificateId as exc:
        raise Invalid(str(exc), code="invalid_certificate_id", errors=[{"field": "identifier", "check": exc.check,
                                                                         "message": str(exc)}]) from exc  # fmt: skip
    member = await uow.members.get(caller.org or "")
    if member is not None and member.credit_code and member.credit_code != parsed.issuer_code:
        raise Forbidden(
            "证照标识中的颁发机构代码与本单位统一社会信用代码不符 (issuer mismatch)", code="issuer_mismatch"
        )
    if draft.valid_to is not None and draft.valid_to < draft.valid_from:
        raise Invalid("有效期截止日期早于起始日期", code="invalid_validity")
    if await uow.certificates.get(parsed.value) is not None:
        raise Conflict("该证照标识已登记 (already registered)", code="certificate_exists")
    _, holder_ref = subject_ref_of(sealer, draft.holder_kind, draft.holder_identifier)
    certificate = Certificate(
        identifier=parsed.value, type_code=parsed.type_code, type_name=draft.type_name,
        holder_kind=draft.holder_kind.value, holder_ref=holder_ref, holder_id=draft.holder_id,
        issuer_code=caller.org, issuer_credit_code=parsed.issuer_code, valid_from=draft.valid_from,
        valid_to=draft.valid_to, status=CertificateStatus.VALID.value, case_ref=draft.case_ref, version=1,
        sealed=sealer.seal({"holder_name": draft.holder_name, "content": draft.content or {}}),
    )  # fmt: skip
    uow.certificates.add(certificate)
    uow.certificates.add_change(CertificateChange(identifier=certificate.identifier, from_status=None,
                                                  to_status=certificate.status, reason="颁发", actor=caller.sub,
                                                  actor_org=caller.org))  # fmt: skip
    await uow.flush()
    await _announce(uow, certificate, resource_code)
    await uow.commit()
    return certificate


async def look_up(
    uow: ExchangeUnitOfWork, *, caller: Caller, holder_kind: SubjectKind, holder_identifier: str,
    type_code: str | None, owner_id: str | None, purpose: Purpose, sealer: Sealer, resource_code: str,
    now: datetime, request_id: str | None,
) -> FoundCertificates:  # fmt: skip
    """A holder's certificates (of one type), as far as the caller may read them; logged like any read."""
    resource = await get_resource(uow, code=resource_code, snapshot=True)
    _, holder_ref = subject_ref_of(sealer, holder_kind, holder_identifier)
    context = ReadContext(caller=caller, resource_code=resource.code, subject_ref=holder_ref, owner_id=owner_id,
                          purpose=purpose, now=now, request_id=request_id)  # fmt: skip
    decision = await authorize(uow, resource, context, None)
    found = []
    for certificate in await uow.certificates.of_holder(holder_ref, type_code):
        opened = sealer.open(certificate.sealed)
        full = {
            "identifier": certificate.identifier, "type_code": certificate.type_code,
            "type_name": certificate.type_name, "holder_name": opened.get("holder_name"),
            "issuer_code": certificate.issuer_code, "valid_from": certificate.valid_from.isoformat(),
            "valid_to": certificate.valid_to.isoformat() if certificate.valid_to else None,
            "status": certificate.status, "content": opened.get("content") or {},
        }  # fmt: skip
        found.append(
            {key: value for key, value in full.items() if key in decision.items or key == "identifier"}
        )
    outcome = Outcome.GRANTED if found else Outcome.NOT_FOUND
    log_id = await log_read(uow, context, items=decision.items, outcome=outcome)
    await uow.commit()
    return FoundCertificates(found, decision.items, log_id)


async def change_status(
    uow: ExchangeUnitOfWork, *, caller: Caller, identifier: str, status: CertificateStatus, reason: str,
    resource_code: str,
) -> Certificate:  # fmt: skip
    certificate = await uow.certificates.get(identifier.strip().upper(), for_update=True)
    if certificate is None:
        raise NotFound("电子证照不存在", code="certificate_not_found")
    if not speaks_for(caller, certificate.issuer_code):
        raise Forbidden("只有发证部门可以变更证照状态 (issuer only)")
    current = CertificateStatus(certificate.status)
    try:
        check_transition(current, status)
    except StatusProblem as exc:
        raise Conflict(str(exc), code="status_transition_refused") from exc
    certificate.status, certificate.version = status.value, certificate.version + 1
    certificate.updated_at = datetime.now(certificate.issued_at.tzinfo)
    uow.certificates.add_change(CertificateChange(identifier=certificate.identifier, from_status=current.value,
                                                  to_status=status.value, reason=reason, actor=caller.sub,
                                                  actor_org=caller.org))  # fmt: skip
    await _announce(uow, certificate, resource_code)
    await uow.commit()
    return certificate


async def history(uow: ExchangeUnitOfWork, *, identifier: str) -> Sequence[CertificateChange]:
    certificate = await uow.certificates.get(identifier.strip().upper())
    if certificate is None:
        raise NotFound("电子证照不存在", code="certificate_not_found")
    return await uow.certificates.history(certificate.identifier)
