"""The whole local mesh as one object: servers, databases, migrations, demo data, processes, readiness.

Used by ``tongban up`` and by e2e tests and benchmarks; it never prints, it reports :class:`StepEvent`
values to a callback. ``start()`` and ``stop()`` block; a failing ``start()`` stops what it began.
"""

from __future__ import annotations

import importlib.util
import os
import signal
import sys
import threading
import time
import warnings
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

import httpx
from meshkit.embedded import EmbeddedNats, EmbeddedPostgres

from tongban.config import GatewaySpec, MeshConfig, ServiceSpec
from tongban.databases import ensure_external_database, masked
from tongban.ports import busy_ports
from tongban.processes import ManagedProcess, log_tail, stop_all
from tongban.runstate import LauncherRunning, RunState
from tongban.steps import MeshCancelled, MeshError, ProgressCallback, Reporter, no_progress

__all__ = ["Exited", "Mesh", "MeshUrls"]

_MIGRATE = (
    "import os, sys; from pathlib import Path; from meshkit.migrations import upgrade; "
    "upgrade(Path(sys.argv[1]), os.environ['TONGBAN_MIGRATE_URL'])"
)


@dataclass(frozen=True)
class Exited:
    """A process of the mesh that is no longer running."""

    name: str
    returncode: int | None
    log_path: Path

    def tail(self, lines: int = 40) -> str:
        return log_tail(self.log_path, lines)


@dataclass(frozen=True)
class MeshUrls:
    gateway: str | None
    docs: str | None
    services: dict[str, str]
    postgres: str
    nats: str
    logs: Path
    databases: dict[str, str] = field(default_factory=dict)


