"""The subcommand registry: each command module registers itself; ``tongban.cli`` builds argparse from it.

Later commands (``tongban contracts``, ``tongban catalog import FILE``) add a module under
``tongban.commands`` and list it in ``tongban.commands.MODULES``; nested commands add their own
subparsers in ``configure``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tongban.config import MeshConfig, load_config

__all__ = ["COMMANDS", "Command", "add_mesh_options", "command", "config_from_args"]

Runner = Callable[[argparse.Namespace], int]
Configure = Callable[[argparse.ArgumentParser], None]


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    configure: Configure
    run: Runner


COMMANDS: dict[str, Command] = {}


def _no_options(parser: argparse.ArgumentParser) -> None:
    """A command without options."""


def command(name: str, help: str, configure: Configure = _no_options) -> Callable[[Runner], Runner]:
    """Register the decorated ``run(args) -> exit code`` as ``tongban <name>``."""

    def register(run: Runner) -> Runner:
        if name in COMMANDS:
            raise ValueError(f"command {name!r} registered twice")
        COMMANDS[name] = Command(name, help, configure, run)
        return run

    return register


def add_mesh_options(parser: argparse.ArgumentParser, *, sub: bool = False) -> None:
    """``--base-port`` and ``--var``; ``sub``: on a subcommand as well, where it takes the place of the same option
    given before the subcommand only when it is given (``tongban catalog import --base-port N FILE`` and
    ``tongban catalog --base-port N import FILE`` alike)."""
    unset = argparse.SUPPRESS if sub else None
    parser.add_argument(
        "--base-port",
        type=int,
        default=unset,
        metavar="N",
        help="gateway on N, services N+1.., PostgreSQL N+32, NATS N+42 (default: $TONGBAN_BASE_PORT or 8800)",
    )
    parser.add_argument(
        "--var",
        type=Path,
        default=unset,
        metavar="DIR",
        help="data, logs and run state (default: <repo>/var)",
    )


def config_from_args(
    args: argparse.Namespace, *, demo: bool = True, simulators: bool | None = None
) -> MeshConfig:
    return load_config(base_port=args.base_port, var_dir=args.var, demo=demo, simulators=simulators)
