"""The two waits of a mesh start: one-shot jobs (migrations, demo data) and /readyz of long-running processes."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import httpx

from tongban.processes import ManagedProcess, log_tail
from tongban.steps import MeshCancelled, MeshError, Reporter

__all__ = ["Job", "run_jobs", "wait_ready"]


@dataclass(frozen=True)
class Job:
    step: str
    label: str
    process: ManagedProcess


def run_jobs(
    jobs: Sequence[Job],
    *,
    timeout: float,
    report: Reporter,
    cancel: threading.Event,
    started: Callable[[ManagedProcess], None],
) -> None:
    """Run one-shot processes concurrently; raise on the first failure (the caller stops the others).

    ``started`` is called right after each process starts, so the caller can track it for cleanup.
    """
    pending: dict[str, tuple[Job, float]] = {}
    for job in jobs:
        report.emit(job.step, job.label, "start")
        job.process.start()
        started(job.process)
        pending[job.step] = (job, time.monotonic())
    deadline = time.monotonic() + timeout
    while pending:
        for step, (job, began) in list(pending.items()):
            proc = job.process
            code = proc.returncode
            if code is None:
                continue
            del pending[step]
            proc.reap()
            elapsed = time.monotonic() - began
            if code != 0:
                report.emit(step, job.label, "fail", f"exit code {code}", elapsed)
                raise MeshError(
                    f"{job.label} failed (exit code {code})",
                    process=proc.name,
                    log_path=proc.log_path,
                    tail=proc.tail(),
                )
            report.emit(step, job.label, "done", "", elapsed)
        if not pending:
            return
        if time.monotonic() > deadline:
            job, _ = next(iter(pending.values()))
            raise MeshError(
                f"{job.label} still running after {timeout:.0f}s",
                process=job.process.name,
                log_path=job.process.log_path,
                tail=job.process.tail(),
            )
        if cancel.wait(0.05):
            raise MeshCancelled("cancelled")


def wait_ready(
    targets: Mapping[str, tuple[str, Path]],
    *,
    timeout: float,
    report: Reporter,
    cancel: threading.Event,
    check_alive: Callable[[], None],
    optional: Collection[str] = (),
) -> list[str]:
    """Poll each target's URL (name -> (url, log path)) until it answers 200; returns the names still starting.

    ``check_alive`` raises when a process died, so a crash fails at once instead of at the timeout. At the
    timeout a target still starting fails the start, unless every one still starting is ``optional`` (e.g. a
    background lane): a mesh whose gateway and APIs answered is not torn down for a late helper; those are
    reported as skipped ("still starting") and returned.
    """
    pending = dict(targets)
    began = time.monotonic()
    for name in pending:
        report.emit(f"ready:{name}", f"{name} ready", "start")
    last: dict[str, str] = {}
    deadline = began + timeout
    with httpx.Client(timeout=2.0, trust_env=False) as client:
        while pending:
            check_alive()
            for name, (url, _) in list(pending.items()):
                try:
                    status = client.get(url).status_code
                    last[name] = f"HTTP {status}"
                except httpx.HTTPError as exc:
                    status, last[name] = 0, type(exc).__name__
                if status == 200:
                    del pending[name]
                    report.emit(f"ready:{name}", f"{name} ready", "done", "", time.monotonic() - began)
            if not pending:
                return []
            if time.monotonic() > deadline:
                if set(pending) <= set(optional):
                    for name in pending:
                        report.emit(
                            f"ready:{name}",
                            f"{name} ready",
                            "skip",
                            f"still starting after {timeout:.0f}s ({last.get(name, 'no answer')}); serves when ready",
                            time.monotonic() - began,
                        )
                    return sorted(pending)
                name, (_, log_path) = next(iter((n, t) for n, t in pending.items() if n not in optional))
                waiting = ", ".join(f"{n} ({last.get(n, 'no answer')})" for n in pending)
                raise MeshError(
                    f"not ready after {timeout:.0f}s: {waiting}",
                    process=name,
                    log_path=log_path,
                    tail=log_tail(log_path),
                )
            if cancel.wait(0.1):
                raise MeshCancelled("cancelled while waiting for readiness")
    return []
