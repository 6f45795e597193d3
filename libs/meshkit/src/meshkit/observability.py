"""JSON logs with request and trace ids and masking (``meshkit.masking``), Prometheus metrics, request context."""

from __future__ import annotations

import contextlib
import contextvars
import json
import logging
import re
import secrets
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, NamedTuple

from prometheus_client import Counter, Gauge, Histogram
from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from meshkit.masking import mask, redact

__all__ = [
    "CLIENT_LEFT",
    "TRACEPARENT_PATTERN",
    "JsonFormatter",
    "Opened",
    "RequestContext",
    "RequestContextMiddleware",
    "configure_logging",
    "continued_trace",
    "current_request_id",
    "current_traceparent",
    "mask",
    "metrics",
    "redact",
    "trace_id_of",
    "uvicorn_log_config",
    "with_request_id",
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


@contextlib.contextmanager
def continued_trace(traceparent: str | None, request_id: str | None = None) -> Iterator[str]:
    """Work done on behalf of a request that came another way (an event's headers): its trace id (a new one when
    ``traceparent`` is absent or malformed) and request id on every log line and outgoing call inside, under a
    span of its own. Yields the trace id."""
    trace_id = trace_id_of(traceparent) or secrets.token_hex(16)
    kept_id = request_id if request_id and _REQUEST_ID.match(request_id) else None
    tokens = (request_id_var.set(kept_id), trace_id_var.set(trace_id), span_id_var.set(secrets.token_hex(8)))
    try:
        yield trace_id
    finally:
        request_id_var.reset(tokens[0])
        trace_id_var.reset(tokens[1])
        span_id_var.reset(tokens[2])


_STANDARD_ATTRS = frozenset(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    """One JSON object per line. Every string in it (message, extra fields, traceback, stack) goes through
    :func:`meshkit.masking.mask` before it is encoded, so an ID number at the start of a traceback line is masked
    as well as one inside a sentence, and a database error's echoed values never reach the line."""

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
        elif record.exc_text:
            entry["exception"] = record.exc_text
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(_masked(entry), ensure_ascii=False)


def _masked(value: Any) -> Any:
    """``value`` made JSON-ready with every string masked (other objects as their masked ``str``)."""
    if isinstance(value, str):
        return mask(value)
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, dict):
        return {mask(str(key)): _masked(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_masked(item) for item in value]
    return mask(str(value))


_UVICORN_LOGGERS = ("uvicorn", "uvicorn.error", "uvicorn.access", "uvicorn.asgi")


def configure_logging(service: str, level: str = "INFO") -> None:
    """JSON lines on stderr for the whole process. Safe to call more than once.

    uvicorn's own loggers (start-up, errors with their traceback copy, access) lose their plain-text handlers and
    go through the same handler, so every line of the process is JSON and masked; warnings and an uncaught
    exception of the process do too."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter(service))
    root = logging.getLogger()
    for existing in list(root.handlers):
        if isinstance(existing.formatter, JsonFormatter):
            root.removeHandler(existing)
    root.addHandler(handler)
    root.setLevel(level.upper())
    for name in _UVICORN_LOGGERS:
        own = logging.getLogger(name)
        for existing in list(own.handlers):
            own.removeHandler(existing)
        own.propagate = True
    for noisy in ("uvicorn.access", "nats.aio.client"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    logging.captureWarnings(True)
    sys.excepthook = _log_uncaught
    # what Python would print as plain text on stderr: an exception in a thread (the metrics endpoint's, a
    # driver's), and one it can only report ("Exception ignored in ...", e.g. a finaliser at shutdown)
    threading.excepthook = _log_thread_exception
    sys.unraisablehook = _log_unraisable


def _log_uncaught(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    logging.getLogger("meshkit.process").critical("uncaught exception", exc_info=(kind, error, tb))


def _log_thread_exception(args: threading.ExceptHookArgs) -> None:
    if args.exc_type is SystemExit:
        return
    thread = args.thread.name if args.thread is not None else "?"
    logging.getLogger("meshkit.process").error(
        "uncaught exception in a thread",
        exc_info=(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback),
        extra={"thread_name": thread},
    )


def _log_unraisable(unraisable: sys.UnraisableHookArgs) -> None:
    error = unraisable.exc_value or unraisable.exc_type()
    logging.getLogger("meshkit.process").error(
        "exception ignored",
        exc_info=(unraisable.exc_type, error, unraisable.exc_traceback),
        extra={"where": unraisable.err_msg or "", "object": type(unraisable.object).__name__},
    )


def uvicorn_log_config(service: str, level: str = "INFO") -> dict[str, Any]:
    """A ``logging.config.dictConfig`` for ``uvicorn --log-config``: uvicorn's lines are JSON from the first one
    (before the app factory runs, and in the supervisor of ``--workers N``, which never runs it)."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": f"{__name__}.JsonFormatter", "service": service}},
        "handlers": {
            "stderr": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"}
        },
        "root": {"handlers": ["stderr"], "level": level.upper()},
        "loggers": {
            "uvicorn": {"handlers": [], "propagate": True, "level": level.upper()},
            "uvicorn.error": {"handlers": [], "propagate": True},
            "uvicorn.access": {"handlers": [], "propagate": True, "level": "WARNING"},
        },
    }


@dataclass(frozen=True)
class _Metrics:
    requests: Histogram
    outbox_published: Counter
    consumer_processed: Counter
    consumer_failures: Counter
    dead_letters: Counter
    event_lag: Histogram
    outbox_backlog: Gauge


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
    outbox_backlog=Gauge(
        "tongban_outbox_backlog",
        "Outbox rows not yet published (measured by the worker every few seconds)",
        ["service"],
        multiprocess_mode="mostrecent",
    ),
)

