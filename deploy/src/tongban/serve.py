"""``python -m tongban.serve``: the mesh's HTTP processes under uvicorn, each worker on a listening socket of its own.

``uvicorn --workers N`` binds one socket in its supervisor and hands that same socket to every worker: the workers
then race to accept, and asyncio's accept loop takes every pending connection it finds in one wake-up (up to the
backlog). A client that opens its connections at once (a department system's pool, a load balancer) lands most of
them on whichever worker woke first: wrk's 32 connections split 24 / 8 between the gateway's two workers, so on a
gateway-bound path one worker did three quarters of the work (bench/HISTORY.md, issue 21). Here each worker binds
its own socket with ``SO_REUSEPORT`` on the same address, and Linux spreads new connections across the sockets by
their addresses' hash. uvicorn's own supervisor (``uvicorn.supervisors.Multiprocess``) still starts, watches and
restarts the workers; what it hands each of them is a :class:`Listener` that, unpickled in the worker, binds that
worker's socket (uvicorn has no such option yet: Kludex/uvicorn#2472). Written here because it is a launcher
detail of the mesh, not of any service.

One worker (the default) is plain ``uvicorn.Server`` on its own socket, as ``uvicorn`` would run it. Either way the
HTTP protocol is uvicorn's httptools one with a response's headers and body in one write (:mod:`meshkit.coalesce`).
The flags are the subset of uvicorn's the mesh passes (``tongban.mesh.Mesh._uvicorn``).
"""

from __future__ import annotations

import argparse
import socket
import sys
from typing import cast

from uvicorn import Config, Server
from uvicorn.config import STARTUP_FAILURE
from uvicorn.supervisors import Multiprocess

from meshkit.coalesce import CoalescingHttpToolsProtocol

__all__ = ["Listener", "bind_reuse_port", "main"]


def bind_reuse_port(host: str, port: int, backlog: int) -> socket.socket:
    """A listening TCP socket on ``host:port`` that other sockets of the same user may share (``SO_REUSEPORT``)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(
            socket.SOL_SOCKET, socket.SO_REUSEADDR, 1
        )  # TIME_WAIT of a previous run is no obstacle
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        sock.bind((host, port))
        sock.listen(backlog)
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def _bind_in_worker(host: str, port: int, backlog: int) -> socket.socket:
    try:
        return bind_reuse_port(host, port, backlog)
    except OSError as exc:  # uvicorn's supervisor stops on this exit code instead of restarting the worker
        print(f"tongban.serve: cannot listen on {host}:{port}: {exc}", file=sys.stderr)
        raise SystemExit(STARTUP_FAILURE) from exc


def port_is_free(host: str, port: int) -> bool:
    """Nothing listens on ``host:port``, not even a socket that would share it (a stale worker of an earlier run)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


class Listener:
    """Where a worker listens. Pickled into each worker uvicorn starts (and restarts), it unpickles as that
    worker's own bound socket."""

    def __init__(self, host: str, port: int, backlog: int) -> None:
        self.host, self.port, self.backlog = host, port, backlog

    def __reduce__(self) -> tuple[object, tuple[str, int, int]]:
        return _bind_in_worker, (self.host, self.port, self.backlog)


def _arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m tongban.serve", description=__doc__.split("\n", 1)[0])
    parser.add_argument("app", help="an app factory, module:callable")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--lifespan", default="on", choices=("auto", "on", "off"))
    parser.add_argument("--log-level", default="info")
    parser.add_argument("--log-config", default=None, help="a logging dictConfig as JSON")
    parser.add_argument("--timeout-graceful-shutdown", type=int, default=5)
    parser.add_argument(
        "--no-access-log", dest="access_log", action="store_false", help="no uvicorn access line"
    )
    parser.add_argument(
        "--http",
        default=None,
        help="the HTTP protocol class, module:Class (default: httptools with coalesced writes, meshkit.coalesce;"
        " the gateway's is gateway.server:GatewayProtocol)",
    )
    parser.add_argument(
        "--no-proxy-headers",
        dest="proxy_headers",
        action="store_false",
        help="the client's address as the socket says, not rewritten from X-Forwarded-For (the gateway's own)",
    )
    return parser.parse_args(argv)


def config_from(argv: list[str]) -> Config:
    args = _arguments(argv)
    return Config(
        args.app,
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        lifespan=args.lifespan,
        log_level=args.log_level,
        log_config=args.log_config,
        server_header=False,  # no "Server: uvicorn": a response does not say what serves it
        timeout_graceful_shutdown=args.timeout_graceful_shutdown,
        access_log=args.access_log,
        proxy_headers=args.proxy_headers,
        # httptools, its status line and headers sent with the body in one write (meshkit.coalesce), or the
        # protocol named (the gateway's handles proxied requests without ASGI: gateway.server)
        http=args.http or CoalescingHttpToolsProtocol,
    )


def main(argv: list[str] | None = None) -> int:
    config = config_from(sys.argv[1:] if argv is None else argv)
    if config.workers <= 1:
        server = Server(config)
        server.run()
        return 0 if server.started else STARTUP_FAILURE
    # the supervisor binds nothing: each worker binds when it unpickles its Listener. A port some other socket
    # holds is refused here first, since SO_REUSEPORT would otherwise share it with that socket's owner.
    if not port_is_free(config.host, config.port):
        print(f"tongban.serve: {config.host}:{config.port} is in use", file=sys.stderr)
        return STARTUP_FAILURE
    listener = cast(socket.socket, Listener(config.host, config.port, config.backlog))
    Multiprocess(config, sockets=[listener]).run()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
