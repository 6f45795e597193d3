"""Issue 20, failure 4: a request can be followed through the event path. The trace context of the request that
staged an event travels in the NATS message's headers (set by the outbox relay); the consumer continues it, so its
log lines carry the trace and request ids and its outgoing call (here to a real HTTP server, as the cases worker's
call to the exchange) carries the same trace."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable

import pytest
from aiohttp import web
from sqlalchemy.ext.asyncio import AsyncSession

from meshkit.db import Database
from meshkit.embedded import EmbeddedNats, free_port
from meshkit.events import CloudEvent
from meshkit.http import service_client
from meshkit.inbox import ConsumerSpec, run_consumer
from meshkit.observability import JsonFormatter, continued_trace
from meshkit.outbox import OutboxRelay
from meshkit.streams import ensure_stream
from meshkit.testing import eventually
from meshkit.testing.scratch import INBOX, OUTBOX, apply_effect, stage
from meshkit.worker import connect_nats

pytestmark = pytest.mark.integration

TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736"
TRACEPARENT = f"00-{TRACE_ID}-00f067aa0ba902b7-01"


class _Lines(logging.Handler):
    """The JSON lines the worker process would write."""

    def __init__(self) -> None:
        super().__init__()
        self.setFormatter(JsonFormatter("scratch-worker"))
        self.lines: list[dict[str, object]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(json.loads(self.format(record)))


async def test_failure4_an_events_trace_reaches_the_consumers_log_lines_and_its_outgoing_call(
    database: Database, nats_factory: Callable[[], EmbeddedNats]
) -> None:
    """Issue 20, failure 4: worker log lines carried no trace or request id, events carried no trace context and the
    worker's call to the next service started a new trace (an online application's trace id in 0 of 4 logs)."""
    received: list[str] = []

    async def downstream(request: web.Request) -> web.Response:
        received.append(request.headers.get("traceparent", ""))
        return web.json_response({})

    site_app = web.Application()
    site_app.router.add_get("/materials", downstream)
    runner = web.AppRunner(site_app)
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    client = service_client(f"http://127.0.0.1:{port}")
    handler_log = logging.getLogger("scratch.consumer")

    async def handler(session: AsyncSession, event: CloudEvent) -> None:
        handler_log.info("applying event")
        await client.get("/materials")
        await apply_effect(session, event)

    lines = _Lines()
    logging.getLogger().addHandler(lines)
    logging.getLogger().setLevel(logging.INFO)
    server = nats_factory()
    server.start()
    nc = await connect_nats(server.url, name="test")
    js = nc.jetstream(timeout=2.0)
    await ensure_stream(js, "SCRATCH", ["scratch.>"])
    stop = asyncio.Event()
    try:
        with continued_trace(TRACEPARENT, "req-online-application-1"):  # as inside the API's request
            await stage(database, 1)
        relay = OutboxRelay(database, js, OUTBOX, service="scratch", poll_interval=0.05)
        spec = ConsumerSpec(
            durable="traced", stream="SCRATCH", subjects=["scratch.pinged.v1"], handler=handler
        )
        tasks = [
            asyncio.create_task(relay.run(stop)),
            asyncio.create_task(run_consumer(database, js, INBOX, spec, service="scratch", stop=stop)),
        ]

        async def handled() -> None:
            assert received, "the consumer has not called downstream yet"

        await eventually(handled, timeout=20)
        stop.set()
        await asyncio.gather(*tasks, return_exceptions=True)
        published = await js.get_last_msg("SCRATCH", "scratch.pinged.v1")
        assert (published.headers or {}).get("traceparent", "").startswith(f"00-{TRACE_ID}-")
        assert received[0].startswith(f"00-{TRACE_ID}-"), received  # the same trace, not a new one
        applying = [line for line in lines.lines if line["message"] == "applying event"]
        assert applying
        assert applying[0]["trace_id"] == TRACE_ID
        assert applying[0]["request_id"] == "req-online-application-1"
    finally:
        stop.set()
        logging.getLogger().removeHandler(lines)
        await client.aclose()
        await nc.close()
        await runner.cleanup()
