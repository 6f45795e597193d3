"""The gateway's HTTP/1.1 client to its upstreams: a keep-alive pool per upstream over asyncio, httptools parsing.

Why not aiohttp (which the gateway used until issue 21): on the proxy's hot path aiohttp's client cost
≈ 180 µs of CPU per request (its request and response objects, header multidicts, URL handling, timers
rescheduled on every read), a third of the gateway's CPU per proxied request; this client costs ≈ 50 µs for
the same exchange (bench/HISTORY.md). It does only what a reverse proxy to the mesh's own services needs:

- requests with a body given whole (``bytes``) or streamed (an async iterator; sent as it comes, with the
  client's ``Content-Length`` when it declared one, else chunked);
- responses read whole or streamed, with back-pressure (reading from the upstream pauses while the client
  is slower than it);
- a connect timeout, and a read timeout that counts the upstream's silence between two reads (not while the
  gateway itself holds reading back);
- a pool per upstream, most recently used connection first, none older than ``keepalive`` seconds; a pooled
  connection the upstream has hung up on, or is about to (its FIN waiting unread), is dropped before any byte
  of the request is written on it (one ``poll`` with a zero timeout: urllib3's ``is_connection_dropped``);
- one retry on a new connection for an idempotent request (GET, HEAD, OPTIONS, TRACE, PUT, DELETE; RFC 9112
  §9.3.1) with a body it can send again, whose connection was lost before any byte of the answer came; never for
  anything else (a POST the upstream read may have been done);
- a connection whose answer was a 5xx, or that a HEAD was sent on, or that said ``Connection: close``, is
  closed instead of pooled.

Errors: :class:`UpstreamUnreachable` (no connection: nothing reached the upstream), :class:`UpstreamBroken` (the
connection failed after the request was written, or the answer was malformed) and :class:`UpstreamTimeout`.
"""

from __future__ import annotations

import asyncio
import select
import time
from collections import deque
from collections.abc import AsyncIterable, AsyncIterator
from typing import cast

import httptools

__all__ = [
    "Pool",
    "Response",
    "UpstreamBroken",
    "UpstreamConnectTimeout",
    "UpstreamError",
    "UpstreamTimeout",
    "UpstreamUnreachable",
]

_IDEMPOTENT = frozenset({"GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE"})  # RFC 9110 §9.2.2
_HIGH_WATER = 256 * 1024  # bytes of a streamed answer held before reading from the upstream pauses
_LOW_WATER = 64 * 1024


class UpstreamError(Exception):
    """The upstream did not answer."""


class UpstreamUnreachable(UpstreamError):
    """No connection could be made: nothing of the request reached the upstream."""


class UpstreamBroken(UpstreamError):
    """The connection broke, or the answer was not HTTP, after the request was (perhaps partly) sent."""


class UpstreamTimeout(UpstreamError, TimeoutError):
    """The upstream was silent between two reads longer than allowed."""


class UpstreamConnectTimeout(UpstreamUnreachable, UpstreamTimeout):
    """Connecting took longer than allowed: nothing reached the upstream."""


class _Lost(UpstreamBroken):
    """Lost before any byte of the answer arrived (an idempotent request may be sent again)."""


