"""The city link's consumer queues a fetch's case events with one insert, and queues the same records as when each
event is applied alone — special procedures opened and closed within the fetch included."""

import uuid
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import select

from exchange.consumers.case_events import on_case_event, on_case_events
from exchange.store.city import CityOutboundRepository
from exchange.store.models import CityOutbound
from meshkit.db import Database
from meshkit.events import CloudEvent

pytestmark = pytest.mark.integration

NUMBERS = {"a": "500110202606150001", "b": "500110202606150002", "c": "500110202606150003"}

Step = tuple[str, int, str, str, dict[str, Any]]  # case, sequence, event, status, more of the payload

# Case a opened a special procedure in an earlier fetch; this fetch interleaves cases a, b and c.
EARLIER: list[Step] = [
    ("a", 2, "case_accepted", "accepted", {}),
    ("a", 3, "clock_paused", "special_procedure", {"procedure": "现场核查"}),
]
FETCH: list[Step] = [
    ("b", 1, "case_submitted", "received", {"materials": [{"code": "M1"}, {"code": "M2"}]}),
    ("a", 4, "clock_resumed", "in_review", {}),  # closes the procedure queued by the earlier fetch
    ("b", 2, "case_accepted", "accepted", {}),
    ("x", 1, "deadline_warning", "in_review", {}),  # not part of the national exchange: skipped
    ("b", 3, "clock_paused", "special_procedure", {"procedure": "听证"}),
    ("c", 1, "clock_paused", "supplement_requested", {}),  # a pause for 补正: no special procedure
    ("a", 5, "clock_resumed", "in_review", {}),  # the procedure was closed just above: nothing to close
    ("b", 4, "clock_resumed", "in_review", {}),  # closes the procedure opened in this same fetch
    ("c", 2, "clock_resumed", "in_review", {}),
    ("b", 5, "clock_paused", "special_procedure", {}),
    ("b", 6, "clock_resumed", "in_review", {}),
    ("b", 7, "case_concluded", "approved", {}),
]


def case_event(
    prefix: str, case: str, sequence: int, name: str, status: str, extra: dict[str, Any]
) -> CloudEvent:
    data = {
        "case_id": f"{prefix}-{case}",
        "case_number": NUMBERS.get(case, "500110202606159999"),
        "matter_code": "500110-SCJGJ-GTGSH-DJ",
        "status": status,
        "national_code": 2,
        "occurred_at": "2026-06-15T10:00:00+08:00",
        **extra,
    }
    return CloudEvent(
        id=str(uuid.uuid4()),
        source="/tongban/cases",
        type=f"cases.{name}.v1",
        subject=data["case_id"],
        time=datetime.now(UTC),
        sequence=sequence,
        data=data,
    )


def events(prefix: str, steps: list[Step]) -> list[CloudEvent]:
    return [case_event(prefix, *step) for step in steps]


async def queued(database: Database, prefix: str) -> list[tuple[Any, ...]]:
    """The prefix's queued records, in queue order, without what differs by nature (ids, case ids)."""
    async with database.sessions() as session:
        rows = (
            await session.scalars(
                select(CityOutbound).where(CityOutbound.case_id.like(f"{prefix}-%")).order_by(CityOutbound.id)
            )
        ).all()
        return [
            (
                r.case_id.removeprefix(prefix),
                r.case_number,
                r.event_type,
                r.event_sequence,
                r.kind,
                r.operation,
                r.batch,
                r.content,
                r.status,
            )
            for r in rows
        ]


async def test_a_fetch_queues_the_same_records_as_its_events_one_by_one(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    inserts: list[int] = []
    add = CityOutboundRepository.add

    async def counted(self: CityOutboundRepository, rows: Any) -> None:
        inserts.append(len(rows))
        await add(self, rows)

    monkeypatch.setattr(CityOutboundRepository, "add", counted)
    async with database.sessions() as session, session.begin():
        for event in events("one", EARLIER + FETCH):
            await on_case_event(session, event)
        await on_case_events(session, events("many", EARLIER))
        before = len(await queued(database, "many"))
        inserts.clear()
        await on_case_events(session, events("many", FETCH))
    assert inserts == [len(await queued(database, "many")) - before]  # one insert for all the fetch's records

    one_by_one, together = await queued(database, "one"), await queued(database, "many")
    assert together == one_by_one
    special = [
        (case, seq, operation, content["phase"])
        for case, _, _, seq, kind, operation, _, content, _ in together
        if kind == "special_procedure"
    ]
    assert special == [
        ("-a", 3, "I", "start"),
        ("-a", 4, "U", "end"),
        ("-b", 3, "I", "start"),
        ("-b", 4, "U", "end"),
        ("-b", 5, "I", "start"),
        ("-b", 6, "U", "end"),
    ]
