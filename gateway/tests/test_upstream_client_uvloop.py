"""The gateway's upstream client (``gateway.upstream_http``) on uvloop, the loop uvicorn runs the gateway on.

The rest of the gateway's tests drive it on the test session's asyncio loop; uvloop's transports are not
``asyncio.Transport`` subclasses and time and flow-control callbacks differently, so the client's own paths run
here once more on uvloop against a real HTTP server (uvicorn, in the same loop).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
import uvicorn
import uvloop

from gateway.upstream_http import Pool, UpstreamTimeout, UpstreamUnreachable
from meshkit.embedded import free_port

pytestmark = pytest.mark.api


async def _app(scope: dict, receive, send) -> None:  # type: ignore[no-untyped-def,type-arg]
    if scope["type"] != "http":
        return
    body = b""
    while scope["path"] != "/refuse-early":
        message = await receive()
        body += message.get("body", b"")
        if not message.get("more_body"):
            break
    path = scope["path"]
    if path == "/refuse-early":
        answer = b"too large"
        headers = [(b"content-length", b"9")]
        await send({"type": "http.response.start", "status": 413, "headers": headers})
        await send({"type": "http.response.body", "body": answer})
        return
    if path == "/silent":
        await asyncio.sleep(5)
    if path == "/big":
        await send({"type": "http.response.start", "status": 200, "headers": []})  # chunked
        for _ in range(64):
            await send({"type": "http.response.body", "body": b"x" * 65536, "more_body": True})
        await send({"type": "http.response.body", "body": b""})
        return
    answer = b"%s %s %d" % (scope["method"].encode(), path.encode(), len(body))
    if path == "/port":
        answer = b"%d" % scope["client"][1]  # which connection: its port on the client's side
    headers = [(b"content-length", str(len(answer)).encode()), (b"content-type", b"text/plain")]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else answer})


async def _scenario() -> dict[str, object]:
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(_app, port=port, log_level="warning", lifespan="off"))
    serving = asyncio.create_task(server.serve())
    while not server.started:
        if serving.done():
            serving.result()  # it failed to start: raise why
        await asyncio.sleep(0.01)
    pool = Pool("127.0.0.1", port, limit=8, keepalive=4.0, connect_timeout=1.0)
    seen: dict[str, object] = {}
    try:
        response = await pool.request("GET", b"/a?b=1", [(b"x-test", b"1")], None, read_timeout=2)
        seen["get"] = (response.status, await response.read())
        response = await pool.request("POST", b"/post", [], b"hello", read_timeout=2)
        seen["post"] = (response.status, await response.read())

        async def pieces() -> AsyncIterator[bytes]:
            for _ in range(3):
                yield b"abcd"

        response = await pool.request("PUT", b"/stream", [], pieces(), read_timeout=2)
        seen["streamed"] = (response.status, await response.read())

        async def a_lot() -> AsyncIterator[bytes]:
            for _ in range(256):
                yield b"y" * 65536
                await asyncio.sleep(0)

        response = await pool.request("POST", b"/refuse-early", [], a_lot(), read_timeout=2)
        seen["refused early"] = (response.status, await response.read())
        response = await pool.request("GET", b"/port", [], None, read_timeout=2)
        before = await response.read()
        response = await pool.request("HEAD", b"/head", [], None, read_timeout=2)
        seen["head"] = (response.status, response.content_length, await response.read())
        response = await pool.request("GET", b"/port", [], None, read_timeout=2)
        seen["same connection after a HEAD"] = await response.read() == before
        response = await pool.request("GET", b"/big", [], None, read_timeout=2)
        seen["big"] = sum([len(chunk) async for chunk in response.chunks()])
        try:
            await pool.request("GET", b"/silent", [], None, read_timeout=0.3)
        except UpstreamTimeout:
            seen["silent"] = "timeout"
        response = await pool.request("GET", b"/after", [], None, read_timeout=2)
        seen["after"] = (response.status, await response.read())
    finally:
        await pool.close()
        server.should_exit = True
        await serving
    refused = Pool("127.0.0.1", free_port(), limit=8, keepalive=4.0, connect_timeout=1.0)
    try:
        await refused.request("GET", b"/", [], None, read_timeout=1)
    except UpstreamUnreachable:
        seen["refused"] = "unreachable"
    return seen


def test_the_upstream_client_on_uvloop() -> None:
    """Whole and streamed bodies both ways, an answer before the whole body was sent (an upstream's 413), HEAD, a
    silent upstream (504's cause) and a refused connection."""
    seen = uvloop.run(_scenario())
    assert seen == {
        "get": (200, b"GET /a 0"),
        "post": (200, b"POST /post 5"),
        "streamed": (200, b"PUT /stream 12"),
        "refused early": (413, b"too large"),
        "head": (200, 12, b""),
        "same connection after a HEAD": True,
        "big": 64 * 65536,
        "silent": "timeout",
        "after": (200, b"GET /after 0"),
        "refused": "unreachable",
    }
