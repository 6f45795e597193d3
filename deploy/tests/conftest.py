"""Fixtures for the launcher's tests: a mesh of one throwaway service (``fakemesh/fakesvc``) and a fake gateway."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import psutil
import pytest

from tongban.config import GatewaySpec, MeshConfig, ServiceSpec, repo_root
from tongban.ports import free_base_port

FAKE = Path(__file__).resolve().parent / "fakemesh"

FAKE_SERVICE = ServiceSpec(
    name="fakesvc",
    offset=1,
    app="fakesvc.main:create_app",
    worker="fakesvc.worker",
    demo="fakesvc.demo",
    migrations=FAKE / "fakesvc_root",
)
FAKE_GATEWAY = GatewaySpec(app="fakesvc.gateway:create_app")

MakeConfig = Callable[..., MeshConfig]


@pytest.fixture
def fake_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MakeConfig:
    """Build a MeshConfig for the fake mesh on a free block of ports; keyword arguments override fields."""
    monkeypatch.syspath_prepend(str(FAKE))  # the launcher looks the worker and demo modules up itself

    def make(**overrides: Any) -> MeshConfig:
        config = MeshConfig(
            root=repo_root(),
            var_dir=tmp_path / "var",
            services=(FAKE_SERVICE,),
            gateway=FAKE_GATEWAY,
            base_port=free_base_port(),
            extra_env={"PYTHONPATH": str(FAKE)},
            nats_permissions=FAKE / "permissions.toml",
            ready_timeout=60.0,
        )
        return replace(config, **overrides)

    return make


class ProcessWatch:
    """Remembers every pid a mesh started (and their descendants) to check later that none survived."""

    def __init__(self) -> None:
        self.seen: set[int] = set()

    def snapshot(self, pids: dict[str, int]) -> None:
        for pid in pids.values():
            self.seen.add(pid)
            with contextlib.suppress(psutil.NoSuchProcess):
                self.seen |= {child.pid for child in psutil.Process(pid).children(recursive=True)}

    def survivors(self, timeout: float = 5.0) -> set[int]:
        """Pids still running after up to ``timeout`` s (a zombie awaiting its reaper counts as gone)."""
        deadline = time.monotonic() + timeout
        while True:
            running = set()
            for pid in self.seen:
                try:
                    if psutil.Process(pid).status() != psutil.STATUS_ZOMBIE:
                        running.add(pid)
                except psutil.NoSuchProcess:
                    pass
            if not running or time.monotonic() > deadline:
                return running
            time.sleep(0.05)


@pytest.fixture
def watch() -> ProcessWatch:
    return ProcessWatch()
