"""What a local mesh consists of: ports, services, data folder, embedded or external servers, and the env.

Everything here is pure (no I/O beyond reading a mapping), so it is unit-tested without processes.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

import tongban
from meshkit.embedded import postgres_url
from meshkit.roles import ServiceRoles
from meshkit.settings import normal_log_level

__all__ = [
    "DEFAULT_BASE_PORT",
    "NATS_OFFSET",
    "POSTGRES_OFFSET",
    "SIMULATOR_OFFSET",
    "WORKER_METRICS_OFFSET",
    "WORKER_REPLICA_STRIDE",
    "ConfigError",
    "GatewaySpec",
    "LaneSpec",
    "MeshConfig",
    "ServiceSpec",
    "SimulatorSpec",
    "load_config",
    "parse_workers",
    "repo_root",
    "standard_services",
    "worker_process",
]

DEFAULT_BASE_PORT = 8800
DEFAULT_READY_TIMEOUT = 300.0
POSTGRES_OFFSET = 32
NATS_OFFSET = 42
SIMULATOR_OFFSET = 10  # simulators take base+10, base+11, ...
# how much nicer the launcher runs the stand-ins for outside systems than the APIs (tongban.simulators)
SIMULATOR_NICE = 10
LANE_OFFSET = 20  # a service's background lane: base+20+the service's offset
WORKER_METRICS_OFFSET = 60  # a service's worker's /metrics: base+60+the service's offset
WORKER_REPLICA_STRIDE = 10  # its second worker's /metrics: base+70+the offset, the third's base+80+the offset
MAX_WORKER_REPLICAS = 3
STANDARD_SERVICE_NAMES = ("identity", "catalog", "cases", "exchange")
ENVIRONMENTS = ("dev", "test", "prod")
_FLAGS = {"1": True, "true": True, "yes": True, "0": False, "false": False, "no": False}


class ConfigError(ValueError):
    """The launcher's arguments or environment do not make a valid mesh."""


def worker_process(name: str) -> bool:
    """A worker's process name: ``<service>-worker``, or ``<service>-worker-<n>`` for its n-th replica."""
    base, _, replica = name.rpartition("-")
    return name.endswith("-worker") or (base.endswith("-worker") and replica.isdigit())


def repo_root(environ: Mapping[str, str] | None = None) -> Path:
    """``TONGBAN_ROOT`` if set, else the workspace this package lives in (deploy/src/tongban -> repo)."""
    environ = os.environ if environ is None else environ
    if value := environ.get("TONGBAN_ROOT"):
        return Path(value).resolve()
    return Path(tongban.__file__).resolve().parents[3]


@dataclass(frozen=True)
class SimulatorSpec:
    """A stand-in for a system outside the mesh (``tongban.simulators``): a uvicorn app factory on its own port.

    ``exports``: variables every mesh process gets, pointing at it (name -> path under its URL);
    ``needs``: variables it gets, pointing at a service of the mesh (name -> service name);
    ``allowed_by``: outbound allowlists that must admit it (variables every mesh process gets, listing
    ``127.0.0.1:<port>`` of each simulator naming them, comma-separated): the exchange refuses calls to
    loopback addresses unless its operators allow them, and on one machine the outside systems are on loopback.
    """

    name: str
    offset: int
    app: str
    exports: tuple[tuple[str, str], ...] = ()
    needs: tuple[tuple[str, str], ...] = ()
    allowed_by: tuple[str, ...] = ()


# The outside systems the exchange talks to: the 公安 population system (proxied resource 500110-GAJ-RK-001,
# called through the exchange's outbound policy, which admits it by EXCHANGE_OUTBOUND_ALLOW), the city-level
# approval platform (case exchange and 回流), and the time-stamping authority that witnesses the access log's
# signed checkpoints (RFC 3161 style).
EXCHANGE_SIMULATORS = (
    SimulatorSpec(
        "population-sim",
        SIMULATOR_OFFSET,
        "tongban.simulators.population:create_app",
        exports=(("EXCHANGE_DEMO_POPULATION_URL", "/population/query"),),
        allowed_by=("EXCHANGE_OUTBOUND_ALLOW",),
    ),
    SimulatorSpec(
        "city-platform-sim",
        SIMULATOR_OFFSET + 1,
        "tongban.simulators.city_platform:create_app",
        exports=(("EXCHANGE_CITY_PLATFORM_URL", ""),),
        needs=(("CITYSIM_EXCHANGE_URL", "exchange"),),
    ),
    SimulatorSpec(
        "timestamping-sim",
        SIMULATOR_OFFSET + 2,
        "tongban.simulators.timestamping:create_app",
        exports=(("EXCHANGE_WITNESS_URL", "/timestamp"),),
    ),
)


