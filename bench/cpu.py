"""CPU time of the mesh's processes, for "CPU ms per operation" beside a rate (the machine is shared: a rate
alone says as much about the other tenants as about the mesh)."""

from __future__ import annotations

import psutil

__all__ = ["cpu_seconds", "per_operation", "process_cpu_seconds"]


def cpu_seconds(pids: dict[str, int]) -> dict[str, float]:
    """CPU time (user + system) of each process and its children (uvicorn workers, PostgreSQL backends)."""
    out = {}
    for name, pid in pids.items():
        try:
            process = psutil.Process(pid)
            times = [process.cpu_times(), *(child.cpu_times() for child in process.children(recursive=True))]
        except psutil.Error:
            continue
        out[name] = sum(t.user + t.system for t in times)
    return out


def process_cpu_seconds(pid: int | None) -> float:
    """CPU time of one process and its children; 0 for no process or one that is gone."""
    return cpu_seconds({"p": pid}).get("p", 0.0) if pid else 0.0


def per_operation(before: dict[str, float], after: dict[str, float], operations: int) -> dict[str, float]:
    """CPU ms per operation of each process between two readings, and their ``total``."""
    spent = {
        name: (after[name] - before[name]) * 1000 / max(operations, 1) for name in after if name in before
    }
    return {name: round(ms, 3) for name, ms in spent.items()} | {"total": round(sum(spent.values()), 3)}
