"""Reading a shared record: decide, fetch (hosted or proxied), log — the log entry is written in the same
transaction that settles the answer, and nothing is returned unless that transaction committed.

The read path is one typed runtime object, :class:`ReadPath`, built in the lifespan: its database, its kept
copies (resource definitions, the certificate type directory, the hub's basis records), its group commit, the
provider client and the sealer. :func:`decide` is the decision shared with certificate lookups: the sharing rule of
the resource (``domain.sharing``), the caller's scope or role (``domain.access``), and the basis the read rests on
(``domain.bases``) — each refusal logged and chained before it is raised.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from exchange.clients.providers import (
    ForwardedContext,
    ProviderClient,
    ProviderError,
    ProviderRefused,
    ProviderTimeout,
)
from exchange.domain.access import PLATFORM_SCOPE, Caller, Operation, is_government, may
from exchange.domain.bases import (
    Basis,
    BasisKind,
    BasisRefusal,
    BasisVerdict,
    CaseFacts,
    check_hiding,
    decide_basis,
    served_org,
)
from exchange.domain.outbound import REFUSED_BY_POLICY, endpoint_admitted
from exchange.domain.sharing import (
    Decision,
    GrantTerms,
    Outcome,
    Purpose,
    SharingMethod,
    SharingType,
    decide_read,
)
from exchange.domain.subjects import InvalidSubject, SubjectKind, normalized_identifier
from exchange.metrics import READS
from exchange.sealing import Sealer, Unsealable
from exchange.store.driver import (
    GrantCopies,
    ResourceSnapshots,
    TypeDirectoryCopy,
    append_many,
    read_and_log_many,
)
from exchange.store.endpoint_hosts import EndpointHostCopies
from exchange.store.group_commit import Batched, GroupCommit
from exchange.store.models import Resource
from exchange.use_cases.access_entries import ReadContext, new_entry, with_outcome
from exchange.use_cases.bases import BasisUnavailable, ReadBases
from exchange.use_cases.directory import resource_terms
from exchange.use_cases.errors import (
    Invalid,
    NotFound,
    ProviderFailed,
    ReadRefused,
    ResourceNotFound,
    Unavailable,
    read_refused,
)
from meshkit.db import Database
from meshkit.legaldate import local_date

log = logging.getLogger("exchange.reads")

__all__ = ["Providers", "ReadPath", "ReadQuery", "ReadResult", "decide", "read_record", "subject_ref_of"]


@dataclass(frozen=True)
class Providers:
    """What proxied reads need: the client that calls provider systems, and each provider's endpoint hosts (a
    resource whose endpoint is on a host no longer listed for its provider is refused, never called)."""

    client: ProviderClient
    endpoint_hosts: EndpointHostCopies


@dataclass(frozen=True)
class ReadPath:
    """What every read uses, built once per process (``app.state.read_path``)."""

    database_of: Callable[[], Database]  # late-bound: tests give the app their database after it started
    snapshots: ResourceSnapshots
    types: TypeDirectoryCopy
    grants: GrantCopies
    commits: GroupCommit
    providers: Providers
    sealer: Sealer
    bases: ReadBases
    clock: Callable[[], datetime]
    certificate_resource: str

    @property
    def database(self) -> Database:
        return self.database_of()

    async def resource(self, code: str) -> Resource:
        resource = await self.snapshots.get(self.database, code)
        if resource is None:
            raise ResourceNotFound(f"数据资源 {code} 不存在")
        return resource


@dataclass(frozen=True)
class ReadQuery:
    resource_code: str
    identifier: str
    purpose: Purpose
    subject_kind: str | None = None
    items: Sequence[str] | None = None
    hidden_until: datetime | None = None


@dataclass(frozen=True)
class ReadResult:
    resource_code: str
    items: tuple[str, ...]
    withheld: tuple[str, ...]
    data: dict[str, Any]
    access_log_id: str
    method: str


_identifier_codes = {
    SubjectKind.PERSON: "invalid_id_number",
    SubjectKind.ENTERPRISE: "invalid_credit_code",
    SubjectKind.NEWBORN: "invalid_newborn_id",
}


def subject_ref_of(
    sealer: Sealer, kind: SubjectKind, identifier: str, *, field: str = "body.identifier"
) -> tuple[str, str]:
    """(normalized identifier, keyed hash), or a 422 naming the failed check and the request's ``field``."""
    try:
        normalized = normalized_identifier(kind, identifier)
    except InvalidSubject as exc:
        code = _identifier_codes.get(kind, "invalid_identifier")
        raise Invalid(
            str(exc),
            code=code,
            errors=[{"field": field, "type": code, "check": exc.check, "message": str(exc)}],
        ) from exc
    return normalized, sealer.subject_ref(kind.value, normalized)


