"""The fake worker: records that it ran, then idles until SIGTERM (like an outbox relay would)."""

from __future__ import annotations

import asyncio
import os
import signal

from sqlalchemy import text

from fakesvc.db import engine


async def main() -> None:
    db = engine()
    async with db.begin() as conn:
        await conn.execute(text("INSERT INTO worker_runs (pid) VALUES (:pid)"), {"pid": os.getpid()})
    await db.dispose()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()


if __name__ == "__main__":
    asyncio.run(main())
