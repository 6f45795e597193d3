"""Issue 17, failure 6: failed statements wrote secrets to the log — SQLAlchemy's error text carries the statement's
parameters, asyncpg's its DETAIL line, and uvicorn printed its own plain-text copy of the traceback, unmasked.

Each service's real app (with one extra route that makes a statement fail, ``faulty.py``) is started with the
launcher's own uvicorn command line against the mesh's databases; every kind of failure is provoked; then every
line of those processes' logs, and of every process of the running mesh, must parse as JSON, and none may carry
the ID number, the phone number or the password hash (nor the hash's salt or digest)."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import httpx
import pytest

from meshkit.embedded import free_port
from meshkit.testing import eventually
from tongban.mesh import Mesh
from tongban.processes import ManagedProcess, stop_all

from .faulty import ID_NUMBER, PASSWORD_HASH, PHONE

pytestmark = pytest.mark.e2e

KINDS = ("unique", "too_long", "driver", "check")
SECRETS = (ID_NUMBER, PHONE, PASSWORD_HASH, *PASSWORD_HASH.split("$")[-2:])


def _json_lines(path: Path) -> list[dict[str, object]]:
    """Every complete line of ``path`` as JSON (a last line still being written is left out)."""
    text = path.read_text(encoding="utf-8", errors="replace")
    lines = text.split("\n")[:-1]  # the part after the last newline is incomplete or empty
    parsed = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            parsed.append(json.loads(line))
        except json.JSONDecodeError:
            pytest.fail(f"{path.name}:{number} is not JSON: {line[:200]!r}")
    return parsed


def _faulty(mesh: Mesh, log_dir: Path) -> list[tuple[str, ManagedProcess, str]]:
    """(service, process, url) for each service's faulty app, started as the launcher starts the real one."""
    started = []
    env = {**os.environ, **mesh.config.env()}
    for spec in mesh.config.services:
        argv = mesh._uvicorn(replace(spec, app=f"tests.e2e.faulty:{spec.name}"))
        port = free_port()
        argv[argv.index("--port") + 1] = str(port)
        process = ManagedProcess(
            f"{spec.name}-faulty", argv, env=env, cwd=mesh.config.root, log_path=log_dir / f"{spec.name}.log"
        )
        process.start()
        started.append((spec.name, process, f"http://127.0.0.1:{port}"))
    return started


async def test_issue17_failure6_failed_statements_leave_no_secrets_in_any_log(
    mesh: Mesh, tmp_path: Path
) -> None:
    processes = _faulty(mesh, tmp_path)
    try:
        # no kept-alive connections: uvicorn closes a connection after an error escaped the app
        async with httpx.AsyncClient(timeout=30, limits=httpx.Limits(max_keepalive_connections=0)) as http:
            for name, process, url in processes:

                async def ready(url: str = url, process: ManagedProcess = process) -> None:
                    assert process.running, process.tail()
                    try:
                        answer = await http.get(f"{url}/healthz")
                    except httpx.TransportError as error:
                        raise AssertionError(f"not listening yet: {error!r}") from None
                    assert answer.status_code == 200

                await eventually(ready, timeout=60)
                for kind in KINDS:
                    failed = await http.post(f"{url}/_fault/{kind}")
                    assert failed.status_code == 500, (name, kind, failed.text)
                    assert failed.json()["code"] == "internal_error"
                    assert failed.headers["x-content-type-options"] == "nosniff"
                    assert "server" not in failed.headers
    finally:
        stop_all([process for _, process, _ in processes], timeout=10)

    for name, process, _ in processes:
        entries = _json_lines(process.log_path)
        text = process.log_path.read_text(encoding="utf-8")
        leaked = [secret for secret in SECRETS if secret in text]
        assert leaked == [], f"{name}: {leaked} in {process.log_path}"
        errors = [e for e in entries if e.get("logger") == "meshkit.errors"]
        assert len(errors) == len(KINDS), f"{name}: every failure logged once by the service"
        exceptions = " ".join(str(e.get("exception", "")) for e in errors)
        for expected in ("UniqueViolation", "StringDataRightTruncation", "NotNullViolation", "uq_outbox"):
            assert expected in exceptions, (name, expected)  # the error stays diagnosable
        uvicorn_copies = [e for e in entries if e.get("logger") == "uvicorn.error" and "exception" in e]
        # a 500 the app answered no longer reaches uvicorn (meshkit.keepalive, issue 18 failure 6): no second copy
        assert uvicorn_copies == [], f"{name}: the traceback is logged once, by the service"

    # and every line that every process of the running mesh has written so far
    for log in sorted(mesh.config.log_dir.glob("*.log")):
        _json_lines(log)
    # PostgreSQL's own log: the error and the statement (placeholders), no DETAIL (log_error_verbosity=terse)
    server_log = (mesh.config.postgres_dir / "server.log").read_text(encoding="utf-8", errors="replace")
    assert "uq_outbox_event_id" in server_log
    assert [secret for secret in SECRETS if secret in server_log] == []
