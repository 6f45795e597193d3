"""Service calls over real sockets: the request id travels, and failures keep their kind (timeout or not)."""

from __future__ import annotations

import asyncio
import json
import socket
from collections.abc import AsyncIterator

import httpx
import pytest

from meshkit.http import service_client
from meshkit.observability import request_id_var


async def _serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    head = (await reader.readuntil(b"\r\n\r\n")).decode()
    path = head.split(" ", 2)[1]
    headers = dict(line.split(": ", 1) for line in head.split("\r\n")[1:] if ": " in line)
    if path == "/slow":
        await asyncio.sleep(2)
    if path == "/hang-up":
        writer.close()
        return
    body = json.dumps({"request_id": {k.lower(): v for k, v in headers.items()}.get("x-request-id")}).encode()
    writer.write(
        b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: %d\r\n\r\n%s"
        % (len(body), body)
    )
    await writer.drain()
    writer.close()


@pytest.fixture
async def server() -> AsyncIterator[str]:
    listening = await asyncio.start_server(_serve, "127.0.0.1", 0)
    port = listening.sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}"
    listening.close()


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def test_the_request_id_travels_with_the_call(server: str) -> None:
    token = request_id_var.set("req-123")
    try:
        async with service_client(server) as client:
            response = await client.get("/echo")
    finally:
        request_id_var.reset(token)
    assert response.status_code == 200
    assert response.json() == {"request_id": "req-123"}


async def test_a_slow_answer_is_a_timeout(server: str) -> None:
    async with service_client(server, timeout=0.2) as client:
        with pytest.raises(httpx.TimeoutException):
            await client.get("/slow")


async def test_a_refused_connection_is_a_connect_error_not_a_timeout() -> None:
    async with service_client(f"http://127.0.0.1:{_closed_port()}") as client:
        with pytest.raises(httpx.ConnectError):
            await client.get("/")


async def test_a_peer_that_hangs_up_is_a_transport_error_not_a_timeout(server: str) -> None:
    async with service_client(server) as client:
        with pytest.raises(httpx.TransportError) as raised:
            await client.get("/hang-up")
    assert not isinstance(raised.value, httpx.TimeoutException)
