"""Reading a shared record: decide, fetch (hosted or proxied), log — the log entry is written in the same
transaction that settles the answer, and nothing is returned unless that transaction committed.

The read path runs on :meth:`meshkit.db.Database.driver` (plain asyncpg, one transaction per decision) with
resource definitions kept briefly per process (:class:`ResourceSnapshots`); :func:`decide` is the sharing
decision shared with the other reads (certificate lookups)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from exchange.clients.providers import (
    ForwardedContext,
    ProviderClient,
    ProviderError,
    ProviderRefused,
    ProviderTimeout,
)
from exchange.domain.access import Caller
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
from exchange.sealing import Sealer, Unsealable
from exchange.store.driver import ReadStatements, ResourceSnapshots, append_many, read_and_log_many
from exchange.store.endpoint_hosts import EndpointHostCopies
from exchange.store.group_commit import Batched, GroupCommit
from exchange.store.models import Resource
from exchange.use_cases.access_entries import ReadContext, new_entry, with_outcome
from exchange.use_cases.directory import resource_terms
from exchange.use_cases.errors import Invalid, NotFound, ProviderFailed, ResourceNotFound, read_refused
from meshkit.db import Database

__all__ = [
    "Providers",
    "ReadQuery",
    "ReadResult",
    "ResourceSnapshots",
    "decide",
    "read_record",
    "subject_ref_of",
]


log = logging.getLogger("exchange.reads")


@dataclass(frozen=True)
class Providers:
    """What proxied reads need: the client that calls provider systems, and each provider's endpoint hosts (a
    resource whose endpoint is on a host no longer listed for its provider is refused, never called)."""

    client: ProviderClient
    endpoint_hosts: EndpointHostCopies


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


def _context(
    resource: Resource, *, caller: Caller, query: ReadQuery, sealer: Sealer, now: datetime, request_id: str | None
) -> tuple[str, ReadContext]:  # fmt: skip
    """(normalized identifier, context) of a read of ``resource``, or a 422 (nothing logged: no decision yet)."""
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
    return identifier, context


def _needs_grants(resource: Resource, caller: Caller) -> bool:
    return (
        resource.sharing_type == SharingType.CONDITIONAL
        and bool(caller.org)
        and caller.org != resource.provider_code
    )


def _decide(
    resource: Resource, context: ReadContext, requested: Sequence[str] | None, grants: Sequence[GrantTerms]
) -> Decision:
    return decide_read(
        resource=resource_terms(resource), caller_kind=context.caller.kind, caller_org=context.caller.org,
        grants=grants, requested=requested, purpose=context.purpose, today=context.now.date(),
    )  # fmt: skip


async def decide(
    database: Database, commits: GroupCommit, resource: Resource, context: ReadContext,
    requested: Sequence[str] | None,
) -> Decision:  # fmt: skip
    """The sharing decision for a read of ``resource`` (grants read on the driver); a refusal is logged through
    ``commits`` and raised once that entry committed."""
    grants: list[GrantTerms] = []
    if _needs_grants(resource, context.caller):
        assert context.caller.org is not None
        async with database.driver(transaction=False) as connection:
            found = await ReadStatements(connection).granted(
                resource_code=resource.code, requester_code=context.caller.org
            )
        grants = [GrantTerms(*terms) for terms in found]
    decision = _decide(resource, context, requested, grants)
    if not decision.allowed:
        assert decision.refusal is not None
        entry = new_entry(context, items=list(requested or ()), outcome=Outcome.REFUSED,
                          reason=decision.refusal.value)  # fmt: skip
        await commits.run(Batched(append_many, entry))
        raise read_refused(decision, log_id=str(entry["id"]))
    return decision


@dataclass(frozen=True)
class _Decided:
    resource: Resource
    identifier: str
    context: ReadContext
    decision: Decision


async def read_record(
    database: Database, snapshots: ResourceSnapshots, commits: GroupCommit, providers: Providers, *,
    caller: Caller, query: ReadQuery, sealer: Sealer, now: datetime, request_id: str | None = None,
) -> ReadResult:  # fmt: skip
    """Decide, fetch and log; the entry commits before anything is answered.

    The log is written through ``commits`` (group commit: concurrent reads share a transaction and its WAL
    flush). For hosted data the record's fetch and the entry saying granted or not found are one statement in
    that transaction. A refusal is one insert. Proxied: the decision is made first, the provider asked with no
    database connection held, and the outcome logged afterwards.
    """
    resource = await snapshots.get(database, query.resource_code)
    if resource is None:
        raise ResourceNotFound(f"数据资源 {query.resource_code} 不存在")
    identifier, context = _context(resource, caller=caller, query=query, sealer=sealer, now=now,
                                   request_id=request_id)  # fmt: skip
    decision = await decide(database, commits, resource, context, query.items)
    if resource.sharing_method == SharingMethod.API:
        return await _proxied(database, commits, providers, _Decided(resource, identifier, context, decision))
    granted = new_entry(context, items=decision.items, outcome=Outcome.GRANTED)
    missing = with_outcome(granted, Outcome.NOT_FOUND)
    sealed = await commits.run(Batched(read_and_log_many, (granted, missing)))
    if sealed is None:
        raise NotFound("提供部门没有该数据主体的记录 (no record of this subject)", code="record_not_found",
                       access_log_id=str(granted["id"]))  # fmt: skip
    try:
        record = sealer.open(sealed)
    except Unsealable:  # logged as granted in the same statement: say that it failed after all
        failed = new_entry(context, items=decision.items, outcome=Outcome.FAILED, reason="record_unreadable")
        await commits.run(Batched(append_many, failed))
        raise
    data = {item: record.get(item) for item in decision.items}
    return ReadResult(resource.code, decision.items, decision.withheld, data, str(granted["id"]),
                      resource.sharing_method)  # fmt: skip


async def _proxied(
    database: Database, commits: GroupCommit, providers: Providers, decided: _Decided
) -> ReadResult:
    """Forward to the provider system (no database connection held meanwhile), then log the outcome."""
    resource, context, decision = decided.resource, decided.context, decided.decision
    url, timeout, kind = resource.endpoint_url, resource.timeout_ms / 1000, resource.subject_kind
    assert url is not None
    caller, purpose = context.caller, context.purpose
    forwarded = ForwardedContext(
        client_id=caller.client_id, request_id=context.request_id, user=caller.sub, org=caller.org,
        purpose=purpose.purpose or "", case_ref=purpose.case_ref, legal_basis=purpose.legal_basis,
    )  # fmt: skip
    try:
        hosts = await providers.endpoint_hosts.get(database, resource.provider_code)
        if not endpoint_admitted(url, hosts or ()):
            log.warning(
                "proxied read refused: the endpoint's host is not listed for the provider",
                extra={"resource": resource.code, "provider": resource.provider_code},
            )
            raise ProviderRefused(REFUSED_BY_POLICY)
        record = await providers.client.fetch(
            url=url, timeout=timeout, subject_kind=kind, identifier=decided.identifier, items=list(decision.items),
            context=forwarded,
        )  # fmt: skip
    except ProviderError as exc:
        timed_out = isinstance(exc, ProviderTimeout)
        refused = isinstance(exc, ProviderRefused)
        reason = (
            "provider_timeout" if timed_out else "endpoint_refused" if refused else "provider_unavailable"
        )
        failed = new_entry(context, items=decision.items, outcome=Outcome.FAILED, reason=reason)
        await commits.run(Batched(append_many, failed))
        detail = f"提供部门系统{'未在时限内应答' if timed_out else '暂不可用'}：{exc}"
        raise ProviderFailed(detail, status=504 if timed_out else 502, code=reason,
                             access_log_id=str(failed["id"])) from exc  # fmt: skip
    outcome = Outcome.NOT_FOUND if record is None else Outcome.GRANTED
    entry = new_entry(context, items=decision.items, outcome=outcome)
    await commits.run(Batched(append_many, entry))
    if record is None:
        raise NotFound("提供部门没有该数据主体的记录 (no record of this subject)", code="record_not_found",
                       access_log_id=str(entry["id"]))  # fmt: skip
    data = {item: record.get(item) for item in decision.items}
    return ReadResult(resource.code, decision.items, decision.withheld, data, str(entry["id"]),
                      resource.sharing_method)  # fmt: skip
