"""Loopback port checks: which of a mesh's ports are taken, and a base port whose whole block is free."""

from __future__ import annotations

import random
import socket
from collections.abc import Iterable, Mapping

from tongban.config import WORKER_METRICS_OFFSET

__all__ = ["busy_ports", "free_base_port", "port_is_free"]


def port_is_free(port: int, host: str = "127.0.0.1") -> bool:
    """True if a server could bind ``host:port`` now (SO_REUSEADDR like uvicorn: TIME_WAIT is free)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            return False
    return True


def busy_ports(ports: Mapping[str, int]) -> dict[str, int]:
    """The subset of ``ports`` (owner -> port) that something else holds."""
    return {owner: port for owner, port in ports.items() if not port_is_free(port)}


def free_base_port(
    offsets: Iterable[int] = range(WORKER_METRICS_OFFSET + 10),  # every offset of a mesh, workers included
    *,
    low: int = 10_000,
    high: int = 32_000,
    attempts: int = 200,
) -> int:
    """A base port B with B + offset free for every offset (tests and benchmarks running in parallel).

    The default range stays below Linux's ephemeral ports (32768+), which any outgoing connection on the machine
    may take at any moment — including the mesh's own connections between its check and its bind.
    """
    wanted = sorted(set(offsets))
    rng = random.SystemRandom()
    for _ in range(attempts):
        base = rng.randrange(low, high - wanted[-1])
        if all(port_is_free(base + offset) for offset in wanted):
            return base
    raise RuntimeError(f"no free block of ports found in {low}..{high}")
