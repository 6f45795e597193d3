"""What a request looks like from the outside, for every app the mesh builds (one pure ASGI pass):

- **HEAD** is answered as GET without the body (RFC 9110 §9.3.2: general-purpose servers must support it;
  FastAPI routes declare GET only, so HEAD got 405). The headers are GET's, ``Content-Length`` included.
- **The gateway's prefix**: behind the gateway a service serves ``/matters/x`` for the client's
  ``/catalog/matters/x``; the gateway says so in ``X-Forwarded-Prefix``. Problems name the path the client
  used (``instance``), like the gateway's own problems do (:func:`public_path`). Always prefixed: the cases
  service serves ``/cases`` for the client's ``/cases/cases``, so a path that already starts with the prefix's
  segment is no sign that it is public (issue 19's outside try: ``POST /cases`` and ``/cases/{id}`` named
  ``/cases/…`` and lost the gateway's prefix). The gateway itself is the edge: it takes no prefix from a client
  (``forwarded=False``).
"""

from __future__ import annotations

import re
from contextvars import ContextVar

from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["RequestEdge", "control_in_path", "public_path"]

_PREFIX = re.compile(r"/[a-z][a-z0-9_-]{0,39}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def control_in_path(path: str) -> bool:
    """The decoded path holds a control character (``%0a``, ``%00``, ...). No route here has one, and one at
    the end passed for none: the gateway compared ``/metrics\n`` with its inside-only paths and rate-limit
    classes and found none, while the service's route patterns (``$`` matches before a final newline) served it
    as ``/metrics`` (outside try). Refused wherever a request enters (:class:`RequestEdge`, the gateway's proxy)."""
    return _CONTROL.search(path) is not None


forwarded_prefix: ContextVar[str] = ContextVar("forwarded_prefix", default="")


def public_path(path: str) -> str:
    """``path`` as the client asked for it: with the gateway's prefix when the request came through it."""
    prefix = forwarded_prefix.get()
    if prefix and path.startswith("/"):
        return prefix + path
    return path


class RequestEdge:
    def __init__(self, app: ASGIApp, *, forwarded: bool = True) -> None:
        """``forwarded``: honour ``X-Forwarded-Prefix`` (a service behind the gateway); the gateway says False."""
        self.app = app
        self.forwarded = forwarded

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if control_in_path(scope["path"]):
            from meshkit.errors import bad_path  # (meshkit.errors imports this module)

            await bad_path(scope)(scope, receive, send)
            return
        prefix = ""
        for name, value in scope["headers"] if self.forwarded else ():
            if name == b"x-forwarded-prefix":
                text = value.decode("latin-1")
                prefix = text if _PREFIX.fullmatch(text) else ""
                break
        # Kept if the app raises: the server-error handler, outside every middleware, renders that problem.
        # (Each request runs in a task of its own under the server, so nothing carries over to the next.)
        token = forwarded_prefix.set(prefix)
        if scope["method"] == "HEAD":
            await self.app({**scope, "method": "GET"}, receive, _without_body(send))
        else:
            await self.app(scope, receive, send)
        forwarded_prefix.reset(token)


def _without_body(send: Send) -> Send:
    async def head(message: Message) -> None:
        if message["type"] == "http.response.body":
            if message.get("more_body", False):
                return
            message = {"type": "http.response.body", "body": b""}
        await send(message)

    return head
