"""CPU cost of the request middleware, with OpenTelemetry off and on: ``.venv/bin/python -m bench.tracing``.

A Starlette app is called in-process (no sockets: only the middleware's own cost shows) 20,000 times, each setup in
a process of its own because the SDK is process-wide: ``bare`` (no middleware), ``off`` (the mesh's request
context middleware, tracing off as by default) and ``on`` (the SDK installed as an OTLP endpoint would install it:
a batch span processor, here with an exporter that drops the spans). Prints CPU µs per request.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from typing import Any

REQUESTS = 20_000
TRACEPARENT = b"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"


def _app(mode: str) -> Any:
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import PlainTextResponse
    from starlette.routing import Route

    from meshkit import tracing
    from meshkit.observability import RequestContextMiddleware

    if mode == "on":
        from collections.abc import Sequence

        from opentelemetry.sdk.trace import ReadableSpan
        from opentelemetry.sdk.trace.export import SpanExporter, SpanExportResult

        class Dropped(SpanExporter):
            def export(self, spans: Sequence[ReadableSpan]) -> SpanExportResult:
                return SpanExportResult.SUCCESS

        tracing.configure_tracing("bench", exporter=Dropped(), batch=True)

    async def hello(request: Request) -> PlainTextResponse:
        return PlainTextResponse("hi")

    app = Starlette(routes=[Route("/hello", hello)])
    if mode != "bare":
        app.add_middleware(RequestContextMiddleware, service="bench")
        tracing.add_tracing_middleware(app)
    return app


def measure(mode: str) -> float:
    """CPU µs per request of ``mode`` in this process."""
    app = _app(mode)
    scope: dict[str, Any] = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": "/hello",
        "raw_path": b"/hello",
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"bench"), (b"traceparent", TRACEPARENT)],
        "client": ("127.0.0.1", 1),
        "server": ("127.0.0.1", 80),
    }

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        return None

    async def run(count: int) -> None:
        for _ in range(count):
            await app(dict(scope), receive, send)

    asyncio.run(run(2_000))  # warm-up
    started = time.process_time()
    asyncio.run(run(REQUESTS))
    return (time.process_time() - started) / REQUESTS * 1e6


def main() -> None:
    if len(sys.argv) > 1:
        print(f"{measure(sys.argv[1]):.1f}")
        return
    results = {}
    for mode in ("bare", "off", "on"):
        done = subprocess.run(
            [sys.executable, "-m", "bench.tracing", mode], capture_output=True, text=True, check=True
        )
        results[mode] = float(done.stdout.strip())
    print(
        f"CPU µs per request: no middleware {results['bare']:.1f}, tracing off {results['off']:.1f}, on {results['on']:.1f}"
    )
    print(
        f"tracing off adds {results['off'] - results['bare']:.1f} µs (the request context), on adds "
        f"{results['on'] - results['off']:.1f} µs more"
    )


if __name__ == "__main__":
    main()