class _Connection(asyncio.Protocol):
    """One keep-alive connection; one request at a time."""

    __slots__ = (
        "_drained",
        "_error",
        "_head",
        "_loop",
        "_paused",
        "_spent_parser",
        "_waiter",
        "body",
        "buffered",
        "complete",
        "head_request",
        "headers",
        "idle_since",
        "last_read",
        "lost",
        "parser",
        "poller",
        "received",
        "reusable",
        "status",
        "transport",
    )

    def __init__(self) -> None:
        self._loop = asyncio.get_running_loop()  # its clock times the upstream's silence
        self.transport: asyncio.Transport | None = None
        self.poller: select.poll | None = None  # the socket registered once, asked before each reuse
        self.parser = httptools.HttpResponseParser(self)
        self._spent_parser = False
        self.lost = False
        self.idle_since = 0.0
        self._drained: asyncio.Future[None] | None = None
        self._reset()

    def _reset(self) -> None:
        self.status = 0
        self.headers: list[tuple[bytes, bytes]] = []
        self.body: deque[bytes] = deque()
        self.buffered = 0
        self.complete = False
        self.received = False
        self.reusable = True
        self.last_read = self._loop.time()
        self._head: asyncio.Future[None] | None = None
        self._waiter: asyncio.Future[None] | None = None
        self._error: UpstreamError | None = None
        self._paused = False
        self.head_request = False
        if self._spent_parser:  # it still waits for the body a HEAD's answer announced and never sends
            self.parser = httptools.HttpResponseParser(self)
            self._spent_parser = False

    # asyncio.Protocol ---------------------------------------------------------------------------------------
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast(asyncio.Transport, transport)  # uvloop's is not an asyncio.Transport subclass
        sock = transport.get_extra_info("socket")
        if sock is not None:
            self.poller = select.poll()
            self.poller.register(sock.fileno(), select.POLLIN)

    def data_received(self, data: bytes) -> None:
        self.last_read = self._loop.time()
        self.received = True
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserUpgrade:
            self._fail(UpstreamBroken("the upstream switched protocols"))
        except httptools.HttpParserError as exc:
            self._fail(UpstreamBroken(f"malformed answer from the upstream: {exc}"))

    def eof_received(self) -> bool | None:
        return None  # close the transport: connection_lost follows

    def connection_lost(self, exc: Exception | None) -> None:
        self.lost = True
        if not self.complete:
            said = f"connection lost: {exc!r}" if exc else "the upstream closed the connection"
            self._fail(UpstreamBroken(said) if self.received else _Lost(said))
        if self._drained is not None and not self._drained.done():
            self._drained.set_exception(UpstreamBroken("connection lost while sending"))

    def pause_writing(self) -> None:
        self._drained = self._loop.create_future()

    def resume_writing(self) -> None:
        if self._drained is not None and not self._drained.done():
            self._drained.set_result(None)
        self._drained = None

    # httptools callbacks -------------------------------------------------------------------------------------
    def on_header(self, name: bytes, value: bytes) -> None:
        self.headers.append((name, value))

    def on_headers_complete(self) -> None:
        self.status = self.parser.get_status_code()
        if not self.parser.should_keep_alive():
            self.reusable = False
        if self.head_request:
            # a HEAD's answer has no body, whatever its Content-Length says; httptools cannot be told so, so the
            # connection's next answer gets a parser of its own (closing the connection instead left a socket in
            # TIME_WAIT per HEAD: outside try, 2,000 HEAD/s from one client)
            self.complete = True
            self._spent_parser = True
        self._wake_head()
        if self.complete:
            self._wake()

    def on_body(self, body: bytes) -> None:
        self.body.append(body)
        self.buffered += len(body)
        if self.buffered > _HIGH_WATER and not self._paused and self.transport is not None:
            self._paused = True
            self.transport.pause_reading()
        self._wake()

    def on_message_complete(self) -> None:
        self.complete = True
        self._wake_head()
        self._wake()

    # the request's side --------------------------------------------------------------------------------------
    def _fail(self, error: UpstreamError) -> None:
        if self._error is None:
            self._error = error
        self.reusable = False
        if self.transport is not None:
            self.transport.abort()
        self._wake_head()
        self._wake()

    def _wake_head(self) -> None:
        if self._head is not None and not self._head.done():
            self._head.set_result(None)

    def _wake(self) -> None:
        if self._waiter is not None and not self._waiter.done():
            self._waiter.set_result(None)

    async def drain(self) -> None:
        if self._drained is not None:
            await self._drained

    async def head(self, read_timeout: float) -> None:
        if self.status == 0 and self._error is None:
            self._head = self._loop.create_future()
            await self._await(self._head, read_timeout)
        if self._error is not None:
            raise self._error

    async def next_chunk(self, read_timeout: float) -> bytes | None:
        """The next piece of the body, ``None`` at its end."""
        while not self.body:
            if self._error is not None:
                raise self._error
            if self.complete:
                return None
            self._waiter = self._loop.create_future()
            await self._await(self._waiter, read_timeout)
        chunk = self.body.popleft()
        self.buffered -= len(chunk)
        if self._paused and self.buffered < _LOW_WATER and self.transport is not None:
            self._paused = False
            self.last_read = self._loop.time()  # the pause was the gateway's, not the upstream's silence
            self.transport.resume_reading()
        return chunk

    async def _await(self, future: asyncio.Future[None], read_timeout: float) -> None:
        """Wait for ``future`` while the upstream is heard from at least every ``read_timeout`` seconds."""
        loop = self._loop
        timer: list[asyncio.TimerHandle] = []

        def check() -> None:
            if future.done():
                return
            silent_until = self.last_read + read_timeout
            if self._paused or silent_until > loop.time() + 0.001:
                timer[0] = loop.call_at(max(silent_until, loop.time() + 0.05), check)
                return
            self._fail(UpstreamTimeout(f"the upstream was silent for {read_timeout:g} s"))

        timer.append(loop.call_at(self.last_read + read_timeout, check))
        try:
            await future
        finally:
            timer[0].cancel()