TRACEPARENT_PATTERN = r"^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$"  # W3C Trace Context, version 00
_TRACEPARENT = re.compile(TRACEPARENT_PATTERN)
_NO_TRACE, _NO_SPAN = "0" * 32, "0" * 16


def trace_id_of(traceparent: str | None) -> str | None:
    """The trace id a W3C ``traceparent`` carries, ``None`` when it is absent or invalid (malformed, or an
    all-zero trace or parent id, which the spec says to treat as no header)."""
    match = _TRACEPARENT.match(traceparent) if traceparent else None
    if match is None or match.group(1) == _NO_TRACE or match.group(2) == _NO_SPAN:
        return None
    return match.group(1)


_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


access_log = logging.getLogger("meshkit.access")

CLIENT_LEFT = 499
"""The status recorded for a request whose client left before it was answered (nginx's "client closed request")."""


class RequestContext:
    """A request's id and trace context in, one duration sample and one access-log line out — as plain calls
    (:meth:`open`, :meth:`close`), for :class:`RequestContextMiddleware` and for an entry that does a request's
    whole handling in one coroutine (the gateway's proxied requests, ``gateway.proxy``).

    The access line (logger ``meshkit.access``, at ``access_level``: INFO at the gateway, DEBUG in the services)
    names the method, the route *template* (never the path or query string, which may hold an ID number), the
    status, the duration and, where ``client_of`` finds one, the calling client's id — no personal data."""

    __slots__ = ("_samples", "access_level", "client_of", "service")

    def __init__(
        self,
        *,
        service: str,
        access_level: int = logging.DEBUG,
        client_of: Callable[[Scope], str | None] | None = None,
    ) -> None:
        self.service = service
        self.access_level = access_level
        self.client_of = client_of
        self._samples: dict[tuple[str, str, int], Histogram] = {}

    def open(self, scope: Scope) -> Opened:
        """The request's ids (the caller's ``X-Request-Id`` and ``traceparent`` when well-formed, else fresh), set
        for logs and outgoing calls until :meth:`close`."""
        incoming_id = None
        traceparent = None
        for name, value in scope["headers"]:
            if name == b"x-request-id":
                incoming_id = value.decode("latin-1")
            elif name == b"traceparent":
                traceparent = value.decode("latin-1")
        # one read of the system's CSPRNG for the three ids (40 bytes: 32 + 32 + 16 hex digits), not three
        fresh = secrets.token_hex(40)
        request_id = incoming_id if incoming_id and _REQUEST_ID.match(incoming_id) else fresh[:32]
        trace_id = trace_id_of(traceparent) or fresh[32:64]
        tokens = (
            request_id_var.set(request_id),
            trace_id_var.set(trace_id),
            span_id_var.set(fresh[64:]),
        )
        scope.setdefault("state", {})["request_id"] = request_id
        return Opened((b"x-request-id", request_id.encode()), tokens, time.perf_counter())

    def close(self, scope: Scope, opened: Opened, status: int) -> None:
        """The duration sample and the access line; the ids unset."""
        route = scope.get("route")
        path = getattr(route, "path", None) or "unmatched"
        duration = time.perf_counter() - opened.started
        self._sample(scope["method"], path, status).observe(duration)
        if access_log.isEnabledFor(self.access_level):
            self._access(scope, path, status, duration)
        request_id_var.reset(opened.tokens[0])
        trace_id_var.reset(opened.tokens[1])
        span_id_var.reset(opened.tokens[2])

    def _sample(self, method: str, route: str, status: int) -> Histogram:
        """The duration histogram's child for these labels, looked up once per label set (``labels()`` takes a
        lock and checks its arguments on every call). As many as the registry holds anyway: the method is one
        the server parsed, the route a template, never a path."""
        key = (method, route, status)
        child = self._samples.get(key)
        if child is None:
            child = self._samples[key] = metrics.requests.labels(self.service, method, route, str(status))
        return child

    def _access(self, scope: Scope, route: str, status: int, duration: float) -> None:
        entry: dict[str, object] = {
            "method": scope["method"],
            "route": route,
            "status": status,
            "duration_ms": round(duration * 1000, 3),
        }
        client = self.client_of(scope) if self.client_of is not None else None
        if client:
            entry["client_id"] = client
        access_log.log(self.access_level, "request", extra=entry)


class Opened(NamedTuple):
    """What :meth:`RequestContext.open` set: the ``X-Request-Id`` response header, the context variables' tokens
    and the start time."""

    header: tuple[bytes, bytes]
    tokens: tuple[contextvars.Token[str | None], ...]
    started: float


def with_request_id(
    headers: list[tuple[bytes, bytes]], header: tuple[bytes, bytes]
) -> list[tuple[bytes, bytes]]:
    """A response's headers with ``header`` as its only ``X-Request-Id``."""
    return [*(pair for pair in headers if pair[0].lower() != b"x-request-id"), header]


class RequestContextMiddleware:
    """Pure ASGI: :class:`RequestContext` around every HTTP request, its ``X-Request-Id`` on the response."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        service: str,
        access_level: int = logging.DEBUG,
        client_of: Callable[[Scope], str | None] | None = None,
    ) -> None:
        self.app = app
        self.context = RequestContext(service=service, access_level=access_level, client_of=client_of)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        context = self.context
        opened = context.open(scope)
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message["headers"] = with_request_id(message.get("headers", []), opened.header)
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except ClientDisconnect:
            status = CLIENT_LEFT  # gone before its body arrived whole: not a server error
            raise
        finally:
            context.close(scope, opened, status)
