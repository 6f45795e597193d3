"""Response headers every service and the gateway send: ``X-Content-Type-Options: nosniff`` on every response, no
``Server`` header from the application, and ``Cache-Control: no-store`` on the responses a route declares personal.

A route is personal when it returns a person's or a company's data (to its owner or to staff): declare it with
``dependencies=[NoStore]`` on the route or on its whole ``APIRouter`` (a fast lane's route too: the lane runs no
dependencies, so its declared route is read instead). The declaration marks the request; :class:`SecurityHeaders` writes the header when the response starts, so
it holds whatever the route returns (a model, a ``Response``, a file, a problem raised half-way).
"""

from __future__ import annotations

from fastapi import Depends, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["NOSNIFF", "NoStore", "SecurityHeaders", "is_personal", "mark_personal", "secured"]

NOSNIFF = (b"x-content-type-options", b"nosniff")
_NO_STORE = (b"cache-control", b"no-store")
_STATE_KEY = "no_store"
_REPLACED = frozenset({b"server", b"x-content-type-options"})


def mark_personal(request: Request) -> None:
    """Dependency: this request's response carries personal data and must not be stored by any cache."""
    request.scope.setdefault("state", {})[_STATE_KEY] = True


NoStore = Depends(mark_personal)
"""``dependencies=[NoStore]`` on a route or an ``APIRouter`` whose responses are personal."""


def is_personal(scope: Scope) -> bool:
    """Whether the route that served ``scope`` was declared personal: its dependency ran, or — a fast lane, which
    runs no dependencies — the route the lane was declared as carries it (on itself or its router)."""
    if scope.get("state", {}).get(_STATE_KEY):
        return True
    route = scope.get("route")
    declared = getattr(route, "route", route)  # meshkit.lanes.Lane keeps the route it was declared as
    return any(getattr(d, "dependency", None) is mark_personal for d in getattr(declared, "dependencies", ()))


def secured(headers: list[tuple[bytes, bytes]], personal: bool) -> list[tuple[bytes, bytes]]:
    """A response's headers as every response goes out: ``nosniff``, no ``Server``, and for a ``personal`` one
    ``Cache-Control: no-store`` in place of whatever the route said."""
    kept = [
        (name, value)
        for name, value in headers
        if name.lower() not in _REPLACED and not (personal and name.lower() == b"cache-control")
    ]
    kept.append(NOSNIFF)
    if personal:
        kept.append(_NO_STORE)
    return kept


class SecurityHeaders:
    """Pure ASGI, outermost of the app's own middleware (the gateway's too). Errors that escape to Starlette's
    server-error middleware get the same headers from ``meshkit.errors`` (that middleware sits outside this one).
    The server's own ``Server`` header is turned off where the server is started (``--no-server-header``)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = secured(message.get("headers", []), is_personal(scope))
            await send(message)

        await self.app(scope, receive, send_with_headers)
