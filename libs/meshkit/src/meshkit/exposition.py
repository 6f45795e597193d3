"""Prometheus exposition for every process: the API's ``/metrics`` route and a worker's own small endpoint.

Several processes behind one port (uvicorn ``--workers N``) or one service (its API processes and worker) write
their samples to files in ``PROMETHEUS_MULTIPROC_DIR`` (prometheus_client's multiprocess mode, one directory per
process group, set and emptied by the launcher or the pod); a scrape reads all of them and sums, so counters
never jump back between scrapes that land on different processes. Without that variable each process reports
its own registry, as a single process should.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from threading import Thread
from wsgiref.simple_server import WSGIServer

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    generate_latest,
    start_http_server,
)
from prometheus_client.multiprocess import MultiProcessCollector

__all__ = [
    "CONTENT_TYPE_LATEST",
    "MULTIPROC_ENV",
    "MetricsServer",
    "clean_multiproc_dir",
    "exposition_registry",
    "render",
    "start_metrics_server",
]

log = logging.getLogger("meshkit.exposition")

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"


def exposition_registry() -> CollectorRegistry:
    """What a scrape reports: every process of the group in multiprocess mode, else this process's registry."""
    directory = os.environ.get(MULTIPROC_ENV)
    if not directory:
        return REGISTRY
    registry = CollectorRegistry()
    MultiProcessCollector(registry, path=directory)  # type: ignore[no-untyped-call]
    return registry


def render() -> bytes:
    """The text exposition format of :func:`exposition_registry`."""
    return generate_latest(exposition_registry())


def clean_multiproc_dir(directory: Path) -> None:
    """Create ``directory`` empty of sample files: run before the group's first process starts (files of a
    previous run would be summed in, and a previous run's gauges would linger)."""
    directory.mkdir(parents=True, exist_ok=True)
    for path in directory.glob("*.db"):
        path.unlink(missing_ok=True)


class MetricsServer:
    """A running ``/metrics`` endpoint (prometheus_client's WSGI server on a daemon thread)."""

    def __init__(self, server: WSGIServer, thread: Thread) -> None:
        self._server = server
        self._thread = thread

    @property
    def port(self) -> int:
        return int(self._server.server_port)

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


def start_metrics_server(port: int, host: str = "127.0.0.1") -> MetricsServer:
    """Serve :func:`exposition_registry` at ``http://host:port/metrics`` (port 0: any free port) from a thread of
    this process: a scrape costs the worker's event loop nothing."""
    server, thread = start_http_server(port, addr=host, registry=exposition_registry())
    log.info("metrics endpoint started", extra={"host": host, "port": server.server_port})
    return MetricsServer(server, thread)
