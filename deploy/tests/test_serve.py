"""``python -m tongban.serve``: each worker listens on a socket of its own (issue 21).

uvicorn's ``--workers`` shares one socket and the worker that wakes first takes every waiting connection
(wrk's 32 connections split 24 / 8); with a ``SO_REUSEPORT`` socket per worker the kernel spreads them.
"""

from __future__ import annotations

import http.client
import socket
import subprocess
import sys
import time
from pathlib import Path

from uvicorn.importer import import_from_string

from gateway.server import GatewayProtocol
from meshkit.coalesce import CoalescingHttpToolsProtocol
from meshkit.embedded import free_port
from tongban.config import MeshConfig, repo_root, standard_services
from tongban.mesh import Mesh
from tongban.serve import config_from

HERE = Path(__file__).parent


def _serve(port: int, *extra: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tongban.serve",
            "asgi_apps:pid",
            "--port",
            str(port),
            "--log-level",
            "warning",
            *extra,
        ],
        cwd=HERE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _pid_over_a_new_connection(port: int) -> tuple[http.client.HTTPConnection, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.request("GET", "/")
        return connection, connection.getresponse().read().decode()
    except OSError:
        connection.close()
        raise


def _wait_serving(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            connection, _ = _pid_over_a_new_connection(port)
            connection.close()
            return
        except OSError:
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            assert time.monotonic() < deadline, "not serving within 60 s"
            time.sleep(0.1)


def test_each_worker_listens_on_its_own_socket_and_connections_spread() -> None:
    port = free_port()
    process = _serve(port, "--workers", "2")
    try:
        _wait_serving(port, process)
        time.sleep(1)  # both workers bound (the second may start a moment after the first)
        opened = [_pid_over_a_new_connection(port) for _ in range(32)]
        pids = {pid for _, pid in opened}
        for connection, _ in opened:
            connection.close()
        assert len(pids) == 2, f"32 connections all went to {pids}"
    finally:
        process.terminate()
        process.wait(20)
        if process.stderr is not None:
            process.stderr.close()


def test_a_port_in_use_is_refused_not_shared() -> None:
    """A socket with SO_REUSEPORT would share a port another socket of the same user holds with it: the launcher
    refuses the port instead (exit 3, uvicorn's start-up failure)."""
    with socket.socket() as holder:
        holder.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        process = _serve(holder.getsockname()[1], "--workers", "2")
        assert process.wait(60) == 3
        assert process.stderr is not None
        with process.stderr:
            assert b"in use" in process.stderr.read()


def _client_seen(port: int, forwarded_for: str) -> str:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.request("GET", "/client", headers={"X-Forwarded-For": forwarded_for})
        return connection.getresponse().read().decode()
    finally:
        connection.close()


def test_the_gateway_is_served_without_uvicorns_proxy_headers() -> None:
    """uvicorn believes X-Forwarded-For from a peer at 127.0.0.1 by default: a client on the gateway's host (or
    behind a sidecar there) then chose the address the gateway's rate limits and admission count it under, before
    the gateway's own rule (GATEWAY_TRUSTED_PROXIES, empty by default) was asked. The gateway is served with
    ``--no-proxy-headers``: the socket's address is what it gets."""
    spoofed = "203.0.113.9"
    for extra, expected in (((), spoofed), (("--no-proxy-headers",), "127.0.0.1")):
        port = free_port()
        process = _serve(port, *extra)
        try:
            _wait_serving(port, process)
            assert _client_seen(port, spoofed) == expected
        finally:
            process.terminate()
            process.wait(20)
            if process.stderr is not None:
                process.stderr.close()
    gateway, catalog = _gateway_and_catalog()
    assert "--no-proxy-headers" in gateway
    # a service believes its gateway's X-Forwarded-For (a peer at 127.0.0.1 in the mesh)
    assert "--no-proxy-headers" not in catalog


def test_the_gateway_is_served_with_its_own_protocol() -> None:
    """issue 21: the mesh serves the gateway with ``gateway.server.GatewayProtocol`` (a proxied request goes to the
    proxy without ASGI); every other process with httptools and coalesced writes."""
    gateway, catalog = _gateway_and_catalog()
    assert gateway[gateway.index("--http") + 1] == "gateway.server:GatewayProtocol"
    assert "--http" not in catalog
    assert import_from_string(config_from(_without_log_config(gateway)).http) is GatewayProtocol
    assert config_from(_without_log_config(catalog)).http is CoalescingHttpToolsProtocol


def _gateway_and_catalog() -> tuple[list[str], list[str]]:
    """The command lines a mesh (not started) would start the gateway and the catalog with."""
    config = MeshConfig(
        root=repo_root(),
        var_dir=Path("/nonexistent"),
        services=standard_services(repo_root()),
        base_port=20000,
    )
    mesh = Mesh(config)
    assert config.gateway is not None
    catalog = next(spec for spec in config.services if spec.name == "catalog")
    return mesh._uvicorn(config.gateway), mesh._uvicorn(catalog)


def _without_log_config(argv: list[str]) -> list[str]:
    """``tongban.serve``'s arguments in a mesh's command line, without the log configuration (a file the mesh
    writes when it starts)."""
    at = argv.index("--log-config")
    return argv[3:at] + argv[at + 2 :]
