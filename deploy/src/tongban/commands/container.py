"""``tongban container ROLE [SERVICE]``: the entrypoint of the container image (deploy/container/Dockerfile).

One image runs every process of the mesh; the role picks which (docs/deploy.md, "One image"):

- ``api <service>``      the service's HTTP API under uvicorn on ``TONGBAN_HTTP_PORT`` (8000), JSON logs
- ``gateway``            the gateway, likewise
- ``worker <service>``   the service's worker (outbox relay, consumers, timers)
- ``migrate <service>``  Alembic to head as the database's owner (``<SERVICE>_MIGRATION_DATABASE_URL``), holding
                         a PostgreSQL advisory lock so two migrations of one database never run at once
- ``wait-schema <service>`` wait (as the service's own role) until the database is at the image's head revision:
                         the init container that keeps a new version's pods from serving before the migration Job
                         has run
- ``demo <service>``     the service's demo data loader (refused by the services themselves in prod)

Long-running roles ``exec`` their process, so it is PID 1's only child and receives the kubelet's SIGTERM.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import sys
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from tongban.config import GATEWAY_PROTOCOL, STANDARD_SERVICE_NAMES, ConfigError, repo_root
from tongban.registry import command

__all__ = [
    "ROLES",
    "Launch",
    "current_revision",
    "head_revision",
    "migrate_database",
    "plan",
    "run_container",
    "wait_schema",
]

ROLES = ("api", "gateway", "worker", "migrate", "wait-schema", "demo")
_NEEDS_SERVICE = frozenset(ROLES) - {"gateway"}
DEFAULT_HTTP_PORT = 8000
# a lock id of our own (any 64-bit number; "tongban" in ASCII), taken per database
MIGRATION_LOCK_ID = 0x746F6E6762616E
log = logging.getLogger("tongban.container")


@dataclass(frozen=True)
class Launch:
    """What a role runs: a process to exec (``argv``) or an in-process step (``step``), and its log name."""

    name: str
    argv: tuple[str, ...] = ()
    step: str = ""


def _http_port(environ: Mapping[str, str]) -> str:
    raw = environ.get("TONGBAN_HTTP_PORT", "").strip() or str(DEFAULT_HTTP_PORT)
    if not raw.isdigit() or not 1 <= int(raw) <= 65535:
        raise ConfigError(f"TONGBAN_HTTP_PORT must be a port number, not {raw!r}")
    return raw


def plan(role: str, service: str | None, environ: Mapping[str, str], log_config: Path) -> Launch:
    """The process (or step) of ``role`` for ``service``; pure, so every role is unit-tested."""
    if role not in ROLES:
        raise ConfigError(f"unknown role {role!r} (one of {', '.join(ROLES)})")
    if role in _NEEDS_SERVICE:
        if service not in STANDARD_SERVICE_NAMES:
            raise ConfigError(
                f"role {role} needs a service: one of {', '.join(STANDARD_SERVICE_NAMES)}, not {service!r}"
            )
    elif service is not None:
        raise ConfigError(f"role {role} takes no service, got {service!r}")
    if role in ("api", "gateway"):
        app = "gateway.main:create_app" if role == "gateway" else f"{service}.main:create_app"
        argv = (
            sys.executable,
            "-m",
            "uvicorn",
            "--factory",
            app,
            "--host",
            "0.0.0.0",
            "--port",
            _http_port(environ),
            "--lifespan",
            "on",
            "--log-config",
            str(log_config),
            "--no-server-header",
            # httptools, a response's headers and body in one write (meshkit.coalesce); the gateway's protocol also
            # hands a proxied request to the proxy without ASGI (gateway.server)
            "--http",
            GATEWAY_PROTOCOL if role == "gateway" else "meshkit.coalesce:CoalescingHttpToolsProtocol",
            "--timeout-graceful-shutdown",
            "20",
            *(() if role == "gateway" else ("--no-access-log",)),  # never written (uvicorn.access at WARNING)
            # the gateway finds the client's address through GATEWAY_TRUSTED_PROXIES alone (gateway.limits): uvicorn
            # rewriting it first from X-Forwarded-For (for a peer at 127.0.0.1, a sidecar) would apply a second rule
            *(("--no-proxy-headers",) if role == "gateway" else ()),
        )
        return Launch(name=service or "gateway", argv=argv)
    assert service is not None
    if role == "worker":
        return Launch(name=f"{service}-worker", argv=(sys.executable, "-m", f"{service}.worker"))
    if role == "demo":
        return Launch(name=f"{service}-demo", argv=(sys.executable, "-m", f"{service}.demo"))
    return Launch(name=f"{service}-{role}", step=role)


def _service_root(service: str, environ: Mapping[str, str]) -> Path:
    return repo_root(environ) / "services" / service


def head_revision(service_root: Path) -> str:
    """The Alembic head of the migrations shipped with this image (one head per service)."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config(str(service_root / "alembic.ini"))
    config.set_main_option("script_location", str(service_root / "migrations"))
    head = ScriptDirectory.from_config(config).get_current_head()
    if head is None:
        raise ConfigError(f"{service_root}: no migrations")
    return head


