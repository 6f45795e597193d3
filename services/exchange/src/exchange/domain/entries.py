"""An access-log entry as the exchange appends it: one read decision, typed."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime

from exchange.domain.chain import canonical_text

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
        object.__setattr__(self, "canonical", canonical_text(self._chained()))

    def _chained(self) -> dict[str, object]:
        """The chained fields by name (``exchange.domain.chain.CHAINED_FIELDS``), read directly: no getattr by
        name, no ``dataclasses.replace`` (which looks up every field's definition per call)."""
        return {
            "id": self.id,
            "at": self.at,
            "request_id": self.request_id,
            "client_id": self.client_id,
            "caller": self.caller,
            "caller_kind": self.caller_kind,
            "org_code": self.org_code,
            "roles": self.roles,
            "resource_code": self.resource_code,
            "items": self.items,
            "purpose": self.purpose,
            "case_ref": self.case_ref,
            "legal_basis": self.legal_basis,
            "subject_ref": self.subject_ref,
            "owner_id": self.owner_id,
            "outcome": self.outcome,
            "reason": self.reason,
            "hidden_until": self.hidden_until,
        }

    def with_outcome(self, outcome: str, reason: str | None) -> LogEntry:
        """The same entry (same id) with another outcome and reason, and its own canonical text."""
        return LogEntry(
            self.id,
            self.at,
            self.request_id,
            self.client_id,
            self.caller,
            self.caller_kind,
            self.org_code,
            self.roles,
            self.resource_code,
            self.items,
            self.purpose,
            self.case_ref,
            self.legal_basis,
            self.subject_ref,
            self.owner_id,
            outcome,
            reason,
            self.hidden_until,
        )
