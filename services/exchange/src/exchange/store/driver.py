"""The asyncpg connection under a session's transaction, for the few statements on the hot read path.

Reads are the exchange's busiest path (every one decided, logged and chained); building SQLAlchemy statements
costs more CPU there than the database work itself, so those statements are plain SQL on the same connection and
in the same transaction as everything else the unit of work does.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

__all__ = ["driver"]


async def driver(session: AsyncSession) -> Any:
    """The session's asyncpg connection (its transaction begun)."""
    connection = await session.connection()
    raw = await connection.get_raw_connection()
    return raw.driver_connection
