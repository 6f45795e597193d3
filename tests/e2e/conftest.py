"""One real mesh for the e2e tier: PostgreSQL, nats-server, every service and worker, the gateway — processes on
loopback, started by the same launcher code as ``make run``."""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import jwt
import pytest
from _pytest.mark.expression import Expression

from identity.demo import DEMO_PASSWORD
from tongban.config import MeshConfig, repo_root, standard_services
from tongban.login import browser_login
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
        # the access log's checkpoints every second (60 s in a real run), so the tests see them signed and witnessed
        extra_env={
            "EXCHANGE_CHECKPOINT_INTERVAL": "1",
            "EXCHANGE_CHECKPOINT_POLL_INTERVAL": "0.2",
            # the deadline supervision scans every 2 s (60 s in a real run), so its warnings come within a test
            "CASES_TIMER_INTERVAL": "2",
            # the tests stand behind a load balancer on loopback: each test is a client address of its own
            # (X-Forwarded-For), so the gateway's per-address limits apply to each as to one person
            "GATEWAY_TRUSTED_PROXIES": '["127.0.0.0/8"]',
        },
    )
    with Mesh(config) as running:
        yield running


@pytest.fixture(scope="session")
def gateway_url(mesh: Mesh) -> str:
    assert mesh.config.gateway is not None
    return mesh.config.url(mesh.config.gateway)


@pytest.fixture
def client_address(request: pytest.FixtureRequest) -> dict[str, str]:
    """This test's own client address (from the benchmarking range 198.18.0.0/15), as a load balancer in front
    of the gateway would forward it."""
    digest = hashlib.sha256(request.node.nodeid.encode()).digest()
    return {"X-Forwarded-For": f"198.18.{digest[0]}.{digest[1] or 1}"}


@pytest.fixture
async def http(gateway_url: str, client_address: dict[str, str]) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=gateway_url, timeout=30, headers=client_address) as client:
        yield client


@pytest.fixture
def log_in(
    gateway_url: str, client_address: dict[str, str]
) -> Callable[[str, str], Awaitable[tuple[dict[str, str], dict[str, Any]]]]:
    """Log in like a browser (authorization code + PKCE through identity's page): headers and the claims."""

    async def login(name: str, password: str = DEMO_PASSWORD) -> tuple[dict[str, str], dict[str, Any]]:
        token = await browser_login(gateway_url, name, password, headers=client_address)
        return {"Authorization": f"Bearer {token}"}, jwt.decode(token, options={"verify_signature": False})

    return login


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The schemathesis gate runs after every other test on the shared mesh: the operator's generated writes may
    change demo data the stories rely on."""
    items.sort(key=lambda item: item.get_closest_marker("schemathesis_gate") is not None)


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """``-m "not e2e"`` (make test-fast) skips importing the schemathesis gate: its collection builds every
    coverage case of the contract, seconds of work for tests that would be deselected anyway."""
    if collection_path.name != "test_schemathesis.py" or not config.option.markexpr:
        return None
    selected = Expression.compile(config.option.markexpr).evaluate(
        lambda name, /, **_: name in {"e2e", "schemathesis_gate"}
    )
    return True if not selected else None
