"""The launcher's readiness wait against real HTTP servers on loopback."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tongban.steps import MeshError, Reporter, StepEvent
from tongban.waiting import wait_ready

pytestmark = pytest.mark.unit


class _Ready(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        status = 200 if self.path == "/ready" else 503
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Ready)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _wait(targets: dict[str, tuple[str, Path]], optional: list[str]) -> tuple[list[str], list[StepEvent]]:
    events: list[StepEvent] = []
    late = wait_ready(
        targets,
        timeout=0.5,
        report=Reporter(events.append),
        cancel=threading.Event(),
        check_alive=lambda: None,
        optional=optional,
    )
    return late, events


def test_a_late_helper_does_not_stop_a_mesh_that_answered(server: str, tmp_path: Path) -> None:
    """Issue 19 failure 15: the launcher tore down a mesh whose gateway had answered ready because the
    background lane was still starting."""
    log = tmp_path / "x.log"
    late, events = _wait(
        {"gateway": (f"{server}/ready", log), "exchange-bulk": (f"{server}/starting", log)},
        optional=["exchange-bulk"],
    )
    assert late == ["exchange-bulk"]
    skipped = [e for e in events if e.state == "skip"]
    assert [e.step for e in skipped] == ["ready:exchange-bulk"]
    assert "still starting" in skipped[0].detail


def test_an_api_that_never_answers_still_fails_the_start(server: str, tmp_path: Path) -> None:
    log = tmp_path / "x.log"
    with pytest.raises(MeshError, match=r"not ready after 0s: catalog \(HTTP 503\)") as failed:
        _wait(
            {"catalog": (f"{server}/starting", log), "exchange-bulk": (f"{server}/starting", log)},
            optional=["exchange-bulk"],
        )
    assert failed.value.process == "catalog"


def test_everything_ready_returns_nothing_late(server: str, tmp_path: Path) -> None:
    late, events = _wait({"gateway": (f"{server}/ready", tmp_path / "x.log")}, optional=[])
    assert late == []
    assert [e.state for e in events] == ["start", "done"]
