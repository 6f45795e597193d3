"""ASGI middleware that services and the gateway share, free of the database stack."""

from __future__ import annotations

import re
from collections.abc import Sequence

from starlette.exceptions import HTTPException
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from meshkit.errors import problem_response

__all__ = ["BodyLimitMiddleware", "BodyLimits", "BodyTooLarge", "too_large"]


class BodyTooLarge(HTTPException):
    """Raised from ``receive()`` when a streamed body passes the limit; wrappers may re-raise it by type. An
    ``HTTPException``, so a framework parsing the body (FastAPI's form parser) lets it through instead of turning it
    into "error parsing the body"; the app's handler answers it as this middleware would."""

    code = "payload_too_large"

    def __init__(self, limit: int) -> None:
        super().__init__(413, too_large_detail(limit))
        self.limit = limit


def too_large_detail(limit: int) -> str:
    return f"请求体超过上限 {limit} 字节 (body larger than {limit} bytes)"


class BodyLimitMiddleware:
    """Refuse bodies over ``max_bytes`` with 413 problem+json, whether declared or streamed.

    ``path_limits``: (regular expression matching the whole path, limit) pairs for the few routes that take
    larger bodies, e.g. material uploads; the first match wins.

    What a body may contain is each route's to judge (:mod:`meshkit.guard`: control characters, NaN, media
    type), after it knows who is calling; the size is judged here, before anything is buffered.
    """

    def __init__(self, app: ASGIApp, *, max_bytes: int, path_limits: Sequence[tuple[str, int]] = ()) -> None:
        self.app = app
        self.limits = BodyLimits(max_bytes, path_limits)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limits = self.limits
        max_bytes = limits.limit_for(scope["path"])
        if limits.declared_over(scope, max_bytes):
            await too_large(scope, max_bytes)(scope, receive, send)
            return
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > max_bytes:
                    raise BodyTooLarge(max_bytes)
            return message

        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except BodyTooLarge:
            if started:  # the app answered before reading it all; nothing more can be said
                return
            await too_large(scope, max_bytes)(scope, receive, send)


class BodyLimits:
    """How large a request body may be: ``max_bytes``, or the limit of the first of ``path_limits`` (a regular
    expression matching the whole path, a limit) that matches — the rule of :class:`BodyLimitMiddleware`, as
    plain calls for an entry that does a request's whole handling itself (the gateway's proxied requests)."""

    __slots__ = ("_path_limits", "max_bytes")

    def __init__(self, max_bytes: int, path_limits: Sequence[tuple[str, int]] = ()) -> None:
        self.max_bytes = max_bytes
        self._path_limits = [(re.compile(pattern), limit) for pattern, limit in path_limits]

    def limit_for(self, path: str) -> int:
        for pattern, limit in self._path_limits:
            if pattern.fullmatch(path):
                return limit
        return self.max_bytes

    @staticmethod
    def declared_over(scope: Scope, max_bytes: int) -> bool:
        """The request declares a ``Content-Length`` over ``max_bytes``: refused before any of it is read."""
        for name, value in scope["headers"]:
            if name == b"content-length" and value.isdigit() and int(value) > max_bytes:
                return True
        return False


def too_large(scope: Scope, max_bytes: int) -> Response:
    """The 413 problem for a body over ``max_bytes``."""
    return problem_response(
        status=413, code="payload_too_large", instance=scope["path"], detail=too_large_detail(max_bytes)
    )
