"""The Mesh with embedded PostgreSQL and NATS and a throwaway service, through the real subprocess code path."""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from meshkit.embedded import EmbeddedNats, EmbeddedPostgres
from tongban.mesh import Mesh
from tongban.steps import MeshCancelled, MeshError, StepEvent

pytestmark = pytest.mark.integration


def http() -> httpx.Client:
    return httpx.Client(timeout=10, trust_env=False)


def poll(probe: Callable[[], object], expected: object, timeout: float = 20.0) -> None:
    """Wait until ``probe()`` returns ``expected``."""
    deadline = time.monotonic() + timeout
    while (value := probe()) != expected:
        assert time.monotonic() < deadline, f"still {value!r}, expected {expected!r}"
        time.sleep(0.1)


def test_start_wait_stop_and_restart_on_the_same_var(fake_config: Any, watch: Any) -> None:
    config = fake_config()
    events: list[StepEvent] = []
    mesh = Mesh(config, progress=events.append)
    with mesh:
        watch.snapshot(mesh.pids())
        service = mesh.urls.services["fakesvc"]
        assert mesh.urls.gateway == f"http://127.0.0.1:{config.base_port}"
        with http() as client:
            assert client.get(f"{mesh.urls.gateway}/readyz").status_code == 200
            assert client.post(service + "/notes", json={"text": "kept across runs"}).status_code == 201
            env = client.get(service + "/env").json()
            assert env["TONGBAN_ENV"] == "dev"
            assert env["TONGBAN_ISSUER"] == f"http://127.0.0.1:{config.base_port}/identity"
            assert env["NATS_URL"] == f"nats://127.0.0.1:{config.nats_port}"
            poll(lambda: client.get(service + "/worker-runs").json(), 1)
            mesh.restart("fakesvc-worker")
            poll(lambda: client.get(service + "/worker-runs").json(), 2)
            old_pid = mesh.process("fakesvc").pid
            mesh.restart("fakesvc")  # waits for its /readyz
            assert mesh.process("fakesvc").pid != old_pid
            assert client.get(service + "/notes").json() == ["demo", "kept across runs"]
            watch.snapshot(mesh.pids())
        assert (config.var_dir / "run" / "launcher.json").exists()
        assert mesh.exited() == []
    assert watch.survivors() == set()
    assert not (config.var_dir / "run" / "launcher.json").exists()

    done = [(e.step, e.state) for e in events if e.state in {"done", "skip"}]
    steps = [step for step, _ in done]
    for step in (
        "prepare",
        "postgres",
        "nats",
        "databases",
        "migrate:fakesvc",
        "demo:fakesvc",
        "process:fakesvc",
        "process:fakesvc-worker",
        "process:gateway",
        "ready:fakesvc",
        "ready:gateway",
        "stop",
    ):
        assert step in steps, f"{step} missing from {steps}"
    assert steps.index("postgres") < steps.index("migrate:fakesvc") < steps.index("process:fakesvc")
    for name in ("fakesvc", "fakesvc-worker", "fakesvc-migrate", "fakesvc-demo", "gateway"):
        assert (config.log_dir / f"{name}.log").exists()

    with Mesh(config) as again:  # same var/: PostgreSQL data and the demo row survive, the demo is idempotent
        watch.snapshot(again.pids())
        with http() as client:
            assert client.get(again.urls.services["fakesvc"] + "/notes").json() == [
                "demo",
                "kept across runs",
            ]
            poll(lambda: client.get(again.urls.services["fakesvc"] + "/worker-runs").json(), 3)
    assert watch.survivors() == set()
    assert (config.var_dir / "nats" / "jetstream").is_dir()


def test_a_process_that_fails_to_start_is_reported_and_nothing_survives(fake_config: Any, watch: Any) -> None:
    from dataclasses import replace

    base = fake_config()
    broken = replace(base.services[0], app="fakesvc.broken:create_app")
    config = replace(base, services=(broken,), demo=False)
    mesh: Mesh | None = None

    def progress(event: StepEvent) -> None:
        if mesh is not None:
            watch.snapshot(mesh.pids())

    mesh = Mesh(config, progress=progress)
    with pytest.raises(MeshError) as failure:
        mesh.start()
    assert failure.value.process == "fakesvc"
    assert "fakesvc-broken refuses to start" in failure.value.tail
    assert watch.seen
    assert watch.survivors() == set()
    assert not (config.var_dir / "run" / "launcher.json").exists()


def test_a_failing_migration_stops_the_embedded_servers(fake_config: Any, watch: Any, tmp_path: Path) -> None:
    from dataclasses import replace

    base = fake_config()
    config = replace(base, services=(replace(base.services[0], migrations=tmp_path / "nowhere"),))
    mesh = Mesh(config, progress=lambda event: watch.snapshot(mesh.pids()))
    with pytest.raises(MeshError, match=r"alembic\.ini"):
        mesh.start()
    assert {"postgres", "nats"} <= set(watch_names(mesh))
    assert watch.survivors() == set()


def watch_names(mesh: Mesh) -> list[str]:
    names = []
    if mesh.postgres is not None:
        names.append("postgres")
    if mesh.nats is not None:
        names.append("nats")
    return names


def test_cancel_while_starting_stops_everything(fake_config: Any, watch: Any) -> None:
    cancel = threading.Event()
    mesh: Mesh | None = None

    def progress(event: StepEvent) -> None:
        if mesh is not None:
            watch.snapshot(mesh.pids())
        if event.step == "process:fakesvc" and event.state == "done":
            cancel.set()

    mesh = Mesh(fake_config(), progress=progress, cancel=cancel)
    with pytest.raises(MeshCancelled):
        mesh.start()
    assert watch.survivors() == set()


def test_external_servers_are_used_and_not_started(
    fake_config: Any, watch: Any, embedded_postgres: EmbeddedPostgres, nats_server: EmbeddedNats
) -> None:
    database = f"fakesvc_{secrets.token_hex(4)}"
    url = embedded_postgres.database_url(database)
    config = fake_config(database_urls={"fakesvc": url}, nats_url=nats_server.url_for("catalog"))
    events: list[StepEvent] = []
    with Mesh(config, progress=events.append) as mesh:
        watch.snapshot(mesh.pids())
        assert mesh.postgres is None
        assert mesh.nats is None
        assert set(mesh.pids()) == {"fakesvc", "fakesvc-worker", "gateway"}
        with http() as client:
            assert client.get(mesh.urls.services["fakesvc"] + "/notes").json() == ["demo"]
    assert watch.survivors() == set()
    databases = next(e for e in events if e.step == "databases" and e.state == "done")
    assert f"{database} (created, external)" in databases.detail
    steps = {e.step for e in events}
    assert "postgres" not in steps
    assert "nats" not in steps
    assert embedded_postgres.process is not None
    assert embedded_postgres.process.poll() is None
    assert nats_server.process is not None
    assert nats_server.process.poll() is None
