"""Ports, servers and environment computed from arguments and env (no I/O)."""

from __future__ import annotations

from pathlib import Path

import pytest

import tongban
from tongban.config import (
    ConfigError,
    MeshConfig,
    load_config,
    repo_root,
    standard_services,
    worker_process,
)

pytestmark = pytest.mark.unit

ROOT = Path("/srv/tongban")


def config(environ: dict[str, str] | None = None, **kwargs: object) -> MeshConfig:
    return load_config(environ or {}, root=ROOT, **kwargs)  # type: ignore[arg-type]


def test_default_ports() -> None:
    cfg = config()
    assert cfg.ports() == {
        "identity": 8801,
        "catalog": 8802,
        "cases": 8803,
        "exchange": 8804,
        "exchange-bulk": 8824,
        "population-sim": 8810,
        "city-platform-sim": 8811,
        "timestamping-sim": 8812,
        "sms-sim": 8813,
        "identity-worker": 8861,  # each worker's /metrics
        "catalog-worker": 8862,
        "cases-worker": 8863,
        "exchange-worker": 8864,
        "gateway": 8800,
        "postgres": 8832,
        "nats": 8842,
    }


def test_base_port_shifts_every_port() -> None:
    cfg = config(base_port=9100)
    assert cfg.ports() == {
        "identity": 9101,
        "catalog": 9102,
        "cases": 9103,
        "exchange": 9104,
        "exchange-bulk": 9124,
        "population-sim": 9110,
        "city-platform-sim": 9111,
        "timestamping-sim": 9112,
        "sms-sim": 9113,
        "identity-worker": 9161,
        "catalog-worker": 9162,
        "cases-worker": 9163,
        "exchange-worker": 9164,
        "gateway": 9100,
        "postgres": 9132,
        "nats": 9142,
    }


def test_base_port_from_env_and_argument_wins() -> None:
    assert config({"TONGBAN_BASE_PORT": "9200"}).base_port == 9200
    assert config({"TONGBAN_BASE_PORT": "9200"}, base_port=9300).base_port == 9300


@pytest.mark.parametrize("value", ["abc", "80", "65530"])
def test_bad_base_port_is_refused(value: str) -> None:
    with pytest.raises(ConfigError):
        config({"TONGBAN_BASE_PORT": value})


def test_defaults_do_not_touch_the_usual_server_ports() -> None:
    assert not {5432, 4222} & set(config().ports().values())


def test_embedded_servers_by_default() -> None:
    cfg = config()
    assert cfg.embedded_postgres
    assert cfg.embedded_nats
    # the service connects as its least-privilege role; its migrations run as the database's owner
    # over the embedded server's Unix socket in its data folder (.s.PGSQL.8832)
    socket = "host=%2Fsrv%2Ftongban%2Fvar%2Fpostgres&port=8832"
    assert cfg.database_url(cfg.services[2]) == f"postgresql+asyncpg://cases_service@/cases?{socket}"
    assert cfg.migration_database_url(cfg.services[2]) == f"postgresql+asyncpg://cases_owner@/cases?{socket}"
    assert cfg.nats() == "nats://127.0.0.1:8842"


def test_external_urls_skip_embedded_servers() -> None:
    environ = {
        f"{name.upper()}_DATABASE_URL": f"postgresql+asyncpg://u:p@db:5432/{name}"
        for name in ("identity", "catalog", "cases", "exchange")
    }
    environ["NATS_URL"] = "nats://bus:4222"
    cfg = config(environ)
    assert not cfg.embedded_postgres
    assert not cfg.embedded_nats
    assert "postgres" not in cfg.ports()
    assert "nats" not in cfg.ports()
    env = cfg.env()
    assert env["CASES_DATABASE_URL"] == "postgresql+asyncpg://u:p@db:5432/cases"
    assert env["NATS_URL"] == "nats://bus:4222"
    # migrations: the owner's URL when given, else the service's own
    assert cfg.migration_database_url(cfg.services[2]) == "postgresql+asyncpg://u:p@db:5432/cases"
    owner = config({**environ, "CASES_MIGRATION_DATABASE_URL": "postgresql+asyncpg://owner:q@db:5432/cases"})
    assert owner.migration_database_url(owner.services[2]) == "postgresql+asyncpg://owner:q@db:5432/cases"
    assert owner.database_url(owner.services[2]) == "postgresql+asyncpg://u:p@db:5432/cases"
    assert "CASES_MIGRATION_DATABASE_URL" not in owner.env()  # the owner's credentials stay with the launcher


