"""Reading a shared record: decide, fetch (hosted or proxied), log — the log entry is written in the same
transaction that settles the answer, and nothing is returned unless that transaction committed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from exchange.clients.providers import ForwardedContext, ProviderClient, ProviderError, ProviderTimeout
from exchange.domain.access import Caller
from exchange.domain.sharing import Decision, Outcome, Purpose, SharingMethod, SharingType, decide_read
from exchange.domain.subjects import InvalidSubject, SubjectKind, normalized_identifier
from exchange.sealing import Sealer
from exchange.store.models import Resource
from exchange.store.unit_of_work import ExchangeUnitOfWork
from exchange.use_cases.access_entries import ReadContext, log_read
from exchange.use_cases.directory import get_resource, grant_terms, resource_terms
from exchange.use_cases.errors import Invalid, NotFound, ProviderFailed, read_refused

__all__ = ["ReadQuery", "ReadResult", "authorize", "prepare", "read_record", "subject_ref_of"]


@dataclass(frozen=True)
class ReadQuery:
    resource_code: str
    identifier: str
    purpose: Purpose
    subject_kind: str | None = None
    owner_id: str | None = None
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


def subject_ref_of(sealer: Sealer, kind: SubjectKind, identifier: str) -> tuple[str, str]:
    """(normalized identifier, keyed hash), or a 422 naming the failed check."""
    try:
        normalized = normalized_identifier(kind, identifier)
    except InvalidSubject as exc:
        field = "id_number" if kind == SubjectKind.PERSON else "credit_code"
        raise Invalid(str(exc), code=f"invalid_{field}", errors=[{"field": "identifier", "check": exc.check,
                                                                   "message": str(exc)}]) from exc  # fmt: skip
    return normalized, sealer.subject_ref(kind.value, normalized)


async def prepare(
    uow: ExchangeUnitOfWork, *, caller: Caller, query: ReadQuery, sealer: Sealer, now: datetime,
    request_id: str | None,
) -> tuple[Resource, str, ReadContext]:  # fmt: skip
    resource = await get_resource(uow, code=query.resource_code, snapshot=True)
    kind = SubjectKind(resource.subject_kind)
    if query.subject_kind and query.subject_kind != kind:
        raise Invalid(f"资源 {resource.code} 的数据主体是 {kind.value}，不是 {query.subject_kind}",
                      code="wrong_subject_kind")  # fmt: skip
    if query.hidden_until is not None and not (query.purpose.legal_basis or "").strip():
        raise Invalid(
            "对数据主体隐藏查询记录须有法律依据 (hidden_until needs a legal basis)",
            code="legal_basis_required",
        )
    identifier, ref = subject_ref_of(sealer, kind, query.identifier)
    context = ReadContext(
        caller=caller, resource_code=resource.code, subject_ref=ref, owner_id=query.owner_id,
        purpose=query.purpose, now=now, request_id=request_id, hidden_until=query.hidden_until,
    )  # fmt: skip
    return resource, identifier, context


async def authorize(
    uow: ExchangeUnitOfWork, resource: Resource, context: ReadContext, requested: Sequence[str] | None
) -> Decision:
    """The sharing decision; a refusal is logged and committed, then raised."""
    caller = context.caller
    grants = []
    if (
        resource.sharing_type == SharingType.CONDITIONAL
        and caller.org
        and caller.org != resource.provider_code
    ):
        grants = grant_terms(await uow.grants.granted(resource_code=resource.code, requester_code=caller.org))
    decision = decide_read(
        resource=resource_terms(resource), caller_kind=caller.kind, caller_org=caller.org, grants=grants,
        requested=requested, purpose=context.purpose, today=context.now.date(),
    )  # fmt: skip
    if not decision.allowed:
        assert decision.refusal is not None
        log_id = await log_read(uow, context, items=list(requested or ()), outcome=Outcome.REFUSED,
                                reason=decision.refusal.value)  # fmt: skip
        await uow.commit()
        raise read_refused(decision, log_id=log_id)
    return decision


async def read_record(
    uow: ExchangeUnitOfWork, provider: ProviderClient, *, caller: Caller, query: ReadQuery, sealer: Sealer,
    now: datetime, request_id: str | None = None,
) -> ReadResult:  # fmt: skip
    resource, identifier, context = await prepare(uow, caller=caller, query=query, sealer=sealer, now=now,
                                                  request_id=request_id)  # fmt: skip
    decision = await authorize(uow, resource, context, query.items)
    code, method = resource.code, resource.sharing_method
    if method == SharingMethod.API:
        record = await _proxied(uow, provider, resource, identifier, decision, context)
    else:
        sealed = await uow.records.sealed(code, context.subject_ref)
        record = None if sealed is None else sealer.open(sealed)
    if record is None:
        log_id = await log_read(uow, context, items=decision.items, outcome=Outcome.NOT_FOUND)
        await uow.commit()
        raise NotFound("提供部门没有该数据主体的记录 (no record of this subject)", code="record_not_found",
                       access_log_id=log_id)  # fmt: skip
    data = {item: record.get(item) for item in decision.items}
    log_id = await log_read(uow, context, items=decision.items, outcome=Outcome.GRANTED)
    await uow.commit()
    return ReadResult(code, decision.items, decision.withheld, data, log_id, method)


async def _proxied(
    uow: ExchangeUnitOfWork, provider: ProviderClient, resource: Resource, identifier: str, decision: Decision,
    context: ReadContext,
) -> dict[str, Any] | None:  # fmt: skip
    """Forward to the provider system; the database connection is released while it answers."""
    url, timeout, kind = resource.endpoint_url, resource.timeout_ms / 1000, resource.subject_kind
    assert url is not None
    await uow.rollback()
    caller, purpose = context.caller, context.purpose
    forwarded = ForwardedContext(
        client_id=caller.client_id, request_id=context.request_id, user=caller.sub, org=caller.org,
        purpose=purpose.purpose or "", case_ref=purpose.case_ref, legal_basis=purpose.legal_basis,
    )  # fmt: skip
    try:
        return await provider.fetch(
            url=url, timeout=timeout, subject_kind=kind, identifier=identifier, items=list(decision.items),
            context=forwarded,
        )  # fmt: skip
    except ProviderError as exc:
        timed_out = isinstance(exc, ProviderTimeout)
        reason = "provider_timeout" if timed_out else "provider_unavailable"
        log_id = await log_read(uow, context, items=decision.items, outcome=Outcome.FAILED, reason=reason)
        await uow.commit()
        detail = f"提供部门系统{'未在时限内应答' if timed_out else '暂不可用'} ({exc})"
        raise ProviderFailed(
            detail, status=504 if timed_out else 502, code=reason, access_log_id=log_id
        ) from exc
