"""ASGI app factories the deploy tests serve with ``python -m tongban.serve`` (run from this folder)."""

from __future__ import annotations

import asyncio
import os
from typing import Any


async def _lifespan(receive: Any, send: Any) -> None:
    while True:
        message = await receive()
        kind = message["type"].rsplit(".", 1)[-1]
        await send({"type": f"lifespan.{kind}.complete"})
        if kind == "shutdown":
            return


async def _answer(send: Any, body: bytes, *headers: tuple[bytes, bytes]) -> None:
    start = [(b"content-length", b"%d" % len(body)), *headers]
    await send({"type": "http.response.start", "status": 200, "headers": start})
    await send({"type": "http.response.body", "body": body})


def pid() -> Any:
    """Answers the serving process's pid, or at ``/client`` the client's address as the app sees it
    (``test_serve.py``)."""

    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "lifespan":
            return await _lifespan(receive, send)
        if scope["path"] == "/client":
            return await _answer(send, scope["client"][0].encode())
        await _answer(send, str(os.getpid()).encode())

    return app


def stream() -> Any:
    """A small response, or at ``/stream`` one streamed with a pause between its chunks, or at ``/headers`` the
    request's header names as the app sees them once it has read the body (``test_coalesce.py``)."""

    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "lifespan":
            return await _lifespan(receive, send)
        if scope["path"] == "/headers":
            while (await receive()).get("more_body"):
                pass
            return await _answer(send, b",".join(name for name, _ in scope["headers"]))
        if scope["path"] == "/stream":  # no length: chunked, the first chunk out before the second is made
            await send({"type": "http.response.start", "status": 200, "headers": []})
            await send({"type": "http.response.body", "body": b"first;", "more_body": True})
            await asyncio.sleep(0.2)
            await send({"type": "http.response.body", "body": b"second", "more_body": False})
            return
        await _answer(send, b"small:" + scope["path"].encode(), (b"content-type", b"text/plain"))

    return app
