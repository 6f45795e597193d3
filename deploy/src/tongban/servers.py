"""Starting and stopping meshkit's embedded PostgreSQL and NATS the launcher's way (errors with log tails)."""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

from meshkit.embedded import EmbeddedNats, EmbeddedPostgres
from tongban.processes import log_tail
from tongban.steps import MeshError

__all__ = ["start_server", "stop_postgres", "wait_postgres_accepts"]


def start_server(server: EmbeddedPostgres | EmbeddedNats, name: str, log_path: Path, timeout: float) -> None:
    """Start ``server``; on failure stop whatever it began and raise a MeshError with its log's tail."""
    try:
        server.start(timeout=timeout)
    except Exception as exc:
        server.stop()
        raise MeshError(
            f"{name} did not start: {_describe(exc)}",
            process=name,
            log_path=log_path,
            tail=log_tail(log_path),
        ) from exc


def wait_postgres_accepts(server: EmbeddedPostgres, log_path: Path, timeout: float = 30.0) -> None:
    """Wait until PostgreSQL answers a query: its port opens before it accepts connections."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            server.psql("SELECT 1")
            return
        except subprocess.CalledProcessError as exc:
            if time.monotonic() > deadline:
                raise MeshError(
                    f"postgres does not accept connections: {_describe(exc)}",
                    process="postgres",
                    log_path=log_path,
                    tail=log_tail(log_path),
                ) from exc
            time.sleep(0.1)


def stop_postgres(server: EmbeddedPostgres) -> None:
    """Fast shutdown (SIGINT: disconnect clients, checkpoint, exit) rather than waiting for clients to leave."""
    if server.process is not None and server.process.poll() is None:
        server.process.send_signal(signal.SIGINT)
    server.stop()


def _describe(exc: BaseException) -> str:
    text = str(exc)
    stderr = getattr(exc, "stderr", None)
    if isinstance(stderr, bytes):
        stderr = stderr.decode(errors="replace")
    if isinstance(stderr, str) and stderr.strip():
        text += ": " + stderr.strip().splitlines()[-1]
    return text
