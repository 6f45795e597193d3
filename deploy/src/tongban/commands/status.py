"""``tongban status``: what the running mesh is — its launcher's record under ``var/run/`` names every process
it started and the ports they use — and whether each answers ready."""

from __future__ import annotations

import argparse
import socket
import struct

import httpx
import psutil
from rich.console import Console
from rich.table import Table

from tongban.config import MeshConfig
from tongban.registry import add_mesh_options, command, config_from_args
from tongban.runstate import RunRecord, read_record

__all__ = ["probe", "run_status"]

SERVERS = ("postgres", "nats")  # not HTTP: asked to greet in their own protocol
_SSL_REQUEST = struct.pack("!ii", 8, 80877103)  # PostgreSQL answers one byte, S or N, before any login


def probe(client: httpx.Client, url: str) -> tuple[bool, str]:
    """(ready, what it answered) for one /readyz URL."""
    try:
        response = client.get(url)
    except httpx.HTTPError as exc:
        return False, f"no answer ({type(exc).__name__})"
    body = response.text.strip().replace("\n", " ")
    return response.status_code == 200, f"HTTP {response.status_code} {body[:120]}"


def _metrics(client: httpx.Client, port: int) -> tuple[bool, str]:
    try:
        response = client.get(f"http://127.0.0.1:{port}/metrics")
    except httpx.HTTPError as exc:
        return False, f"running; no /metrics answer ({type(exc).__name__})"
    return response.status_code == 200, f"running; /metrics HTTP {response.status_code}"


def _greets(name: str, port: int, timeout: float = 2.0) -> tuple[bool, str]:
    """Whether the server answers in its own protocol: a frozen server (SIGSTOP) still accepts connections —
    the kernel completes them — but says nothing (issue 19, outside try: status showed a frozen NATS as fine)."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as conn:
            conn.settimeout(timeout)
            if name == "postgres":
                conn.sendall(_SSL_REQUEST)
                ok = conn.recv(1) in (b"S", b"N")
            else:  # NATS greets every client with an INFO line
                ok = conn.recv(5) == b"INFO "
    except TimeoutError:
        return False, f"accepts connections but does not answer within {timeout:.0f} s"
    except OSError as exc:
        return False, f"no answer ({type(exc).__name__})"
    return (True, "answers") if ok else (False, "answers something else: another program on its port?")


def _frozen(pid: int | None) -> bool:
    """Stopped by a signal (SIGSTOP, Ctrl-Z): alive, holding its port, and doing nothing."""
    if pid is None:
        return False
    try:
        return psutil.Process(pid).status() == psutil.STATUS_STOPPED
    except psutil.Error:
        return False


def _targets(config: MeshConfig, record: RunRecord | None) -> dict[str, int | None]:
    """Process name -> port (None: a process without one, e.g. a worker). From the record when there is one
    (the ports the running mesh really uses), else from this shell's settings."""
    if record is None:
        targets: dict[str, int | None] = dict(config.ports())
        return {name: port for name, port in targets.items() if name not in SERVERS}
    names = dict.fromkeys([*record.ports, *record.processes])
    return {name: record.ports.get(name) for name in names}


@command("status", "show the running mesh's processes and ports and whether each is ready", add_mesh_options)
def run_status(args: argparse.Namespace) -> int:
    config = config_from_args(args)
    console = Console()
    record = read_record(config.var_dir)
    if record is None or not record.launcher_alive:
        console.print(
            f"No running mesh recorded under {config.var_dir} (start one with `make run`); probing the ports."
        )
        record = None
    else:
        console.print(f"Mesh of launcher pid {record.launcher_pid} under {config.var_dir}:")
    table = Table(show_header=True, box=None)
    for column in ("process", "pid", "port", "ready", "answer"):
        table.add_column(column)
    gateway = config.gateway.name if config.gateway is not None else None
    gateway_ready = False
    with httpx.Client(timeout=3.0, trust_env=False) as client:
        for name, port in _targets(config, record).items():
            pid, alive = record.processes.get(name, (None, True)) if record is not None else (None, True)
            if not alive:
                ready, answer = False, "exited"
            elif _frozen(pid):
                ready, answer = False, f"stopped by a signal (frozen); `kill -CONT {pid}` resumes it"
            elif port is None:
                ready, answer = True, "running"
            elif name in SERVERS:
                ready, answer = _greets(name, port)
            elif name.endswith("-worker"):  # a worker's port is its /metrics
                ready, answer = _metrics(client, port)
            else:
                ready, answer = probe(client, f"http://127.0.0.1:{port}/readyz")
            gateway_ready = gateway_ready or (name == gateway and ready)
            table.add_row(
                name,
                "" if pid is None else str(pid),
                "" if port is None else str(port),
                "[green]yes[/green]" if ready else "[red]no[/red]",
                answer,
            )
    console.print(table)
    return 0 if gateway_ready else 1
