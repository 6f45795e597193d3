"""``tongban status`` shows a process whose revocation feed is down on a line of its own (issue 19, last outside
try, failure 3): the health part of the table's answer was wrapped and cut off in an 80-column terminal."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tongban import cli
from tongban.config import load_config
from tongban.ports import free_base_port


def _readyz(service: str, health: dict[str, str]) -> bytes:
    """A meshkit /readyz answer (meshkit.app): ready, with the background probes' health reported."""
    checks = {"database": "ok"}
    return json.dumps({"status": "ready", "service": service, "checks": checks, "health": health}).encode()


@contextmanager
def _serving(port: int, body: bytes) -> Iterator[None]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield
    finally:
        server.shutdown()
        server.server_close()


def test_issue19_last_outside_try_failure3_status_says_a_revocation_feed_is_down(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """issue 19, last outside try: failure 3 — a process answering `revocations: down` looked ready, its health
    wrapped and cut off in an 80-column terminal; status now says so on one short line under the table."""
    monkeypatch.setenv("COLUMNS", "80")
    base = free_base_port()
    ports = load_config(base_port=base, var_dir=tmp_path / "var").ports()
    cases = _readyz("cases", {"nats": "ok", "revocations": "down: TimeoutError"})
    catalog = _readyz("catalog", {"nats": "ok", "revocations": "ok"})
    with _serving(ports["cases"], cases), _serving(ports["catalog"], catalog):
        cli.main(["status", "--var", str(tmp_path / "var"), "--base-port", str(base)])
    lines = capsys.readouterr().out.splitlines()
    warning = "! cases：吊销名单未同步（revocations down）— 已吊销的令牌在该进程可能仍被接受"
    assert warning in lines, "\n".join(lines)
    assert not [line for line in lines if line.startswith("! catalog")]  # its feed follows: nothing to say
