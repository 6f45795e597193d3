"""Outgoing HTTP between services: pooled httpx clients that carry the request id and trace context.

The interface is httpx's (tests hand in an ``httpx.ASGITransport`` or ``MockTransport``); the connections are
aiohttp's (``httpx_aiohttp.AiohttpTransport``): a call through httpx's own connection pool cost about 1 ms of
CPU on the 2-core target, half of which was the pool and its HTTP/1.1 state machine, and the mesh makes several
per application (materials from the exchange, proxied reads, the city link).
"""

from __future__ import annotations

import asyncio

import aiohttp
import httpx
from httpx_aiohttp import AiohttpTransport

from meshkit.observability import current_request_id, current_traceparent

__all__ = ["plain_session", "service_client"]


class _Transport(AiohttpTransport):
    """Failures named as httpx names them: the package maps every aiohttp connection error, a refused
    connection or a peer that hung up included, to ``ConnectTimeout``, and callers answer a timeout (504)
    differently from an unreachable system (502)."""

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        try:
            return await super().handle_async_request(request)
        except httpx.ConnectTimeout as exc:
            cause = exc.__cause__
            if cause is None or isinstance(cause, asyncio.TimeoutError):
                raise
            if isinstance(cause, aiohttp.ClientConnectorError):
                raise httpx.ConnectError(str(cause), request=request) from cause
            raise httpx.ReadError(str(cause) or type(cause).__name__, request=request) from cause


async def _propagate(request: httpx.Request) -> None:
    request_id = current_request_id()
    if request_id and "x-request-id" not in request.headers:
        request.headers["X-Request-Id"] = request_id
    traceparent = current_traceparent()
    if traceparent and "traceparent" not in request.headers:
        request.headers["traceparent"] = traceparent


def service_client(
    base_url: str = "",
    *,
    timeout: float = 10.0,
    transport: httpx.AsyncBaseTransport | None = None,
    max_connections: int = 100,
) -> httpx.AsyncClient:
    """A client for calls to another service. Build it in a lifespan and close it there."""
    limits = httpx.Limits(max_connections=max_connections, max_keepalive_connections=max_connections)
    return httpx.AsyncClient(
        base_url=base_url,
        timeout=httpx.Timeout(timeout, connect=min(timeout, 3.0)),
        limits=limits,
        transport=transport or _Transport(limits=limits),
        event_hooks={"request": [_propagate]},
    )


def plain_session(*, max_connections: int = 100) -> aiohttp.ClientSession:
    """A plain aiohttp session for the one hot call a service makes to outside systems (the exchange's proxied
    reads): no cookie jar, pooled keep-alive connections, timeouts set per call. Build it in a lifespan and
    close it there. The caller forwards the request id and trace context itself."""
    connector = aiohttp.TCPConnector(limit=max_connections, limit_per_host=max_connections)
    return aiohttp.ClientSession(connector=connector, cookie_jar=aiohttp.DummyCookieJar())
