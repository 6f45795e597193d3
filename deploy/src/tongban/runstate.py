"""A record under ``var/run/`` of the launcher and the process groups it started.

If a launcher was killed without cleaning up (SIGKILL, a closed terminal), its children live on in
their own sessions and hold the ports and the PostgreSQL data dir. The next launcher on the same ``var/``
finds them here and stops them; it refuses to start while the recorded launcher itself is still alive.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
from dataclasses import asdict, dataclass
from pathlib import Path

import psutil

__all__ = ["LauncherRunning", "RunRecord", "RunState", "read_record"]


class LauncherRunning(RuntimeError):
    """Another live launcher owns this var directory."""


@dataclass(frozen=True)
class _Entry:
    name: str
    pid: int
    create_time: float

    @classmethod
    def of(cls, name: str, pid: int) -> _Entry | None:
        try:
            return cls(name, pid, psutil.Process(pid).create_time())
        except psutil.Error:
            return None

    def process(self) -> psutil.Process | None:
        """The live process this entry names (None if gone or the pid now belongs to someone else)."""
        try:
            proc = psutil.Process(self.pid)
            if abs(proc.create_time() - self.create_time) > 0.01 or proc.status() == psutil.STATUS_ZOMBIE:
                return None
            return proc
        except psutil.Error:
            return None


@dataclass(frozen=True)
class RunRecord:
    """What ``tongban status`` reads of a running mesh: its launcher, its processes and the ports they use."""

    launcher_pid: int
    launcher_alive: bool
    processes: dict[str, tuple[int, bool]]  # name -> (pid, alive)
    ports: dict[str, int]


def read_record(var_dir: Path) -> RunRecord | None:
    """The record of the mesh running on ``var_dir`` (None if there is none)."""
    state = RunState(var_dir)
    found = state._read()
    if found is None:
        return None
    launcher, children = found
    try:
        ports = {str(k): int(v) for k, v in json.loads(state.path.read_text()).get("ports", {}).items()}
    except (OSError, ValueError, AttributeError):
        ports = {}
    return RunRecord(
        launcher_pid=launcher.pid,
        launcher_alive=launcher.process() is not None,
        processes={entry.name: (entry.pid, entry.process() is not None) for entry in children},
        ports=ports,
    )


class RunState:
    def __init__(self, var_dir: Path) -> None:
        self.path = var_dir / "run" / "launcher.json"
        self._launcher: _Entry | None = None
        self._children: list[_Entry] = []
        self._ports: dict[str, int] = {}

    def describe(self, ports: dict[str, int]) -> None:
        """Record the ports of the mesh (``tongban status`` reads them instead of guessing from its own env)."""
        self._ports = dict(ports)
        self._write()

    def claim(self, stale_timeout: float = 10.0) -> list[str]:
        """Take over ``var/``: stop leftovers of a dead launcher; returns their names."""
        leftovers = self._read()
        stopped: list[str] = []
        if leftovers is not None:
            launcher, children = leftovers
            if launcher.pid != os.getpid() and launcher.process() is not None:
                raise LauncherRunning(
                    f"another tongban launcher (pid {launcher.pid}) is using {self.path.parent.parent}; "
                    "stop it first or choose another --var"
                )
            live = [(entry, proc) for entry in children if (proc := entry.process()) is not None]
            for entry, _ in live:
                _signal_group(entry.pid, signal.SIGTERM)
            _, alive = psutil.wait_procs([proc for _, proc in live], timeout=stale_timeout)
            for proc in alive:
                _signal_group(proc.pid, signal.SIGKILL)
            psutil.wait_procs(alive, timeout=stale_timeout)
            stopped = [entry.name for entry, _ in live]
        self._launcher = _Entry.of("launcher", os.getpid())
        self._children = []
        self._write()
        return stopped

    @property
    def claimed(self) -> bool:
        return self._launcher is not None

    def add(self, name: str, pid: int) -> None:
        entry = _Entry.of(name, pid)
        if entry is not None:
            self._children.append(entry)
            self._write()

    def release(self) -> None:
        """Forget the record, if this launcher claimed it (never another live launcher's)."""
        if self._launcher is None:
            return
        self.path.unlink(missing_ok=True)
        self._launcher = None
        self._children = []

    def _write(self) -> None:
        if self._launcher is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        payload = {
            "launcher": asdict(self._launcher),
            "children": [asdict(entry) for entry in self._children],
            "ports": self._ports,
        }
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(payload, indent=2))
        tmp.replace(self.path)

    def _read(self) -> tuple[_Entry, list[_Entry]] | None:
        try:
            payload = json.loads(self.path.read_text())
            launcher = _Entry(**payload["launcher"])
            children = [_Entry(**item) for item in payload["children"]]
        except (FileNotFoundError, ValueError, KeyError, TypeError):
            return None
        return launcher, children


def _signal_group(pid: int, sig: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, sig)
