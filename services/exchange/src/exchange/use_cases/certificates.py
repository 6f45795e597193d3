"""The e-certificate registry (电子证照库): issue, look up by holder and type, change status with history.

Certificates are an unconditional base resource: a lookup is a read like any other — decided, logged, chained.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from exchange.domain.access import PLATFORM_SCOPE, Caller, Operation, is_operator, may
from exchange.domain.bases import CaseFacts, issuing_refusal
from exchange.domain.certificate_types import (
    CertificateType,
    Directory,
    alias_problem,
    normal_key,
    type_code_problem,
)
from exchange.domain.certificates import (
    CertificateId,
    CertificateStatus,
    InvalidCertificateId,
    StatusProblem,
    build_certificate_id,
    check_transition,
    parse_certificate_id,
)
from exchange.domain.names import legal_name
from exchange.domain.sharing import Outcome, Purpose
from exchange.domain.subjects import SubjectKind
from exchange.events import RECORD_CHANGED, RecordChanged
from exchange.sealing import Sealer
from exchange.store.driver import look_up_and_log_many
from exchange.store.group_commit import Batched
from exchange.store.models import Certificate, CertificateChange, Member
from exchange.store.unit_of_work import ExchangeUnitOfWork
from exchange.use_cases.access_entries import ReadContext, new_entry, with_outcome
from exchange.use_cases.bases import BasisUnavailable
from exchange.use_cases.errors import Conflict, Forbidden, Invalid, NotFound, Unavailable
from exchange.use_cases.reads import ReadPath, decide, subject_ref_of
from meshkit.legaldate import local_date

__all__ = [
    "CaseLookup",
    "CertificateDraft",
    "FoundCertificates",
    "Issued",
    "MissingType",
    "change_status",
    "history",
    "issue",
    "look_up",
    "missing_types",
    "register_type",
    "type_directory",
]


log = logging.getLogger("exchange.certificates")

CaseLookup = Callable[[str], Awaitable[CaseFacts | None]]


@dataclass(frozen=True)
class CertificateDraft:
    """What an issuer registers. Without ``identifier`` the registry assigns one from ``type_code`` (a national
    code or an alias) and the issuer's credit code. ``issuer_org``: the member on whose behalf a platform system
    (scope ``exchange:certificates:issue``) issues; default the caller's own organization."""

    holder_kind: SubjectKind
    holder_identifier: str
    holder_name: str
    valid_from: date
    type_name: str | None = None  # default: the directory's name of the type
    identifier: str | None = None
    type_code: str | None = None
    issuer_org: str | None = None
    valid_to: date | None = None
    holder_id: str | None = None
    case_ref: str | None = None
    content: dict[str, Any] | None = None


@dataclass(frozen=True)
class Issued:
    certificate: Certificate
    created: bool  # False: the issuer had already registered this type for this case (a retry)


@dataclass(frozen=True)
class FoundCertificates:
    certificates: list[dict[str, Any]]
    items: tuple[str, ...]
    access_log_id: str


async def _announce(uow: ExchangeUnitOfWork, certificate: Certificate, resource_code: str) -> None:
    payload = RecordChanged(
        resource_code=resource_code,
        subject_ref=certificate.holder_ref,
        version=certificate.version,
        operation="upsert",
    )
    await uow.publish(
        RECORD_CHANGED, aggregate_id=certificate.identifier, sequence=certificate.version, payload=payload
    )


async def _issuer(uow: ExchangeUnitOfWork, caller: Caller, draft: CertificateDraft) -> Member:
    """The member that issues: the caller's organization, or the one the cases platform issues for."""
    code = draft.issuer_org or caller.org or ""
    if code != caller.org and not (caller.kind == "system" and PLATFORM_SCOPE in caller.scopes):
        raise Forbidden(
            "只有通办办件平台可以代发证部门登记电子证照 (issuing on behalf: the cases platform only)",
            code="issue_on_behalf_not_allowed",
        )
    member = await uow.members.get(code)
    if member is None or not member.active:
        if code != caller.org:
            raise Invalid(
                f"发证机构 {code} 不是共享交换平台成员单位",
                code="unknown_issuer",
                errors=[{"field": "issuer_org", "message": "not an active member"}],
            )
        return Member(code=code, name=code, credit_code=None, active=True)
    return member


