"""Failure 5: a production start ran the demo. ``TONGBAN_ENV`` now reaches every process; prod starts no
simulators unless asked, loads no demo data, and refuses every development or demo value in one message."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from exchange.signing import sm2_public_key
from tongban.config import load_config
from tongban.mesh import Mesh
from tongban.ports import free_base_port
from tongban.preflight import EMBEDDED_POSTGRES
from tongban.steps import MeshError

ROOT = Path(__file__).resolve().parents[2]
DEMO_SECRET = "demo-client-secret-for-local-runs"

# every setting a prod start with the defaults (and the demo client secret set explicitly) must name
OFFENDING = [
    "IDENTITY_SECRET_KEY",
    "CATALOG_SECRET_KEY",
    "CASES_SECRET_KEY",
    "CASES_CLIENT_SECRET",
    "EXCHANGE_SECRET_KEY",
    "EXCHANGE_CLIENT_SECRET",
    "EXCHANGE_CITY_SM2_PRIVATE_KEY",
    "EXCHANGE_CITY_PUBLIC_KEY",
    "EXCHANGE_CHECKPOINT_SIGNING_KEY",
    "EXCHANGE_WITNESS_PUBLIC_KEY",
]


@pytest.mark.unit
def test_failure_5_tongban_env_reaches_every_process() -> None:
    """Failure 5: ``tongban up`` hard-coded TONGBAN_ENV=dev for every process."""
    assert load_config({"TONGBAN_ENV": "prod"}, root=ROOT).env()["TONGBAN_ENV"] == "prod"
    assert load_config({"TONGBAN_ENV": "test"}, root=ROOT).env()["TONGBAN_ENV"] == "test"
    assert load_config({}, root=ROOT).env()["TONGBAN_ENV"] == "dev"
    with pytest.raises(ValueError, match="TONGBAN_ENV"):
        load_config({"TONGBAN_ENV": "production"}, root=ROOT)


@pytest.mark.unit
def test_failure_5_prod_starts_no_simulator_and_no_demo_unless_asked() -> None:
    prod = load_config({"TONGBAN_ENV": "prod"}, root=ROOT)
    assert prod.simulators == ()
    assert not prod.demo
    assert "city-platform-sim" not in prod.ports()
    assert "EXCHANGE_CITY_PLATFORM_URL" not in prod.env()  # nothing points at a simulator
    assert "IDENTITY_SMS_URL" not in prod.env()
    asked = load_config({"TONGBAN_ENV": "prod", "TONGBAN_SIMULATORS": "1"}, root=ROOT)
    assert {sim.name for sim in asked.simulators} == {
        "population-sim",
        "city-platform-sim",
        "timestamping-sim",
        "sms-sim",
    }
    assert not asked.demo  # demo data never, even when asked for simulators
    assert load_config({"TONGBAN_ENV": "prod"}, root=ROOT, simulators=True).simulators
    dev = load_config({}, root=ROOT)
    assert dev.demo
    assert len(dev.simulators) == 4
    assert load_config({"TONGBAN_SIMULATORS": "0"}, root=ROOT).simulators == ()


def _clean_environ(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith(("IDENTITY_", "CATALOG_", "CASES_", "EXCHANGE_", "GATEWAY_", "NATS_", "TONGBAN_")):
            monkeypatch.delenv(name)


@pytest.mark.integration
def test_failure_5_prod_with_demo_secrets_refuses_to_start_naming_each_setting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Failure 5: one message names every offending setting of every service (values never echoed), and nothing
    is started."""
    _clean_environ(monkeypatch)
    monkeypatch.setenv("TONGBAN_ENV", "prod")
    monkeypatch.setenv("CASES_CLIENT_SECRET", DEMO_SECRET)
    config = load_config(base_port=free_base_port(), var_dir=tmp_path / "var", root=ROOT)
    mesh = Mesh(config)
    with pytest.raises(MeshError) as refused:
        mesh.start()
    message = str(refused.value)
    assert message.startswith("TONGBAN_ENV=prod 拒绝启动")
    for name in OFFENDING:
        assert name in message, name
    assert "NATS_PASSWORD" not in message  # the launcher generated each service's NATS user
    assert "<SERVICE>_DATABASE_URL (missing: the embedded PostgreSQL" in message  # trust authentication
    assert DEMO_SECRET not in message
    assert "dev-only-secret" not in message
    assert mesh.postgres is None
    assert mesh.nats is None
    assert mesh.processes == []
    users = config.nats_users_path
    assert users.exists()
    assert users.stat().st_mode & 0o077 == 0


def _production_environ() -> dict[str, str]:
    key = "k" * 40
    env = {
        "TONGBAN_ENV": "prod",
        "EXCHANGE_CITY_SM2_PRIVATE_KEY": "1" * 64,
        "EXCHANGE_CITY_PUBLIC_KEY": sm2_public_key("5" * 64),
        "EXCHANGE_CHECKPOINT_SIGNING_KEY": "2" * 64,
        "EXCHANGE_WITNESS_PUBLIC_KEY": "3" * 64,
        "EXCHANGE_CLIENT_SECRET": "exchange-secret-from-the-secret-store",
        "CASES_CLIENT_SECRET": "cases-secret-from-the-secret-store",
        "TONGBAN_FORWARDING_KEY": "forwarding-key-from-the-secret-store-0123456789",
    }
    for prefix in ("IDENTITY", "CATALOG", "CASES", "EXCHANGE"):
        env[f"{prefix}_SECRET_KEY"] = key
        env[f"{prefix}_NATS_USER"] = prefix.lower()
        env[f"{prefix}_NATS_PASSWORD"] = "n" * 32
    return env


@pytest.mark.integration
def test_prod_preflight_passes_with_real_values_and_names_missing_nats_credentials() -> None:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("IDENTITY_", "CASES_", "EXCHANGE_"))}
    argv = [sys.executable, "-m", "tongban.preflight", "identity", "catalog", "cases", "exchange"]
    ok = subprocess.run(
        argv, env={**base, **_production_environ()}, capture_output=True, text=True, check=False
    )
    assert ok.returncode == 0, ok.stderr
    without_nats = {k: v for k, v in _production_environ().items() if not k.startswith("CATALOG_NATS")}
    refused = subprocess.run(argv, env={**base, **without_nats}, capture_output=True, text=True, check=False)
    assert refused.returncode == 1
    assert "CATALOG_NATS_USER/CATALOG_NATS_PASSWORD" in refused.stderr
    assert "n" * 32 not in refused.stderr


@pytest.mark.integration
def test_prod_refuses_the_embedded_postgresql() -> None:
    """The embedded server lets every local user in as any role without a password (trust on loopback): fine
    for a developer's machine, never for prod, even with every other value real."""
    base = {k: v for k, v in os.environ.items() if not k.startswith(("IDENTITY_", "CASES_", "EXCHANGE_"))}
    argv = [sys.executable, "-m", "tongban.preflight", "identity", "catalog", "cases", "exchange"]
    env = {**base, **_production_environ(), EMBEDDED_POSTGRES: "1"}
    refused = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)
    assert refused.returncode == 1
    assert "<SERVICE>_DATABASE_URL" in refused.stderr