def _plain_dsn(url: str) -> str:
    """SQLAlchemy's ``postgresql+asyncpg://`` as asyncpg takes it."""
    return url.replace("postgresql+asyncpg://", "postgresql://", 1)


def _required(environ: Mapping[str, str], variable: str) -> str:
    value = environ.get(variable, "").strip()
    if not value:
        raise ConfigError(f"{variable} is not set")
    return value


async def migrate_database(service: str, environ: Mapping[str, str]) -> None:
    """Alembic to head as the owner (`<SERVICE>_MIGRATION_DATABASE_URL`), one run per database at a time."""
    import asyncpg

    from meshkit.migrations import upgrade

    prefix = service.upper()
    url = _required(environ, f"{prefix}_MIGRATION_DATABASE_URL")
    lock = await asyncpg.connect(_plain_dsn(url))
    try:
        await lock.execute("SELECT pg_advisory_lock($1)", MIGRATION_LOCK_ID)
        # upgrade() runs its own event loop: keep it off this one
        await asyncio.to_thread(upgrade, _service_root(service, environ), url)
    finally:
        await lock.close()  # the session lock ends with the session


async def current_revision(url: str) -> str | None:
    """The database's Alembic revision (None before the first migration), read as whoever ``url`` names."""
    import asyncpg

    connection = await asyncpg.connect(_plain_dsn(url))
    try:
        exists = await connection.fetchval("SELECT to_regclass('public.alembic_version') IS NOT NULL")
        if not exists:
            return None
        value: str | None = await connection.fetchval("SELECT version_num FROM alembic_version")
        return value
    finally:
        await connection.close()


async def wait_schema(service: str, environ: Mapping[str, str], *, timeout: float, interval: float) -> str:
    """Wait until the service's database is at this image's head; raise TimeoutError after ``timeout``."""
    head = head_revision(_service_root(service, environ))
    url = _required(environ, f"{service.upper()}_DATABASE_URL")
    deadline = time.monotonic() + timeout
    seen: str | None = None
    while True:
        try:
            seen = await current_revision(url)
        except (OSError, ConnectionError) as exc:
            seen = f"unreachable ({type(exc).__name__})"
        except Exception as exc:  # a starting cluster refuses logins for a while: wait like for anything else
            seen = f"not ready ({type(exc).__name__})"
        if seen == head:
            return head
        if time.monotonic() >= deadline:
            raise TimeoutError(f"{service}: database at {seen!r}, this image needs {head!r}")
        print(
            json.dumps(
                {"message": "waiting for the migration", "service": service, "at": seen, "head": head}
            ),
            file=sys.stderr,
            flush=True,
        )
        await asyncio.sleep(interval)


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("role", choices=ROLES, help="which process of the mesh this container runs")
    parser.add_argument("service", nargs="?", default=None, help="the service (all roles but gateway)")
    parser.add_argument(
        "--timeout", type=float, default=900.0, help="wait-schema: give up after this many seconds"
    )


@command("container", "the container image's entrypoint: run one role of the mesh", _configure)
def run_container(args: argparse.Namespace) -> int:
    environ = os.environ
    log_dir = Path(environ.get("TMPDIR") or tempfile.gettempdir())
    launch = plan(args.role, args.service, environ, log_dir / "uvicorn-log.json")
    from meshkit.observability import configure_logging, uvicorn_log_config

    level = environ.get("TONGBAN_LOG_LEVEL", "INFO")
    if launch.argv:
        if "--log-config" in launch.argv:
            config = uvicorn_log_config(launch.name, level)
            (log_dir / "uvicorn-log.json").write_text(json.dumps(config), encoding="utf-8")
        os.execv(launch.argv[0], list(launch.argv))  # noqa: S606 -- the role becomes the container's process
    configure_logging(launch.name, level)
    service = args.service
    assert service is not None
    if launch.step == "migrate":
        asyncio.run(migrate_database(service, environ))
        return 0
    try:
        asyncio.run(wait_schema(service, environ, timeout=args.timeout, interval=2.0))
    except TimeoutError as exc:
        log.error("schema not at head: %s", exc)
        return 1
    return 0
