"""Failure 5 (identity's part): a production identity does not run the demo.

The launcher loads no demo data in prod and the loader refuses itself; a database first filled by a dev run would
still hold the demo clients under the published secret and the demo accounts under the published password.
"""

import os
import subprocess
import sys

import pytest

from identity.demo import DEMO_CLIENT_SECRET, DEMO_PASSWORD, load
from identity.domain.demo_credentials import is_demo_password
from identity.main import _refuse_demo_clients
from identity.settings import IdentitySettings
from identity.store.unit_of_work import IdentityUnitOfWork
from meshkit.db import Database
from meshkit.testing.service import TEST_SECRET

pytestmark = pytest.mark.integration

PROD = IdentitySettings(
    environment="prod",
    secret_key=TEST_SECRET,
    nats_user="identity",
    nats_password="n" * 32,  # type: ignore[arg-type]
    forwarding_key="f" * 40,  # type: ignore[arg-type]
)


async def test_failure_5_prod_identity_refuses_to_start_with_the_demo_clients(database: Database) -> None:
    """Failure 5: the demo loader registered tongban-cases (identity:reveal) and realname-verifier
    (identity:verify) under the published demo secret; a prod identity now refuses to start while any client
    holds it, naming each (never the secret)."""
    await load(database, IdentitySettings(environment="test", secret_key=TEST_SECRET))
    with pytest.raises(RuntimeError) as refused:
        await _refuse_demo_clients(database, PROD)
    message = str(refused.value)
    for client_id in ("tongban-cases", "realname-verifier", "tongban-exchange", "catalog-editor"):
        assert f"client {client_id}" in message
    assert DEMO_CLIENT_SECRET not in message
    async with IdentityUnitOfWork(database) as uow:  # rotated away: nothing left to refuse
        for client_id in ("tongban-cases", "realname-verifier", "tongban-exchange", "catalog-editor"):
            client = await uow.clients.get(client_id)
            assert client is not None
            client.secret_hash = "f" * 64
        client = await uow.clients.get("scjgj-registry")
        assert client is not None
        client.active = False
        await uow.commit()
    with pytest.raises(RuntimeError, match="swj-collection"):
        await _refuse_demo_clients(database, PROD)


def test_failure_5_the_demo_password_never_logs_in_in_prod() -> None:
    assert is_demo_password(DEMO_PASSWORD, environment="prod")
    assert not is_demo_password(DEMO_PASSWORD, environment="dev")
    assert not is_demo_password("Tongban2024!", environment="prod")


def test_failure_5_the_demo_loader_refuses_to_run_in_prod() -> None:
    env = {
        **os.environ,
        "TONGBAN_ENV": "prod",
        "IDENTITY_SECRET_KEY": TEST_SECRET,
        "IDENTITY_NATS_USER": "identity",
        "IDENTITY_NATS_PASSWORD": "n" * 32,
        "TONGBAN_FORWARDING_KEY": "f" * 40,
        "IDENTITY_DATABASE_URL": "postgresql+asyncpg://nobody@127.0.0.1:9/none",  # never reached
    }
    result = subprocess.run(
        [sys.executable, "-m", "identity.demo"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode != 0
    assert "refuses to run in prod" in result.stderr
