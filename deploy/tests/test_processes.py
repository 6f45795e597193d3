"""Process groups, stop order and leftovers of a killed launcher (real but tiny child processes)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from tongban.processes import ManagedProcess, log_tail, stop_all
from tongban.runstate import LauncherRunning, RunState

pytestmark = pytest.mark.integration

# A parent that spawns a grandchild and ignores SIGTERM itself: only SIGKILL of the group ends both.
STUBBORN = (
    "import signal, subprocess, sys, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); "
    "child = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)']); "
    "print('child', child.pid, flush=True); time.sleep(60)"
)


def spawn(tmp_path: Path, name: str, code: str) -> ManagedProcess:
    proc = ManagedProcess(
        name, [sys.executable, "-c", code], env={}, cwd=tmp_path, log_path=tmp_path / f"{name}.log"
    )
    proc.start()
    return proc


def wait_for_line(proc: ManagedProcess, prefix: str) -> str:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        for line in proc.tail().splitlines():
            if line.startswith(prefix):
                return line
        time.sleep(0.02)
    raise AssertionError(f"{proc.name} never printed {prefix!r}: {proc.tail()}")


def gone_soon(pid: int, timeout: float = 5.0) -> bool:
    """True once ``pid`` no longer runs (a zombie waiting for init to reap it counts as gone)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if psutil.Process(pid).status() == psutil.STATUS_ZOMBIE:
                return True
        except psutil.NoSuchProcess:
            return True
        time.sleep(0.02)
    return False


def test_output_goes_to_the_log(tmp_path: Path) -> None:
    proc = spawn(tmp_path, "hello", "print('hello from the child')")
    assert proc.wait(10) == 0
    proc.reap()
    assert "hello from the child" in log_tail(tmp_path / "hello.log")
    assert "tongban starts" in log_tail(tmp_path / "hello.log")


def test_child_runs_in_its_own_session(tmp_path: Path) -> None:
    proc = spawn(tmp_path, "sleeper", "import time; time.sleep(60)")
    try:
        assert proc.pid is not None
        assert os.getsid(proc.pid) == proc.pid
    finally:
        stop_all([proc], timeout=5)
    assert not proc.running


def test_stop_all_kills_stubborn_groups_with_grandchildren(tmp_path: Path) -> None:
    proc = spawn(tmp_path, "stubborn", STUBBORN)
    grandchild = int(wait_for_line(proc, "child ").split()[1])
    began = time.monotonic()
    stop_all([proc], timeout=0.5)
    assert time.monotonic() - began < 5
    assert not proc.running
    assert proc.reaped
    assert gone_soon(grandchild)


def test_stop_all_lets_children_exit_gracefully(tmp_path: Path) -> None:
    code = (
        "import signal, sys, time; signal.signal(signal.SIGTERM, lambda *a: sys.exit(0)); "
        "print('ready', flush=True); time.sleep(60)"
    )
    procs = [spawn(tmp_path, f"p{i}", code) for i in range(3)]
    for proc in procs:
        wait_for_line(proc, "ready")
    stop_all(procs, timeout=5)
    assert [p.returncode for p in procs] == [0, 0, 0]


def test_claim_stops_leftovers_of_a_dead_launcher(tmp_path: Path) -> None:
    orphan = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"], start_new_session=True)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    record = tmp_path / "run" / "launcher.json"
    record.parent.mkdir(parents=True)
    record.write_text(
        json.dumps(
            {
                "launcher": {"name": "launcher", "pid": dead.pid, "create_time": 1.0},
                "children": [
                    {
                        "name": "orphan",
                        "pid": orphan.pid,
                        "create_time": psutil.Process(orphan.pid).create_time(),
                    }
                ],
            }
        )
    )
    state = RunState(tmp_path)
    try:
        assert state.claim(stale_timeout=5) == ["orphan"]
        assert orphan.wait(5) is not None
    finally:
        if orphan.poll() is None:
            orphan.kill()
            orphan.wait()
    assert json.loads(record.read_text())["children"] == []
    state.release()
    assert not record.exists()


def test_claim_refuses_while_the_recorded_launcher_lives(tmp_path: Path) -> None:
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        record = tmp_path / "run" / "launcher.json"
        record.parent.mkdir(parents=True)
        entry = {"name": "launcher", "pid": other.pid, "create_time": psutil.Process(other.pid).create_time()}
        record.write_text(json.dumps({"launcher": entry, "children": []}))
        state = RunState(tmp_path)
        with pytest.raises(LauncherRunning):
            state.claim()
        state.release()  # did not claim: must not delete the other launcher's record
        assert record.exists()
    finally:
        other.kill()
        other.wait()
