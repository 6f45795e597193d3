"""The ``tongban`` command line: parsing, the URL table, and up/migrate/status against the fake mesh."""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from tongban import cli
from tongban.config import MeshConfig
from tongban.console import url_rows
from tongban.mesh import Mesh
from tongban.ports import free_base_port, port_is_free


@pytest.mark.unit
def test_parser_knows_the_commands_and_options() -> None:
    parser = cli.build_parser()
    args = parser.parse_args(["up", "--base-port", "9000", "--var", "var-elsewhere", "--no-demo"])
    assert (args.command, args.base_port, args.var, args.no_demo) == ("up", 9000, Path("var-elsewhere"), True)
    assert parser.parse_args(["up"]).base_port is None
    assert parser.parse_args(["migrate", "--base-port", "9100"]).command == "migrate"
    assert parser.parse_args(["status"]).command == "status"
    with pytest.raises(SystemExit):
        parser.parse_args([])


@pytest.mark.unit
def test_url_table_lists_the_docs_first(fake_config: Any) -> None:
    rows = url_rows(Mesh(fake_config(base_port=9000)).urls)
    assert rows[0] == ("API docs", "http://127.0.0.1:9000/docs")
    assert rows[1] == ("Gateway", "http://127.0.0.1:9000")
    assert ("fakesvc", "http://127.0.0.1:9001") in rows
    assert ("PostgreSQL", "postgresql://postgres@127.0.0.1:9032/postgres") in rows
    assert ("NATS", "nats://127.0.0.1:9042") in rows


@pytest.mark.unit
def test_bad_base_port_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["status", "--base-port", "80"]) == 2
    assert "out of range" in capsys.readouterr().out


@pytest.mark.integration
def test_status_without_a_mesh_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["status", "--base-port", str(free_base_port())]) == 1
    assert "gateway" in capsys.readouterr().out


def _use(monkeypatch: pytest.MonkeyPatch, config: MeshConfig) -> None:
    monkeypatch.setattr(
        "tongban.commands.up.config_from_args", lambda args, demo=True, simulators=None: config
    )
    monkeypatch.setattr("tongban.commands.migrate.config_from_args", lambda args, demo=True: config)


def _when_running(monkeypatch: pytest.MonkeyPatch, action: Any) -> threading.Thread:
    """In a thread: once ``tongban up`` printed its URL table (the mesh is ready), run ``action``."""
    import tongban.commands.up as up

    printed = threading.Event()
    real_table = up.urls_table  # type: ignore[attr-defined]

    def table(urls: Any) -> Any:
        printed.set()
        return real_table(urls)

    monkeypatch.setattr(up, "urls_table", table)

    def run() -> None:
        if printed.wait(120):
            action()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


@pytest.mark.integration
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_up_stops_everything_on_a_signal_and_exits_0(
    fake_config: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], sig: signal.Signals
) -> None:
    config = fake_config()
    _use(monkeypatch, config)
    thread = _when_running(monkeypatch, lambda: os.kill(os.getpid(), sig))
    assert cli.main(["up"]) == 0
    thread.join(5)
    out = capsys.readouterr().out
    assert f"http://127.0.0.1:{config.base_port}/docs" in out
    assert out.index("/docs") < out.index("fakesvc  ")
    assert all(port_is_free(port) for port in config.ports().values())
    assert not (config.var_dir / "run" / "launcher.json").exists()


@pytest.mark.integration
def test_up_restarts_a_crashed_process_and_exits_1_on_a_crash_loop(
    fake_config: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 20, failure 7: a crashed process used to stop the whole mesh. `tongban up` now restarts it (and says
    so); only a crash loop (TONGBAN_RESTART_LIMIT crashes in a minute, 2 here) stops the mesh, with the reason."""
    config = fake_config(demo=False, restart_limit=2)
    _use(monkeypatch, config)
    crashes: list[float] = []

    def crash_twice() -> None:
        service = f"http://127.0.0.1:{config.base_port + 1}"
        with httpx.Client(timeout=2, trust_env=False) as client:
            for _ in range(2):
                deadline = time.monotonic() + 60
                while time.monotonic() < deadline:  # up (again): the supervisor restarted it
                    try:
                        if client.get(f"{service}/readyz").status_code == 200:
                            break
                    except httpx.HTTPError:
                        pass
                    time.sleep(0.2)
                with contextlib.suppress(httpx.HTTPError):
                    client.post(f"{service}/crash")
                crashes.append(time.monotonic())
                time.sleep(1.0)

    thread = _when_running(monkeypatch, crash_twice)
    assert cli.main(["up"]) == 1
    thread.join(5)
    out = capsys.readouterr().out
    assert "fakesvc restarted" in out
    assert "crashed 2 times" in out
    assert all(port_is_free(port) for port in config.ports().values())


@pytest.mark.integration
def test_migrate_starts_and_stops_postgres(fake_config: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    config = fake_config()
    _use(monkeypatch, config)
    assert cli.main(["migrate"]) == 0
    assert (config.postgres_dir / "PG_VERSION").exists()
    assert port_is_free(config.postgres_port)
    assert not (config.var_dir / "run" / "launcher.json").exists()


@pytest.mark.integration
def test_status_reads_the_running_mesh_and_shows_each_process(
    fake_config: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 19 failure 16: `tongban status` only said "no answer" without reading which ports the running mesh
    uses. Asked from a shell without the mesh's base port, it reads the launcher's record under var/."""
    config = fake_config(demo=False)
    _use(monkeypatch, config)
    codes: list[int] = []

    def status_then_stop() -> None:
        codes.append(cli.main(["status", "--var", str(config.var_dir)]))  # no --base-port: the default's
        os.kill(os.getpid(), signal.SIGTERM)

    thread = _when_running(monkeypatch, status_then_stop)
    assert cli.main(["up"]) == 0
    thread.join(10)
    out = capsys.readouterr().out
    assert codes == [0]
    status = out[out.index("Mesh of launcher pid") :]
    for name, port in config.ports().items():
        assert name in status
        assert str(port) in status
    assert "fakesvc-worker" in status  # a process without a port is listed too
