"""The proxy peer and the load generator of the gateway benchmark: nginx and wrk, from Debian.

Users compare the gateway with what they would otherwise put in front (issue 21): nginx with two workers and a
keep-alive upstream pool to the same catalog processes, routing the same ``/catalog/...`` paths. The load comes
from ``wrk`` (C, one thread per core, no Lua), which does not compete with the measured processes for the two
cores the way a Python client does. Both are installed by the bench when missing (``apt-get``, non-interactive,
as root); where that cannot be done the bench says so in one line and measures without them.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from meshkit.embedded import free_port

__all__ = ["WrkResult", "ensure_tool", "nginx_proxy", "wrk"]

_PACKAGES = {"nginx": ("nginx-light", "nginx"), "wrk": ("wrk",)}
_NGINX_PATHS = ("/usr/sbin/nginx", "/usr/local/sbin/nginx")


def _which(tool: str) -> str | None:
    found = shutil.which(tool)
    if found is None and tool == "nginx":
        found = next((path for path in _NGINX_PATHS if os.access(path, os.X_OK)), None)
    return found


def ensure_tool(tool: str) -> str | None:
    """The tool's path, installing its Debian package first when it is missing; ``None`` (and a line) if not."""
    found = _which(tool)
    if found is not None:
        return found
    if shutil.which("apt-get") is None or os.geteuid() != 0:
        print(f"bench: {tool} is not installed and cannot be (needs apt-get as root): its rows are skipped")
        return None
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for refresh in (False, True):  # with the package lists as they are, then once more after apt-get update
        if refresh:
            subprocess.run(["apt-get", "update", "-q"], env=env, capture_output=True, check=False)
        for package in _PACKAGES[tool]:
            done = subprocess.run(
                ["apt-get", "install", "-y", "-q", "--no-install-recommends", package],
                env=env,
                capture_output=True,
                check=False,
            )
            if done.returncode == 0 and (found := _which(tool)) is not None:
                _stop_packaged_service(tool)
                return found
    print(f"bench: installing {tool} failed (apt-get install {_PACKAGES[tool][0]}): its rows are skipped")
    return None


def _stop_packaged_service(tool: str) -> None:
    """Debian's nginx package may start its own server on port 80: the bench runs its own, so stop that one."""
    if tool == "nginx" and shutil.which("service") is not None:
        subprocess.run(["service", "nginx", "stop"], capture_output=True, check=False)


_CONFIG = """\
worker_processes 2;
daemon off;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    client_body_temp_path {dir}/body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
    upstream catalog {{
        server {upstream};
        keepalive 64;
    }}
    server {{
        listen 127.0.0.1:{port};
        location /catalog/ {{
            proxy_pass http://catalog/;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_set_header X-Forwarded-Prefix /catalog;
        }}
    }}
}}
"""


@contextmanager
def nginx_proxy(binary: str, upstream: str) -> Iterator[str]:
    """nginx as a child on a free port, proxying ``/catalog/`` to ``upstream`` (host:port); yields its base URL."""
    with tempfile.TemporaryDirectory(prefix="tongban-nginx-") as where:
        port = free_port()
        config = Path(where) / "nginx.conf"
        config.write_text(_CONFIG.format(dir=where, upstream=upstream, port=port))
        process = subprocess.Popen(
            [binary, "-p", where, "-c", str(config)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            _wait_listening(process, port)
            yield f"http://127.0.0.1:{port}"
        finally:
            process.terminate()  # SIGTERM: a fast shutdown of master and workers
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            if process.stderr is not None:
                process.stderr.close()


def _wait_listening(process: subprocess.Popen[bytes], port: int) -> None:
    import socket

    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if process.poll() is not None:
            error = process.stderr.read().decode(errors="replace") if process.stderr else ""
            raise RuntimeError(f"nginx exited at start: {error.strip()[:500]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("nginx did not listen within 10 s")


@dataclass(frozen=True)
class WrkResult:
    """Requests per second, p99 latency in ms, requests done and non-2xx/3xx or socket errors of one wrk run."""

    rps: float
    requests: int
    p99_ms: float
    errors: int


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def wrk(binary: str, url: str, *, connections: int = 32, seconds: float = 6.0, threads: int = 2) -> WrkResult:
    """One ``wrk -t2 -c32 -d6s --latency <url>`` run (no Lua)."""
    done = subprocess.run(
        [binary, f"-t{threads}", f"-c{connections}", f"-d{round(seconds)}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 30,
    )
    return parse_wrk(done.stdout)


def parse_wrk(text: str) -> WrkResult:
    rps = re.search(r"Requests/sec:\s+([\d.]+)", text)
    p99 = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s|m)\s*$", text, re.MULTILINE)
    total = re.search(r"(\d+) requests in", text)
    if rps is None or p99 is None or total is None:
        raise RuntimeError(f"unreadable wrk output: {text[-500:]}")
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", text))
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    return WrkResult(
        rps=float(rps.group(1)),
        requests=int(total.group(1)),
        p99_ms=round(float(p99.group(1)) * _UNITS[p99.group(2)], 2),
        errors=errors + (int(bad.group(1)) if bad else 0),
    )
