"""The gateway's application object: a proxied request (``/<service>/…``) enters a shorter chain (issue 21).

FastAPI's stack around the gateway's middleware is ``FastAPI.__call__`` (its native-telemetry check) →
``Starlette.__call__`` → meshkit's ``AnsweredErrors`` → Starlette's ``ServerErrorMiddleware`` → FastAPI's
``ExceptionTelemetryMiddleware`` and ``AppBodyLimitMiddleware`` → the gateway's own middleware. For a proxied
request the telemetry layer observes nothing (the gateway turns FastAPI's telemetry off), FastAPI's body limit has
no limit (``max_body_size`` unset: meshkit's ``BodyLimitMiddleware`` limits bodies), and every layer costs a call
and a send wrapper per message.

:class:`GatewayApp` sends a request whose first path segment names an upstream through the *same* middleware
instances' classes and settings — ``AnsweredErrors`` → ``ServerErrorMiddleware`` with the app's own 500 handler →
the middleware ``create_app`` added (security headers, request context, body limit, proxy, …) — built from the
app's own ``user_middleware`` list, so nothing is written twice and a middleware added to the gateway is on both
paths. Every other request (health, metrics, docs, problem pages) goes through FastAPI as before.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from starlette.middleware.errors import ServerErrorMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send

from meshkit.keepalive import AnsweredErrors, MeshApp

__all__ = ["GatewayApp"]


class GatewayApp(MeshApp):
    """``MeshApp`` whose requests for a routed service skip FastAPI's and Starlette's own entry layers."""

    def __init__(self, *, services: Iterable[str], **kwargs: Any) -> None:
        """``services``: the first path segments the proxy forwards (the route table's keys)."""
        super().__init__(**kwargs)
        self.proxied_segments = frozenset(services)
        self.proxied_stack: ASGIApp | None = None

    def build_middleware_stack(self) -> ASGIApp:
        self.proxied_stack = self._proxied_stack()
        return super().build_middleware_stack()

    def _proxied_stack(self) -> ASGIApp:
        handler = self.exception_handlers.get(500) or self.exception_handlers.get(Exception)
        # The innermost app is never reached on this path: the proxy answers every request for a routed
        # service. The router stands there so that the chain is a complete ASGI app whatever the middleware.
        app: ASGIApp = self.router
        for cls, args, kwargs in reversed(self.user_middleware):
            app = cls(app, *args, **kwargs)
        return AnsweredErrors(ServerErrorMiddleware(app, handler=handler, debug=self.debug))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"][1:].partition("/")[0] in self.proxied_segments:
            if self.middleware_stack is None:
                self.middleware_stack = self.build_middleware_stack()
            assert self.proxied_stack is not None  # built with the middleware stack
            scope["app"] = self
            await self.proxied_stack(scope, receive, send)
            return
        await super().__call__(scope, receive, send)
