"""The proxy peer of ``make bench`` (issue 21): nginx proxies ``/catalog/...`` to the upstream it is given, and
wrk's figures are read right. Skipped where nginx or wrk is not installed (the bench installs them as root)."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.error import URLError
from urllib.request import urlopen

import pytest

from bench.peers import nginx_proxy, parse_wrk, wrk

WRK_OUTPUT = """\
Running 6s test @ http://127.0.0.1:1/catalog/healthz
  2 threads and 32 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    45.10ms   30.71ms 338.33ms   80.49%
    Req/Sec   366.12    102.01   600.00     70.83%
  Latency Distribution
     50%   39.01ms
     75%   55.02ms
     90%   79.64ms
     99%    1.24s
  4382 requests in 6.01s, 0.91MB read
  Socket errors: connect 0, read 0, write 0, timeout 3
  Non-2xx or 3xx responses: 2
Requests/sec:    729.20
Transfer/sec:    155.22KB
"""


def test_wrk_output_is_read_with_its_units() -> None:
    result = parse_wrk(WRK_OUTPUT)
    assert result.rps == 729.2
    assert result.requests == 4382
    assert result.p99_ms == 1240.0  # "1.24s"
    assert result.errors == 5  # 3 timeouts + 2 non-2xx


class _Upstream(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = f"upstream saw {self.path}".encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        return


@pytest.fixture
def upstream() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Upstream)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _binary(name: str) -> str:
    found = shutil.which(name) or next((p for p in (f"/usr/sbin/{name}",) if Path(p).exists()), None)
    if found is None:
        pytest.skip(f"{name} is not installed here")
    return found


def test_nginx_proxies_the_catalog_paths_to_the_upstream_and_stops(upstream: str) -> None:
    nginx = _binary("nginx")
    with nginx_proxy(nginx, upstream) as base:
        with urlopen(f"{base}/catalog/matters/500110-X?q=1", timeout=5) as response:  # noqa: S310 - loopback
            assert response.read() == b"upstream saw /matters/500110-X?q=1"
        load = _binary("wrk")
        result = wrk(load, f"{base}/catalog/healthz", connections=4, seconds=1, threads=1)
        assert result.requests > 0
        assert result.errors == 0
    with pytest.raises(URLError):
        urlopen(f"{base}/catalog/healthz", timeout=2)  # noqa: S310 - stopped with the block