def test_partly_external_databases_still_need_embedded_postgres() -> None:
    cfg = config({"CASES_DATABASE_URL": "postgresql+asyncpg://u@db/cases"})
    assert cfg.embedded_postgres
    assert cfg.database_url(cfg.services[2]) == "postgresql+asyncpg://u@db/cases"
    assert cfg.database_url(cfg.services[0]).startswith(
        "postgresql+asyncpg://identity_service@/identity?host="
    )


def test_env_of_every_process() -> None:
    env = config(base_port=9000).env()
    assert env["TONGBAN_ENV"] == "dev"
    assert env["TONGBAN_ISSUER"] == "http://127.0.0.1:9000/identity"
    assert env["TONGBAN_JWKS_URL"] == "http://127.0.0.1:9001/.well-known/jwks.json"
    assert env["NATS_URL"] == "nats://127.0.0.1:9042"
    assert env["TONGBAN_LOG_LEVEL"] == "INFO"
    for name, port in (("IDENTITY", 9001), ("CATALOG", 9002), ("CASES", 9003), ("EXCHANGE", 9004)):
        assert env[f"GATEWAY_{name}_URL"] == f"http://127.0.0.1:{port}"
        role = f"{name.lower()}_service"
        socket = "host=%2Fsrv%2Ftongban%2Fvar%2Fpostgres&port=9032"
        assert env[f"{name}_DATABASE_URL"] == f"postgresql+asyncpg://{role}@/{name.lower()}?{socket}"
    # the simulators of outside systems, and where they find the exchange
    assert env["EXCHANGE_DEMO_POPULATION_URL"] == "http://127.0.0.1:9010/population/query"
    assert env["EXCHANGE_CITY_PLATFORM_URL"] == "http://127.0.0.1:9011"
    assert env["CITYSIM_EXCHANGE_URL"] == "http://127.0.0.1:9004"
    # the exchange's outbound policy refuses loopback addresses unless allowed: the population simulator is
    assert env["EXCHANGE_OUTBOUND_ALLOW"] == "127.0.0.1:9010"
    assert env["EXCHANGE_WITNESS_URL"] == "http://127.0.0.1:9012/timestamp"
    # the cases worker reads every application's materials through the exchange's background lane
    assert env["CASES_EXCHANGE_URL"] == "http://127.0.0.1:9024"
    assert env["CASES_IDENTITY_URL"] == "http://127.0.0.1:9001"
    # identity reads the registers through the exchange and sends one-time codes through the SMS gateway
    assert env["IDENTITY_EXCHANGE_URL"] == "http://127.0.0.1:9004"
    assert env["IDENTITY_SMS_URL"] == "http://127.0.0.1:9013"
    assert "EXCHANGE_BACKGROUND_LANE" not in env  # the lane's own variable, not every process's


def test_the_exchange_has_a_background_lane_for_the_workers() -> None:
    from dataclasses import replace

    from tongban.mesh import Mesh

    cfg = config({"TONGBAN_WORKERS": "exchange=2"}, base_port=9000)
    (lane,) = cfg.lanes
    assert (lane.name, cfg.url(lane), lane.app) == (
        "exchange-bulk",
        "http://127.0.0.1:9024",
        "exchange.main:create_app",
    )
    assert lane.env() == {"EXCHANGE_BACKGROUND_LANE": "true", "EXCHANGE_REPLICAS": "1"}
    argv = Mesh(cfg)._uvicorn(lane)
    assert argv[argv.index("--port") + 1] == "9024"
    assert "--workers" not in argv  # one process, whatever the exchange's own count
    assert [spec.name for spec in Mesh(cfg)._http_specs()].count(
        "exchange-bulk"
    ) == 1  # waited for, restartable
    # a mesh whose exchange has no lane: the worker calls the exchange itself
    without = replace(cfg, services=tuple(replace(s, background_lane=False) for s in cfg.services))
    assert without.lanes == ()
    assert without.env()["CASES_EXCHANGE_URL"] == "http://127.0.0.1:9004"
    assert "exchange-bulk" not in without.ports()


