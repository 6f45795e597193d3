"""``tongban migrate``: bring every service's database to head (embedded PostgreSQL if needed)."""

from __future__ import annotations

import argparse
import threading

from rich.console import Console

from tongban.console import RichProgress, print_failure
from tongban.mesh import Mesh
from tongban.registry import add_mesh_options, command, config_from_args
from tongban.signals import stop_on_signals
from tongban.steps import MeshCancelled, MeshError

__all__ = ["run_migrate"]


@command(
    "migrate",
    "run every service's migrations (starts embedded PostgreSQL if no URLs are set)",
    add_mesh_options,
)
def run_migrate(args: argparse.Namespace) -> int:
    console = Console()
    config = config_from_args(args, demo=False)
    with stop_on_signals(threading.Event()) as stop:
        progress = RichProgress(console)
        mesh = Mesh(config, progress=progress, cancel=stop)
        with progress:
            try:
                mesh.prepare(owners={"postgres"})
                mesh.start_servers(nats=False)
                mesh.create_databases()
                mesh.migrate()
            except MeshCancelled:
                return 0
            except MeshError as exc:
                print_failure(console, exc)
                return 1
            finally:
                mesh.stop()
    return 0
