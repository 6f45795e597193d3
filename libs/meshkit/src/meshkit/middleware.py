"""ASGI middleware that services and the gateway share, free of the database stack."""

from __future__ import annotations

import re
from collections.abc import Sequence

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from meshkit.errors import problem_response

__all__ = ["BodyLimitMiddleware", "BodyTooLarge", "NulCharacter"]

_NUL_ESCAPE = b"\\u0000"  # JSON's spelling of U+0000


class NulCharacter(HTTPException):
    """Raised from ``receive()`` when a JSON or form body carries U+0000, which no text column can store. An
    ``HTTPException``, so a framework parsing the body (FastAPI's form parser) lets it through instead of turning it
    into "error parsing the body"; the app's handler answers it as this middleware would."""

    code = "invalid_character"

    def __init__(self) -> None:
        super().__init__(400, NUL_DETAIL)


class BodyTooLarge(HTTPException):
    """Raised from ``receive()`` when a streamed body passes the limit; wrappers may re-raise it by type."""

    code = "payload_too_large"

    def __init__(self, limit: int) -> None:
        super().__init__(413, too_large_detail(limit))
        self.limit = limit


NUL_DETAIL = "请求中含有空字符（U+0000），请删除后重试 (the request carries U+0000)"


def too_large_detail(limit: int) -> str:
    return f"请求体超过上限 {limit} 字节 (body larger than {limit} bytes)"


class BodyLimitMiddleware:
    """Refuse bodies over ``max_bytes`` with 413 problem+json, whether declared or streamed; and refuse U+0000 in
    the path, the query or a JSON body (``application/json``, ``…+json``; without a content type, its escape) with 400 ``invalid_character`` before any route sees it.

    ``path_limits``: (regular expression matching the whole path, limit) pairs for the few routes that take
    larger bodies, e.g. material uploads; the first match wins.

    Why U+0000 here: PostgreSQL text cannot hold it, so a string carrying it fails the first statement that stores
    it — after whatever the request already did (a provider asked for a record, say) and as a 500. Refusing it at
    the door, for every service and every field at once, keeps that class out; uploads (other content types) may
    carry any bytes.
    """

    def __init__(self, app: ASGIApp, *, max_bytes: int, path_limits: Sequence[tuple[str, int]] = ()) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self._path_limits = [(re.compile(pattern), limit) for pattern, limit in path_limits]

    def limit_for(self, path: str) -> int:
        for pattern, limit in self._path_limits:
            if pattern.fullmatch(path):
                return limit
        return self.max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        max_bytes = self.limit_for(scope.get("path", ""))
        if "\x00" in scope.get("path", "") or b"%00" in scope.get("query_string", b""):
            await self._refuse_nul(scope, receive, send)
            return
        # JSON bodies are scanned: declared ones for U+0000 as a byte or an escape; undeclared ones (FastAPI reads
        # them as JSON, but uploads come that way too) for the escape only. Other bodies are files: any bytes.
        scan: bytes | None = _NUL_ESCAPE
        raw = False
        for name, value in scope["headers"]:
            if name == b"content-length" and value.isdigit() and int(value) > max_bytes:
                await self._refuse(scope, receive, send, max_bytes)
                return
            if name == b"content-type":
                media = value.split(b";")[0].strip().lower()
                raw = media == b"application/json" or (
                    media.startswith(b"application/") and media.endswith(b"+json")
                )
                scan = _NUL_ESCAPE if raw or not media else None
                if media == b"application/x-www-form-urlencoded":  # forms (the login page): %00, or the byte
                    scan, raw = b"%00", True
        received = 0
        tail = b""

        async def limited_receive() -> Message:
            nonlocal received, tail
            message = await receive()
            if message["type"] == "http.request":
                body = message.get("body", b"")
                received += len(body)
                if received > max_bytes:
                    raise BodyTooLarge(max_bytes)
                if scan is not None and body:
                    seen = tail + body
                    if scan in seen or (raw and b"\x00" in body):
                        raise NulCharacter
                    tail = seen[-(len(scan) - 1) :]
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
            await self._refuse(scope, receive, send, max_bytes)
        except NulCharacter:
            if not started:
                await self._refuse_nul(scope, receive, send)

    async def _refuse_nul(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = problem_response(
            status=400,
            code="invalid_character",
            instance=scope.get("path"),
            detail=NUL_DETAIL,
        )
        await response(scope, receive, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, max_bytes: int) -> None:
        response = problem_response(
            status=413,
            code="payload_too_large",
            instance=scope.get("path"),
            detail=too_large_detail(max_bytes),
        )
        await response(scope, receive, send)