def test_log_level_and_extra_env() -> None:
    cfg = config({"TONGBAN_LOG_LEVEL": "DEBUG"})
    assert cfg.env()["TONGBAN_LOG_LEVEL"] == "DEBUG"
    from dataclasses import replace

    assert replace(cfg, extra_env={"NATS_URL": "nats://x:1"}).env()["NATS_URL"] == "nats://x:1"


def test_standard_services() -> None:
    services = standard_services(ROOT)
    assert [(s.name, s.offset) for s in services] == [
        ("identity", 1),
        ("catalog", 2),
        ("cases", 3),
        ("exchange", 4),
    ]
    cases = services[2]
    assert cases.app == "cases.main:create_app"
    assert cases.worker == "cases.worker"
    assert cases.demo == "cases.demo"
    assert cases.migrations == ROOT / "services" / "cases"


def test_var_dir_defaults_under_the_repo_root(tmp_path: Path) -> None:
    assert config().var_dir == ROOT / "var"
    assert config(var_dir=tmp_path / "v").var_dir == tmp_path / "v"
    assert config().log_dir == ROOT / "var" / "logs"


def test_repo_root_from_package_or_env(tmp_path: Path) -> None:
    assert repo_root({}) == Path(tongban.__file__).resolve().parents[3]
    assert (repo_root({}) / "deploy" / "pyproject.toml").exists()
    assert repo_root({"TONGBAN_ROOT": str(tmp_path)}) == tmp_path


@pytest.mark.parametrize(
    ("level", "expected"), [("INFO", "info"), ("WARN", "warning"), ("debug", "debug"), (" error ", "error")]
)
def test_uvicorn_log_level(level: str, expected: str) -> None:
    assert config({"TONGBAN_LOG_LEVEL": level}).uvicorn_log_level == expected


@pytest.mark.parametrize("level", ["verbose", "x", "trace"])
def test_a_bad_log_level_is_refused_in_one_line(level: str) -> None:
    """Issue 19 failure 16: TONGBAN_LOG_LEVEL=verbose crashed every service with a traceback."""
    with pytest.raises(ConfigError, match="TONGBAN_LOG_LEVEL") as refused:
        config({"TONGBAN_LOG_LEVEL": level})
    assert "DEBUG / INFO / WARNING / ERROR / CRITICAL" in str(refused.value)
    assert "\n" not in str(refused.value)


def test_workers_per_http_process() -> None:
    from tongban.mesh import Mesh

    cfg = config({"TONGBAN_WORKERS": "exchange=2, gateway=3"})
    assert dict(cfg.workers) == {"exchange": 2, "gateway": 3}
    env = cfg.env()
    assert env["EXCHANGE_REPLICAS"] == "2"  # the exchange splits its per-client rate limit by it
    assert env["CATALOG_REPLICAS"] == "1"
    mesh = Mesh(cfg)
    exchange = next(spec for spec in cfg.services if spec.name == "exchange")
    catalog = next(spec for spec in cfg.services if spec.name == "catalog")
    assert mesh._uvicorn(exchange)[-2:] == ["--workers", "2"]
    assert cfg.gateway is not None
    assert mesh._uvicorn(cfg.gateway)[-2:] == ["--workers", "3"]
    assert "--workers" not in mesh._uvicorn(catalog)


@pytest.mark.parametrize("value", ["exchange", "exchange=0", "exchange=x", "exchange=65", "exchnage=2"])
def test_bad_workers_are_refused(value: str) -> None:
    with pytest.raises(ConfigError, match="TONGBAN_WORKERS"):
        config({"TONGBAN_WORKERS": value})


def test_an_unknown_name_in_workers_is_refused() -> None:
    """Issue 19 failure 16: TONGBAN_WORKERS=exchnage=2 was silently ignored."""
    with pytest.raises(ConfigError, match=r"no process named 'exchnage'.*exchange"):
        config({"TONGBAN_WORKERS": "exchnage=2"})


@pytest.mark.parametrize("value", ["0", "x", "-5", "99999"])
def test_a_bad_ready_timeout_is_refused(value: str) -> None:
    with pytest.raises(ConfigError, match="TONGBAN_READY_TIMEOUT"):
        config({"TONGBAN_READY_TIMEOUT": value})