def _context(
    path: ReadPath, resource: Resource, *, caller: Caller, query: ReadQuery, request_id: str | None
) -> tuple[str, ReadContext]:
    """(normalized identifier, context) of a read of ``resource``, or a 422 (nothing logged: no decision yet)."""
    kind = SubjectKind(resource.subject_kind)
    if query.subject_kind and query.subject_kind != kind:
        raise Invalid(
            f"资源 {resource.code} 的数据主体是 {kind.value}，不是 {query.subject_kind}",
            code="wrong_subject_kind",
        )
    identifier, ref = subject_ref_of(path.sealer, kind, query.identifier)
    context = ReadContext(
        caller=caller,
        resource_code=resource.code,
        subject_ref=ref,
        purpose=query.purpose,
        now=path.clock(),
        request_id=request_id,
        hidden_until=query.hidden_until,
    )
    return identifier, context


def _current(grants: Sequence[GrantTerms], today: date) -> tuple[str, ...]:
    return tuple(g.id for g in grants if g.valid_from <= today <= g.valid_to)


async def _grants(path: ReadPath, resource: Resource, caller: Caller) -> list[GrantTerms]:
    assert caller.org is not None
    found = await path.grants.get(path.database, GrantCopies.key(resource.code, caller.org))
    return [GrantTerms(*terms) for terms in found or ()]


async def _refuse(
    path: ReadPath, context: ReadContext, requested: Sequence[str] | None, verdict: BasisVerdict
) -> ReadRefused:
    assert verdict.refusal is not None
    shown = replace(context, hidden_until=None)  # a refused read is never hidden from its subject
    entry = new_entry(
        shown, items=list(requested or ()), outcome=Outcome.REFUSED, reason=verdict.refusal.value
    )
    await path.commits.run(Batched(append_many, entry))
    return ReadRefused(verdict.detail, code=verdict.refusal.value, access_log_id=str(entry.id))


async def _basis(
    path: ReadPath, resource: Resource, context: ReadContext, grant_ids: tuple[str, ...]
) -> tuple[BasisVerdict, Any, CaseFacts | None]:
    """The verdict on the read's basis, the duty it cites (for hiding) and the case it cites."""
    caller, purpose = context.caller, context.purpose
    database = path.database
    case = await path.bases.case(database, purpose.case_ref) if purpose.case_ref else None
    duty = (
        await path.bases.duty(database, purpose.legal_basis)
        if purpose.legal_basis and not purpose.case_ref
        else None
    )
    verdict = decide_basis(
        case_ref=purpose.case_ref,
        legal_basis=purpose.legal_basis,
        case=case,
        duty=duty,
        grant_ids=grant_ids,
        reader_org=caller.org or "",
        platform=_platform(caller),
        resource_code=resource.code,
        subject_ref=context.subject_ref,
        now=context.now,
        window=path.bases.window,
    )
    return verdict, duty, case


def _platform(caller: Caller) -> bool:
    return caller.kind == "system" and PLATFORM_SCOPE in caller.scopes


