"""The typed access-log entry: the same fields as the ``access_log`` row, in the same order, and the canonical
text the commit trigger hashes."""

import dataclasses
import uuid
from datetime import UTC, datetime

import pytest

from exchange.domain.chain import canonical_json
from exchange.domain.entries import LogEntry
from exchange.domain.sharing import Outcome, Purpose
from exchange.store.models import AccessEntry
from exchange.use_cases.access_entries import ReadContext, new_entry, with_outcome

pytestmark = pytest.mark.unit


class _Caller:
    sub = "staff-1"
    client_id = "tongban-web"
    kind = "staff"
    org = "500110-SCJGJ"
    roles = frozenset({"reviewer", "window_clerk"})
    scopes = frozenset({"exchange:read"})


def _entry() -> LogEntry:
    context = ReadContext(
        caller=_Caller(),
        resource_code="500110-GAJ-RK-001",
        subject_ref="s" * 64,
        purpose=Purpose(purpose="核验", case_ref="50011020261206000001", legal_basis=None),
        now=datetime(2026, 12, 6, 8, 0, tzinfo=UTC),
        request_id="req-1",
    )
    return new_entry(context, items=["name", "address"], outcome=Outcome.GRANTED)


def test_the_entry_has_the_rows_columns_in_order() -> None:
    fields = [f.name for f in dataclasses.fields(LogEntry)]
    assert fields == [c.key for c in AccessEntry.__table__.columns]


def test_the_canonical_text_is_the_chains() -> None:
    entry = _entry()
    as_row = {f.name: getattr(entry, f.name) for f in dataclasses.fields(LogEntry)}
    assert entry.canonical == canonical_json(as_row)
    assert isinstance(entry.id, uuid.UUID)
    assert entry.roles == ("reviewer", "window_clerk")
    assert entry.owner_id is None


def test_another_outcome_is_the_same_entry_with_its_own_canonical_text() -> None:
    entry = _entry()
    missing = with_outcome(entry, Outcome.NOT_FOUND)
    assert missing.id == entry.id
    assert missing.outcome == Outcome.NOT_FOUND.value
    assert missing.canonical != entry.canonical
    assert missing.canonical == canonical_json(
        {f.name: getattr(missing, f.name) for f in dataclasses.fields(LogEntry)}
    )