# The outside system identity talks to: the SMS gateway of one-time codes and notices (短信网关).
IDENTITY_SIMULATORS = (
    SimulatorSpec(
        "sms-sim",
        SIMULATOR_OFFSET + 3,
        "tongban.simulators.sms:create_app",
        exports=(("IDENTITY_SMS_URL", ""),),
    ),
)
SERVICE_SIMULATORS = {"exchange": EXCHANGE_SIMULATORS, "identity": IDENTITY_SIMULATORS}


# Services that call others over HTTP (besides identity's JWKS, which every service gets). A target named
# "<service>-bulk" is that service's background lane (the service itself when it has none): the cases worker
# (the only user of CASES_EXCHANGE_URL) resolves every new application's materials through the exchange's.
SERVICE_NEEDS: dict[str, tuple[tuple[str, str], ...]] = {
    # identity reads the population and legal-entity registers through the exchange (实名核验)
    "identity": (("IDENTITY_EXCHANGE_URL", "exchange"),),
    "cases": (("CASES_IDENTITY_URL", "identity"), ("CASES_EXCHANGE_URL", "exchange-bulk")),
    # the exchange completes its view of cases and subjects when a read cites one it does not know yet
    "exchange": (("EXCHANGE_IDENTITY_URL", "identity"), ("EXCHANGE_CASES_URL", "cases")),
}
LANE_SUFFIX = "-bulk"
# Services with a background lane: one more process of their API, for the mesh's own workers only.
BACKGROUND_LANES = frozenset({"exchange"})


@dataclass(frozen=True)
class ServiceSpec:
    """One service of the mesh: its HTTP app, optional worker and demo loader, and its migrations."""

    name: str
    offset: int  # port = base_port + offset
    app: str  # uvicorn factory, "module:callable"
    worker: str | None = None  # module run with ``python -m``; skipped when it does not exist
    demo: str | None = None  # idempotent demo data loader module; skipped when it does not exist
    migrations: Path | None = None  # service root holding alembic.ini and migrations/
    database: str = ""  # database name; defaults to the service name
    simulators: tuple[SimulatorSpec, ...] = ()  # outside systems it talks to, started with the mesh
    needs: tuple[tuple[str, str], ...] = ()  # variables pointing at other services it calls (name -> service)
    background_lane: bool = False  # one more API process, for the mesh's own workers, at their priority

    @property
    def database_name(self) -> str:
        return self.database or self.name

    @property
    def env_prefix(self) -> str:
        return self.name.upper().replace("-", "_")

    @property
    def roles(self) -> ServiceRoles:
        """Its database roles on the embedded server: the owner migrations run as, the role it connects as."""
        return ServiceRoles.of(self.name)

    @classmethod
    def standard(cls, name: str, offset: int, root: Path) -> ServiceSpec:
        return cls(
            name=name,
            offset=offset,
            app=f"{name}.main:create_app",
            worker=f"{name}.worker",
            demo=f"{name}.demo",
            migrations=root / "services" / name,
            simulators=SERVICE_SIMULATORS.get(name, ()),
            needs=SERVICE_NEEDS.get(name, ()),
            background_lane=name in BACKGROUND_LANES,
        )


@dataclass(frozen=True)
class LaneSpec:
    """A service's background lane: one more process of its API (same app, database and settings) on a port
    of its own, which only the mesh's workers call (the cases worker's batch reads of every application's
    materials), running nicer than even the workers (``<PREFIX>_BACKGROUND_LANE``; nice 19 by default). Under
    a burst the CPU serves the people waiting on the service's other processes first; the lane's work catches
    up after. Measured, alternating probes of 32-connection application bursts: 433 / 422 / 410 applications/s
    with a lane at nice 19 against 354 / 397 / 392 without; at the workers' nice 5, 410 / 397 against
    420 / 383 (no gain)."""

    service: ServiceSpec

    @property
    def name(self) -> str:
        return self.service.name + LANE_SUFFIX

    @property
    def offset(self) -> int:
        return LANE_OFFSET + self.service.offset

    @property
    def app(self) -> str:
        return self.service.app

    def env(self) -> dict[str, str]:
        prefix = self.service.env_prefix
        return {f"{prefix}_BACKGROUND_LANE": "true", f"{prefix}_REPLICAS": "1"}


