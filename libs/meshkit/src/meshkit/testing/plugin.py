"""pytest plugin (enabled in the root pyproject): embedded PostgreSQL and NATS for the whole test session."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from meshkit.embedded import EmbeddedNats, EmbeddedPostgres, free_port
from meshkit.natsauth import generate_users, load_grants


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini(
        "nats_permissions",
        "TOML of the mesh's NATS users (meshkit.natsauth): the session's NATS server admits only them, each within "
        "its permissions",
        default="",
    )


@pytest.fixture(scope="session")
def embedded_postgres(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedPostgres]:
    """One PostgreSQL for the test session (fsync off: tests need speed, not durability)."""
    root = Path(os.environ.get("TONGBAN_TEST_TMP") or tmp_path_factory.mktemp("pg"))
    server = EmbeddedPostgres(data_dir=root / "data", port=free_port(), durable=False)
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def nats_server(
    tmp_path_factory: pytest.TempPathFactory, pytestconfig: pytest.Config
) -> Iterator[EmbeddedNats]:
    """One NATS JetStream server for the test session, with the users and permissions of the ``nats_permissions``
    file (random passwords): connect as one of them with ``nats_server.url_for(user)``; anonymous connections are
    refused."""
    permissions = str(pytestconfig.getini("nats_permissions") or "")
    users = generate_users(load_grants(pytestconfig.rootpath / permissions)) if permissions else ()
    server = EmbeddedNats(store_dir=tmp_path_factory.mktemp("nats"), port=free_port(), users=users)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def nats_factory(tmp_path: Path) -> Iterator[Callable[[], EmbeddedNats]]:
    """Private NATS servers a test may stop and restart (same port and store)."""
    started: list[EmbeddedNats] = []

    def make() -> EmbeddedNats:
        server = EmbeddedNats(store_dir=tmp_path / f"nats{len(started)}", port=free_port())
        started.append(server)
        return server

    yield make
    for server in started:
        server.stop()
