"""A scratch schema for exercising the event path without a service: outbox, inbox, and an effects table
that counts every applied event (no unique key, so a duplicate effect shows). Used by meshkit's tests and bench."""

from __future__ import annotations

from sqlalchemy import Column, Integer, MetaData, String, Table, insert, text
from sqlalchemy.ext.asyncio import AsyncSession

from meshkit.db import NAMING_CONVENTION, Database
from meshkit.events import CloudEvent, EventPayload, EventSpec
from meshkit.inbox import inbox_table
from meshkit.outbox import add_event, gated_notify_sql, notify_trigger_sql, outbox_table

__all__ = [
    "EFFECTS",
    "INBOX",
    "OUTBOX",
    "PINGED",
    "Pinged",
    "apply_effect",
    "create_schema",
    "effect_counts",
    "stage",
]

metadata = MetaData(naming_convention=NAMING_CONVENTION)
OUTBOX = outbox_table(metadata)
INBOX = inbox_table(metadata)
EFFECTS = Table(
    "effects",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(36), nullable=False),
)


class Pinged(EventPayload):
    n: int


PINGED = EventSpec(
    service="scratch", name="pinged", version=1, payload=Pinged, description="test", example={"n": 1}
)


async def create_schema(db: Database) -> None:
    async with db.engine.begin() as conn:
        await conn.run_sync(metadata.create_all)
        for statement in [*notify_trigger_sql()[0], *gated_notify_sql()[0]]:  # as the services' migrations
            await conn.execute(text(statement))


async def stage(db: Database, count: int, *, aggregate: str = "agg-1") -> list[str]:
    """Commit ``count`` events in one transaction; returns their ids."""
    ids = []
    async with db.sessions() as session, session.begin():
        for n in range(count):
            event = await add_event(
                session, OUTBOX, PINGED, aggregate_id=aggregate, sequence=n, payload=Pinged(n=n)
            )
            ids.append(event.id)
    return ids


async def apply_effect(session: AsyncSession, event: CloudEvent) -> None:
    await session.execute(insert(EFFECTS).values(event_id=event.id))


async def effect_counts(db: Database) -> dict[str, int]:
    async with db.engine.connect() as conn:
        rows = await conn.execute(text("SELECT event_id, count(*) FROM effects GROUP BY event_id"))
        return {row[0]: row[1] for row in rows}
