"""Helpers that tests call directly."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TypeVar

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from meshkit.db import Database
from meshkit.embedded import EmbeddedPostgres
from meshkit.migrations import upgrade
from meshkit.roles import ServiceRoles

__all__ = ["assert_malformed_path", "eventually", "filing", "migrated_database", "rolled_back"]

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


def filing(headers: Mapping[str, str]) -> dict[str, str]:
    """Headers for a new application (``POST /cases``): a fresh ``Idempotency-Key``, which filing requires, unless
    the test chose its own."""
    return {"Idempotency-Key": uuid.uuid4().hex, **headers}


def migrated_database(postgres: EmbeddedPostgres, name: str, service_root: Path) -> str:
    """A fresh database built by the service's real migrations, run as its owner role; returns the asyncpg URL
    of its service role (the least-privilege login the service itself uses: :mod:`meshkit.roles`)."""
    roles = ServiceRoles.of(service_root.name)
    postgres.drop_database(name)
    postgres.create_service_database(name, roles)
    upgrade(service_root, postgres.database_url(name, user=roles.owner))
    return postgres.database_url(name, user=roles.service)


@asynccontextmanager
async def rolled_back(
    engine: AsyncEngine, *, driver_settings: Mapping[str, str] | None = None, role: str | None = None
) -> AsyncIterator[Database]:
    """A Database whose sessions all live inside one transaction that is rolled back at the end.

    Use-case commits become savepoint releases, so a test sees its own writes and leaves nothing behind.
    ``role``: on a superuser's engine, the transaction runs ``SET LOCAL ROLE role`` first, so the code under test
    has that role's privileges while the test itself may ``RESET ROLE`` to act as the database's administrator
    on the same (uncommitted) data.
    """
    async with engine.connect() as connection:
        transaction = await connection.begin()
        if role is not None:
            await connection.exec_driver_sql(f'SET LOCAL ROLE "{role}"')
        try:
            yield Database(engine, bind=connection, driver_settings=driver_settings)
        finally:
            await transaction.rollback()


def assert_malformed_path(response: httpx.Response) -> None:
    """A path holding a control character (``%00``, ``%0a``) is refused at the app's edge, before any route or
    store sees it (``meshkit.edge.RequestEdge``): 400 ``malformed_path``, a problem with its request id."""
    assert response.status_code == 400, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["code"] == "malformed_path"
    assert problem["request_id"] == response.headers["x-request-id"]
