"""Issue 20, failure 4 (spans): there was no OpenTelemetry SDK or exporter. Tracing is off unless an OTLP endpoint is
set; on, a request's server span and an event's consumer span continue the caller's trace.

The SDK is process-wide, so the "on" case runs in a child process of its own (with an in-memory exporter)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from meshkit.tracing import tracing_enabled

pytestmark = pytest.mark.unit

TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736"
PARENT = "00f067aa0ba902b7"

CHILD = f"""
import asyncio, json
import httpx
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from meshkit.observability import RequestContextMiddleware
from meshkit.tracing import add_tracing_middleware, configure_tracing, consumer_span

exporter = InMemorySpanExporter()
assert configure_tracing("probe", exporter=exporter)

async def hello(request):
    return PlainTextResponse("hi")

app = Starlette(routes=[Route("/hello", hello)])
app.add_middleware(RequestContextMiddleware, service="probe")
add_tracing_middleware(app)

async def main():
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://probe") as client:
        await client.get("/hello", headers={{"traceparent": "00-{TRACE_ID}-{PARENT}-01"}})
    with consumer_span("cases.case_submitted.v1 process", "00-{TRACE_ID}-{PARENT}-01"):
        pass

asyncio.run(main())
print(json.dumps([
    {{"name": s.name, "kind": s.kind.name, "trace": format(s.context.trace_id, "032x"),
      "parent": format(s.parent.span_id, "016x") if s.parent else None}}
    for s in exporter.get_finished_spans()
]))
"""


def test_tracing_is_off_by_default_and_on_with_an_otlp_endpoint() -> None:
    assert not tracing_enabled({})
    assert tracing_enabled({"OTEL_EXPORTER_OTLP_ENDPOINT": "http://collector:4318"})
    assert not tracing_enabled({"OTEL_EXPORTER_OTLP_ENDPOINT": "http://c:4318", "OTEL_SDK_DISABLED": "true"})


def test_failure4_spans_continue_the_callers_trace_through_requests_and_events() -> None:
    """Issue 20, failure 4: no OpenTelemetry SDK or exporter; a request could not be followed across processes."""
    done = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=120, check=True
    )
    spans = json.loads(done.stdout.strip().splitlines()[-1])
    server = [s for s in spans if s["kind"] == "SERVER"]
    consumer = [s for s in spans if s["kind"] == "CONSUMER"]
    assert server, spans
    assert consumer, spans
    assert server[0]["trace"] == TRACE_ID
    assert server[0]["parent"] == PARENT
    assert consumer[0]["trace"] == TRACE_ID
    assert consumer[0]["parent"] == PARENT
