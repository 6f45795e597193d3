"""The gateway's application object: a request for a routed service (``/<service>/…``) goes straight to the proxy
(issue 21).

FastAPI's stack is ``FastAPI.__call__`` → ``Starlette.__call__`` → meshkit's ``AnsweredErrors`` → Starlette's
``ServerErrorMiddleware`` → FastAPI's own layers → the gateway's middleware (security headers, request context,
body limit, the edge rules of its own routes) → its routes. A proxied request needs none of it: the proxy does
what those layers do for its own answers (:mod:`gateway.proxy`), without a frame and a ``send`` wrapper per layer.
Every other request (health, metrics, docs, problem pages, the 404 of an unknown path) goes through FastAPI.

Served as the gateway is (``gateway.server.GatewayProtocol``), a proxied request does not come through ASGI at
all: the protocol hands it to :attr:`GatewayApp.direct_proxy`. That is ``None`` with tracing on, so that every
request then comes here, through OpenTelemetry's middleware.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from starlette.types import ASGIApp, Receive, Scope, Send

from gateway.proxy import Proxy
from meshkit.keepalive import MeshApp

__all__ = ["GatewayApp"]


class GatewayApp(MeshApp):
    """``MeshApp`` whose requests for a routed service go to ``proxied`` instead of FastAPI's stack."""

    def __init__(
        self,
        *,
        services: Iterable[str],
        proxy: Proxy,
        traced_proxy: ASGIApp,
        head_timeout: float = 10.0,
        **kwargs: Any,
    ) -> None:
        """``services``: the first path segments the proxy forwards (the route table's keys); ``proxy``: the proxy;
        ``traced_proxy``: the same inside OpenTelemetry's middleware when tracing is on, else ``proxy`` itself;
        ``head_timeout``: how long the gateway's protocol waits for the rest of a begun request head."""
        super().__init__(**kwargs)
        self.head_timeout = head_timeout
        self.proxied_segments = frozenset(services)
        self.proxied = traced_proxy
        self.direct_proxy = proxy if traced_proxy is proxy else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"][1:].partition("/")[0] in self.proxied_segments:
            scope["app"] = self
            await self.proxied(scope, receive, send)
            return
        await super().__call__(scope, receive, send)
