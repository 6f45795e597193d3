"""The whole local mesh as one object: servers, databases, migrations, demo data, processes, readiness.

Used by ``tongban up`` and by e2e tests and benchmarks; it never prints, it reports :class:`StepEvent`
values to a callback. ``start()`` and ``stop()`` block; a failing ``start()`` stops what it began.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import threading
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from meshkit.embedded import EmbeddedNats, EmbeddedPostgres
from meshkit.exposition import MULTIPROC_ENV, clean_multiproc_dir
from meshkit.observability import uvicorn_log_config
from tongban.config import (
    GATEWAY_PROTOCOL,
    SIMULATOR_NICE,
    GatewaySpec,
    LaneSpec,
    MeshConfig,
    ServiceSpec,
    SimulatorSpec,
)
from tongban.databases import database_name, ensure_external_database
from tongban.forwarding import FORWARDING_KEY, forwarding_key
from tongban.natsusers import mesh_nats_users, process_nats_env
from tongban.ports import busy_ports
from tongban.preflight import EMBEDDED_POSTGRES
from tongban.processes import ManagedProcess, log_tail, stop_all
from tongban.runstate import LauncherRunning, RunState
from tongban.servers import start_server, stop_postgres, wait_postgres_accepts
from tongban.simulators import NICE_VARIABLE
from tongban.steps import MeshCancelled, MeshError, ProgressCallback, Reporter, no_progress
from tongban.urls import MeshUrls, mesh_urls
from tongban.waiting import Job, run_jobs, wait_ready

__all__ = ["Exited", "Mesh", "MeshUrls"]

_MIGRATE = (
    "import os, sys; from pathlib import Path; from meshkit.migrations import upgrade; "
    "from meshkit.observability import configure_logging; configure_logging(sys.argv[2]); "
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


def _module_exists(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


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
        self._nats_passwords: dict[str, str] | None = None  # the embedded NATS's users
        self.late: list[
            str
        ] = []  # helpers (lanes, simulators) that were still starting when the mesh answered

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
            self.preflight()
            self.start_servers()
            self.create_databases()
            self.migrate()
            if self.config.demo:
                self.load_demo()
            elif self.config.production:
                self._report.emit("demo", "Demo data", "skip", "TONGBAN_ENV=prod loads no demo data")
            self.start_services()
            self.start_gateway()
            self.wait_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        """SIGTERM each process group in reverse start order, SIGKILL stragglers, stop NATS and PostgreSQL."""
        if not (self._runstate.claimed or self._jobs or self.processes or self.postgres or self.nats):
            return  # nothing was started (e.g. another launcher owns var/)
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
                    stop_postgres(self.postgres)
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
            if self.config.embedded_nats:
                users = mesh_nats_users(self.config)
                self._nats_passwords = {user.name: user.password for user in users}
            ports = {k: v for k, v in self.config.ports().items() if owners is None or k in owners}
            self._runstate.describe(ports)
            busy = busy_ports(ports)
            if busy:
                listed = ", ".join(f"{port} ({owner})" for owner, port in busy.items())
                raise MeshError(f"ports in use: {listed}; is another mesh running? try --base-port")

    def preflight(self) -> None:
        """Outside dev, before anything starts: every service's settings judged at once (``tongban.preflight``);
        one message naming every development or demo value still set, then nothing is started."""
        if self.config.environment == "dev":
            return
        with self._report.step("preflight", f"Settings for TONGBAN_ENV={self.config.environment}") as outcome:
            env = self._base_env()
            for spec in self.config.services:
                env.update(process_nats_env(self.config, spec.name, self._nats_passwords, env))
            names = [spec.name for spec in self.config.services]
            if self.config.embedded_postgres:
                env[EMBEDDED_POSTGRES] = "1"
            result = subprocess.run(
                [sys.executable, "-m", "tongban.preflight", *names],
                env=env,
                cwd=self.config.root,
                capture_output=True,
                text=True,
                check=False,
            )
            if result.returncode != 0:
                lines = result.stderr.strip().splitlines()
                raise MeshError(lines[-1] if lines else f"preflight exited with {result.returncode}")
            outcome.detail = "no development or demo values"

    def start_servers(self, nats: bool = True) -> None:
        """Start embedded PostgreSQL and (unless ``nats=False``) NATS, for whatever is not external."""
        if self.config.embedded_postgres:
            self.start_postgres()
        if nats and self.config.embedded_nats:
            self.start_nats()

    def start_postgres(self) -> None:
        config = self.config
        with self._report.step("postgres", "PostgreSQL") as outcome:
            self.postgres = EmbeddedPostgres(
                config.postgres_dir, config.postgres_port, durable=config.durable
            )
            log = config.postgres_dir / "server.log"
            start_server(self.postgres, "postgres", log, timeout=60.0)
            self._record("postgres", self.postgres.process)
            wait_postgres_accepts(self.postgres, log)
            outcome.detail = f"127.0.0.1:{config.postgres_port} (data in {config.postgres_dir})"

    def start_nats(self) -> None:
        config = self.config
        with self._report.step("nats", "NATS JetStream") as outcome:
            users = mesh_nats_users(config)
            self._nats_passwords = {user.name: user.password for user in users}
            self.nats = EmbeddedNats(config.nats_dir, config.nats_port, sync_always=True, users=users)
            start_server(self.nats, "nats", config.nats_dir / "server.log", timeout=20.0)
            self._record("nats", self.nats.process)
            outcome.detail = f"{self.nats.url} (store in {config.nats_dir})"

    def create_databases(self) -> None:
        with self._report.step("databases", "Databases") as outcome:
            results = []
            for spec in self.config.services:
                if spec.name in self.config.database_urls:
                    url = self.config.migration_database_url(spec)
                    result = ensure_external_database(url)
                    results.append(f"{database_name(url)} ({result}, external)")
                else:
                    assert self.postgres is not None, "start_postgres() first"
                    self.postgres.create_service_database(spec.database_name, spec.roles)
                    results.append(spec.database_name)
            outcome.detail = ", ".join(results)

    def migrate(self) -> None:
        """Run every service's Alembic migrations to head (in parallel, one subprocess each)."""
        jobs: list[Job] = []
        for spec in self.config.services:
            if spec.migrations is None:
                continue
            if not (spec.migrations / "alembic.ini").exists():
                raise MeshError(f"{spec.name}: no alembic.ini in {spec.migrations}", process=spec.name)
            env = {"TONGBAN_MIGRATE_URL": self.config.migration_database_url(spec)}
            argv = [sys.executable, "-c", _MIGRATE, str(spec.migrations), f"{spec.name}-migrate"]
            proc = self._process(f"{spec.name}-migrate", argv, env)
            jobs.append(Job(f"migrate:{spec.name}", f"Migrations: {spec.name}", proc))
        self._run_jobs(jobs, self.config.migrate_timeout)

    def load_demo(self) -> None:
        """Run each service's idempotent demo data loader (``python -m <name>.demo``) where one exists."""
        jobs: list[Job] = []
        for spec in self.config.services:
            if spec.demo is None:
                continue
            if not _module_exists(spec.demo):
                self._report.emit(
                    f"demo:{spec.name}", f"Demo data: {spec.name}", "skip", f"no module {spec.demo}"
                )
                continue
            proc = self._process(f"{spec.name}-demo", [sys.executable, "-m", spec.demo])
            jobs.append(Job(f"demo:{spec.name}", f"Demo data: {spec.name}", proc))
        self._run_jobs(jobs, self.config.demo_timeout)

    def start_services(self) -> None:
        """Start the simulators of outside systems, each service's HTTP app and background lane, then each
        service's worker (where the worker module exists)."""
        for sim in self.config.simulators:
            self._spawn(
                sim.name,
                self._uvicorn(sim),
                f"Simulator {sim.name}",
                f"port {self.config.port(sim)}",
                env={NICE_VARIABLE: str(SIMULATOR_NICE)},  # an outside system: off the APIs' cores first
            )
        for spec in self.config.services:
            self._spawn(spec.name, self._uvicorn(spec), f"{spec.name} API", f"port {self.config.port(spec)}")
        for lane in self.config.lanes:
            self._spawn(
                lane.name,
                self._uvicorn(lane),
                f"{lane.service.name} background lane",
                f"port {self.config.port(lane)}",
                env=lane.env(),
            )
        for spec in self.config.services:
            if spec.worker is None:
                continue
            if not _module_exists(spec.worker):
                label = f"{spec.name} worker"
                self._report.emit(f"process:{spec.name}-worker", label, "skip", f"no module {spec.worker}")
                continue
            for replica, name in enumerate(self.config.worker_names(spec), start=1):
                port = self.config.worker_metrics_port(spec, replica)
                self._spawn(
                    name,
                    [sys.executable, "-m", spec.worker],
                    f"{spec.name} worker" + ("" if replica == 1 else f" ({replica})"),
                    env={f"{spec.env_prefix}_WORKER_METRICS_PORT": str(port)},
                )

    def start_gateway(self) -> None:
        gateway = self.config.gateway
        if gateway is not None:
            self._spawn(gateway.name, self._uvicorn(gateway), "Gateway", f"port {self.config.port(gateway)}")

    def wait_ready(self) -> None:
        """Poll each HTTP process's /readyz until all answer 200 (``ready_timeout``); fail fast on a crash. The
        gateway and the services' APIs must answer in time; a background lane or simulator still starting then
        is left to finish (``late``), not a reason to stop a mesh that answered."""
        specs = self._http_specs()
        self.late = wait_ready(
            {spec.name: self._readyz(spec) for spec in specs},
            timeout=self.config.ready_timeout,
            report=self._report,
            cancel=self._cancel,
            check_alive=self._check_alive,
            optional=[spec.name for spec in specs if isinstance(spec, LaneSpec | SimulatorSpec)],
        )

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
        """Stop one process (group) and start it again; for an HTTP process wait for its /readyz. The embedded
        PostgreSQL and NATS start again on their own data (a MeshError when they cannot)."""
        if name in ("postgres", "nats"):
            self._restart_server(name)
            return
        proc = self.process(name)
        stop_all([proc], self.config.stop_timeout)
        proc.reaped = False
        proc.start()
        self._record(name, proc.popen)
        spec = next((spec for spec in self._http_specs() if spec.name == name), None)
        if wait and spec is not None:

            def check_alive() -> None:
                if not proc.running:
                    raise MeshError(f"{name} exited", process=name, log_path=proc.log_path, tail=proc.tail())

            wait_ready(
                {name: self._readyz(spec)},
                timeout=self.config.ready_timeout,
                report=self._report,
                cancel=self._cancel,
                check_alive=check_alive,
            )

    def _restart_server(self, name: str) -> None:
        config = self.config
        if name == "postgres":
            if self.postgres is None:
                raise KeyError(name)
            stop_postgres(self.postgres)  # reaps an exited server; stops a running one
            log = config.postgres_dir / "server.log"
            start_server(self.postgres, "postgres", log, timeout=60.0)
            self._record("postgres", self.postgres.process)
            wait_postgres_accepts(self.postgres, log)
            return
        if self.nats is None:
            raise KeyError(name)
        self.nats.stop()
        start_server(self.nats, "nats", config.nats_dir / "server.log", timeout=20.0)
        self._record("nats", self.nats.process)

    @property
    def urls(self) -> MeshUrls:
        return mesh_urls(self.config)

    # internals -------------------------------------------------------------------------------------------
    def _http_specs(self) -> list[ServiceSpec | GatewaySpec | SimulatorSpec | LaneSpec]:
        specs: list[ServiceSpec | GatewaySpec | SimulatorSpec | LaneSpec] = [
            *self.config.simulators,
            *self.config.services,
            *self.config.lanes,
        ]
        if self.config.gateway is not None:
            specs.append(self.config.gateway)
        return specs

    def _uvicorn(self, spec: ServiceSpec | GatewaySpec | SimulatorSpec | LaneSpec) -> list[str]:
        """uvicorn through the mesh's launcher (``tongban.serve``): several workers each on their own socket."""
        argv = [
            sys.executable,
            "-m",
            "tongban.serve",
            spec.app,
            "--host",
            "127.0.0.1",
            "--port",
            str(self.config.port(spec)),
            "--lifespan",
            "on",
            "--log-level",
            self.config.uvicorn_log_level,
            "--log-config",  # uvicorn's own lines as JSON and masked, from its first (written by _spawn)
            str(self._log_config_path(spec.name)),
            "--timeout-graceful-shutdown",
            "5",
            # uvicorn.access is held at WARNING (meshkit.observability), so its per-request line is never written,
            # yet uvicorn formats its arguments on every response while a handler exists (issue 21: ≈ 1 % of a
            # read's CPU). The gateway writes its own access line (RequestContextMiddleware).
            "--no-access-log",
        ]
        if isinstance(spec, GatewaySpec):
            # its own trusted proxies decide the client's address (gateway.limits); its own protocol hands a
            # proxied request to the proxy without ASGI (gateway.server)
            argv += ["--no-proxy-headers", "--http", GATEWAY_PROTOCOL]
        workers = self.config.workers_of(spec)
        if workers > 1:  # the supervisor restarts dead ones; each binds its own SO_REUSEPORT socket
            argv += ["--workers", str(workers)]
        return argv

    def _log_config_path(self, name: str) -> Path:
        return self.config.var_dir / "run" / "logging" / f"{name}.json"

    def _write_log_config(self, name: str) -> None:
        path = self._log_config_path(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        config = uvicorn_log_config(name, self.config.uvicorn_log_level)
        path.write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")

    def _base_env(self) -> dict[str, str]:
        if not self._env:
            self._env = {**os.environ, **self.config.env()}
            self._env.setdefault(
                FORWARDING_KEY, forwarding_key(self.config.var_dir / "run" / "forwarding.key")
            )
        return dict(self._env)

    def _process(self, name: str, argv: list[str], env: dict[str, str] | None = None) -> ManagedProcess:
        base = self._base_env()
        nats = process_nats_env(self.config, name, self._nats_passwords, base)
        return ManagedProcess(
            name,
            argv,
            env={**base, **nats, **(env or {})},
            cwd=self.config.root,
            log_path=self.config.log_dir / f"{name}.log",
        )

    def _spawn(
        self, name: str, argv: list[str], label: str, detail: str = "", *, env: dict[str, str] | None = None
    ) -> None:
        self._checkpoint()
        with self._report.step(f"process:{name}", label) as outcome:
            if "--log-config" in argv:
                self._write_log_config(name)
            metrics_dir = self.config.metrics_dir(name)  # the group's samples: emptied once, at its start
            clean_multiproc_dir(metrics_dir)
            proc = self._process(name, argv, {**(env or {}), MULTIPROC_ENV: str(metrics_dir)})
            self.processes.append(proc)
            proc.start()
            self._record(name, proc.popen)
            outcome.detail = f"pid {proc.pid}" + (f", {detail}" if detail else "")

    def _run_jobs(self, jobs: list[Job], timeout: float) -> None:
        self._checkpoint()

        def started(proc: ManagedProcess) -> None:
            self._jobs.append(proc)
            self._record(proc.name, proc.popen)

        run_jobs(jobs, timeout=timeout, report=self._report, cancel=self._cancel, started=started)

    def _readyz(self, spec: ServiceSpec | GatewaySpec | SimulatorSpec | LaneSpec) -> tuple[str, Path]:
        return f"{self.config.url(spec)}/readyz", self.config.log_dir / f"{spec.name}.log"

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