def _verified(context: ReadContext, basis: Basis, served: str | None) -> ReadContext:
    """The context as logged once the basis is checked: the case, duty or grants the hub verified, and the
    organization the read served (checked by :func:`exchange.domain.bases.served_org`)."""
    purpose = context.purpose
    if basis.kind == BasisKind.CASE:
        checked = Purpose(purpose.purpose, case_ref=basis.reference)
    elif basis.kind == BasisKind.DUTY:
        checked = Purpose(purpose.purpose, legal_basis=f"履职依据 {basis.reference}：{basis.statute}")
    else:
        checked = Purpose(purpose.purpose, legal_basis=f"共享授权 {basis.reference}")
    return replace(context, purpose=checked, served_org=served)


async def decide(
    path: ReadPath, resource: Resource, context: ReadContext, requested: Sequence[str] | None
) -> tuple[Decision, ReadContext]:
    """The decision for a read of ``resource`` and the context to log it with; a refusal is logged through the
    group commit and raised once that entry committed."""
    caller = context.caller
    today = local_date(context.now)
    grants: list[GrantTerms] = []
    if is_government(caller) and caller.org != resource.provider_code:
        wants_grant_basis = not (context.purpose.case_ref or context.purpose.legal_basis)
        if resource.sharing_type == SharingType.CONDITIONAL or wants_grant_basis:
            grants = await _grants(path, resource, caller)
    decision = decide_read(
        resource=resource_terms(resource),
        caller_kind=caller.kind,
        caller_org=caller.org,
        grants=grants,
        requested=requested,
        purpose=context.purpose,
        today=today,
    )
    if not decision.allowed:
        assert decision.refusal is not None
        shown = replace(context, hidden_until=None)
        entry = new_entry(
            shown, items=list(requested or ()), outcome=Outcome.REFUSED, reason=decision.refusal.value
        )
        await path.commits.run(Batched(append_many, entry))
        raise read_refused(decision, log_id=str(entry.id))
    if not may(caller, Operation.READ):
        raise await _refuse(
            path,
            context,
            requested,
            BasisVerdict(
                refusal=BasisRefusal.NOT_PERMITTED,
                detail="本账号无读取共享数据的权限（系统须有 exchange:read 权限，工作人员须为窗口、审核或负责人角色）",
            ),
        )
    try:
        verdict, duty, case = await _basis(path, resource, context, _current(grants, today))
    except BasisUnavailable as exc:
        log.warning("read basis could not be checked", extra={"resource": resource.code, "cause": str(exc)})
        entry = new_entry(
            context, items=list(requested or ()), outcome=Outcome.FAILED, reason="basis_unavailable"
        )
        await path.commits.run(Batched(append_many, entry))
        raise Unavailable(
            "暂时无法核验读取依据，请稍后重试 (the basis cannot be checked now)",
            code="basis_unavailable",
            access_log_id=str(entry.id),
            headers={"Retry-After": "5"},
        ) from None
    if verdict.basis is None:
        raise await _refuse(path, context, requested, verdict)
    hiding = check_hiding(
        context.hidden_until,
        basis=verdict.basis,
        duty=duty,
        may_hide=may(caller, Operation.HIDE_READS),
        now=context.now,
    )
    if hiding is not None:
        raise await _refuse(path, context, requested, hiding)
    served, wrong = served_org(
        context.purpose.served_org,
        basis=verdict.basis,
        case=case,
        reader_org=caller.org,
        platform=_platform(caller),
    )
    if wrong is not None:
        raise await _refuse(path, context, requested, wrong)
    return decision, _verified(context, verdict.basis, served)


async def read_record(
    path: ReadPath, *, caller: Caller, query: ReadQuery, request_id: str | None = None
) -> ReadResult:
    """Decide, fetch and log; the entry commits before anything is answered.

    The log is written through the group commit (concurrent reads share a transaction and its WAL flush). For
    hosted data the record's fetch and the entry saying granted or not found are one statement in that
    transaction. A refusal is one insert. Proxied: the decision is made first, the provider asked with no
    database connection held, and the outcome logged afterwards.
    """
    resource = await path.resource(query.resource_code)
    try:  # counted once the resource is known: its code is a catalogue code, never what the caller typed
        result = await _read(path, resource, caller=caller, query=query, request_id=request_id)
    except ReadRefused:
        READS.labels(resource.code, "refused").inc()
        raise
    except NotFound:
        READS.labels(resource.code, "not_found").inc()
        raise
    except Exception:
        READS.labels(resource.code, "failed").inc()
        raise
    READS.labels(resource.code, "granted").inc()
    return result