def _holder_name(draft: CertificateDraft) -> str:
    """The holder's legal name in normal form, or a 422 saying why it cannot be one (bidi overrides, controls)."""
    person = draft.holder_kind != SubjectKind.ENTERPRISE  # a newborn's name is a person's name
    label = "持证人姓名" if person else "持证主体名称"
    try:
        return legal_name(draft.holder_name, label=label, person=person)
    except ValueError as exc:
        message = str(exc)
        raise Invalid(
            message, errors=[{"field": "holder_name", "message": message, "type": "invalid_name"}]
        ) from None


def _type_code(directory: Directory, value: str) -> str:
    resolved = directory.accept(value)
    if resolved is None:
        raise Invalid(
            f"未知的证照类型 {value}",
            code="unknown_certificate_type",
            errors=[{"field": "type_code", "message": "not a type code or known alias"}],
        )
    return resolved


def _parsed(identifier: str) -> CertificateId:
    try:
        return parse_certificate_id(identifier)
    except InvalidCertificateId as exc:
        raise Invalid(
            str(exc),
            code="invalid_certificate_id",
            errors=[
                {"field": "identifier", "type": "invalid_identifier", "check": exc.check, "message": str(exc)}
            ],
        ) from exc


async def _identifier(
    uow: ExchangeUnitOfWork, draft: CertificateDraft, member: Member, directory: Directory, now: datetime
) -> CertificateId | Certificate:
    """The given identifier (checked against the issuer), an assigned one, or the certificate a retry finds."""
    if draft.identifier is not None:
        parsed = _parsed(draft.identifier)
        if member.credit_code and member.credit_code != parsed.issuer_code:
            raise Forbidden(
                "证照标识中的颁发机构代码与本单位统一社会信用代码不符 (issuer mismatch)",
                code="issuer_mismatch",
            )
        if draft.type_code is not None and _type_code(directory, draft.type_code) != parsed.type_code:
            raise Invalid("证照类型与证照标识不一致 (type mismatch)", code="type_mismatch")
        return parsed
    if draft.type_code is None:
        raise Invalid(
            "须提供证照标识或证照类型 (identifier or type_code)",
            code="identifier_required",
            errors=[{"field": "type_code", "message": "required without an identifier"}],
        )
    type_code = _type_code(directory, draft.type_code)
    if not member.credit_code:
        raise Invalid(
            f"发证机构 {member.code} 未登记统一社会信用代码，无法赋码", code="issuer_credit_code_missing"
        )
    if draft.case_ref:
        earlier = await uow.certificates.issued_for_case(member.code, type_code, draft.case_ref)
        if earlier is not None:
            return earlier
    serial = f"{local_date(now):%Y%m%d}{secrets.randbelow(10**10):010d}"  # the legal date of issue
    try:
        return build_certificate_id(type_code, member.credit_code, serial)
    except InvalidCertificateId as exc:
        raise Invalid(str(exc), code="invalid_certificate_id") from exc