GATEWAY_PROTOCOL = "gateway.server:GatewayProtocol"
"""The gateway's HTTP protocol (uvicorn's httptools one; a proxied request goes to the proxy without ASGI)."""


@dataclass(frozen=True)
class GatewaySpec:
    app: str = "gateway.main:create_app"
    offset: int = 0
    name: str = "gateway"


def standard_services(root: Path) -> tuple[ServiceSpec, ...]:
    return tuple(ServiceSpec.standard(name, i + 1, root) for i, name in enumerate(STANDARD_SERVICE_NAMES))


@dataclass(frozen=True)
class MeshConfig:
    """A whole local mesh. ``database_urls``/``nats_url`` name external servers; missing ones are embedded."""

    root: Path
    var_dir: Path
    services: tuple[ServiceSpec, ...]
    gateway: GatewaySpec | None = field(default_factory=GatewaySpec)
    base_port: int = DEFAULT_BASE_PORT
    database_urls: Mapping[str, str] = field(default_factory=dict)  # service name -> external URL
    migration_urls: Mapping[str, str] = field(default_factory=dict)  # service name -> external owner's URL
    nats_url: str | None = None  # external NATS
    durable: bool = True  # fsync on for PostgreSQL; the launcher's default
    demo: bool = True
    environment: str = "dev"  # TONGBAN_ENV, passed to every process: dev, test or prod
    nats_permissions: Path = Path("deploy/nats/permissions.toml")  # the NATS users (under root when relative)
    with_simulators: bool = True  # start the stand-ins for outside systems (off in prod unless asked)
    log_level: str = "INFO"
    public: str | None = None  # TONGBAN_PUBLIC_URL: the address integrators reach the gateway at
    extra_env: Mapping[str, str] = field(default_factory=dict)
    workers: Mapping[str, int] = field(default_factory=dict)
    """Worker processes of an HTTP process (service or gateway name -> count; default 1): uvicorn's workers
    under ``tongban.serve``, each on its own ``SO_REUSEPORT`` socket. A service learns its count as
    ``<PREFIX>_REPLICAS`` (the exchange splits its per-client rate limit by it)."""
    worker_replicas: Mapping[str, int] = field(default_factory=dict)
    """Processes of a service's worker (service name -> count, 1..3; default 1), each its own process
    (``TONGBAN_WORKER_REPLICAS``, e.g. ``cases=2``): ``<service>-worker``, ``<service>-worker-2``, … Safe with
    several: the outbox relay claims rows with SKIP LOCKED and the inbox applies each event once."""
    ready_timeout: float = DEFAULT_READY_TIMEOUT
    """How long the launcher waits for the mesh's APIs to answer ready (``TONGBAN_READY_TIMEOUT``). Generous:
    on a busy 2-core machine a first start took over 90 s."""
    stop_timeout: float = 10.0
    restart_limit: int = 5
    """Crashes of one process within a minute after which the launcher stops restarting it and stops the mesh
    (``TONGBAN_RESTART_LIMIT``)."""
    migrate_timeout: float = 180.0
    demo_timeout: float = 300.0

    # ports -----------------------------------------------------------------------------------------------
    @property
    def postgres_port(self) -> int:
        return self.base_port + POSTGRES_OFFSET

    @property
    def nats_port(self) -> int:
        return self.base_port + NATS_OFFSET

    def port(self, spec: ServiceSpec | GatewaySpec | SimulatorSpec | LaneSpec) -> int:
        return self.base_port + spec.offset

    def url(self, spec: ServiceSpec | GatewaySpec | SimulatorSpec | LaneSpec) -> str:
        return f"http://127.0.0.1:{self.port(spec)}"

    def worker_metrics_port(self, spec: ServiceSpec, replica: int = 1) -> int:
        """Where the service's worker (its ``replica``-th process) serves its Prometheus ``/metrics``
        (``<PREFIX>_WORKER_METRICS_PORT``)."""
        return self.base_port + WORKER_METRICS_OFFSET + WORKER_REPLICA_STRIDE * (replica - 1) + spec.offset

    def worker_names(self, spec: ServiceSpec) -> list[str]:
        """The process names of the service's worker replicas (none without a worker)."""
        if spec.worker is None:
            return []
        count = min(MAX_WORKER_REPLICAS, max(1, self.worker_replicas.get(spec.name, 1)))
        return [f"{spec.name}-worker" + ("" if i == 1 else f"-{i}") for i in range(1, count + 1)]

    def metrics_dir(self, process: str) -> Path:
        """``PROMETHEUS_MULTIPROC_DIR`` of one process group (an HTTP process with its ``--workers``, or a
        worker): its processes report as one on their port (``meshkit.exposition``)."""
        return self.var_dir / "run" / "metrics" / process

    @property
    def lanes(self) -> tuple[LaneSpec, ...]:
        """The background lanes of the services that have one."""
        return tuple(LaneSpec(spec) for spec in self.services if spec.background_lane)

    @property
    def simulators(self) -> tuple[SimulatorSpec, ...]:
        """The simulators of every service, each once; none unless ``with_simulators``."""
        if not self.with_simulators:
            return ()
        return tuple(dict.fromkeys(sim for spec in self.services for sim in spec.simulators))

    @property
    def production(self) -> bool:
        return self.environment == "prod"

    @property
    def nats_users_path(self) -> Path:
        """The embedded NATS's generated credentials (JSON, owner-only; under var/, never committed)."""
        return self.nats_dir / "users.json"

    def nats_user_of(self, process: str) -> tuple[str, str] | None:
        """(NATS user, env prefix of its settings) of a process of this mesh: a service's API and background
        lane are the service's user, its worker ``<service>-worker``, the gateway ``gateway``; None for the
        processes that do not use NATS (simulators, migrations, demo loaders)."""
        for spec in self.services:
            if process in (spec.name, spec.name + LANE_SUFFIX):
                return spec.name, spec.env_prefix
            if process in self.worker_names(spec):
                return f"{spec.name}-worker", spec.env_prefix
        if self.gateway is not None and process == self.gateway.name:
            return self.gateway.name, "GATEWAY"
        return None

    def ports(self) -> dict[str, int]:
        """Every loopback port this mesh listens on, by owner (embedded servers only when embedded)."""
        ports = {spec.name: self.port(spec) for spec in self.services}
        ports.update({lane.name: self.port(lane) for lane in self.lanes})
        ports.update({sim.name: self.port(sim) for sim in self.simulators})
        ports.update(
            {
                name: self.worker_metrics_port(spec, replica)
                for spec in self.services
                for replica, name in enumerate(self.worker_names(spec), start=1)
            }
        )
        if self.gateway is not None:
            ports[self.gateway.name] = self.port(self.gateway)
        if self.embedded_postgres:
            ports["postgres"] = self.postgres_port
        if self.embedded_nats:
            ports["nats"] = self.nats_port
        return ports

    # servers ---------------------------------------------------------------------------------------------
    @property
    def embedded_postgres(self) -> bool:
        return any(spec.name not in self.database_urls for spec in self.services)

    @property
    def embedded_nats(self) -> bool:
        return self.nats_url is None

    @property
    def postgres_dir(self) -> Path:
        return self.var_dir / "postgres"

    @property
    def nats_dir(self) -> Path:
        return self.var_dir / "nats"

    @property
    def log_dir(self) -> Path:
        return self.var_dir / "logs"

    def database_url(self, spec: ServiceSpec) -> str:
        """What the service connects as: its least-privilege role (``<service>_service``) when embedded."""
        external = self.database_urls.get(spec.name)
        if external is not None:
            return external
        return self._embedded_url(spec, spec.roles.service)

    def migration_database_url(self, spec: ServiceSpec) -> str:
        """What its migrations run as: the database's owner (``<service>_owner``) when embedded; on an external
        server ``<SERVICE>_MIGRATION_DATABASE_URL``, else its ``<SERVICE>_DATABASE_URL``."""
        external = self.migration_urls.get(spec.name) or self.database_urls.get(spec.name)
        if external is not None:
            return external
        return self._embedded_url(spec, spec.roles.owner)

    def _embedded_url(self, spec: ServiceSpec, user: str) -> str:
        """The embedded server's Unix socket (in its data folder) when the path fits, else its loopback port."""
        return postgres_url(user, self.postgres_port, spec.database_name, self.postgres_dir)

    def nats(self) -> str:
        return self.nats_url if self.nats_url is not None else f"nats://127.0.0.1:{self.nats_port}"

    @property
    def gateway_url(self) -> str:
        return f"http://127.0.0.1:{self.base_port}" if self.gateway is None else self.url(self.gateway)

    @property
    def public_url(self) -> str:
        """Where problem ``type`` URIs lead: ``TONGBAN_PUBLIC_URL``, else the gateway's own address."""
        return (self.public or self.gateway_url).rstrip("/")

    @property
    def issuer(self) -> str:
        return f"{self.gateway_url}/identity"

    @property
    def jwks_url(self) -> str:
        identity = next((spec for spec in self.services if spec.name == "identity"), None)
        origin = self.url(identity) if identity is not None else f"http://127.0.0.1:{self.base_port + 1}"
        return f"{origin}/.well-known/jwks.json"

    def env(self) -> dict[str, str]:
        """The variables every process of the mesh gets (on top of the launcher's own environment)."""
        env = {
            "TONGBAN_ENV": self.environment,
            "TONGBAN_ROOT": str(self.root),
            "TONGBAN_LOG_LEVEL": self.log_level,
            "TONGBAN_ISSUER": self.issuer,
            "TONGBAN_PUBLIC_URL": self.public_url,
            "TONGBAN_JWKS_URL": self.jwks_url,
            "NATS_URL": self.nats(),
            "PYTHONUNBUFFERED": "1",
        }
        for spec in self.services:
            env[f"{spec.env_prefix}_DATABASE_URL"] = self.database_url(spec)
            env[f"GATEWAY_{spec.env_prefix}_URL"] = self.url(spec)
            env[f"{spec.env_prefix}_REPLICAS"] = str(self.workers_of(spec))
            env[f"{spec.env_prefix}_WORKER_METRICS_PORT"] = str(self.worker_metrics_port(spec))
        by_name = {spec.name: spec for spec in self.services}
        targets = {name: self.url(spec) for name, spec in by_name.items()}
        targets.update({spec.name + LANE_SUFFIX: self.url(spec) for spec in self.services})  # no lane: itself
        targets.update({lane.name: self.url(lane) for lane in self.lanes})
        for spec in self.services:
            env.update({variable: targets[name] for variable, name in spec.needs if name in targets})
        allowlists: dict[str, list[str]] = {}
        for sim in self.simulators:
            env.update({variable: self.url(sim) + path for variable, path in sim.exports})
            env.update({variable: self.url(by_name[name]) for variable, name in sim.needs if name in by_name})
            for variable in sim.allowed_by:
                allowlists.setdefault(variable, []).append(f"127.0.0.1:{self.port(sim)}")
        env.update({variable: ",".join(entries) for variable, entries in allowlists.items()})
        env.update(self.extra_env)
        return env

    @property
    def uvicorn_log_level(self) -> str:
        """``TONGBAN_LOG_LEVEL`` as uvicorn spells it (``WARN`` -> ``warning``)."""
        return normal_log_level(self.log_level).lower()

    def workers_of(self, spec: ServiceSpec | GatewaySpec | SimulatorSpec | LaneSpec) -> int:
        if isinstance(spec, LaneSpec):
            return 1
        return max(1, self.workers.get(spec.name, 1))

    def with_base_port(self, base_port: int) -> MeshConfig:
        return replace(self, base_port=base_port)