def _module_exists(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


def _import_pgserver_quietly() -> None:
    # pgserver asks platformdirs for a runtime dir at import; without XDG_RUNTIME_DIR that warns (an
    # error under pytest's filterwarnings=error). Import it once here with that warning silenced.
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR.*")
        import pgserver._commands  # noqa: F401


class Mesh:
    """A local Tongban mesh. ``with Mesh(config) as mesh:`` starts it and always stops it."""

    def __init__(
        self,
        config: MeshConfig,
        progress: ProgressCallback = no_progress,
        cancel: threading.Event | None = None,
    ) -> None:
        self.config = config
        self.postgres: EmbeddedPostgres | None = None
        self.nats: EmbeddedNats | None = None
        self.processes: list[ManagedProcess] = []  # long-running, in start order
        self._jobs: list[ManagedProcess] = []  # migrations and demo loaders
        self._report = Reporter(progress)
        self._cancel = cancel if cancel is not None else threading.Event()
        self._runstate = RunState(config.var_dir)
        self._started = False
        self._env: dict[str, str] = {}

    # lifecycle -------------------------------------------------------------------------------------------
    def __enter__(self) -> Mesh:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def start(self) -> Mesh:
        """Start everything and wait until every /readyz answers 200; on any failure stop what was started."""
        if self._started:
            raise RuntimeError("this Mesh was already started; create a new one")
        self._started = True
        try:
            self.prepare()
            self.start_servers()
            self.create_databases()
            self.migrate()
            if self.config.demo:
                self.load_demo()
            self.start_services()
            self.start_gateway()
            self.wait_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        """SIGTERM each process group in reverse start order, SIGKILL stragglers, stop NATS and PostgreSQL."""
        with self._report.step("stop", "Stopping"):
            stop_all([*reversed(self._jobs), *reversed(self.processes)], self.config.stop_timeout)
            errors: list[BaseException] = []
            if self.nats is not None:
                try:
                    self.nats.stop()
                except Exception as exc:
                    errors.append(exc)
            if self.postgres is not None:
                try:
                    if self.postgres.process is not None and self.postgres.process.poll() is None:
                        self.postgres.process.send_signal(
                            signal.SIGINT
                        )  # fast shutdown: no waiting on clients
                    self.postgres.stop()
                except Exception as exc:
                    errors.append(exc)
            self._runstate.release()
            if errors:
                raise errors[0]

    # steps (public so `tongban migrate` and tests can run a subset) --------------------------------------
    def prepare(self, owners: Collection[str] | None = None) -> None:
        """Take over var/ (stopping leftovers of a killed launcher) and check that the ports are free.

        ``owners`` limits the port check (e.g. ``{"postgres"}`` for migrations only); default: every port.
        """
        with self._report.step("prepare", "Checking var/ and ports") as outcome:
            self.config.var_dir.mkdir(parents=True, exist_ok=True)
            self.config.log_dir.mkdir(parents=True, exist_ok=True)
            try:
                leftovers = self._runstate.claim()
            except LauncherRunning as exc:
                raise MeshError(str(exc)) from None
            if leftovers:
                outcome.detail = f"stopped leftovers of a killed launcher: {', '.join(leftovers)}"
            ports = {k: v for k, v in self.config.ports().items() if owners is None or k in owners}
            busy = busy_ports(ports)
            if busy:
                listed = ", ".join(f"{port} ({owner})" for owner, port in busy.items())
                raise MeshError(f"ports in use: {listed}; is another mesh running? try --base-port")

    def start_servers(self, nats: bool = True) -> None:
        """Start embedded PostgreSQL and (unless ``nats=False``) NATS, for whatever is not external."""
        if self.config.embedded_postgres:
            self.start_postgres()
        if nats and self.config.embedded_nats:
            self.start_nats()

    def start_postgres(self) -> None:
        config = self.config
        with self._report.step("postgres", "PostgreSQL") as outcome:
            _import_pgserver_quietly()
            self.postgres = EmbeddedPostgres(
                config.postgres_dir, config.postgres_port, durable=config.durable
            )
            try:
                self.postgres.start(timeout=60.0)
            except Exception as exc:
                raise MeshError(
                    f"PostgreSQL did not start: {_describe(exc)}",
                    process="postgres",
                    log_path=config.postgres_dir / "server.log",
                    tail=log_tail(config.postgres_dir / "server.log"),
                ) from exc
            self._record("postgres", self.postgres.process)
            outcome.detail = f"127.0.0.1:{config.postgres_port} (data in {config.postgres_dir})"

    def start_nats(self) -> None:
        config = self.config
        with self._report.step("nats", "NATS JetStream") as outcome:
            self.nats = EmbeddedNats(config.nats_dir, config.nats_port, sync_always=True)
            try:
                self.nats.start()
            except Exception as exc:
                raise MeshError(
                    f"NATS did not start: {_describe(exc)}",
                    process="nats",
                    log_path=config.nats_dir / "server.log",
                    tail=log_tail(config.nats_dir / "server.log"),
                ) from exc
            self._record("nats", self.nats.process)
            outcome.detail = f"{self.nats.url} (store in {config.nats_dir})"

    def create_databases(self) -> None:
        with self._report.step("databases", "Databases") as outcome:
            results = []
            for spec in self.config.services:
                if spec.name in self.config.database_urls:
                    result = ensure_external_database(self.config.database_url(spec))
                    results.append(f"{spec.database_name} ({result}, external)")
                else:
                    assert self.postgres is not None, "start_postgres() first"
                    self.postgres.create_database(spec.database_name)
                    results.append(spec.database_name)
            outcome.detail = ", ".join(results)

    def migrate(self) -> None:
        """Run every service's Alembic migrations to head (in parallel, one subprocess each)."""
        jobs: list[tuple[str, str, ManagedProcess]] = []
        for spec in self.config.services:
            if spec.migrations is None:
                continue
            if not (spec.migrations / "alembic.ini").exists():
                raise MeshError(f"{spec.name}: no alembic.ini in {spec.migrations}", process=spec.name)
            env = {"TONGBAN_MIGRATE_URL": self.config.database_url(spec)}
            argv = [sys.executable, "-c", _MIGRATE, str(spec.migrations)]
            proc = self._process(f"{spec.name}-migrate", argv, env)
            jobs.append((f"migrate:{spec.name}", f"Migrations: {spec.name}", proc))
        self._run_jobs(jobs, self.config.migrate_timeout)

    def load_demo(self) -> None:
        """Run each service's idempotent demo data loader (``python -m <name>.demo``) where one exists."""
        jobs: list[tuple[str, str, ManagedProcess]] = []
        for spec in self.config.services:
            if spec.demo is None:
                continue
            if not _module_exists(spec.demo):
                self._report.emit(
                    f"demo:{spec.name}", f"Demo data: {spec.name}", "skip", f"no module {spec.demo}"
                )
                continue
            proc = self._process(f"{spec.name}-demo", [sys.executable, "-m", spec.demo])
            jobs.append((f"demo:{spec.name}", f"Demo data: {spec.name}", proc))
        self._run_jobs(jobs, self.config.demo_timeout)

    def start_services(self) -> None:
        """Start each service's HTTP app, then each service's worker (where the worker module exists)."""
        for spec in self.config.services:
            self._spawn(spec.name, self._uvicorn(spec), f"{spec.name} API", f"port {self.config.port(spec)}")
        for spec in self.config.services:
            if spec.worker is None:
                continue
            if not _module_exists(spec.worker):
                label = f"{spec.name} worker"
                self._report.emit(f"process:{spec.name}-worker", label, "skip", f"no module {spec.worker}")
                continue
            self._spawn(f"{spec.name}-worker", [sys.executable, "-m", spec.worker], f"{spec.name} worker")

    def start_gateway(self) -> None:
        gateway = self.config.gateway
        if gateway is not None:
            self._spawn(gateway.name, self._uvicorn(gateway), "Gateway", f"port {self.config.port(gateway)}")

    def wait_ready(self) -> None:
        """Poll each HTTP process's /readyz until all answer 200 (``ready_timeout``); fail fast on a crash."""
        targets = {spec.name: self.config.url(spec) + "/readyz" for spec in self._http_specs()}
        began = {name: time.monotonic() for name in targets}
        for name in targets:
            self._report.emit(f"ready:{name}", f"{name} ready", "start")
        last: dict[str, str] = {}
        deadline = time.monotonic() + self.config.ready_timeout
        with httpx.Client(timeout=2.0, trust_env=False) as client:
            while targets:
                self._check_alive()
                for name, url in list(targets.items()):
                    try:
                        status = client.get(url).status_code
                        last[name] = f"HTTP {status}"
                    except httpx.HTTPError as exc:
                        status, last[name] = 0, type(exc).__name__
                    if status == 200:
                        del targets[name]
                        self._report.emit(
                            f"ready:{name}", f"{name} ready", "done", "", time.monotonic() - began[name]
                        )
                if not targets:
                    break
                if time.monotonic() > deadline:
                    name = next(iter(targets))
                    path = self.config.log_dir / f"{name}.log"
                    raise MeshError(
                        f"not ready after {self.config.ready_timeout:.0f}s: "
                        + ", ".join(f"{n} ({last.get(n, 'no answer')})" for n in targets),
                        process=name,
                        log_path=path,
                        tail=log_tail(path),
                    )
                if self._cancel.wait(0.1):
                    raise MeshCancelled("cancelled while waiting for readiness")

    # while running ---------------------------------------------------------------------------------------
    def exited(self) -> list[Exited]:
        """Long-running processes (including embedded servers) that are no longer running."""
        dead = [Exited(p.name, p.returncode, p.log_path) for p in self.processes if not p.running]
        for name, server, log in (
            ("postgres", self.postgres, self.config.postgres_dir / "server.log"),
            ("nats", self.nats, self.config.nats_dir / "server.log"),
        ):
            process = None if server is None else server.process
            if process is not None and process.poll() is not None:
                dead.append(Exited(name, process.returncode, log))
        return dead

    def pids(self) -> dict[str, int]:
        """Pid of every process this mesh started that may still run (each is its process group's leader)."""
        pids = {p.name: p.pid for p in [*self._jobs, *self.processes] if p.pid is not None and not p.reaped}
        for name, server in (("postgres", self.postgres), ("nats", self.nats)):
            if server is not None and server.process is not None:
                pids[name] = server.process.pid
        return pids

    def process(self, name: str) -> ManagedProcess:
        for proc in self.processes:
            if proc.name == name:
                return proc
        raise KeyError(name)

    def restart(self, name: str, *, wait: bool = True) -> None:
        """Stop one process (group) and start it again; for HTTP processes wait for its /readyz."""
        proc = self.process(name)
        stop_all([proc], self.config.stop_timeout)
        proc.reaped = False
        proc.start()
        self._record(name, proc.popen)
        if wait and name in {spec.name for spec in self._http_specs()}:
            spec = next(spec for spec in self._http_specs() if spec.name == name)
            self._wait_one(self.config.url(spec) + "/readyz", proc)

    @property
    def urls(self) -> MeshUrls:
        config = self.config
        gateway = None if config.gateway is None else config.url(config.gateway)
        if config.embedded_postgres:
            postgres = f"postgresql://postgres@127.0.0.1:{config.postgres_port}/postgres"
        else:
            postgres = "external"
        return MeshUrls(
            gateway=gateway,
            docs=None if gateway is None else f"{gateway}/docs",
            services={spec.name: config.url(spec) for spec in config.services},
            postgres=postgres,
            nats=config.nats(),
            logs=config.log_dir,
            databases={spec.name: masked(config.database_url(spec)) for spec in config.services},
        )

    # internals -------------------------------------------------------------------------------------------
    def _http_specs(self) -> list[ServiceSpec | GatewaySpec]:
        specs: list[ServiceSpec | GatewaySpec] = list(self.config.services)
        if self.config.gateway is not None:
            specs.append(self.config.gateway)
        return specs

    def _uvicorn(self, spec: ServiceSpec | GatewaySpec) -> list[str]:
        return [
            sys.executable, "-m", "uvicorn", "--factory", spec.app,
            "--host", "127.0.0.1", "--port", str(self.config.port(spec)),
            "--lifespan", "on", "--log-level", self.config.log_level.lower(),
            "--timeout-graceful-shutdown", "5",
        ]  # fmt: skip

    def _process(self, name: str, argv: list[str], env: dict[str, str] | None = None) -> ManagedProcess:
        if not self._env:
            self._env = {**os.environ, **self.config.env()}
        return ManagedProcess(
            name,
            argv,
            env={**self._env, **(env or {})},
            cwd=self.config.root,
            log_path=self.config.log_dir / f"{name}.log",
        )

    def _spawn(self, name: str, argv: list[str], label: str, detail: str = "") -> None:
        self._checkpoint()
        with self._report.step(f"process:{name}", label) as outcome:
            proc = self._process(name, argv)
            self.processes.append(proc)
            proc.start()
            self._record(name, proc.popen)
            outcome.detail = f"pid {proc.pid}" + (f", {detail}" if detail else "")

    def _run_jobs(self, jobs: list[tuple[str, str, ManagedProcess]], timeout: float) -> None:
        """Run one-shot processes concurrently; raise on the first failure (``stop()`` ends the rest)."""
        self._checkpoint()
        pending = {}
        for step, label, proc in jobs:
            self._jobs.append(proc)
            self._report.emit(step, label, "start")
            proc.start()
            self._record(proc.name, proc.popen)
            pending[step] = (label, proc, time.monotonic())
        deadline = time.monotonic() + timeout
        while pending:
            for step, (label, proc, began) in list(pending.items()):
                code = proc.returncode
                if code is None:
                    continue
                del pending[step]
                proc.reap()
                elapsed = time.monotonic() - began
                if code != 0:
                    self._report.emit(step, label, "fail", f"exit code {code}", elapsed)
                    raise MeshError(
                        f"{label} failed (exit code {code})", process=proc.name, log_path=proc.log_path,
                        tail=proc.tail(),
                    )  # fmt: skip
                self._report.emit(step, label, "done", "", elapsed)
            if pending and time.monotonic() > deadline:
                label, proc, _ = next(iter(pending.values()))
                raise MeshError(
                    f"{label} still running after {timeout:.0f}s", process=proc.name, log_path=proc.log_path,
                    tail=proc.tail(),
                )  # fmt: skip
            if pending and self._cancel.wait(0.05):
                raise MeshCancelled("cancelled")

    def _wait_one(self, url: str, proc: ManagedProcess) -> None:
        deadline = time.monotonic() + self.config.ready_timeout
        with httpx.Client(timeout=2.0, trust_env=False) as client:
            while time.monotonic() < deadline:
                if not proc.running:
                    raise MeshError(
                        f"{proc.name} exited", process=proc.name, log_path=proc.log_path, tail=proc.tail()
                    )
                try:
                    if client.get(url).status_code == 200:
                        return
                except httpx.HTTPError:
                    pass
                time.sleep(0.1)
        raise MeshError(f"{proc.name} not ready", process=proc.name, log_path=proc.log_path, tail=proc.tail())

    def _check_alive(self) -> None:
        dead = self.exited()
        if dead:
            first = dead[0]
            raise MeshError(
                f"{first.name} exited with code {first.returncode}",
                process=first.name,
                log_path=first.log_path,
                tail=first.tail(),
            )

    def _checkpoint(self) -> None:
        if self._cancel.is_set():
            raise MeshCancelled("cancelled")

    def _record(self, name: str, popen: object) -> None:
        pid = getattr(popen, "pid", None)
        if isinstance(pid, int):
            self._runstate.add(name, pid)


def _describe(exc: BaseException) -> str:
    stderr = getattr(exc, "stderr", None)
    if isinstance(stderr, bytes):
        stderr = stderr.decode(errors="replace")
    text = str(exc)
    if isinstance(stderr, str) and stderr.strip():
        text += ": " + stderr.strip().splitlines()[-1]
    return text
