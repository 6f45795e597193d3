"""Event-path benchmarks on real PostgreSQL and nats-server (JetStream, fsync before ack):

- commit-to-consumer latency through outbox, relay, JetStream and inbox (p50, p99);
- relay throughput draining a backlog (events/s).
"""

from __future__ import annotations

import asyncio
import statistics
import time
import uuid
from typing import Any

from sqlalchemy import insert

from bench.load import measured_phase
from bench.stats import percentile
from meshkit.db import Database
from meshkit.embedded import EmbeddedNats, EmbeddedPostgres
from meshkit.events import CloudEvent, new_event
from meshkit.inbox import ConsumerSpec, run_consumer
from meshkit.outbox import OutboxRelay
from meshkit.streams import ensure_stream
from meshkit.testing.scratch import INBOX, OUTBOX, PINGED, Pinged, create_schema, stage
from meshkit.worker import connect_nats

__all__ = ["event_latency", "relay_throughput"]


async def _fresh(pg: EmbeddedPostgres) -> Database:
    name = f"bench_{uuid.uuid4().hex[:8]}"
    pg.create_database(name)
    db = Database.from_url(pg.database_url(name), pool_size=5)
    await create_schema(db)
    return db


async def event_latency(pg: EmbeddedPostgres, nats: EmbeddedNats, *, samples: int = 300) -> dict[str, Any]:
    db = await _fresh(pg)
    seen: dict[str, float] = {}

    async def record(session: Any, event: CloudEvent) -> None:
        seen[event.id] = time.perf_counter()  # the effect is applied in this transaction; commit follows

    nc = await connect_nats(nats.url, name="bench-latency")
    js = nc.jetstream(timeout=5.0)
    stream = f"LAT{uuid.uuid4().hex[:6].upper()}"
    await ensure_stream(js, stream, ["scratch.>"])
    stop = asyncio.Event()
    relay = OutboxRelay(db, js, OUTBOX, service="scratch", poll_interval=0.05)
    spec = ConsumerSpec(durable="latency", stream=stream, subjects=["scratch.>"], handler=record, batch=10)
    tasks = [
        asyncio.create_task(relay.run(stop)),
        asyncio.create_task(run_consumer(db, js, INBOX, spec, service="scratch", stop=stop)),
    ]
    await asyncio.sleep(0.5)
    latencies = []
    try:
        async with measured_phase() as lag:  # as in a worker, whose startup heap is frozen
            for _ in range(samples):
                ids = await stage(db, 1)
                committed = time.perf_counter()
                deadline = committed + 5
                while ids[0] not in seen and time.perf_counter() < deadline:
                    await asyncio.sleep(0.0005)
                latencies.append((seen.get(ids[0], deadline) - committed) * 1000)
                await asyncio.sleep(0.01)
    finally:
        stop.set()
        await asyncio.gather(*tasks, return_exceptions=True)
        await js.delete_stream(stream)
        await nc.close()
        await db.dispose()
    return {
        "samples": samples,
        "p50_ms": round(percentile(latencies, 0.5), 2),
        "p99_ms": round(percentile(latencies, 0.99), 2),
        "mean_ms": round(statistics.fmean(latencies), 2),
        "client_lag_max_ms": lag.worst_ms,
    }


async def relay_throughput(
    pg: EmbeddedPostgres, nats: EmbeddedNats, *, events: int = 20_000
) -> dict[str, Any]:
    db = await _fresh(pg)
    rows = []
    for n in range(events):
        event = new_event(PINGED, aggregate_id=f"agg-{n % 100}", sequence=n, payload=Pinged(n=n))
        rows.append(
            {
                "event_id": event.id,
                "subject": PINGED.subject,
                "aggregate_id": event.subject,
                "envelope": event.model_dump(mode="json"),
            }
        )
    async with db.engine.begin() as conn:
        for start in range(0, events, 5000):
            await conn.execute(insert(OUTBOX), rows[start : start + 5000])
    nc = await connect_nats(nats.url, name="bench-relay")
    js = nc.jetstream(timeout=5.0)
    stream = f"THR{uuid.uuid4().hex[:6].upper()}"
    await ensure_stream(js, stream, ["scratch.>"])
    relay = OutboxRelay(db, js, OUTBOX, service="scratch", batch_size=500)
    started = time.perf_counter()
    published = 0
    while published < events:
        result = await relay.publish_batch()
        published += result.published
        if result.failed:
            raise RuntimeError(f"{result.failed} publishes failed")
    elapsed = time.perf_counter() - started
    await js.delete_stream(stream)
    await nc.close()
    await db.dispose()
    return {"events": events, "seconds": round(elapsed, 2), "events_per_s": round(events / elapsed)}