def load_config(
    environ: Mapping[str, str] | None = None,
    *,
    base_port: int | None = None,
    var_dir: Path | None = None,
    demo: bool = True,
    root: Path | None = None,
    simulators: bool | None = None,
) -> MeshConfig:
    """The launcher's config: arguments win over ``TONGBAN_BASE_PORT``; server URLs come from the env.

    ``TONGBAN_ENV`` is passed to every process. In ``prod`` no demo data is loaded, and the simulators of outside
    systems start only when asked (``simulators=True``, ``tongban up --simulators`` or ``TONGBAN_SIMULATORS=1``)."""
    environ = os.environ if environ is None else environ
    root = repo_root(environ) if root is None else root
    if base_port is None:
        raw = environ.get("TONGBAN_BASE_PORT", "").strip()
        if raw and not raw.isdigit():
            raise ConfigError(f"TONGBAN_BASE_PORT must be a port number, not {raw!r}")
        base_port = int(raw) if raw else DEFAULT_BASE_PORT
    if not 1024 <= base_port <= 65535 - NATS_OFFSET:
        raise ConfigError(f"base port {base_port} out of range (1024..{65535 - NATS_OFFSET})")
    services = standard_services(root)
    database_urls = {
        spec.name: url
        for spec in services
        if (url := environ.get(f"{spec.env_prefix}_DATABASE_URL", "").strip())
    }
    migration_urls = {
        spec.name: url
        for spec in services
        if (url := environ.get(f"{spec.env_prefix}_MIGRATION_DATABASE_URL", "").strip())
    }
    nats_url = environ.get("NATS_URL", "").strip() or None
    workers = parse_workers(
        environ.get("TONGBAN_WORKERS", ""), known=(*STANDARD_SERVICE_NAMES, GatewaySpec.name)
    )
    worker_replicas = parse_workers(
        environ.get("TONGBAN_WORKER_REPLICAS", ""),
        known=STANDARD_SERVICE_NAMES,
        variable="TONGBAN_WORKER_REPLICAS",
        most=MAX_WORKER_REPLICAS,
    )
    try:
        log_level = normal_log_level(environ.get("TONGBAN_LOG_LEVEL", "INFO"))
    except ValueError as exc:
        raise ConfigError(f"TONGBAN_LOG_LEVEL: {exc}") from None
    ready_timeout = _seconds(environ, "TONGBAN_READY_TIMEOUT", DEFAULT_READY_TIMEOUT)
    environment = environ.get("TONGBAN_ENV", "").strip() or "dev"
    if environment not in ENVIRONMENTS:
        raise ConfigError(f"TONGBAN_ENV must be one of {', '.join(ENVIRONMENTS)}, not {environment!r}")
    if simulators is None:
        raw = environ.get("TONGBAN_SIMULATORS", "").strip().lower()
        if raw and raw not in _FLAGS:
            raise ConfigError(f"TONGBAN_SIMULATORS must be 1 or 0, not {raw!r}")
        simulators = _FLAGS[raw] if raw else environment != "prod"
    return MeshConfig(
        root=root,
        var_dir=(var_dir if var_dir is not None else root / "var").resolve(),
        services=services,
        base_port=base_port,
        database_urls=database_urls,
        migration_urls=migration_urls,
        nats_url=nats_url,
        demo=demo and environment != "prod",
        environment=environment,
        with_simulators=simulators,
        log_level=log_level,
        public=environ.get("TONGBAN_PUBLIC_URL", "").strip() or None,
        workers=workers,
        worker_replicas=worker_replicas,
        ready_timeout=ready_timeout,
        restart_limit=_count(environ, "TONGBAN_RESTART_LIMIT", 5),
    )


