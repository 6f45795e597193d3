"""``tongban up``: start the whole mesh, print its URLs, run until Ctrl-C/SIGTERM or until a process dies."""

from __future__ import annotations

import argparse
import threading

from rich.console import Console
from rich.markup import escape

from tongban.console import RichProgress, print_exited, print_failure, print_supervised, urls_table
from tongban.mesh import Mesh
from tongban.registry import add_mesh_options, command, config_from_args
from tongban.signals import stop_on_signals
from tongban.steps import MeshCancelled, MeshError
from tongban.supervisor import Supervisor

__all__ = ["run_up"]


def _configure(parser: argparse.ArgumentParser) -> None:
    add_mesh_options(parser)
    parser.add_argument(
        "--no-demo", action="store_true", help="do not run the demo data loaders (never in prod)"
    )
    parser.add_argument(
        "--simulators",
        action="store_true",
        default=None,
        help="start the simulators of outside systems even when TONGBAN_ENV=prod (default: only outside prod)",
    )


@command("up", "start PostgreSQL, NATS, every service, worker and the gateway on loopback", _configure)
def run_up(args: argparse.Namespace) -> int:
    console = Console()
    config = config_from_args(args, demo=not args.no_demo, simulators=args.simulators)
    with stop_on_signals(threading.Event()) as stop:
        progress = RichProgress(console)
        mesh = Mesh(config, progress=progress, cancel=stop)
        try:
            with progress:
                mesh.start()
        except MeshCancelled:
            console.print("Stopped before the mesh was ready.")
            return 0
        except MeshError as exc:
            print_failure(console, exc)
            return 1
        console.print()
        console.print(urls_table(mesh.urls))
        if mesh.late:
            console.print(f"[yellow]Still starting (they serve when ready): {', '.join(mesh.late)}[/yellow]")
        console.print("\nPress [bold]Ctrl-C[/bold] to stop.\n")
        code = 0
        supervisor = Supervisor(
            mesh, report=lambda event: print_supervised(console, event), limit=config.restart_limit
        )
        try:
            while not stop.wait(0.5):
                gave_up = supervisor.tick()
                if gave_up is not None:
                    print_exited(console, [gave_up.exited])
                    console.print(f"[red bold]Stopping the mesh:[/red bold] {escape(gave_up.reason)}")
                    code = 1
                    break
        finally:
            with progress:
                mesh.stop()
    return code
