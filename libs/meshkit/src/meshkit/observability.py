"""JSON logs with request and trace ids, personal-data redaction, Prometheus metrics, request-context middleware."""

from __future__ import annotations

import contextvars
import json
import logging
import re
import secrets
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from prometheus_client import Counter, Histogram
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = [
    "RequestContextMiddleware",
    "configure_logging",
    "current_request_id",
    "current_traceparent",
    "metrics",
    "redact",
]

request_id_var: contextvars.ContextVar[str | None] = contextvars.ContextVar("request_id", default=None)
trace_id_var: contextvars.ContextVar[str | None] = contextvars.ContextVar("trace_id", default=None)
span_id_var: contextvars.ContextVar[str | None] = contextvars.ContextVar("span_id", default=None)


def current_request_id() -> str | None:
    return request_id_var.get()


def current_traceparent() -> str | None:
    """W3C traceparent for an outgoing call: same trace, this service's span as parent."""
    trace_id = trace_id_var.get()
    if trace_id is None:
        return None
    return f"00-{trace_id}-{span_id_var.get() or secrets.token_hex(8)}-01"


# Resident ID numbers (18 chars, last may be X), credit codes (18), mobile phones (11 digits starting 1).
_PII = re.compile(
    r"(?<![0-9A-Za-z])(?:[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]"
    r"|[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}"
    r"|1[3-9]\d{9})(?![0-9A-Za-z])"
)


def redact(text: str) -> str:
    """Mask anything shaped like an ID number, credit code or mobile phone. Last line of defence for logs."""
    return _PII.sub(lambda m: m.group(0)[:3] + "*" * (len(m.group(0)) - 5) + m.group(0)[-2:], text)


_STANDARD_ATTRS = frozenset(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    def __init__(self, service: str) -> None:
        super().__init__()
        self._service = service

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "service": self._service,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request_id = request_id_var.get()
        if request_id:
            entry["request_id"] = request_id
        trace_id = trace_id_var.get()
        if trace_id:
            entry["trace_id"] = trace_id
        for key, value in record.__dict__.items():
            if key not in _STANDARD_ATTRS and not key.startswith("_"):
                entry[key] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return redact(json.dumps(entry, ensure_ascii=False, default=str))


def configure_logging(service: str, level: str = "INFO") -> None:
    """JSON lines on stderr for the whole process. Safe to call more than once."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter(service))
    root = logging.getLogger()
    for existing in list(root.handlers):
        if isinstance(existing.formatter, JsonFormatter):
            root.removeHandler(existing)
    root.addHandler(handler)
    root.setLevel(level.upper())
    for noisy in ("uvicorn.access", "nats.aio.client"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


@dataclass(frozen=True)
class _Metrics:
    requests: Histogram
    outbox_published: Counter
    consumer_processed: Counter
    consumer_failures: Counter
    dead_letters: Counter
    event_lag: Histogram


metrics = _Metrics(
    requests=Histogram(
        "tongban_http_request_duration_seconds",
        "HTTP request duration",
        ["service", "method", "route", "status"],
        buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
    ),
    outbox_published=Counter("tongban_outbox_published", "Events published by the outbox relay", ["service"]),
    consumer_processed=Counter("tongban_events_processed", "Events processed", ["service", "consumer"]),
    consumer_failures=Counter("tongban_event_failures", "Event handling failures", ["service", "consumer"]),
    dead_letters=Counter("tongban_dead_letters", "Events dead-lettered", ["service", "consumer"]),
    event_lag=Histogram(
        "tongban_event_lag_seconds",
        "From event time to processed",
        ["service", "consumer"],
        buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5, 30, 120),
    ),
)

_TRACEPARENT = re.compile(r"^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$")
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


class RequestContextMiddleware:
    """Pure ASGI: request id and trace context in, ``X-Request-Id`` out, one duration sample per request."""

    def __init__(self, app: ASGIApp, *, service: str) -> None:
        self.app = app
        self.service = service

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming_id = None
        traceparent = None
        for name, value in scope["headers"]:
            if name == b"x-request-id":
                incoming_id = value.decode("latin-1")
            elif name == b"traceparent":
                traceparent = value.decode("latin-1")
        request_id = incoming_id if incoming_id and _REQUEST_ID.match(incoming_id) else secrets.token_hex(16)
        match = _TRACEPARENT.match(traceparent) if traceparent else None
        trace_id = match.group(1) if match else secrets.token_hex(16)
        tokens = (
            request_id_var.set(request_id),
            trace_id_var.set(trace_id),
            span_id_var.set(secrets.token_hex(8)),
        )
        scope.setdefault("state", {})["request_id"] = request_id
        status = 500
        started = time.perf_counter()
        header = (b"x-request-id", request_id.encode())

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"x-request-id"]
                message["headers"] = [*kept, header]
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            route = scope.get("route")
            path = getattr(route, "path", None) or "unmatched"
            metrics.requests.labels(self.service, scope["method"], path, str(status)).observe(
                time.perf_counter() - started
            )
            request_id_var.reset(tokens[0])
            trace_id_var.reset(tokens[1])
            span_id_var.reset(tokens[2])
