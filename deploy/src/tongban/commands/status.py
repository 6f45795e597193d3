"""``tongban status``: what the running mesh is — its launcher's record under ``var/run/`` names every process
it started and the ports they use — and whether each answers ready.

Every process is probed at once (a thread each) with short timeouts, so the whole answer takes about the
longest single timeout however many processes hang (issue 19, outside try: one after another, 3 s each, status
took ~29 s on a loaded machine)."""

from __future__ import annotations

import argparse
import socket
import struct
from concurrent.futures import ThreadPoolExecutor

import httpx
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from tongban.commands.freezing import freeze_commands, resume_commands, verdict
from tongban.config import MeshConfig, worker_process
from tongban.registry import add_mesh_options, command, config_from_args
from tongban.runstate import RunRecord, read_record

__all__ = ["degraded_lines", "probe", "run_status"]

SERVERS = ("postgres", "nats")  # not HTTP: asked to greet in their own protocol
_SSL_REQUEST = struct.pack("!ii", 8, 80877103)  # PostgreSQL answers one byte, S or N, before any login
HTTP_TIMEOUT = httpx.Timeout(2.0, connect=1.0)  # a /readyz answers within 1 s (meshkit.probes)
GREET_TIMEOUT = 1.5

# What a degraded health entry means for the operator, said under the table (issue 19, last outside try: a
# process's `revocations: down` was wrapped and cut off in the table's answer column at 80 columns).
HEALTH_MEANING = {
    "revocations": "吊销名单未同步（revocations down）— 已吊销的令牌在该进程可能仍被接受",
    "nats": "消息总线不可达（nats down）— 事件暂不收发，恢复后补发",
}


def degraded_lines(health: dict[str, dict[str, str]]) -> list[str]:
    """One short line per process whose /readyz ``health`` reports something down (docs/runbook.md says what to
    do); ``health`` maps a process to its health entries as /readyz answered them."""
    lines = []
    for name, entries in health.items():
        down = [key for key, value in entries.items() if value.startswith("down")]
        if down:
            meaning = "；".join(HEALTH_MEANING.get(key, f"{key} {entries[key]}") for key in down)
            lines.append(f"{name}：{meaning}")
    return lines


def _health(response: httpx.Response) -> dict[str, str]:
    """The ``health`` entries of a meshkit /readyz answer ({} for any other body)."""
    try:
        body = response.json()
    except ValueError:
        return {}
    health = body.get("health") if isinstance(body, dict) else None
    if not isinstance(health, dict):
        return {}
    return {str(key): str(value) for key, value in health.items()}


def probe(client: httpx.Client, url: str) -> tuple[bool, str, dict[str, str]]:
    """(ready, what it answered, its health entries) for one /readyz URL."""
    try:
        response = client.get(url)
    except httpx.HTTPError as exc:
        return False, f"no answer ({type(exc).__name__})", {}
    body = response.text.strip().replace("\n", " ")
    return response.status_code == 200, f"HTTP {response.status_code} {body[:120]}", _health(response)


def _metrics(client: httpx.Client, port: int) -> tuple[bool, str]:
    try:
        response = client.get(f"http://127.0.0.1:{port}/metrics")
    except httpx.HTTPError as exc:
        return False, f"running; no /metrics answer ({type(exc).__name__})"
    return response.status_code == 200, f"running; /metrics HTTP {response.status_code}"


def _greets(name: str, port: int, timeout: float = GREET_TIMEOUT) -> tuple[bool, str]:
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
        return False, f"accepts connections but does not answer within {timeout:g} s"
    except OSError as exc:
        return False, f"no answer ({type(exc).__name__})"
    return (True, "answers") if ok else (False, "answers something else: another program on its port?")


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
    for column in ("process", "pid", "port", "ready"):
        table.add_column(column, no_wrap=True)
    table.add_column("answer", overflow="fold")
    gateway = config.gateway.name if config.gateway is not None else None
    targets = _targets(config, record)
    pids = {
        name: record.processes.get(name, (None, True)) if record is not None else (None, True)
        for name in targets
    }
    with (
        httpx.Client(timeout=HTTP_TIMEOUT, trust_env=False) as client,
        ThreadPoolExecutor(max_workers=max(1, min(32, len(targets)))) as pool,
    ):
        futures = {
            name: pool.submit(_look, client, name, port, *pids[name]) for name, port in targets.items()
        }
        looks = {name: future.result() for name, future in futures.items()}
    answers = {name: (ready, answer) for name, (ready, answer, _) in looks.items()}
    for name, port in targets.items():
        pid = pids[name][0]
        ready, answer = answers[name]
        table.add_row(
            name,
            "" if pid is None else str(pid),
            "" if port is None else str(port),
            "[green]yes[/green]" if ready else "[red]no[/red]",
            escape(answer),
        )
    console.print(table)
    for line in degraded_lines({name: health for name, (_, _, health) in looks.items()}):
        console.print(f"[bold red]![/bold red] {escape(line)}", soft_wrap=True)  # never wrapped nor cut
    postgres_pid = pids.get("postgres", (None, True))[0]
    if postgres_pid is not None:
        console.print(
            "PostgreSQL freeze drill — the whole server, the postmaster and every backend (stopping the postmaster "
            f"alone leaves connected sessions served): freeze `{freeze_commands('postgres', postgres_pid)}`, "
            f"resume `{resume_commands('postgres', postgres_pid)}`",
            soft_wrap=True,
        )
    gateway_ready = gateway is not None and gateway in answers and answers[gateway][0]
    return 0 if gateway_ready else 1


def _look(
    client: httpx.Client, name: str, port: int | None, pid: int | None, alive: bool
) -> tuple[bool, str, dict[str, str]]:
    """(ready, what it answered, its /readyz health entries) for one process of the mesh."""
    if not alive:
        return False, "exited", {}
    if name in SERVERS:
        answers, answer = _greets(name, port) if port is not None else (True, "running")
        return (*verdict(name, pid, answers, answer), {})  # frozen when it does not answer and is stopped
    if port is None:
        return (*verdict(name, pid, True, "running"), {})
    if worker_process(name):  # a worker's port is its /metrics
        return (*verdict(name, pid, *_metrics(client, port)), {})
    ready, answer, health = probe(client, f"http://127.0.0.1:{port}/readyz")
    return (*verdict(name, pid, ready, answer), health)
