"""Building access-log entries: every field the chain hashes, plus the canonical text the commit trigger hashes."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from exchange.domain.access import Caller
from exchange.domain.entries import LogEntry
from exchange.domain.sharing import Outcome, Purpose

__all__ = ["LogEntry", "ReadContext", "new_entry", "with_outcome"]


@dataclass(frozen=True)
class ReadContext:
    """Who reads whose data of which resource, why, and when."""

    caller: Caller
    resource_code: str
    subject_ref: str
    purpose: Purpose
    now: datetime
    request_id: str | None = None
    hidden_until: datetime | None = None
    served_org: str | None = None  # the organization the read served, once checked (None: the reader's own)


def new_entry(
    context: ReadContext, *, items: tuple[str, ...] | list[str], outcome: Outcome, reason: str | None = None
) -> LogEntry:
    caller = context.caller
    return LogEntry(
        id=uuid.uuid4(),
        at=context.now,
        request_id=context.request_id,
        client_id=caller.client_id,
        caller=caller.sub,
        caller_kind=caller.kind,
        org_code=context.served_org or caller.org,
        roles=tuple(sorted(caller.roles)),
        resource_code=context.resource_code,
        items=tuple(items),
        purpose=context.purpose.purpose,
        case_ref=context.purpose.case_ref,
        legal_basis=context.purpose.legal_basis,
        subject_ref=context.subject_ref,
        owner_id=None,
        outcome=outcome.value,
        reason=reason,
        hidden_until=context.hidden_until,
    )


def with_outcome(entry: LogEntry, outcome: Outcome, reason: str | None = None) -> LogEntry:
    """The same entry (same id) with another outcome, and its canonical text recomputed."""
    return entry.with_outcome(outcome.value, reason)
