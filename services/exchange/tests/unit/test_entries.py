"""The typed access-log entry: the same fields as the ``access_log`` row, in the same order, and the canonical
text the commit trigger hashes."""

import dataclasses
import json
import uuid
from datetime import UTC, datetime, timedelta, timezone

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


def _reference_text(entry: dict[str, object]) -> str:
    """The canonical text as the chain's definition states it (sorted keys, no whitespace, UTF-8 unescaped,
    UTC timestamps with microseconds and Z) and as the commit trigger and every verifier computes it."""

    def value(v: object) -> object:
        if isinstance(v, datetime):
            return v.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        if isinstance(v, list | tuple):
            return [value(x) for x in v]
        return v if v is None or isinstance(v, str | int | bool) else str(v)

    return json.dumps(
        {k: value(v) for k, v in entry.items()}, sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )


def test_the_faster_canonical_text_is_the_same_text() -> None:
    """Issue 21 (the read path's CPU): the entry's text is built with one shared encoder over presorted keys and
    a second outcome no longer goes through ``dataclasses.replace`` — the text must not change by one byte, or
    every chain verifier would report content_changed."""
    entry = _entry()
    hidden = new_entry(
        ReadContext(
            caller=_Caller(),
            resource_code="500110-GAJ-RK-001",
            subject_ref="t" * 64,
            purpose=Purpose(
                purpose='引号"和\\反斜杠\n换行 \u2028', case_ref=None, legal_basis="履职依据 X：《法》"
            ),
            now=datetime(2026, 12, 7, 1, 2, 3, 456789, tzinfo=timezone(timedelta(hours=8))),
            hidden_until=datetime(2027, 1, 1, tzinfo=UTC),
        ),
        items=[],
        outcome=Outcome.REFUSED,
        reason="not_granted",
    )
    for one in (
        entry,
        with_outcome(entry, Outcome.NOT_FOUND),
        hidden,
        with_outcome(hidden, Outcome.FAILED, "x"),
    ):
        as_row = {f.name: getattr(one, f.name) for f in dataclasses.fields(LogEntry) if f.name != "canonical"}
        assert one.canonical == _reference_text(as_row) == canonical_json(as_row)