def test_the_ready_timeout_is_generous_and_settable() -> None:
    """Issue 19 failure 15: a fixed 90 s was not enough for a first start on a busy 2-core machine."""
    assert config().ready_timeout >= 300
    assert config({"TONGBAN_READY_TIMEOUT": "600"}).ready_timeout == 600


def test_issue18_f12_problem_types_lead_to_the_public_gateway() -> None:
    """Every process learns where problem `type` URIs lead: the gateway, or the public address an operator sets."""
    assert config(base_port=9000).env()["TONGBAN_PUBLIC_URL"] == "http://127.0.0.1:9000"
    public = config({"TONGBAN_PUBLIC_URL": "https://tongban.qijiang.example/"}, base_port=9000).env()
    assert public["TONGBAN_PUBLIC_URL"] == "https://tongban.qijiang.example"
    assert public["TONGBAN_ISSUER"] == "http://127.0.0.1:9000/identity"  # unchanged


def test_issue20_cluster_worker_replicas_are_separate_processes_with_their_own_ports() -> None:
    """The cluster test runs two replicas of every worker (issue 20): each a process of its own, named, with its
    own /metrics port, connecting as the worker's NATS user."""
    cfg = config({"TONGBAN_WORKER_REPLICAS": "cases=2, exchange=3"})
    by_name = {spec.name: spec for spec in cfg.services}
    assert cfg.worker_names(by_name["cases"]) == ["cases-worker", "cases-worker-2"]
    assert cfg.worker_names(by_name["exchange"]) == [
        "exchange-worker",
        "exchange-worker-2",
        "exchange-worker-3",
    ]
    assert cfg.worker_names(by_name["catalog"]) == ["catalog-worker"]
    ports = cfg.ports()
    assert ports["cases-worker"] == 8800 + 60 + by_name["cases"].offset
    assert ports["cases-worker-2"] == 8800 + 70 + by_name["cases"].offset
    assert ports["exchange-worker-3"] == 8800 + 80 + by_name["exchange"].offset
    assert len(set(ports.values())) == len(ports)  # no two processes on one port
    assert cfg.nats_user_of("cases-worker-2") == ("cases-worker", "CASES")
    assert worker_process("cases-worker-2")
    assert worker_process("cases-worker")
    assert not worker_process("cases")
    assert not worker_process("exchange-bulk")


@pytest.mark.parametrize("value", ["cases=4", "cases=0", "gateway=2", "cases"])
def test_bad_worker_replicas_are_refused(value: str) -> None:
    with pytest.raises(ConfigError, match="TONGBAN_WORKER_REPLICAS"):
        config({"TONGBAN_WORKER_REPLICAS": value})


def test_worker_replicas_are_spawned_with_their_own_metrics_port(tmp_path: Path) -> None:
    """Mesh.start_services starts each replica as its own process with its own <PREFIX>_WORKER_METRICS_PORT."""
    from tongban.mesh import Mesh

    cfg = load_config(
        {"TONGBAN_WORKER_REPLICAS": "cases=2"}, root=repo_root(), var_dir=tmp_path, simulators=False
    )
    spawned: list[tuple[str, dict[str, str]]] = []
    mesh = Mesh(cfg)
    mesh._spawn = lambda name, argv, label, detail="", *, env=None: spawned.append((name, env or {}))  # type: ignore[method-assign]
    mesh.start_services()
    workers = {name: env for name, env in spawned if worker_process(name)}
    assert workers["cases-worker"]["CASES_WORKER_METRICS_PORT"] == str(cfg.ports()["cases-worker"])
    assert workers["cases-worker-2"]["CASES_WORKER_METRICS_PORT"] == str(cfg.ports()["cases-worker-2"])
    assert "catalog-worker-2" not in workers


def test_http_processes_skip_uvicorns_access_line() -> None:
    """uvicorn.access is held at WARNING, so uvicorn's per-request line is never written; every HTTP process is
    told so (``--no-access-log``) instead of formatting it on every response (issue 21: the read path's CPU).
    The gateway writes its own access line (RequestContextMiddleware)."""
    from tongban.mesh import Mesh

    cfg = config({})
    mesh = Mesh(cfg)
    for spec in cfg.services:
        assert "--no-access-log" in mesh._uvicorn(spec), spec.name
    assert cfg.gateway is not None
    assert "--no-access-log" in mesh._uvicorn(cfg.gateway)
