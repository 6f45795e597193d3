"""Outgoing HTTP between services: pooled httpx clients that carry the request id and trace context."""

from __future__ import annotations

import httpx

from meshkit.observability import current_request_id, current_traceparent

__all__ = ["service_client"]


async def _propagate(request: httpx.Request) -> None:
    request_id = current_request_id()
    if request_id and "x-request-id" not in request.headers:
        request.headers["X-Request-Id"] = request_id
    traceparent = current_traceparent()
    if traceparent and "traceparent" not in request.headers:
        request.headers["traceparent"] = traceparent


def service_client(
    base_url: str = "", *, timeout: float = 10.0, transport: httpx.AsyncBaseTransport | None = None,
    max_connections: int = 100,
) -> httpx.AsyncClient:  # fmt: skip
    """A client for calls to another service. Build it in a lifespan and close it there."""
    return httpx.AsyncClient(
        base_url=base_url,
        timeout=httpx.Timeout(timeout, connect=min(timeout, 3.0)),
        limits=httpx.Limits(max_connections=max_connections, max_keepalive_connections=max_connections),
        transport=transport,
        event_hooks={"request": [_propagate]},
    )
