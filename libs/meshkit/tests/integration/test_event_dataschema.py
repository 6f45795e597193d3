"""Issue 18, failure 13: events carried no ``dataschema``. Every event meshkit builds names its schema, and the
relay sends it on the wire; a row staged before the attribute existed goes out without it, never as ``null``."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from nats.js.api import AckPolicy, ConsumerConfig, DeliverPolicy
from sqlalchemy import insert

from meshkit.db import Database
from meshkit.embedded import EmbeddedNats
from meshkit.events import SCHEMA_BASE, CloudEvent
from meshkit.testing import eventually
from meshkit.testing.scratch import OUTBOX, PINGED, stage
from meshkit.worker import connect_nats

from .test_event_path import running

pytestmark = pytest.mark.integration


async def test_issue18_f13_every_event_carries_its_dataschema_on_the_wire(
    database: Database, nats_factory: Callable[[], EmbeddedNats]
) -> None:
    assert PINGED.dataschema == f"{SCHEMA_BASE}scratch.pinged.v1.schema.json"
    server = nats_factory()
    server.start()
    built = await stage(database, 2)
    old = str(uuid.uuid4())  # a row written by an older relay's add_event: no dataschema in its envelope
    envelope = {
        "id": old,
        "source": "/tongban/scratch",
        "type": PINGED.subject,
        "subject": "agg-1",
        "time": datetime.now(UTC).isoformat(),
        "sequence": 9,
        "data": {"n": 9},
    }
    async with database.sessions() as session, session.begin():
        await session.execute(
            insert(OUTBOX).values(
                event_id=old, subject=PINGED.subject, aggregate_id="agg-1", envelope=envelope
            )
        )
    async with running(database, server.url, None) as relay:

        async def published() -> None:
            assert await relay.backlog() == 0

        await eventually(published)
    nc = await connect_nats(server.url, name="reader")
    try:
        config = ConsumerConfig(deliver_policy=DeliverPolicy.ALL, ack_policy=AckPolicy.NONE)
        subscription = await nc.jetstream().pull_subscribe("scratch.>", stream="SCRATCH", config=config)
        bodies = {
            json.loads(m.data)["id"]: json.loads(m.data)
            for m in await subscription.fetch(batch=10, timeout=5)
        }
    finally:
        await nc.close()
    for event_id in built:
        assert bodies[event_id]["dataschema"] == PINGED.dataschema
    assert "dataschema" not in bodies[old]  # absent, not null: CloudEvents has no null attributes
    assert CloudEvent.model_validate(bodies[old]).dataschema is None