async def issue(
    uow: ExchangeUnitOfWork,
    *,
    caller: Caller,
    draft: CertificateDraft,
    sealer: Sealer,
    resource_code: str,
    now: datetime,
    case_of: CaseLookup,
) -> Issued:
    """Register an issued certificate for an approved case of the issuing department, as the hub's view of the
    cases says (``case_of``); the issuer is the caller's organization or the member the cases platform issues
    for. Without an identifier the registry assigns one; a retry for the same case returns the first."""
    if not may(caller, Operation.ISSUE_CERTIFICATES):
        raise Forbidden(
            "只有发证部门的审核人员、负责人或具备 exchange:certificates:issue 权限的系统可以登记电子证照",
            code="not_permitted",
        )
    member = await _issuer(uow, caller, draft)
    if draft.identifier is None and draft.type_code is None:
        raise Invalid(
            "须提供证照标识或证照类型 (identifier or type_code)",
            code="identifier_required",
            errors=[{"field": "type_code", "message": "required without an identifier"}],
        )
    try:
        case = await case_of(draft.case_ref) if draft.case_ref else None
    except BasisUnavailable as exc:
        log.warning("certificate's case could not be checked", extra={"cause": str(exc)})
        raise Unavailable(
            "暂时无法核验办件，请稍后重试 (the case cannot be checked now)",
            code="basis_unavailable",
            headers={"Retry-After": "5"},
        ) from None
    _, holder_ref = subject_ref_of(
        sealer, draft.holder_kind, draft.holder_identifier, field="body.holder_identifier"
    )
    holder_name = _holder_name(draft)
    directory = await uow.certificate_types.directory()
    wanted = _type_code(directory, draft.type_code) if draft.type_code else None
    if wanted is None and draft.identifier is not None:
        wanted = _parsed(draft.identifier).type_code
    result = await uow.dependencies.result_type(case.matter_code) if case and case.matter_code else None
    result_type = (directory.accept(result[0]) if result[0] else None) if result is not None else wanted
    refusal = issuing_refusal(
        case,
        draft.case_ref,
        issuer_org=member.code,
        holder_ref=holder_ref,
        type_code=wanted or "",
        result_type=result_type,
    )
    if refusal:
        raise Forbidden(refusal, code="case_not_approved_for_issuer")
    found = await _identifier(uow, draft, member, directory, now)
    if isinstance(found, Certificate):
        return Issued(found, created=False)
    if draft.valid_to is not None and draft.valid_to < draft.valid_from:
        raise Invalid("有效期截止日期早于起始日期", code="invalid_validity")
    name = draft.type_name or directory.name(found.type_code)
    if not name:
        raise Invalid(
            "须提供证照类型名称 (type_name)",
            code="type_name_required",
            errors=[{"field": "type_name", "message": "the type is not in the directory"}],
        )
    if await uow.certificates.get(found.value) is not None:
        raise Conflict("该证照标识已登记 (already registered)", code="certificate_exists")
    certificate = Certificate(
        identifier=found.value,
        type_code=found.type_code,
        type_name=name,
        holder_kind=draft.holder_kind.value,
        holder_ref=holder_ref,
        holder_id=draft.holder_id,
        issuer_code=member.code,
        issuer_credit_code=found.issuer_code,
        valid_from=draft.valid_from,
        valid_to=draft.valid_to,
        status=CertificateStatus.VALID.value,
        case_ref=draft.case_ref,
        version=1,
        sealed=sealer.seal({"holder_name": holder_name, "content": draft.content or {}}),
    )
    uow.certificates.add(certificate)
    uow.certificates.add_change(
        CertificateChange(
            identifier=certificate.identifier,
            from_status=None,
            to_status=certificate.status,
            reason="颁发",
            actor=caller.sub,
            actor_org=caller.org,
        )
    )
    await uow.flush()
    await _announce(uow, certificate, resource_code)
    await uow.commit()
    return Issued(certificate, created=True)


async def look_up(
    path: ReadPath,
    *,
    caller: Caller,
    holder_kind: SubjectKind,
    holder_identifier: str,
    type_code: str | None,
    purpose: Purpose,
    request_id: str | None,
) -> FoundCertificates:
    """A holder's certificates (of one type), as far as the caller may read them; logged like any read, on the
    read path's footing: the certificates are found and the entry saying found or not found is written in one
    transaction (shared with concurrent reads), and nothing is answered before it committed."""
    resource = await path.resource(path.certificate_resource)
    _, holder_ref = subject_ref_of(
        path.sealer, holder_kind, holder_identifier, field="body.holder_identifier"
    )
    context = ReadContext(
        caller=caller,
        resource_code=resource.code,
        subject_ref=holder_ref,
        purpose=purpose,
        now=path.clock(),
        request_id=request_id,
    )
    decision, context = await decide(path, resource, context, None)
    wanted = _type_code(await path.types.current(path.database), type_code) if type_code else None
    granted = new_entry(context, items=decision.items, outcome=Outcome.GRANTED)
    missing = with_outcome(granted, Outcome.NOT_FOUND)

    found = []
    for row in await path.commits.run(Batched(look_up_and_log_many, (granted, missing, wanted))):
        opened = path.sealer.open(row["sealed"])
        full = {
            "identifier": row["identifier"],
            "type_code": row["type_code"],
            "type_name": row["type_name"],
            "holder_name": opened.get("holder_name"),
            "issuer_code": row["issuer_code"],
            "valid_from": row["valid_from"].isoformat(),
            "valid_to": row["valid_to"].isoformat() if row["valid_to"] else None,
            "status": row["status"],
            "content": opened.get("content") or {},
        }
        found.append(
            {key: value for key, value in full.items() if key in decision.items or key == "identifier"}
        )
    return FoundCertificates(found, decision.items, str(granted.id))


