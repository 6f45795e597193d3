"""The cluster tier (``make test-cluster``): a mesh with every part doubled on a 3-node NATS cluster, started by
the launcher's own building blocks, and a supervisor that restarts what the test kills. Not collected by
``make test`` (pyproject's addopts deselect the ``cluster`` marker; this folder is skipped unless ``-m`` asks for
it)."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import psutil
import pytest
from _pytest.mark.expression import Expression

from tongban.config import MeshConfig, repo_root, standard_services
from tongban.mesh import Mesh
from tongban.ports import free_base_port
from tongban.supervisor import GaveUp, Restarted, RestartFailed, Restarting, Supervisor

from .netns import Namespace, probe
from .nodes import NatsCluster

REPLICAS = 2  # of every API (uvicorn processes on its port), every worker (processes) and the gateway


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """Only a ``-m`` that names the cluster marker and selects it collects this folder (``make test-fast``'s
    ``-m "not e2e"`` must not start a cluster)."""
    markexpr = config.option.markexpr or ""
    if "cluster" not in markexpr:
        return True
    selected = Expression.compile(markexpr).evaluate(lambda name, /, **_: name == "cluster")
    return None if selected else True


class ProcessWatch:
    """Every pid the test started (and their descendants), to check that none survived the teardown."""

    def __init__(self) -> None:
        self.seen: set[int] = set()

    def snapshot(self, pids: dict[str, int]) -> None:
        for pid in pids.values():
            self.seen.add(pid)
            with contextlib.suppress(psutil.NoSuchProcess):
                self.seen |= {child.pid for child in psutil.Process(pid).children(recursive=True)}

    def survivors(self, timeout: float = 10.0) -> set[int]:
        deadline = time.monotonic() + timeout
        while True:
            running = set()
            for pid in self.seen:
                with contextlib.suppress(psutil.NoSuchProcess):
                    if psutil.Process(pid).status() != psutil.STATUS_ZOMBIE:
                        running.add(pid)
            if not running or time.monotonic() > deadline:
                return running
            time.sleep(0.1)


@dataclass
class Supervision:
    """The launcher's supervisor, ticking in a thread as ``tongban up`` ticks it; paused while the test itself
    keeps PostgreSQL down."""

    supervisor: Supervisor
    events: list[str] = field(default_factory=list)
    exits: list[Restarting] = field(default_factory=list)
    paused: threading.Event = field(default_factory=threading.Event)
    stopped: threading.Event = field(default_factory=threading.Event)
    gave_up: GaveUp | None = None

    def run(self) -> None:
        while not self.stopped.wait(0.5):
            if self.paused.is_set():
                continue
            verdict = self.supervisor.tick()
            if verdict is not None:
                self.gave_up = verdict
                return


@dataclass
class Cluster:
    mesh: Mesh
    nats: NatsCluster
    supervision: Supervision
    watch: ProcessWatch
    no_partition: str | None  # why this machine cannot partition a node (then the test skips that step only)

    @property
    def gateway_url(self) -> str:
        assert self.mesh.config.gateway is not None
        return self.mesh.config.url(self.mesh.config.gateway)

    def pids(self) -> dict[str, int]:
        return {**self.mesh.pids(), **self.nats.pids()}


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    root = repo_root()
    var = tmp_path_factory.mktemp("cluster")
    no_partition = probe()
    namespace = None if no_partition else Namespace.fresh()
    if no_partition:
        print(f"\nthe partition step is skipped: {no_partition}")
    try:
        yield from _cluster(root, var, namespace, no_partition)
    finally:
        if namespace is not None:
            namespace.destroy()  # always, failed or not (after the nodes stopped)


def _cluster(
    root: Path, var: Path, namespace: Namespace | None, no_partition: str | None
) -> Iterator[Cluster]:
    if namespace is not None:
        namespace.create()
    nats = NatsCluster(var / "nats", root / "deploy" / "nats" / "permissions.toml", namespace=namespace)
    services = standard_services(root)
    names = [spec.name for spec in services]
    config = MeshConfig(
        root=root,
        var_dir=var / "mesh",
        services=services,
        base_port=free_base_port(),
        nats_url=nats.url,  # all three nodes: every client fails over between them
        durable=True,  # PostgreSQL is stopped and started again on its data
        log_level="WARNING",
        workers={**dict.fromkeys(names, REPLICAS), "gateway": REPLICAS},
        worker_replicas=dict.fromkeys(names, REPLICAS),
        extra_env={
            **nats.credentials_env(names),
            "TONGBAN_STREAM_REPLICAS": "3",
            "EXCHANGE_CHECKPOINT_INTERVAL": "1",
            "EXCHANGE_CHECKPOINT_POLL_INTERVAL": "0.2",
            "GATEWAY_TRUSTED_PROXIES": '["127.0.0.0/8"]',
        },
    )
    watch = ProcessWatch()
    supervision: Supervision | None = None
    thread: threading.Thread | None = None
    nats.start()
    try:
        watch.snapshot(nats.pids())
        with Mesh(config) as mesh:
            watch.snapshot(mesh.pids())
            events: list[str] = []
            exits: list[Restarting] = []

            def report(event: Restarting | Restarted | RestartFailed) -> None:
                events.append(repr(event))
                if isinstance(event, Restarting):
                    exits.append(event)

            supervision = Supervision(Supervisor(mesh, report, limit=config.restart_limit), events, exits)
            thread = threading.Thread(target=supervision.run, name="supervisor", daemon=True)
            thread.start()
            try:
                yield Cluster(mesh, nats, supervision, watch, no_partition)
            finally:
                supervision.stopped.set()
                thread.join(10)
                watch.snapshot(mesh.pids())
    finally:
        watch.snapshot(nats.pids())
        nats.stop()
    survivors = watch.survivors()
    assert not survivors, f"processes left behind: {sorted(survivors)}"
