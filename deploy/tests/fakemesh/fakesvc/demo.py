"""The fake demo loader: idempotent, like the real ones must be."""

from __future__ import annotations

import asyncio

from sqlalchemy import text

from fakesvc.db import engine


async def main() -> None:
    db = engine()
    async with db.begin() as conn:
        await conn.execute(text("INSERT INTO notes (text) VALUES ('demo') ON CONFLICT (text) DO NOTHING"))
    await db.dispose()


if __name__ == "__main__":
    asyncio.run(main())
