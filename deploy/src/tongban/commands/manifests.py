"""``tongban manifests``: write the generated kustomize base (deploy/k8s/base); ``--check`` fails when stale."""

from __future__ import annotations

import argparse

from tongban.config import repo_root
from tongban.manifests import stale_files, write_base
from tongban.registry import command

__all__ = ["run_manifests"]


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--check", action="store_true", help="only report files that differ (exit 1)")


@command("manifests", "generate the Kubernetes base of deploy/k8s (kustomize)", _configure)
def run_manifests(args: argparse.Namespace) -> int:
    k8s = repo_root() / "deploy" / "k8s"
    if args.check:
        stale = stale_files(k8s)
        for name in stale:
            print(f"stale: deploy/k8s/{name} (run `tongban manifests`)")
        return 1 if stale else 0
    for name in write_base(k8s):
        print(f"wrote deploy/k8s/{name}")
    return 0