class Response:
    """An upstream's answer: status and headers at once, the body read whole or streamed."""

    __slots__ = ("_connection", "_done", "_pool", "_read_timeout", "content_length", "headers", "status")

    def __init__(self, pool: Pool, connection: _Connection, read_timeout: float) -> None:
        self._pool = pool
        self._connection = connection
        self._read_timeout = read_timeout
        self._done = False
        self.status = connection.status
        self.headers = connection.headers
        self.content_length: int | None = None
        for name, value in connection.headers:
            if len(name) == 14 and name.lower() == b"content-length":
                try:
                    self.content_length = int(value)
                except ValueError:
                    self.content_length = None
        if connection.status >= 500:
            connection.reusable = False  # the upstream may be about to close it (an app exception, uvicorn)

    async def read(self) -> bytes:
        parts = []
        while (chunk := await self.chunk()) is not None:
            parts.append(chunk)
        return b"".join(parts)

    async def chunks(self) -> AsyncIterator[bytes]:
        while (chunk := await self.chunk()) is not None:
            yield chunk

    async def chunk(self) -> bytes | None:
        connection = self._connection
        try:
            chunk = await connection.next_chunk(self._read_timeout)
        except BaseException:
            self.close()
            raise
        if chunk is None:
            self.release()
        return chunk

    def release(self) -> None:
        """Back to the pool if the answer was read whole and the connection may be reused, else closed (once;
        later calls do nothing)."""
        if not self._done:
            self._done = True
            self._pool.release(self._connection)

    def close(self) -> None:
        """Give the connection up unless the whole answer was read (then it is pooled already)."""
        if not self._done:
            self._connection.reusable = False
            self.release()


