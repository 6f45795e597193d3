"""Child processes of the launcher: each in its own session (process group), output to a log file.

A process group lets the launcher stop a child and anything it spawned with one signal, and keeps a terminal's
Ctrl-C (sent to the launcher's foreground group) away from the children, so the launcher decides the order.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import time
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path

__all__ = ["ManagedProcess", "log_tail", "stop_all"]


def log_tail(path: Path, lines: int = 40, max_bytes: int = 16_384) -> str:
    """The last ``lines`` lines of a log file ('' when it does not exist)."""
    try:
        with path.open("rb") as handle:
            handle.seek(0, os.SEEK_END)
            size = handle.tell()
            handle.seek(max(0, size - max_bytes))
            data = handle.read()
    except FileNotFoundError:
        return ""
    return "\n".join(data.decode("utf-8", errors="replace").splitlines()[-lines:])


class ManagedProcess:
    """A subprocess started with ``start_new_session=True`` whose stdout and stderr append to ``log_path``.

    A session of its own is also a scheduling unit where Linux autogroup scheduling is on: each service gets
    an equal share of the CPU under contention whatever its process count (PostgreSQL's backends make their
    own sessions anyway). A worker, and a background lane, lowers its session's priority itself
    (``meshkit.priority.lower_priority``). Starting everything in the launcher's session instead (process
    groups only) was measured, alternating runs: no difference beyond the host's noise in reads or
    applications per second."""

    def __init__(
        self,
        name: str,
        argv: Sequence[str],
        *,
        env: Mapping[str, str],
        cwd: Path,
        log_path: Path,
    ) -> None:
        self.name = name
        self.argv = list(argv)
        self.env = dict(env)
        self.cwd = cwd
        self.log_path = log_path
        self.popen: subprocess.Popen[bytes] | None = None
        self.reaped = False  # its group was killed and the leader waited for; never signal that pid again

    def __repr__(self) -> str:
        return f"ManagedProcess({self.name!r}, pid={self.pid})"

    @property
    def pid(self) -> int | None:
        return None if self.popen is None else self.popen.pid

    @property
    def returncode(self) -> int | None:
        return None if self.popen is None else self.popen.poll()

    @property
    def running(self) -> bool:
        return self.popen is not None and self.popen.poll() is None

    def start(self) -> None:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("ab") as log:
            # the launcher's own line in the process's log is JSON too (every line of var/logs parses)
            marker = {
                "time": datetime.now(UTC).isoformat(timespec="milliseconds"),
                "level": "info",
                "service": self.name,
                "logger": "tongban.launcher",
                "message": "tongban starts the process",
                "argv": self.argv,
            }
            log.write((json.dumps(marker, ensure_ascii=False) + "\n").encode())
            log.flush()
            self.popen = subprocess.Popen(
                self.argv,
                env=self.env,
                cwd=self.cwd,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def signal_group(self, sig: signal.Signals) -> None:
        """Send ``sig`` to the child's whole process group (its pid is the group id)."""
        if self.popen is None:
            return
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.popen.pid, sig)

    def wait(self, timeout: float) -> int | None:
        if self.popen is None:
            return None
        try:
            return self.popen.wait(timeout)
        except subprocess.TimeoutExpired:
            return None

    def reap(self) -> None:
        """SIGKILL whatever is left of the group, wait for the leader, and forget the pid."""
        if self.popen is None or self.reaped:
            return
        self.signal_group(signal.SIGKILL)
        self.popen.wait()
        self.reaped = True

    def tail(self, lines: int = 40) -> str:
        return log_tail(self.log_path, lines)


def stop_all(processes: Sequence[ManagedProcess], timeout: float) -> None:
    """SIGTERM every group in the given order, wait up to ``timeout`` in total, then SIGKILL what is left.

    Groups are signalled even when the leader already exited, so nothing a child spawned survives it.
    """
    started = [proc for proc in processes if proc.popen is not None and not proc.reaped]
    for proc in started:
        if proc.running:
            proc.signal_group(signal.SIGTERM)
    deadline = time.monotonic() + timeout
    for proc in started:
        proc.wait(max(0.0, deadline - time.monotonic()))
    for proc in started:
        proc.reap()  # stragglers, and any grandchildren of leaders that already exited
