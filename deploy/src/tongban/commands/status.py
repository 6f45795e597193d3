"""``tongban status``: ask the gateway and each service whether they are ready."""

from __future__ import annotations

import argparse

import httpx
from rich.console import Console
from rich.table import Table

from tongban.registry import add_mesh_options, command, config_from_args

__all__ = ["probe", "run_status"]


def probe(client: httpx.Client, url: str) -> tuple[bool, str]:
    """(ready, what it answered) for one /readyz URL."""
    try:
        response = client.get(url)
    except httpx.HTTPError as exc:
        return False, f"no answer ({type(exc).__name__})"
    body = response.text.strip().replace("\n", " ")
    return response.status_code == 200, f"HTTP {response.status_code} {body[:120]}"


@command("status", "probe the gateway's and the services' /readyz", add_mesh_options)
def run_status(args: argparse.Namespace) -> int:
    config = config_from_args(args)
    targets: list[tuple[str, str]] = []
    if config.gateway is not None:
        targets.append((config.gateway.name, config.url(config.gateway)))
    targets += [(spec.name, config.url(spec)) for spec in config.services]
    table = Table(show_header=True, box=None)
    for column in ("process", "url", "ready", "answer"):
        table.add_column(column)
    gateway_ready = False
    with httpx.Client(timeout=3.0, trust_env=False) as client:
        for name, url in targets:
            ready, answer = probe(client, f"{url}/readyz")
            if config.gateway is not None and name == config.gateway.name:
                gateway_ready = ready
            table.add_row(name, url, "[green]yes[/green]" if ready else "[red]no[/red]", answer)
    Console().print(table)
    return 0 if gateway_ready else 1