class Pool:
    """Keep-alive connections to one upstream, at most ``limit`` at once; ``tls`` for an ``https://`` one."""

    def __init__(
        self, host: str, port: int, *, limit: int, keepalive: float, connect_timeout: float, tls: bool = False
    ) -> None:
        self.host, self.port, self.tls = host, port, tls
        self.host_header = (f"[{host}]" if ":" in host else host).encode() + f":{port}".encode()
        self.limit = limit
        self.keepalive = keepalive
        self.connect_timeout = connect_timeout
        self._idle: deque[_Connection] = deque()
        self._open = 0
        self._waiting: deque[asyncio.Future[None]] = deque()
        self._closed = False

    async def request(
        self,
        method: str,
        target: bytes,
        headers: list[tuple[bytes, bytes]],
        body: bytes | AsyncIterable[bytes] | None,
        *,
        read_timeout: float,
    ) -> Response:
        """Send a request (``target``: path and query as they go on the request line) and wait for the head of
        its answer. An idempotent one is sent once more, on a new connection, if the first was lost unanswered."""
        retry = method in _IDEMPOTENT and not isinstance(body, AsyncIterable)
        while True:
            connection = await self._acquire()
            try:
                await self._send(connection, method, target, headers, body)
                await connection.head(read_timeout)
            except _Lost:
                self._discard(connection)
                if retry:
                    retry = False
                    continue
                raise
            except BaseException:
                self._discard(connection)
                raise
            return Response(self, connection, read_timeout)

    async def _send(
        self,
        connection: _Connection,
        method: str,
        target: bytes,
        headers: list[tuple[bytes, bytes]],
        body: bytes | AsyncIterable[bytes] | None,
    ) -> None:
        connection._reset()
        connection.head_request = method == "HEAD"
        transport = connection.transport
        assert transport is not None
        lines = [method.encode(), b" ", target, b" HTTP/1.1\r\nhost: ", self.host_header, b"\r\n"]
        streamed = isinstance(body, AsyncIterable)
        declared = False
        for name, value in headers:
            if len(name) == 14 and name.lower() == b"content-length":
                if not streamed:
                    continue  # a body in hand is framed by its own length, never by a length it came with
                declared = True
            lines += (name, b": ", value, b"\r\n")
        if isinstance(body, AsyncIterable):
            chunked = not declared
            if chunked:
                lines.append(b"transfer-encoding: chunked\r\n")
            lines.append(b"\r\n")
            transport.write(b"".join(lines))
            async for part in body:
                if connection.status or connection.lost:
                    # answered before the body's end (a 413, say) or gone: the head tells which, the rest of the
                    # body is not sent (nor is the connection reused: its request was cut short)
                    connection.reusable = False
                    return
                if part:
                    transport.write(b"%x\r\n%s\r\n" % (len(part), part) if chunked else part)
                    await connection.drain()
            if chunked:
                transport.write(b"0\r\n\r\n")
            return
        if body or method in ("POST", "PUT", "PATCH"):
            lines += (b"content-length: ", str(len(body or b"")).encode(), b"\r\n")
        lines.append(b"\r\n")
        if body:
            lines.append(body)
        transport.write(b"".join(lines))

    # the pool -----------------------------------------------------------------------------------------------
    async def _acquire(self) -> _Connection:
        now = time.monotonic()
        while self._idle:
            connection = self._idle.pop()
            if connection.lost or now - connection.idle_since > self.keepalive or _hung_up(connection):
                self._discard(connection)
                continue
            return connection
        while self._open >= self.limit:
            waiter = asyncio.get_running_loop().create_future()
            self._waiting.append(waiter)
            await waiter
            if self._idle:
                return await self._acquire()
        self._open += 1
        try:
            _, connection = await asyncio.wait_for(
                asyncio.get_running_loop().create_connection(
                    _Connection, self.host, self.port, ssl=True if self.tls else None
                ),
                self.connect_timeout,
            )
        except TimeoutError as exc:
            self._open -= 1
            self._wake_one()
            raise UpstreamConnectTimeout(f"connecting to {self.host}:{self.port} timed out") from exc
        except OSError as exc:
            self._open -= 1
            self._wake_one()
            raise UpstreamUnreachable(f"cannot connect to {self.host}:{self.port}: {exc}") from exc
        except BaseException:
            self._open -= 1
            self._wake_one()
            raise
        return connection

    def release(self, connection: _Connection) -> None:
        if connection.complete and connection.reusable and not connection.lost and not self._closed:
            connection.idle_since = time.monotonic()
            self._idle.append(connection)
            self._wake_one()
        else:
            self._discard(connection)

    def _discard(self, connection: _Connection) -> None:
        if connection.transport is not None and not connection.transport.is_closing():
            connection.transport.close()
        if connection in self._idle:
            self._idle.remove(connection)
        if connection.transport is not None:
            connection.transport = None
            self._open -= 1
            self._wake_one()

    def _wake_one(self) -> None:
        while self._waiting:
            waiter = self._waiting.popleft()
            if not waiter.done():
                waiter.set_result(None)
                return

    async def close(self) -> None:
        self._closed = True
        while self._idle:
            self._discard(self._idle.pop())


def _hung_up(connection: _Connection) -> bool:
    """Whether the kernel has anything to read on an idle connection: end of stream, a reset, stray bytes."""
    poller = connection.poller
    if poller is None or connection.transport is None:
        return True
    return bool(poller.poll(0))
