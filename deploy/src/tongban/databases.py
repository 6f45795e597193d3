"""Databases on an external PostgreSQL server: create them when the role may, else assume they exist."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from typing import Literal

import asyncpg
from sqlalchemy.engine import make_url

__all__ = ["database_name", "ensure_external_database", "masked", "plain_dsn"]

Outcome = Literal["created", "exists", "assumed"]


def plain_dsn(url: str, database: str | None = None) -> str:
    """A libpq/asyncpg DSN from an SQLAlchemy URL (``postgresql+asyncpg://`` -> ``postgresql://``)."""
    parsed = make_url(url).set(drivername="postgresql")
    if database is not None:
        parsed = parsed.set(database=database)
    return parsed.render_as_string(hide_password=False)


def database_name(url: str) -> str:
    return make_url(url).database or ""


def masked(url: str) -> str:
    """The URL with its password hidden, for display."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # not an SQLAlchemy URL, e.g. nats://
        return url


async def _ensure(url: str, connect_timeout: float) -> Outcome:
    name = make_url(url).database
    if not name:
        return "assumed"
    try:
        conn = await asyncpg.connect(plain_dsn(url, "postgres"), timeout=connect_timeout)
    except (OSError, asyncpg.PostgresError, TimeoutError):
        return "assumed"  # cannot reach the maintenance database with these credentials
    try:
        if await conn.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name):
            return "exists"
        may_create = await conn.fetchval(
            "SELECT rolsuper OR rolcreatedb FROM pg_roles WHERE rolname = current_user"
        )
        if not may_create:
            return "assumed"
        quoted = '"' + name.replace('"', '""') + '"'
        await conn.execute(f"CREATE DATABASE {quoted}")
        return "created"
    finally:
        await conn.close()


def ensure_external_database(url: str, timeout: float = 10.0) -> Outcome:
    """Create the URL's database if missing and allowed (blocking; safe to call while an event loop runs)."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, _ensure(url, timeout)).result()
