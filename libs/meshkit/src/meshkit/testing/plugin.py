"""pytest plugin (enabled in the root pyproject): embedded PostgreSQL and NATS for the whole test session."""

from __future__ import annotations

import os
import shutil
import tempfile
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


_OWN_BASETEMP = pytest.StashKey[str]()


@pytest.hookimpl(tryfirst=True)  # before pytest's own tmp_path plugin reads the option
def pytest_configure(config: pytest.Config) -> None:
    """Each session's temporary files in a folder of its own, outside pytest's shared ``/tmp/pytest-of-<user>``.

    Run as root, the session's PostgreSQL runs as an unprivileged user and reaches its data folder only because
    :func:`meshkit.embedded.EmbeddedPostgres.start` opens the folders above it for traversal. Every pytest session
    that starts resets ``/tmp/pytest-of-<user>`` to mode 0700: a second session on the machine (another worktree,
    a quick run beside a long one) took the first one's server its data folder, the server shut down, and every
    later test of that session failed to connect (903 errors in one run). A folder made here is no other
    session's business; it is removed when the session ends. ``--basetemp`` given on the command line wins."""
    if config.option.basetemp is None and not hasattr(config, "workerinput"):
        own = tempfile.mkdtemp(prefix="tongban-pytest-")
        config.option.basetemp = own
        config.stash[_OWN_BASETEMP] = own


def pytest_unconfigure(config: pytest.Config) -> None:
    own = config.stash.get(_OWN_BASETEMP, None)
    if own is not None:
        shutil.rmtree(own, ignore_errors=True)


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
