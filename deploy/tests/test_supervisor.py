"""The launcher supervises (issue 20, failure 7): a crashed process is restarted with backoff and reported; a
crash loop stops the mesh with the reason."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from meshkit.testing.freezing import freeze
from tongban.mesh import Exited, Mesh
from tongban.steps import MeshError
from tongban.supervisor import GaveUp, Restarted, RestartFailed, Restarting, Supervisor


class Crashing:
    """The part of a mesh the supervisor uses: what has exited, and restarting a process by name."""

    def __init__(self) -> None:
        self.dead: list[Exited] = []
        self.restarts: list[str] = []

    def exited(self) -> list[Exited]:
        return list(self.dead)

    def restart(self, name: str, *, wait: bool = True) -> None:
        self.restarts.append(name)
        self.dead = [d for d in self.dead if d.name != name]


def test_a_crash_is_restarted_after_a_growing_backoff_and_a_crash_loop_gives_up() -> None:
    now = [0.0]
    mesh = Crashing()
    events: list[Any] = []
    supervisor = Supervisor(mesh, report=events.append, limit=3, window=60.0, clock=lambda: now[0])
    worker = Exited("cases-worker", -9, Path("cases-worker.log"))
    mesh.dead = [worker]
    assert supervisor.tick() is None
    assert isinstance(events[-1], Restarting)
    assert events[-1].delay == 1.0
    assert mesh.restarts == []  # not before its backoff
    now[0] = 1.0
    assert supervisor.tick() is None
    assert mesh.restarts == ["cases-worker"]
    assert events[-1] == Restarted("cases-worker")
    mesh.dead = [worker]
    now[0] = 5.0
    supervisor.tick()
    assert events[-1].delay == 2.0  # the second crash within the window waits longer
    now[0] = 7.0
    supervisor.tick()
    mesh.dead = [worker]
    now[0] = 8.0
    gave_up = supervisor.tick()
    assert isinstance(gave_up, GaveUp)
    assert "3 times within 60 s" in gave_up.reason


def test_crashes_outside_the_window_are_forgotten() -> None:
    now = [0.0]
    mesh = Crashing()
    supervisor = Supervisor(mesh, report=lambda _: None, limit=2, window=60.0, clock=lambda: now[0])
    for minute in range(5):
        now[0] = minute * 120.0
        mesh.dead = [Exited("catalog", 1, Path("catalog.log"))]
        assert supervisor.tick() is None
        now[0] += 30.0
        assert supervisor.tick() is None
    assert len(mesh.restarts) == 5


class Refusing(Crashing):
    """A mesh whose embedded server does not start again the first ``failures`` times."""

    def __init__(self, failures: int) -> None:
        super().__init__()
        self.failures = failures

    def restart(self, name: str, *, wait: bool = True) -> None:
        self.restarts.append(name)
        if self.failures > 0:
            self.failures -= 1
            raise MeshError(f"{name} did not start: port still in use", process=name)
        self.dead = [d for d in self.dead if d.name != name]


def test_an_embedded_server_that_exits_is_restarted_and_a_failed_restart_is_tried_again() -> None:
    """Issue 19, outside try: PostgreSQL or NATS exiting stopped the whole local mesh and nothing came back."""
    now = [0.0]
    mesh = Refusing(failures=1)
    events: list[Any] = []
    supervisor = Supervisor(mesh, report=events.append, limit=5, clock=lambda: now[0])
    mesh.dead = [Exited("postgres", -9, Path("server.log"))]
    assert supervisor.tick() is None
    assert isinstance(events[-1], Restarting)
    now[0] = 1.0
    assert supervisor.tick() is None  # tried; it did not start
    assert events[-1] == RestartFailed("postgres", "postgres did not start: port still in use")
    now[0] = 1.5
    assert supervisor.tick() is None  # seen exited again: a second crash, a longer wait
    assert isinstance(events[-1], Restarting)
    assert events[-1].delay == 2.0
    now[0] = 3.5
    assert supervisor.tick() is None
    assert events[-1] == Restarted("postgres")
    assert mesh.restarts == ["postgres", "postgres"]
    assert mesh.exited() == []


@pytest.mark.integration
def test_outside_try_killed_postgres_and_nats_come_back_with_their_data(fake_config: Any, watch: Any) -> None:
    """Issue 19, outside try: SIGKILL of the embedded PostgreSQL and NATS used to stop the mesh. The supervisor
    starts both again on their own data; the service answers ready again and what it stored is still there."""
    events: list[Any] = []
    with Mesh(fake_config()) as mesh, httpx.Client(timeout=5, trust_env=False) as client:
        watch.snapshot(mesh.pids())
        service = mesh.urls.services["fakesvc"]
        assert client.post(service + "/notes", json={"text": "before the outage"}).status_code in (200, 201)
        supervisor = Supervisor(mesh, report=events.append)
        for server in (mesh.postgres, mesh.nats):
            assert server is not None
            assert server.process is not None
            os.kill(server.process.pid, signal.SIGKILL)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            assert supervisor.tick() is None
            if {e.name for e in events if isinstance(e, Restarted)} >= {"postgres", "nats"}:
                try:
                    if client.get(service + "/readyz").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
            time.sleep(0.2)
        else:
            pytest.fail(f"not back: {events}")
        assert mesh.exited() == []
        assert "before the outage" in client.get(service + "/notes").json()
        watch.snapshot(mesh.pids())
    assert watch.survivors() == set()


@pytest.mark.integration
def test_failure7_a_killed_api_and_worker_come_back_and_the_mesh_keeps_running(
    fake_config: Any, watch: Any
) -> None:
    """Killed with SIGKILL, the fake service's API and worker are restarted by the supervisor; the mesh stays."""
    events: list[Any] = []
    with Mesh(fake_config()) as mesh, httpx.Client(timeout=5, trust_env=False) as client:
        watch.snapshot(mesh.pids())
        service = mesh.urls.services["fakesvc"]
        supervisor = Supervisor(mesh, report=events.append)
        for name in ("fakesvc", "fakesvc-worker"):
            pid = mesh.process(name).pid
            assert pid is not None
            os.killpg(pid, signal.SIGKILL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert supervisor.tick() is None
            if {e.name for e in events if isinstance(e, Restarted)} == {"fakesvc", "fakesvc-worker"}:
                try:
                    if client.get(service + "/readyz").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
            time.sleep(0.2)
        else:
            pytest.fail(f"not back: {events}")
        assert mesh.exited() == []
        assert client.get(service + "/worker-runs").json() >= 2
        watch.snapshot(mesh.pids())
    assert watch.survivors() == set()


@pytest.mark.integration
def test_outside_try_status_tells_a_frozen_server_from_a_running_one(
    fake_config: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 19, outside try: with NATS stopped by SIGSTOP `tongban status` said it "accepts connections" (the
    kernel completes a connection to a frozen server). Status now asks each server to greet in its protocol and
    names a stopped process as frozen."""
    from tongban import cli

    config = fake_config(demo=False)
    with Mesh(config) as mesh:
        assert mesh.nats is not None
        assert mesh.nats.process is not None
        pid = mesh.nats.process.pid
        assert cli.main(["status", "--var", str(config.var_dir)]) == 0
        healthy = capsys.readouterr().out
        assert healthy.count("answers") >= 2  # postgres and nats
        freeze(pid)
        try:
            cli.main(["status", "--var", str(config.var_dir)])
            frozen = capsys.readouterr().out
        finally:
            os.kill(pid, signal.SIGCONT)
    nats_line = next(line for line in frozen.splitlines() if line.lstrip().startswith("nats"))
    assert "frozen" in nats_line
    assert "-CONT" in frozen  # the way back, (the table may wrap it)
    postgres_line = next(line for line in frozen.splitlines() if line.lstrip().startswith("postgres"))
    assert "answers" in postgres_line


def test_outside_try_a_port_that_accepts_but_never_greets_is_not_ready() -> None:
    """What a frozen server looks like from outside when its pid is not known (an external one): the kernel
    accepts the connection, nothing answers."""
    import socket

    from tongban.commands.status import _greets

    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        port = silent.getsockname()[1]
        for name in ("postgres", "nats"):
            ready, answer = _greets(name, port, timeout=0.3)
            assert not ready
            assert "does not answer" in answer
