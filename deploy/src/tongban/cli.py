"""``tongban``: the command line of the local mesh (``up``, ``migrate``, ``status``, ...)."""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Sequence

from tongban.commands import MODULES
from tongban.config import ConfigError
from tongban.registry import COMMANDS

__all__ = ["build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    for module in MODULES:
        importlib.import_module(module)
    parser = argparse.ArgumentParser(prog="tongban", description="Tongban (通办) local mesh")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for cmd in COMMANDS.values():
        sub = subparsers.add_parser(cmd.name, help=cmd.help, description=cmd.help)
        cmd.configure(sub)
        sub.set_defaults(run=cmd.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        code: int = args.run(args)
    except ConfigError as exc:
        print(f"tongban: {exc}")
        return 2
    return code


if __name__ == "__main__":
    raise SystemExit(main())
