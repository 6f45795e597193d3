"""The gateway's own HTTP protocol (gateway.server): a proxied request handled without ASGI is framed as uvicorn
frames an ASGI answer — HEAD, HTTP/1.0, ``Connection: close``, ``Expect: 100-continue``, streamed answers,
pipelining across proxied and own routes, an answer given before the body was read (issue 21).

Through a real uvicorn server with the gateway's protocol and raw sockets: the bytes on the wire are the subject."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any

import pytest

from gateway.front import GatewayApp
from gateway.main import create_app
from gateway.server import GatewayProtocol, _direct_proxy
from gateway.settings import GatewaySettings
from meshkit.testing.tokens import TokenFactory

pytestmark = pytest.mark.api

Serve = Callable[..., AbstractAsyncContextManager[str]]
Wire = tuple[asyncio.StreamReader, asyncio.StreamWriter]


@pytest.fixture
async def wire(
    serve: Serve, gateway_settings: Callable[..., GatewaySettings], tokens: TokenFactory
) -> AsyncIterator[Callable[[], AbstractAsyncContextManager[Wire]]]:
    """``async with wire() as (reader, writer)``: a raw connection to a served gateway (one per test)."""
    app = create_app(gateway_settings(), verifier=tokens.verifier())
    assert isinstance(app, GatewayApp)
    assert app.direct_proxy is not None  # served, its proxied requests skip ASGI
    async with serve(app, lifespan="on") as url:
        host, port = url.removeprefix("http://").split(":")

        @asynccontextmanager
        async def connect() -> AsyncIterator[Wire]:
            reader, writer = await asyncio.open_connection(host, int(port))
            try:
                yield reader, writer
            finally:
                writer.close()

        yield connect


async def _head(reader: asyncio.StreamReader) -> tuple[int, dict[str, str]]:
    raw = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 5)
    lines = raw.decode("latin-1").split("\r\n")
    headers: dict[str, str] = {}
    for line in lines[1:]:
        if line:
            name, _, value = line.partition(":")
            assert name.lower() not in headers, f"{name} twice"
            headers[name.lower()] = value.strip()
    return int(lines[0].split(" ")[1]), headers


async def _answer(reader: asyncio.StreamReader) -> tuple[int, dict[str, str], bytes]:
    """One whole answer, read by its framing (Content-Length, chunked, or to the end of the connection)."""
    status, headers = await _head(reader)
    if "content-length" in headers:
        body = await asyncio.wait_for(reader.readexactly(int(headers["content-length"])), 5)
    elif headers.get("transfer-encoding") == "chunked":
        parts = []
        while True:
            size = int((await asyncio.wait_for(reader.readuntil(b"\r\n"), 5))[:-2], 16)
            parts.append(await asyncio.wait_for(reader.readexactly(size + 2), 5))
            if size == 0:
                break
        body = b"".join(part[:-2] for part in parts)
    else:
        body = await asyncio.wait_for(reader.read(), 5)
    return status, headers, body


async def _closed(reader: asyncio.StreamReader) -> bool:
    try:
        return await asyncio.wait_for(reader.read(1), 5) == b""
    except ConnectionResetError:
        return True


def _get(path: str, *extra: str, method: str = "GET", version: str = "1.1") -> bytes:
    lines = [f"{method} {path} HTTP/{version}", "Host: gateway.test", *extra, "", ""]
    return "\r\n".join(lines).encode()


async def test_a_head_request_gets_the_head_alone_and_the_connection_serves_the_next(wire: Any) -> None:
    async with wire() as (reader, writer):
        writer.write(_get("/catalog/echo/h", method="HEAD") + _get("/catalog/items/A2"))
        status, headers = await _head(reader)
        assert status == 200
        assert int(headers["content-length"]) > 0  # the length a GET would have had, and no body follows
        status, headers, body = await _answer(reader)
        assert (status, json.loads(body)["code"]) == (200, "A2")
        assert headers["x-content-type-options"] == "nosniff"
        assert "server" not in headers


async def test_pipelined_requests_are_answered_in_order_across_proxied_and_own_routes(wire: Any) -> None:
    async with wire() as (reader, writer):
        writer.write(_get("/catalog/echo/one") + _get("/healthz") + _get("/cases/echo/three?n=3"))
        first, _, one = await _answer(reader)
        second, _, health = await _answer(reader)
        third, _, three = await _answer(reader)
    assert (first, second, third) == (200, 200, 200)
    assert json.loads(one)["raw_path"] == "/echo/one"
    assert json.loads(health)["status"] == "ok"
    assert (json.loads(three)["service"], json.loads(three)["query"]) == ("cases", "n=3")


async def test_an_http10_client_gets_its_answer_and_then_the_end_of_the_connection(wire: Any) -> None:
    async with wire() as (
        reader,
        writer,
    ):  # a streamed answer has no length: it ends where the connection does
        writer.write(_get("/catalog/big?size=150000", version="1.0"))
        status, headers, body = await _answer(reader)
        assert status == 200
        assert "transfer-encoding" not in headers
        assert headers["connection"] == "close"
        assert len(body) == 150000
    async with wire() as (reader, writer):
        writer.write(_get("/catalog/items/A1", version="1.0"))
        status, headers, body = await _answer(reader)
        assert (status, headers["connection"]) == (200, "close")
        assert await _closed(reader)


async def test_a_streamed_answer_is_chunked_to_an_http11_client_and_keeps_the_connection(wire: Any) -> None:
    async with wire() as (reader, writer):
        writer.write(_get("/catalog/big?size=300000") + _get("/catalog/items/A3"))
        status, headers, body = await _answer(reader)
        assert (status, headers["transfer-encoding"]) == (200, "chunked")
        assert body == b"".join(bytes([n % 256]) * min(65536, 300000 - n * 65536) for n in range(5))
        status, _, body = await _answer(reader)
        assert (status, json.loads(body)["code"]) == (200, "A3")


async def test_connection_close_from_the_client_is_answered_and_honoured(wire: Any) -> None:
    async with wire() as (reader, writer):
        writer.write(_get("/catalog/items/A1", "Connection: close"))
        status, headers, _ = await _answer(reader)
        assert (status, headers["connection"]) == (200, "close")
        assert await _closed(reader)


async def test_expect_100_continue_is_answered_before_the_body_is_sent(wire: Any) -> None:
    async with wire() as (reader, writer):
        writer.write(
            _get(
                "/catalog/upload",
                "Expect: 100-continue",
                "Content-Type: application/octet-stream",
                "Content-Length: 10",
                method="POST",
            )
        )
        interim = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 5)
        assert interim == b"HTTP/1.1 100 Continue\r\n\r\n"
        writer.write(b"0123456789")
        status, _, body = await _answer(reader)
        assert (status, json.loads(body)["size"]) == (200, 10)


@pytest.mark.parametrize("attempt", range(3))
async def test_an_answer_given_before_the_body_was_read_reaches_the_client(wire: Any, attempt: int) -> None:
    """413 on the declared length while the client is still sending megabytes: the answer arrives whole (the
    server reads and drops the rest instead of resetting the connection), then the connection ends."""
    async with wire() as (reader, writer):
        writer.write(
            _get(
                "/catalog/upload",
                "Content-Type: application/octet-stream",
                f"Content-Length: {64 * 1024 * 1024}",
                method="POST",
            )
        )
        writer.write(b"x" * (1024 * 1024))
        status, headers, body = await _answer(reader)
        assert (status, json.loads(body)["code"]) == (413, "payload_too_large")
        assert headers["connection"] == "close"
        assert await _closed(reader)


def test_with_tracing_on_the_proxied_requests_go_through_asgi() -> None:
    """OpenTelemetry's server span is made by its ASGI middleware: a gateway whose proxy is wrapped in it offers
    the protocol no direct proxy, and the protocol finds the proxy through layers uvicorn puts around the app."""

    class Layer:
        def __init__(self, app: Any) -> None:
            self.app = app

    proxy = object()
    plain = GatewayApp(services=["catalog"], proxy=proxy, traced_proxy=proxy)  # type: ignore[arg-type]
    traced = GatewayApp(services=["catalog"], proxy=proxy, traced_proxy=Layer(proxy))  # type: ignore[arg-type]
    assert _direct_proxy(Layer(plain)) is proxy
    assert _direct_proxy(Layer(traced)) is None
    assert _direct_proxy(Layer(object())) is None
    assert issubclass(GatewayProtocol, asyncio.Protocol)