async def change_status(
    uow: ExchangeUnitOfWork,
    *,
    caller: Caller,
    identifier: str,
    status: CertificateStatus,
    reason: str,
    resource_code: str,
) -> Certificate:
    certificate = await uow.certificates.get(identifier.strip().upper(), for_update=True)
    if certificate is None:
        raise NotFound("电子证照不存在", code="certificate_not_found")
    if not may(caller, Operation.ISSUE_CERTIFICATES, org=certificate.issuer_code):
        raise Forbidden(
            "只有发证部门的审核人员、负责人或其系统可以变更证照状态 (issuer only)", code="not_permitted"
        )
    current = CertificateStatus(certificate.status)
    try:
        check_transition(current, status)
    except StatusProblem as exc:
        raise Conflict(str(exc), code="status_transition_refused") from exc
    certificate.status, certificate.version = status.value, certificate.version + 1
    certificate.updated_at = datetime.now(certificate.issued_at.tzinfo)
    uow.certificates.add_change(
        CertificateChange(
            identifier=certificate.identifier,
            from_status=current.value,
            to_status=status.value,
            reason=reason,
            actor=caller.sub,
            actor_org=caller.org,
        )
    )
    await _announce(uow, certificate, resource_code)
    await uow.commit()
    return certificate


async def history(uow: ExchangeUnitOfWork, *, caller: Caller, identifier: str) -> Sequence[CertificateChange]:
    """Who changed a certificate's status when: its issuer's department, operators and auditors."""
    certificate = await uow.certificates.get(identifier.strip().upper())
    if certificate is None:
        raise NotFound("电子证照不存在", code="certificate_not_found")
    if not (
        may(caller, Operation.ISSUE_CERTIFICATES, org=certificate.issuer_code)
        or (caller.kind == "system" and PLATFORM_SCOPE in caller.scopes)  # it issues for the departments
        or may(caller, Operation.AUDIT)
        or is_operator(caller)
    ):
        raise Forbidden("只有发证部门、审计或平台运维人员可以查看证照状态变更记录", code="not_permitted")
    return await uow.certificates.history(certificate.identifier)


async def type_directory(uow: ExchangeUnitOfWork) -> Directory:
    return await uow.certificate_types.directory()


@dataclass(frozen=True)
class MissingType:
    """A certificate type the open matters name that the directory cannot resolve, and where it is named."""

    name: str
    matters: list[tuple[str, str, str]]  # (matter code, matter name, "result" | "material")


async def missing_types(uow: ExchangeUnitOfWork) -> list[MissingType]:
    """What approving or resolving materials would fail on with ``unknown_certificate_type``."""
    directory = await uow.certificate_types.directory()
    missing: dict[str, list[tuple[str, str, str]]] = {}
    for named, code, name, used_as in await uow.dependencies.certificate_types_in_use():
        if directory.accept(named) is None:
            uses = missing.setdefault(normal_key(named), [])
            if (code, name, used_as) not in uses:
                uses.append((code, name, used_as))
    return [
        MissingType(key, sorted(uses, key=lambda use: (use[0], use[2] != "result")))
        for key, uses in sorted(missing.items())
    ]


async def register_type(
    uow: ExchangeUnitOfWork, *, caller: Caller | None, certificate_type: CertificateType
) -> CertificateType:
    """Enter or replace a type of the directory and its aliases (operators; ``caller`` None: the demo loader).
    An alias names one type: one already naming another type is refused (409), not moved."""
    if caller is not None and not is_operator(caller):
        raise Forbidden("只有平台运维人员可以维护电子证照类型目录 (operators only)")
    code = normal_key(certificate_type.code)
    if problem := type_code_problem(code):
        raise Invalid(
            f"证照类型代码 {certificate_type.code} 不符合 GB/T 36904",
            code="invalid_type_code",
            errors=[{"field": "code", "message": problem}],
        )
    aliases = tuple(sorted({normal_key(alias) for alias in certificate_type.aliases}))
    for alias in aliases:
        if problem := alias_problem(alias):
            raise Invalid(
                f"证照类型别名 {alias} 不可用",
                code="invalid_alias",
                errors=[{"field": "aliases", "message": problem}],
            )
    await uow.certificate_types.lock()
    directory = await uow.certificate_types.directory()
    for alias in aliases:
        owner = directory.resolve(alias)
        if owner is not None and owner != code:
            raise Conflict(f"别名 {alias} 已用于证照类型 {owner} (alias taken)", code="alias_taken")
    entered = CertificateType(code, certificate_type.name.strip(), aliases)
    await uow.certificate_types.put(entered, by=caller.sub if caller is not None else "demo")
    await uow.commit()
    return entered
