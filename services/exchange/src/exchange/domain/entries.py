"""An access-log entry as the exchange appends it: one read decision, typed."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime

from exchange.domain.chain import CHAINED_FIELDS, canonical_json

__all__ = ["LogEntry"]


@dataclass(frozen=True, slots=True)
class LogEntry:
    """One read decision as it is appended to the access log (the ``access_log`` row: the same fields, in the
    same order); ``canonical`` is the exact text the commit trigger hashes into the chain, computed here."""

    id: uuid.UUID
    at: datetime
    request_id: str | None
    client_id: str
    caller: str
    caller_kind: str
    org_code: str | None
    roles: tuple[str, ...]
    resource_code: str
    items: tuple[str, ...]
    purpose: str | None
    case_ref: str | None
    legal_basis: str | None
    subject_ref: str
    owner_id: None  # whose data it is follows from subject_ref (the hub's bindings), never from the caller
    outcome: str
    reason: str | None
    hidden_until: datetime | None
    canonical: str = field(init=False)

    def __post_init__(self) -> None:
        chained = {name: getattr(self, name) for name in CHAINED_FIELDS}
        object.__setattr__(self, "canonical", canonical_json(chained))