async def _read(
    path: ReadPath, resource: Resource, *, caller: Caller, query: ReadQuery, request_id: str | None
) -> ReadResult:
    identifier, context = _context(path, resource, caller=caller, query=query, request_id=request_id)
    decision, context = await decide(path, resource, context, query.items)
    if resource.sharing_method == SharingMethod.API:
        return await _proxied(path, resource, identifier, context, decision)
    granted = new_entry(context, items=decision.items, outcome=Outcome.GRANTED)
    missing = with_outcome(granted, Outcome.NOT_FOUND)
    sealed = await path.commits.run(Batched(read_and_log_many, (granted, missing)))
    if sealed is None:
        raise NotFound(
            "提供部门没有该数据主体的记录 (no record of this subject)",
            code="record_not_found",
            access_log_id=str(granted.id),
        )
    try:
        record = path.sealer.open(sealed)
    except Unsealable:  # logged as granted in the same statement: say that it failed after all
        failed = new_entry(context, items=decision.items, outcome=Outcome.FAILED, reason="record_unreadable")
        await path.commits.run(Batched(append_many, failed))
        raise
    data = {item: record.get(item) for item in decision.items}
    return ReadResult(
        resource.code, decision.items, decision.withheld, data, str(granted.id), resource.sharing_method
    )


async def _proxied(
    path: ReadPath, resource: Resource, identifier: str, context: ReadContext, decision: Decision
) -> ReadResult:
    """Forward to the provider system (no database connection held meanwhile), then log the outcome."""
    url, timeout, kind = resource.endpoint_url, resource.timeout_ms / 1000, resource.subject_kind
    assert url is not None
    caller, purpose = context.caller, context.purpose
    forwarded = ForwardedContext(
        client_id=caller.client_id,
        request_id=context.request_id,
        user=caller.sub,
        org=caller.org,
        purpose=purpose.purpose or "",
        case_ref=purpose.case_ref,
        legal_basis=purpose.legal_basis,
    )
    try:
        hosts = await path.providers.endpoint_hosts.get(path.database, resource.provider_code)
        if not endpoint_admitted(url, hosts or ()):
            log.warning(
                "proxied read refused: the endpoint's host is not listed for the provider",
                extra={"resource": resource.code, "provider": resource.provider_code},
            )
            raise ProviderRefused(REFUSED_BY_POLICY)
        record = await path.providers.client.fetch(
            url=url,
            timeout=timeout,
            subject_kind=kind,
            identifier=identifier,
            items=list(decision.items),
            context=forwarded,
        )
    except ProviderError as exc:
        timed_out = isinstance(exc, ProviderTimeout)
        refused = isinstance(exc, ProviderRefused)
        reason = (
            "provider_timeout" if timed_out else "endpoint_refused" if refused else "provider_unavailable"
        )
        failed = new_entry(context, items=decision.items, outcome=Outcome.FAILED, reason=reason)
        await path.commits.run(Batched(append_many, failed))
        detail = f"提供部门系统{'未在时限内应答' if timed_out else '暂不可用'}：{exc}"
        raise ProviderFailed(
            detail, status=504 if timed_out else 502, code=reason, access_log_id=str(failed.id)
        ) from exc
    outcome = Outcome.NOT_FOUND if record is None else Outcome.GRANTED
    entry = new_entry(context, items=decision.items, outcome=outcome)
    await path.commits.run(Batched(append_many, entry))
    if record is None:
        raise NotFound(
            "提供部门没有该数据主体的记录 (no record of this subject)",
            code="record_not_found",
            access_log_id=str(entry.id),
        )
    data = {item: record.get(item) for item in decision.items}
    return ReadResult(
        resource.code, decision.items, decision.withheld, data, str(entry.id), resource.sharing_method
    )
