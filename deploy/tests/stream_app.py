"""An ASGI app factory for ``test_coalesce.py``: a small response, one streamed with a pause between its chunks."""

from __future__ import annotations

import asyncio
from typing import Any


def create() -> Any:
    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                kind = message["type"].rsplit(".", 1)[-1]
                await send({"type": f"lifespan.{kind}.complete"})
                if kind == "shutdown":
                    return
        if scope["path"] == "/stream":  # no length: chunked, the first chunk out before the second is made
            await send({"type": "http.response.start", "status": 200, "headers": []})
            await send({"type": "http.response.body", "body": b"first;", "more_body": True})
            await asyncio.sleep(0.2)
            await send({"type": "http.response.body", "body": b"second", "more_body": False})
            return
        body = b"small:" + scope["path"].encode()
        headers = [(b"content-length", b"%d" % len(body)), (b"content-type", b"text/plain")]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    return app
