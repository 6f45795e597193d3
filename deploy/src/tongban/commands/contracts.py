"""``tongban contracts``: the contracts generator (:mod:`tongban.contracts`) behind the shared command line."""

from __future__ import annotations

import argparse
from pathlib import Path

from tongban.registry import command

__all__ = ["run_contracts"]


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--dir", type=Path, default=Path("contracts"), help="where contracts live (default: contracts)"
    )
    parser.add_argument(
        "--clients-dir",
        type=Path,
        default=Path("clients"),
        help="where the generated clients live (default: clients)",
    )
    parser.add_argument(
        "--check", action="store_true", help="exit 1 when contracts/ or the clients are stale"
    )


@command(
    "contracts",
    "write contracts/ (OpenAPI per service and gateway, event schemas, AsyncAPI) and the clients",
    _configure,
)
def run_contracts(args: argparse.Namespace) -> int:
    from tongban.contracts import main  # imports every service: only when this command runs

    return main(
        ["--dir", str(args.dir), "--clients-dir", str(args.clients_dir), *(["--check"] if args.check else [])]
    )
