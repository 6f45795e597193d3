"""The embedded PostgreSQL is reached over its Unix socket, and a stopped one is an outage, not a fault."""

from __future__ import annotations

import socket
from pathlib import Path

import asyncpg
import pytest
from sqlalchemy import text

from meshkit.db import Database
from meshkit.embedded import EmbeddedPostgres, postgres_url
from meshkit.outages import is_outage

pytestmark = pytest.mark.integration


async def test_the_services_url_names_the_unix_socket_and_the_server_answers_there(
    embedded_postgres: EmbeddedPostgres,
) -> None:
    url = embedded_postgres.database_url("postgres")
    assert "127.0.0.1" not in url
    assert "host=" in url
    database = Database.from_url(url, pool_size=1)
    try:
        async with database.session() as session:
            # a client on the Unix socket has no address: inet_client_addr() is NULL
            assert (await session.execute(text("SELECT inet_client_addr() IS NULL"))).scalar_one() is True
        async with database.driver() as connection:
            assert await connection.fetchval("SELECT inet_client_addr() IS NULL") is True
    finally:
        await database.dispose()


def test_a_folder_too_deep_for_a_socket_path_falls_back_to_the_loopback_port(tmp_path: Path) -> None:
    deep = tmp_path / ("d" * 120)
    assert postgres_url("svc", 5432, "cases", deep) == "postgresql+asyncpg://svc@127.0.0.1:5432/cases"
    assert postgres_url("svc", 5432, "cases", None) == "postgresql+asyncpg://svc@127.0.0.1:5432/cases"
    assert (
        postgres_url("svc", 5432, "cases", Path("/run/pg"))
        == "postgresql+asyncpg://svc@/cases?host=%2Frun%2Fpg&port=5432"
    )


async def test_a_stopped_servers_missing_socket_is_an_outage_not_a_fault(tmp_path: Path) -> None:
    """PostgreSQL removes its socket file when it stops: connecting then raises FileNotFoundError (no file name),
    which must be waited out like a refused TCP connection — not dead-lettered or answered with a 500."""
    url = postgres_url("svc", 5999, "cases", tmp_path, driver=None)
    with pytest.raises(FileNotFoundError) as missing:
        await asyncpg.connect(url, timeout=2)
    assert is_outage(missing.value)
    stale = socket.socket(socket.AF_UNIX)  # a socket file left by a killed server: nobody accepts
    stale.bind(str(tmp_path / ".s.PGSQL.5999"))
    stale.close()
    with pytest.raises(ConnectionRefusedError) as refused:
        await asyncpg.connect(url, timeout=2)
    assert is_outage(refused.value)


def test_a_missing_file_the_code_opens_is_still_a_fault(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError) as missing:
        (tmp_path / "settings.toml").read_text()
    assert not is_outage(missing.value)
