"""OpenTelemetry tracing: off by default, on when an OTLP endpoint is configured.

Set the standard ``OTEL_EXPORTER_OTLP_ENDPOINT`` (or ``OTEL_EXPORTER_OTLP_TRACES_ENDPOINT``) and every process —
APIs, gateway, workers — exports spans over OTLP/HTTP: the ASGI server span of each request, the httpx and aiohttp
client spans of calls to other services and providers, asyncpg's statements, and a consumer span per event whose
parent is the span that staged it (its ``traceparent`` travels in the NATS headers, :mod:`meshkit.outbox`). So one
trace runs gateway → service → outbox → consumer → exchange → provider. ``OTEL_SDK_DISABLED=true`` turns it off
again; ``OTEL_SERVICE_NAME`` overrides the service name; the SDK reads its other standard variables itself.

Off, nothing of the SDK is imported and every hook here is a no-op: the mesh's own trace ids
(:mod:`meshkit.observability`) still go on every log line and every outgoing call.
"""

from __future__ import annotations

import atexit
import contextlib
import os
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from opentelemetry.sdk.trace.export import SpanExporter
    from starlette.applications import Starlette
    from starlette.types import ASGIApp

__all__ = ["add_tracing_middleware", "configure_tracing", "consumer_span", "traced", "tracing_enabled"]

_provider: Any = None


def tracing_enabled(environ: dict[str, str] | None = None) -> bool:
    """Whether the environment asks for spans (an OTLP endpoint set, the SDK not disabled)."""
    env = os.environ if environ is None else environ
    if env.get("OTEL_SDK_DISABLED", "").strip().lower() == "true":
        return False
    return bool(env.get("OTEL_EXPORTER_OTLP_ENDPOINT") or env.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"))


def configure_tracing(service: str, *, exporter: SpanExporter | None = None, batch: bool = False) -> bool:
    """Install the SDK for this process once, if :func:`tracing_enabled` (or an ``exporter`` is given, in tests and
    benchmarks: ``batch`` puts it behind the batch processor, as the OTLP exporter is); True when tracing is on."""
    global _provider
    if _provider is not None:
        return True
    if exporter is None and not tracing_enabled():
        return False
    from opentelemetry import trace
    from opentelemetry.instrumentation.aiohttp_client import AioHttpClientInstrumentor
    from opentelemetry.instrumentation.asyncpg import AsyncPGInstrumentor
    from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor, SimpleSpanProcessor

    name = os.environ.get("OTEL_SERVICE_NAME") or service
    provider = TracerProvider(resource=Resource.create({"service.name": name}))
    if exporter is None:
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

        provider.add_span_processor(
            BatchSpanProcessor(OTLPSpanExporter())
        )  # a thread; never on the event loop
    else:
        provider.add_span_processor(BatchSpanProcessor(exporter) if batch else SimpleSpanProcessor(exporter))
    trace.set_tracer_provider(provider)
    HTTPXClientInstrumentor().instrument(tracer_provider=provider)
    AioHttpClientInstrumentor().instrument(tracer_provider=provider)
    AsyncPGInstrumentor().instrument(tracer_provider=provider)  # type: ignore[no-untyped-call]
    atexit.register(provider.shutdown)  # the last spans leave with the process
    _provider = provider
    return True


def add_tracing_middleware(app: Starlette) -> None:
    """OpenTelemetry's ASGI middleware, outermost (a server span per request, continuing the caller's
    ``traceparent``), when tracing is on; nothing otherwise. Call it after the app's other middleware."""
    if _provider is None:
        return
    from opentelemetry.instrumentation.asgi import OpenTelemetryMiddleware

    app.add_middleware(OpenTelemetryMiddleware, **_server_spans())


def traced(app: ASGIApp) -> ASGIApp:
    """``app`` inside the same OpenTelemetry middleware when tracing is on, else ``app`` itself: for an ASGI app
    that is not a Starlette app's middleware stack (the gateway's proxied requests)."""
    if _provider is None:
        return app
    from opentelemetry.instrumentation.asgi import OpenTelemetryMiddleware

    return OpenTelemetryMiddleware(app, **_server_spans())


def _server_spans() -> dict[str, Any]:
    return {
        "tracer_provider": _provider,
        "exclude_spans": ["receive", "send"],  # one span per request: the two per message tripled its cost
        "excluded_urls": "/healthz,/readyz,/metrics",  # probes and scrapes are not requests anyone follows
    }


@contextlib.contextmanager
def consumer_span(name: str, traceparent: str | None) -> Iterator[None]:
    """A CONSUMER span for handling one event, child of the span that staged it; nothing when tracing is off."""
    if _provider is None:
        yield
        return
    from opentelemetry.propagate import extract
    from opentelemetry.trace import SpanKind

    parent = extract({"traceparent": traceparent}) if traceparent else None
    with _provider.get_tracer("meshkit.inbox").start_as_current_span(
        name, context=parent, kind=SpanKind.CONSUMER
    ):
        yield
