"""A client that sends its body slowly, or not at all, holds none of an upstream's slots and gets an answer it can
act on (issue 21, outside try: eight connections that stopped half-way through a small POST body held the catalog's
eight slots of a gateway process, and every other client got 503 ``upstream_busy`` for as long as they stayed).

Through a real uvicorn server and raw sockets: what the server does with the connection (closed after an answer
sent before the body was read) is part of what is tested."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any

import httpx
import pytest
from prometheus_client import REGISTRY

from gateway.main import create_app
from gateway.settings import GatewaySettings
from meshkit.testing import eventually
from meshkit.testing.tokens import TokenFactory

pytestmark = pytest.mark.api

Serve = Callable[..., AbstractAsyncContextManager[str]]


@asynccontextmanager
async def _gateway(
    serve: Serve, settings: GatewaySettings, tokens: TokenFactory
) -> AsyncIterator[tuple[str, int]]:
    async with serve(create_app(settings, verifier=tokens.verifier()), lifespan="on") as url:
        host, port = url.removeprefix("http://").split(":")
        yield host, int(port)


async def _open(host: str, port: int, head: str, body: bytes = b"") -> tuple[Any, Any]:
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(head.encode() + b"\r\n" + body)
    await writer.drain()
    return reader, writer


async def _answer(reader: asyncio.StreamReader, seconds: float = 5.0) -> tuple[int, dict[str, str], bytes]:
    """One whole answer (status, headers, body), then whether the server closed the connection (b"" read)."""
    head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), seconds)
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ")[1])
    headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
    body = await asyncio.wait_for(reader.readexactly(int(headers["content-length"])), seconds)
    return status, headers, body


def _post(path: str, length: int) -> str:
    return (
        f"POST {path} HTTP/1.1\r\nHost: gateway.test\r\nContent-Type: application/json\r\n"
        f"Content-Length: {length}\r\n"
    )


async def test_clients_stalling_in_small_bodies_hold_no_slot_and_get_408_with_the_connection_closed(
    serve: Serve, gateway_settings: Callable[..., GatewaySettings], tokens: TokenFactory
) -> None:
    settings = gateway_settings(
        upstream_concurrency_overrides={"catalog": 1}, upstream_queue_wait=0.2, body_timeout=0.6
    )
    async with _gateway(serve, settings, tokens) as (host, port):
        stalled = [await _open(host, port, _post("/catalog/echo/slow", 100), b'{"a":1') for _ in range(4)]
        started = time.monotonic()
        async with httpx.AsyncClient(base_url=f"http://{host}:{port}") as client:
            others = [await client.get(f"/catalog/items/A{n}") for n in range(3)]
        assert [r.status_code for r in others] == [200, 200, 200]  # the one slot was free all along
        for reader, writer in stalled:
            status, headers, body = await _answer(reader)
            assert status == 408
            assert headers["content-type"].startswith("application/problem+json")
            problem = json.loads(body)
            assert problem["code"] == "body_timeout"
            assert "请求体" in problem["detail"]
            assert "未办理" in problem["detail"]
            assert headers["connection"] == "close"
            assert headers["x-content-type-options"] == "nosniff"
            assert "x-request-id" in headers
            assert await asyncio.wait_for(reader.read(), 5) == b""  # and the server closed it
            writer.close()
        assert time.monotonic() - started < 5


async def test_a_streamed_body_that_stalls_is_cut_off_and_its_slot_freed(
    serve: Serve, gateway_settings: Callable[..., GatewaySettings], tokens: TokenFactory
) -> None:
    """A body over 256 KiB streams to the upstream as it comes, holding a slot meanwhile; a pause longer than the
    body timeout ends it: 408, the upstream connection dropped, the slot free for the next client."""
    settings = gateway_settings(
        upstream_concurrency_overrides={"catalog": 1}, upstream_queue_wait=0.2, body_timeout=0.6
    )
    async with _gateway(serve, settings, tokens) as (host, port):
        reader, writer = await _open(host, port, _post("/catalog/echo/big", 300_000), b"x" * 20_000)
        status, headers, _ = await _answer(reader)
        assert (status, headers["connection"]) == (408, "close")
        writer.close()
        async with httpx.AsyncClient(base_url=f"http://{host}:{port}") as client:
            after = await client.get("/catalog/items/A1")
        assert after.status_code == 200


async def test_an_answer_before_the_body_closes_the_connection(
    serve: Serve, gateway_settings: Callable[..., GatewaySettings], tokens: TokenFactory
) -> None:
    """Outside try: a 413 on the declared length was sent keep-alive, so the next request on the connection was
    read as part of the body never sent and hung. The answer now says ``Connection: close`` and the server closes;
    a body sent whole keeps the connection for the next request."""
    async with _gateway(serve, gateway_settings(max_body_bytes=1024), tokens) as (host, port):
        reader, writer = await _open(host, port, _post("/catalog/echo/big", 2_000_000))
        status, headers, _ = await _answer(reader)
        assert (status, headers["connection"]) == (413, "close")
        assert await asyncio.wait_for(reader.read(), 5) == b""
        writer.close()

        reader, writer = await _open(host, port, _post("/catalog/echo/ok", 7), b'{"a":1}')
        status, headers, _ = await _answer(reader)
        assert status == 200
        assert "connection" not in headers
        writer.write(b"GET /catalog/items/A2 HTTP/1.1\r\nHost: gateway.test\r\n\r\n")
        status, _, body = await _answer(reader)
        assert (status, json.loads(body)["code"]) == (200, "A2")
        writer.close()


async def test_a_client_that_leaves_mid_body_is_recorded_as_gone_not_as_a_server_error(
    serve: Serve, gateway_settings: Callable[..., GatewaySettings], tokens: TokenFactory
) -> None:
    """Outside try: a client hanging up half-way through its body was counted as status 500 in the duration
    metric and the access line. No answer was sent and nothing failed: it is 499 (nginx's "client closed")."""
    labels = {"service": "gateway", "method": "POST", "route": "/catalog/{path}"}
    metric = "tongban_http_request_duration_seconds_count"

    def count(status: str) -> float:
        return REGISTRY.get_sample_value(metric, {**labels, "status": status}) or 0.0

    before = count("499"), count("500")
    async with _gateway(serve, gateway_settings(), tokens) as (host, port):
        for _ in range(3):
            _, writer = await _open(host, port, _post("/catalog/echo/gone", 100), b'{"a":')
            writer.close()

        async def all_recorded() -> None:
            assert count("499") - before[0] == 3

        await eventually(all_recorded, timeout=5, interval=0.05)
    assert count("500") == before[1]
