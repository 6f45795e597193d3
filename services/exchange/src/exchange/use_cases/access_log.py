"""The access log seen from outside: a data subject's "who read my data", and the chain verifier."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from exchange.domain.access import Caller, Operation, is_operator, may
from exchange.domain.chain import Break, ChainWalk
from exchange.store.models import AccessEntry
from exchange.store.unit_of_work import ExchangeUnitOfWork
from exchange.use_cases.errors import Forbidden

__all__ = ["ChainReport", "MyReads", "SubjectRefOf", "reads_of_my_data", "verify_chain"]

SubjectRefOf = Callable[[str, str], Awaitable[str | None]]
"""(kind, identity id) -> the subject ref the hub binds it to (None: identity does not know it)."""

CHUNK = 5000


@dataclass(frozen=True)
class MyReads:
    entries: Sequence[AccessEntry]
    org_names: dict[str, str]
    resource_names: dict[str, str]


@dataclass(frozen=True)
class ChainReport:
    intact: bool
    checked: int
    head_seq: int
    head_hash: str
    first_broken: Break | None


async def reads_of_my_data(
    uow: ExchangeUnitOfWork,
    *,
    caller: Caller,
    subject_ref: SubjectRefOf,
    now: datetime,
    limit: int,
    offset: int,
) -> MyReads:
    """Who read the caller's data, newest first; entries hidden until a later date are left out.

    Whose data an entry is follows from the identifier read (its subject ref), never from what the reader said:
    the caller's own subject ref comes from the hub's bindings (identity, once). A person sees reads of her
    resident ID; an enterprise's login (its representative or an authorized agent: ``org`` = the enterprise)
    sees reads of its credit code. Reads made before she registered online are hers too."""
    if caller.kind == "person":
        ref = await subject_ref("person", caller.sub)
    elif caller.kind == "enterprise" and caller.org:
        ref = await subject_ref("enterprise", caller.org)
    else:
        raise Forbidden("只有自然人和法人本人可以查看自己数据的访问记录 (persons and enterprises only)")
    if ref is None:
        return MyReads((), {}, {})
    entries = await uow.access_log.for_subject(ref, now=now, limit=limit, offset=offset)
    orgs = await uow.members.names({e.org_code for e in entries if e.org_code})
    resources = {r.code: r.name for r in await uow.resources.list(provider_code=None)}
    return MyReads(entries, orgs, resources)


async def verify_chain(uow: ExchangeUnitOfWork, *, caller: Caller) -> ChainReport:
    """Walk the chain up to its head in ``seq`` order and report the first broken link (operators and auditors).

    Entries appended while the walk runs lie beyond the head it read first, so they are not judged.
    """
    if not (may(caller, Operation.AUDIT) or is_operator(caller)):
        raise Forbidden("只有平台运维或审计人员可以校验访问日志 (operators and auditors only)")
    head = await uow.access_log.head()
    walk = ChainWalk()
    after = 0
    while True:
        rows = await uow.access_log.chunk(after, head.seq, CHUNK)
        if not rows or not walk.feed(rows):
            break
        after = int(rows[-1]["seq"])
    broken = walk.finish(head.seq, head.hash)
    if broken is None:
        loose = await uow.access_log.unchained()
        if loose:
            walk.feed(loose)
            broken = walk.broken
    return ChainReport(broken is None, walk.checked, head.seq, head.hash, broken)
