"""The proxy: a plain ASGI middleware that forwards ``/<service>/<rest>`` to that service, streaming both ways.

Anything whose first path segment names no service falls through to the gateway's own FastAPI routes (health,
docs), whose 404 is the ``route_not_found`` problem. Request ids and trace context come from meshkit's
``RequestContextMiddleware`` outside this one; body limits from meshkit's ``BodyLimitMiddleware``.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from urllib.parse import quote

import aiohttp
from starlette.types import ASGIApp, Receive, Scope, Send
from yarl import URL

from gateway.routes import Route, RouteTable
from gateway.upstreams import Upstreams
from meshkit.errors import problem_response
from meshkit.observability import current_request_id, current_traceparent

__all__ = ["Guard", "ProxyMiddleware"]

log = logging.getLogger("gateway.proxy")

Guard = Callable[[Scope, Route], Awaitable[ASGIApp | None]]
"""Seam for the gateway token check: return a response app to refuse the request, ``None`` to let it through.
Not called for ``Route.public`` routes. No guard is installed yet: every service checks tokens itself."""

# Hop-by-hop headers (RFC 9110 §7.6.1) plus those the gateway sets itself; ``proxy-*`` is dropped as a family.
_HOP_BY_HOP = frozenset(
    {b"connection", b"keep-alive", b"te", b"trailer", b"transfer-encoding", b"upgrade", b"expect"}
)  # fmt: skip
_DROP_REQUEST = _HOP_BY_HOP | {
    b"host", b"x-request-id", b"traceparent", b"x-forwarded-for", b"x-forwarded-proto", b"x-forwarded-host",
    b"x-forwarded-prefix",
}  # fmt: skip
# The gateway's own server writes Date and Server; RequestContextMiddleware writes X-Request-Id.
_DROP_RESPONSE = _HOP_BY_HOP | {b"x-request-id", b"date", b"server"}
_BUFFER_UNDER = 256 * 1024  # responses declaring at most this many bytes are read whole, sent in one message


class _BodyStream:
    """The client's request body as an async iterator for aiohttp, remembering why it failed (if it did).

    aiohttp writes the body from its own task and wraps any failure in ``ClientConnectionError``; the proxy
    re-raises the original (e.g. the body-limit error) so the middleware that caused it can answer.
    """

    __slots__ = ("error", "first", "receive")

    def __init__(self, first: bytes, receive: Receive) -> None:
        self.first = first
        self.receive = receive
        self.error: BaseException | None = None

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            yield self.first
            while True:
                message = await self.receive()
                if message["type"] != "http.request":
                    raise ConnectionAbortedError("client disconnected while sending the body")
                yield message.get("body", b"")
                if not message.get("more_body", False):
                    return
        except BaseException as exc:
            self.error = exc
            raise


def _upstream_headers(scope: Scope, route: Route) -> list[tuple[str, str]]:
    headers: list[tuple[str, str]] = []
    host = forwarded_for = connection = None
    for name, value in scope["headers"]:
        if name in _DROP_REQUEST or name.startswith(b"proxy-"):
            if name == b"host":
                host = value
            elif name == b"x-forwarded-for":
                forwarded_for = value
            elif name == b"connection":
                connection = value
            continue
        headers.append((name.decode("latin-1"), value.decode("latin-1")))
    if connection:
        named = {token.strip().lower() for token in connection.decode("latin-1").split(",")}
        headers = [(name, value) for name, value in headers if name not in named]
    client = scope.get("client")
    if client:
        previous = forwarded_for.decode("latin-1") + ", " if forwarded_for else ""
        headers.append(("X-Forwarded-For", previous + client[0]))
    headers.append(("X-Forwarded-Proto", scope.get("scheme", "http")))
    if host:
        headers.append(("X-Forwarded-Host", host.decode("latin-1")))
    headers.append(("X-Forwarded-Prefix", route.prefix))
    request_id = current_request_id()
    if request_id:
        headers.append(("X-Request-Id", request_id))
    traceparent = current_traceparent()
    if traceparent:
        headers.append(("traceparent", traceparent))
    return headers


def _response_headers(raw: tuple[tuple[bytes, bytes], ...]) -> list[tuple[bytes, bytes]]:
    headers = []
    connection = None
    for name, value in raw:
        lower = name.lower()
        if lower in _DROP_RESPONSE or lower.startswith(b"proxy-"):
            if lower == b"connection":
                connection = value
            continue
        headers.append((lower, value))
    if connection:
        named = {token.strip().lower().encode() for token in connection.decode("latin-1").split(",")}
        headers = [(name, value) for name, value in headers if name not in named]
    return headers


def _upstream_url(scope: Scope, route: Route) -> URL:
    prefix = route.prefix.encode()
    raw_path: bytes | None = scope.get("raw_path")
    if raw_path is not None and raw_path.startswith(prefix):
        # raw_path keeps the client's percent-encoding; some ASGI servers (httpx's ASGITransport) append the query.
        rest = raw_path[len(prefix) :].partition(b"?")[0].decode("latin-1")
    else:
        rest = quote(scope["path"][len(route.prefix) :])
    query: bytes = scope.get("query_string", b"")
    target = route.upstream + (rest or "/")
    if query:
        target += "?" + query.decode("latin-1")
    return URL(target, encoded=True)


class ProxyMiddleware:
    """Forward requests whose first path segment is a service in ``routes``; pass everything else to ``app``."""

    def __init__(self, app: ASGIApp, *, routes: RouteTable, upstreams: Upstreams, guard: Guard | None = None) -> None:
        self.app = app
        self.routes = routes
        self.upstreams = upstreams
        self.guard = guard

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        route = self.routes.get(scope["path"][1:].partition("/")[0]) if scope["type"] == "http" else None
        if route is None:
            await self.app(scope, receive, send)
            return
        scope["route"] = route  # names the upstream in the request-duration metric
        if self.guard is not None and not route.public:
            refusal = await self.guard(scope, route)
            if refusal is not None:
                await refusal(scope, receive, send)
                return
        await self._forward(scope, receive, send, route)

    async def _forward(self, scope: Scope, receive: Receive, send: Send, route: Route) -> None:
        first = await receive()
        if first["type"] != "http.request":
            return  # the client left before sending its request
        body: bytes | _BodyStream | None = first.get("body", b"")
        if first.get("more_body", False):
            body = _BodyStream(first.get("body", b""), receive)
        elif not body:
            body = None
        session = self.upstreams.session(route.service)
        try:
            response = await session.request(
                scope["method"], _upstream_url(scope, route), headers=_upstream_headers(scope, route), data=body,
                allow_redirects=False,
            )  # fmt: skip
        except (aiohttp.ClientError, TimeoutError, OSError) as exc:
            if isinstance(body, _BodyStream) and body.error is not None:
                raise body.error from None  # e.g. over the body limit: BodyLimitMiddleware answers 413
            await _failure(scope, receive, send, route, exc)
            return
        try:
            await send(
                {"type": "http.response.start", "status": response.status,
                 "headers": _response_headers(response.raw_headers)}
            )  # fmt: skip
            length = response.content_length
            if length is not None and length <= _BUFFER_UNDER:
                await send({"type": "http.response.body", "body": await response.read()})
                return
            async for chunk in response.content.iter_any():
                await send({"type": "http.response.body", "body": chunk, "more_body": True})
            await send({"type": "http.response.body", "body": b""})
        except (aiohttp.ClientError, TimeoutError) as exc:
            # The status line is gone already: all that is left is to cut the connection.
            log.warning("upstream %s broke off its response: %r", route.service, exc)
            raise
        finally:
            response.release()


async def _failure(scope: Scope, receive: Receive, send: Send, route: Route, exc: BaseException) -> None:
    service = route.service
    if isinstance(exc, TimeoutError):
        status, code = 504, "upstream_timeout"
        detail = f"上游服务 {service} 响应超时 (upstream {service} timed out)"
    else:
        status, code = 502, "upstream_unavailable"
        detail = f"上游服务 {service} 不可用 (upstream {service} unavailable)"
    log.warning("%s %s → %s: %r", scope["method"], scope["path"], code, exc, extra={"upstream": service})
    response = problem_response(status=status, code=code, detail=detail, instance=scope["path"], service=service)
    await response(scope, receive, send)
