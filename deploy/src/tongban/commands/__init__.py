"""Subcommand modules; importing one registers its commands in :mod:`tongban.registry`."""

from __future__ import annotations

__all__ = ["MODULES"]

MODULES = (
    "tongban.commands.up",
    "tongban.commands.migrate",
    "tongban.commands.status",
    "tongban.commands.contracts",
    "tongban.commands.catalog",
    "tongban.commands.token",
    "tongban.commands.container",
    "tongban.commands.manifests",
)
