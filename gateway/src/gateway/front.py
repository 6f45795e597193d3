"""The gateway's application object: a request for a routed service (``/<service>/…``) goes straight to the proxy
(issue 21).

FastAPI's stack is ``FastAPI.__call__`` → ``Starlette.__call__`` → meshkit's ``AnsweredErrors`` → Starlette's
``ServerErrorMiddleware`` → FastAPI's own layers → the gateway's middleware (security headers, request context,
body limit, the edge rules of its own routes) → its routes. A proxied request needs none of it: the proxy does
what those layers do for its own answers (:mod:`gateway.proxy`), without a frame and a ``send`` wrapper per layer.
Every other request (health, metrics, docs, problem pages, the 404 of an unknown path) goes through FastAPI.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from starlette.types import ASGIApp, Receive, Scope, Send

from meshkit.keepalive import MeshApp

__all__ = ["GatewayApp"]


class GatewayApp(MeshApp):
    """``MeshApp`` whose requests for a routed service go to ``proxied`` instead of FastAPI's stack."""

    def __init__(self, *, services: Iterable[str], proxied: ASGIApp, **kwargs: Any) -> None:
        """``services``: the first path segments the proxy forwards (the route table's keys); ``proxied``: the
        proxy (:class:`gateway.proxy.Proxy`, inside OpenTelemetry's middleware when tracing is on)."""
        super().__init__(**kwargs)
        self.proxied_segments = frozenset(services)
        self.proxied = proxied

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"][1:].partition("/")[0] in self.proxied_segments:
            scope["app"] = self
            await self.proxied(scope, receive, send)
            return
        await super().__call__(scope, receive, send)