def _count(environ: Mapping[str, str], variable: str, default: int) -> int:
    raw = environ.get(variable, "").strip()
    if not raw:
        return default
    if not raw.isdigit() or not 1 <= int(raw) <= 100:
        raise ConfigError(f"{variable} must be a whole number between 1 and 100, not {raw!r}")
    return int(raw)


def parse_workers(
    value: str, *, known: Collection[str], variable: str = "TONGBAN_WORKERS", most: int = 64
) -> dict[str, int]:
    """``TONGBAN_WORKERS``, e.g. ``exchange=2,gateway=2``: worker processes per HTTP process (or, as
    ``TONGBAN_WORKER_REPLICAS``, processes per service worker); a name that is not one of ``known`` is refused
    (a typo would otherwise be ignored without a word)."""
    workers: dict[str, int] = {}
    for part in filter(None, (p.strip() for p in value.split(","))):
        name, _, count = part.partition("=")
        if not count.strip().isdigit() or not 1 <= int(count) <= most:
            raise ConfigError(f"{variable}: {part!r} is not <name>=<1..{most}>")
        if name.strip() not in known:
            raise ConfigError(f"{variable}: no process named {name.strip()!r} (one of {', '.join(known)})")
        workers[name.strip()] = int(count)
    return workers


def _seconds(environ: Mapping[str, str], variable: str, default: float) -> float:
    raw = environ.get(variable, "").strip()
    if not raw:
        return default
    try:
        seconds = float(raw)
    except ValueError:
        seconds = -1.0
    if not 1 <= seconds <= 3600:
        raise ConfigError(f"{variable} must be a number of seconds between 1 and 3600, not {raw!r}")
    return seconds
