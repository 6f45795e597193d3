"""One real mesh for the e2e tier: PostgreSQL, nats-server, every service and worker, the gateway — processes on
loopback, started by the same launcher code as ``make run``."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tongban.config import MeshConfig, repo_root, standard_services
from tongban.mesh import Mesh
from tongban.ports import free_base_port


@pytest.fixture(scope="session")
def mesh(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Mesh]:
    root = repo_root()
    config = MeshConfig(
        root=root,
        var_dir=tmp_path_factory.mktemp("mesh-var"),
        services=standard_services(root),
        base_port=free_base_port(),
        durable=False,
        log_level="WARNING",
    )
    with Mesh(config) as running:
        yield running


@pytest.fixture(scope="session")
def gateway_url(mesh: Mesh) -> str:
    assert mesh.config.gateway is not None
    return mesh.config.url(mesh.config.gateway)
