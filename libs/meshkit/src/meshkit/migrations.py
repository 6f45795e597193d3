"""Alembic glue shared by every service's ``migrations/env.py``, and programmatic upgrade for launcher and tests."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from alembic import command, context
from alembic.config import Config
from sqlalchemy import MetaData, pool
from sqlalchemy.engine import Connection

from meshkit.db import new_engine

__all__ = ["alembic_config", "run_env", "upgrade"]


def alembic_config(service_root: Path, database_url: str) -> Config:
    config = Config(str(service_root / "alembic.ini"))
    config.set_main_option("script_location", str(service_root / "migrations"))
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return config


def upgrade(service_root: Path, database_url: str, revision: str = "head") -> None:
    """Run the service's migrations up to ``revision``. Call it outside a running event loop."""
    command.upgrade(alembic_config(service_root, database_url), revision)


def _do_run(connection: Connection, metadata: MetaData) -> None:
    context.configure(connection=connection, target_metadata=metadata, compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


async def _run_online(url: str, metadata: MetaData) -> None:
    engine = new_engine(url, poolclass=pool.NullPool)
    async with engine.connect() as connection:
        await connection.run_sync(_do_run, metadata)
    await engine.dispose()


def run_env(metadata: MetaData, default_url: Callable[[], str]) -> None:
    """Body of a service's ``env.py``: the URL comes from alembic.ini's option, else the service settings."""
    url = context.config.get_main_option("sqlalchemy.url") or default_url()
    if context.is_offline_mode():
        context.configure(url=url, target_metadata=metadata, literal_binds=True)
        with context.begin_transaction():
            context.run_migrations()
    else:
        asyncio.run(_run_online(url, metadata))
