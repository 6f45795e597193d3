"""Run an outbox relay over the scratch schema as its own process, so tests can SIGKILL it mid-flight.

``python -m meshkit.testing.relay_process DATABASE_URL NATS_URL``
"""

from __future__ import annotations

import asyncio
import sys

from meshkit.db import Database
from meshkit.outbox import OutboxRelay
from meshkit.streams import ensure_stream
from meshkit.testing.scratch import OUTBOX
from meshkit.worker import connect_nats


async def main(database_url: str, nats_url: str) -> None:
    database = Database.from_url(database_url, pool_size=2, application_name="scratch-relay")
    nc = await connect_nats(nats_url, name="scratch-relay")
    js = nc.jetstream(timeout=2.0)
    await ensure_stream(js, "SCRATCH", ["scratch.>"])
    await OutboxRelay(database, js, OUTBOX, service="scratch").run(asyncio.Event())


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2]))
