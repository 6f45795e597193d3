"""A consumer's batch handler on a real PostgreSQL: one call for the new events of a fetch, the per-event handler
for each alone when the batch fails, and nothing again for events already in the inbox. The messages are stood
in for (what JetStream hands over: the body, the delivery count, ack/nak/term)."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, cast

import pytest
from nats.aio.msg import Msg
from sqlalchemy import event as sa_event
from sqlalchemy.engine.default import CACHE_HIT
from sqlalchemy.ext.asyncio import AsyncSession

from meshkit.db import Database
from meshkit.events import CloudEvent, new_event
from meshkit.inbox import ConsumerRunner, ConsumerSpec
from meshkit.testing.scratch import INBOX, PINGED, Pinged, apply_effect, effect_counts

pytestmark = pytest.mark.integration


_SEQUENCES = itertools.count(1)


@dataclass
class Metadata:
    num_delivered: int = 1
    sequence: Msg.Metadata.SequencePair = field(
        default_factory=lambda: Msg.Metadata.SequencePair(consumer=0, stream=next(_SEQUENCES))
    )


class Delivery:
    """One delivered message and what the consumer answered (ack, nak or term)."""

    def __init__(self, event: CloudEvent) -> None:
        self.event = event
        self.data = event.model_dump_json().encode()
        self.subject = event.type
        self.metadata = Metadata()
        self.answer: str | None = None

    async def ack(self) -> None:
        self.answer = "ack"

    async def nak(self, delay: float | None = None) -> None:
        self.answer = "nak"

    async def term(self) -> None:
        self.answer = "term"


def events(count: int) -> list[CloudEvent]:
    return [new_event(PINGED, aggregate_id="agg", sequence=n, payload=Pinged(n=n)) for n in range(count)]


class Calls:
    """A batch handler and a per-event handler that note what they were given, then apply the effects."""

    def __init__(self, refuse: int | None = None) -> None:
        self.refuse = refuse
        self.batches: list[list[str]] = []
        self.alone: list[str] = []

    async def batch(self, session: AsyncSession, batch: Sequence[CloudEvent]) -> None:
        self.batches.append([event.id for event in batch])
        for event in batch:
            await apply_effect(session, event)
        if any(event.data["n"] == self.refuse for event in batch):
            raise ValueError("one event of the batch is refused")

    async def one(self, session: AsyncSession, event: CloudEvent) -> None:
        self.alone.append(event.id)
        if event.data["n"] == self.refuse:
            raise ValueError("this event is refused")
        await apply_effect(session, event)

    def runner(self, database: Database) -> ConsumerRunner:
        spec = ConsumerSpec(
            durable="batched",
            stream="SCRATCH",
            subjects=["scratch.>"],
            handler=self.one,
            batch_handler=self.batch,
        )
        return ConsumerRunner(database, cast(Any, None), INBOX, spec, "scratch")


async def handle(runner: ConsumerRunner, deliveries: list[Delivery]) -> None:
    await runner.handle_batch(cast(Any, deliveries))


async def test_the_new_events_of_a_fetch_go_to_the_batch_handler_in_one_call(database: Database) -> None:
    calls = Calls()
    fetched = events(5)
    deliveries = [Delivery(e) for e in fetched]
    await handle(calls.runner(database), deliveries)
    assert calls.batches == [[e.id for e in fetched]]
    assert calls.alone == []
    assert await effect_counts(database) == {e.id: 1 for e in fetched}
    assert [d.answer for d in deliveries] == ["ack"] * 5


async def test_a_failing_batch_is_applied_event_by_event_and_only_the_bad_one_fails(
    database: Database,
) -> None:
    calls = Calls(refuse=2)
    fetched = events(5)
    deliveries = [Delivery(e) for e in fetched]
    await handle(calls.runner(database), deliveries)
    assert len(calls.batches) == 1
    assert calls.alone == [e.id for e in fetched]  # the batch was rolled back, then each alone
    assert await effect_counts(database) == {e.id: 1 for n, e in enumerate(fetched) if n != 2}
    assert [d.answer for d in deliveries] == ["ack", "ack", "nak", "ack", "ack"]  # retried later, alone


async def test_events_already_in_the_inbox_are_left_out_of_the_batch(database: Database) -> None:
    calls = Calls()
    first, second, third = events(3)
    runner = calls.runner(database)
    await handle(runner, [Delivery(first), Delivery(second)])
    redelivered = [Delivery(first), Delivery(third), Delivery(third), Delivery(second)]
    await handle(runner, redelivered)
    await handle(runner, [Delivery(first), Delivery(second)])  # nothing new: no call at all
    assert calls.batches == [[first.id, second.id], [third.id]]
    assert calls.alone == []
    assert await effect_counts(database) == {first.id: 1, second.id: 1, third.id: 1}
    assert [d.answer for d in redelivered] == ["ack"] * 4


async def test_the_inbox_insert_of_a_fetch_is_compiled_once_whatever_its_size(database: Database) -> None:
    """Issue 21 (CPU per application): fetches of 2, 3 and 7 events insert their inbox rows with one statement that
    SQLAlchemy compiled once — a multi-row VALUES was compiled anew for each fetch."""
    calls = Calls()
    runner = calls.runner(database)
    cached: list[bool] = []

    def seen(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, many: bool) -> None:
        if statement.startswith("INSERT INTO inbox"):
            cached.append(context.cache_hit is CACHE_HIT)

    sa_event.listen(database.engine.sync_engine, "before_cursor_execute", seen)
    try:
        for size in (2, 3, 7):
            await handle(runner, [Delivery(e) for e in events(size)])
    finally:
        sa_event.remove(database.engine.sync_engine, "before_cursor_execute", seen)
    assert len(cached) == 3
    assert cached[1:] == [True, True]
    assert len(calls.batches) == 3
