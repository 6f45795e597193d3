"""Where a mesh can be reached: computed from its config alone (also for ``tongban status``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tongban.config import MeshConfig
from tongban.databases import masked

__all__ = ["MeshUrls", "mesh_urls"]


@dataclass(frozen=True)
class MeshUrls:
    gateway: str | None
    docs: str | None
    services: dict[str, str]
    postgres: str
    nats: str
    logs: Path
    databases: dict[str, str] = field(default_factory=dict)  # service -> database URL, password hidden


def mesh_urls(config: MeshConfig) -> MeshUrls:
    gateway = None if config.gateway is None else config.url(config.gateway)
    if config.embedded_postgres:
        postgres = f"postgresql://postgres@127.0.0.1:{config.postgres_port}/postgres"
    else:
        postgres = "external"
    return MeshUrls(
        gateway=gateway,
        docs=None if gateway is None else f"{gateway}/docs",
        services={spec.name: config.url(spec) for spec in config.services},
        postgres=postgres,
        nats=masked(config.nats()),
        logs=config.log_dir,
        databases={spec.name: masked(config.database_url(spec)) for spec in config.services},
    )
