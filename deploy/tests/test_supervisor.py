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

from tongban.mesh import Exited, Mesh
from tongban.supervisor import GaveUp, Restarted, Restarting, Supervisor


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


def test_an_embedded_server_that_exits_stops_the_mesh() -> None:
    mesh = Crashing()
    mesh.dead = [Exited("postgres", 1, Path("server.log"))]
    gave_up = Supervisor(mesh, report=lambda _: None).tick()
    assert gave_up is not None
    assert gave_up.exited.name == "postgres"


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
