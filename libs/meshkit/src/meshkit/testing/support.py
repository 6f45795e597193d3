"""Helpers that tests call directly."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TypeVar

from sqlalchemy.ext.asyncio import AsyncEngine

from meshkit.db import Database
from meshkit.embedded import EmbeddedPostgres
from meshkit.migrations import upgrade

__all__ = ["eventually", "migrated_database", "rolled_back"]

T = TypeVar("T")


async def eventually(
    probe: Callable[[], Awaitable[T]], *, timeout: float = 10.0, interval: float = 0.05, message: str = ""
) -> T:
    """Call ``probe`` until it returns without raising AssertionError; re-raise the last failure at timeout."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            return await probe()
        except AssertionError:
            if time.monotonic() >= deadline:
                if message:
                    raise AssertionError(message) from None
                raise
        await asyncio.sleep(interval)


def migrated_database(postgres: EmbeddedPostgres, name: str, service_root: Path) -> str:
    """A fresh database built by the service's real migrations; returns its asyncpg URL."""
    postgres.drop_database(name)
    postgres.create_database(name)
    url = postgres.database_url(name)
    upgrade(service_root, url)
    return url


@asynccontextmanager
async def rolled_back(
    engine: AsyncEngine, *, driver_settings: Mapping[str, str] | None = None
) -> AsyncIterator[Database]:
    """A Database whose sessions all live inside one transaction that is rolled back at the end.

    Use-case commits become savepoint releases, so a test sees its own writes and leaves nothing behind.
    """
    async with engine.connect() as connection:
        transaction = await connection.begin()
        try:
            yield Database(engine, bind=connection, driver_settings=driver_settings)
        finally:
            await transaction.rollback()
