"""Issue 21: uvicorn wrote a response's status line and headers, then its body, in two ``send()`` calls; every
process ``tongban.serve`` starts now writes them together (:mod:`meshkit.coalesce`) — and still answers whole."""

from __future__ import annotations

import asyncio
import http.client
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from meshkit.coalesce import CoalescedTransport, CoalescingHttpToolsProtocol
from meshkit.embedded import free_port
from tongban.serve import config_from

HERE = Path(__file__).parent


@contextmanager
def serving(factory: str) -> Iterator[int]:
    """``python -m tongban.serve factory`` on a free port (one worker); yields the port once it answers."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "tongban.serve", factory, "--port", str(port), "--log-level", "warning"],
        cwd=HERE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert process.poll() is None, process.stderr.read() if process.stderr else ""
                assert time.monotonic() < deadline, "not serving within 60 s"
                time.sleep(0.1)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stderr is not None:
            process.stderr.close()


class _Reader(asyncio.Protocol):
    pass


async def _pair() -> tuple[CoalescedTransport, socket.socket]:
    ours, theirs = socket.socketpair()
    theirs.setblocking(False)
    loop = asyncio.get_running_loop()
    transport, _ = await loop.create_connection(_Reader, sock=ours)
    return CoalescedTransport(transport, loop), theirs  # type: ignore[arg-type]


def _received(sock: socket.socket) -> bytes:
    try:
        return sock.recv(65536)
    except BlockingIOError:
        return b""


async def test_headers_and_body_written_in_one_turn_reach_the_peer_together() -> None:
    """Issue 21: the head is held until the body follows in the same turn of the loop; both go out at once."""
    transport, peer = await _pair()
    try:
        transport.write(b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n")
        assert _received(peer) == b""  # held: the body may follow in this turn
        transport.write(b"ok")
        assert _received(peer) == b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok"
    finally:
        transport.close()
        peer.close()


async def test_a_lone_write_goes_out_within_one_turn_and_close_sends_what_is_held() -> None:
    """Issue 21: nothing waits longer than the loop's current turn (a streamed chunk, a 100 Continue), and a
    transport closed right after a write still sends it first."""
    transport, peer = await _pair()
    try:
        transport.write(b"first;")
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        assert _received(peer) == b"first;"
        transport.write(b"last")
        transport.close()
        await asyncio.sleep(0.01)
        assert _received(peer) == b"last"
    finally:
        peer.close()


def test_a_write_to_a_connection_already_closing_is_dropped() -> None:
    """Requests pipelined on a connection the client then reset: uvicorn marks only the last request's cycle as
    disconnected, the one being answered went on writing, and uvloop raised on the closed transport — an ERROR
    traceback per request, in every service and the gateway (outside try, issue 21). What is held is dropped."""
    written: list[bytes] = []

    class Closing:
        def is_closing(self) -> bool:
            return True

        def write(self, data: bytes) -> None:
            written.append(data)
            raise RuntimeError(
                "unable to perform operation on <TCPTransport closed=True>; the handler is closed"
            )

    loop = asyncio.new_event_loop()
    try:
        transport = CoalescedTransport(Closing(), loop)  # type: ignore[arg-type]
        transport.write(b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n")
        transport.write(b"ok")
        transport.write_now(b"whole answer")
        transport.flush()
    finally:
        loop.close()
    assert written == []


def test_the_launcher_serves_with_the_coalescing_protocol() -> None:
    """Issue 21: every HTTP process of the mesh (``python -m tongban.serve``) uses it."""
    config = config_from(["asgi_apps:stream"])
    assert config.http is CoalescingHttpToolsProtocol


def test_small_and_streamed_responses_arrive_whole_on_one_kept_alive_connection() -> None:
    """Issue 21: through ``python -m tongban.serve``: small answers, a chunked one paused between its chunks and a
    HEAD, one after the other on the same connection."""
    with serving("asgi_apps:stream") as port:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        try:
            for n in range(3):
                connection.request("GET", f"/a{n}")
                response = connection.getresponse()
                assert (response.status, response.read()) == (200, f"small:/a{n}".encode())
            started = time.monotonic()
            connection.request("GET", "/stream")
            response = connection.getresponse()
            assert response.getheader("transfer-encoding") == "chunked"
            assert response.read() == b"first;second"
            # the pause was waited out (its timer, on uvloop's millisecond clock, may fire a moment early)
            assert time.monotonic() - started >= 0.19
            connection.request("HEAD", "/a0")
            response = connection.getresponse()
            assert response.status == 200
            assert response.getheader("content-length") == "9"
            assert response.read() == b""
            connection.request("GET", "/after-head")
            assert connection.getresponse().read() == b"small:/after-head"
        finally:
            connection.close()


def test_trailer_fields_of_a_chunked_body_are_not_added_to_the_request_headers() -> None:
    """Outside try (issue 21): uvicorn appended a chunked body's trailer fields to the request's headers, after
    anything that had read the head; every process ``tongban.serve`` starts now drops them."""
    with (
        serving("asgi_apps:stream") as port,
        socket.create_connection(("127.0.0.1", port), timeout=5) as sock,
    ):
        sock.sendall(
            b"POST /headers HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
            b"5\r\nhello\r\n0\r\nAuthorization: Bearer forged\r\nX-Injected: yes\r\n\r\n"
        )
        received = b""
        while not received.endswith(b"transfer-encoding"):
            chunk = sock.recv(4096)
            assert chunk, received
            received += chunk
    assert received.split(b"\r\n\r\n", 1)[1].split(b",") == [b"host", b"transfer-encoding"]
