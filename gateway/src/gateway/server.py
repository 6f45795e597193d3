"""The gateway's HTTP protocol: uvicorn's httptools one, whose requests for a routed service go to the proxy
directly instead of through ASGI (issue 21).

Through ASGI a proxied request cost uvicorn's request cycle (a scope, an ``asyncio.Event``, ``receive`` and
``send`` coroutines, message dicts, every response header checked against two regular expressions) on top of the
proxy's own work: on ``/catalog/healthz`` the gateway spent 0.08 ms of CPU per request where a bare protocol-level
proxy over the same upstream pool spent 0.04 (bench/HISTORY.md). :class:`GatewayProtocol` keeps everything of
uvicorn's connection handling — parsing (httptools), keep-alive and its timeout, pipelining, flow control,
graceful shutdown, the 400 for a malformed request, WebSocket upgrades — and everything that is not a proxied
request still goes to the ASGI app. A proxied request becomes an :class:`Exchange`: the request's side of the
connection (its body as it arrives, its answer written with the right framing) that :meth:`Proxy.handle
<gateway.proxy.Proxy.handle>` works on, one task per request as in uvicorn.

What the exchange writes is framed as uvicorn frames an ASGI answer: ``Content-Length`` when the answer has
one, else chunked (HTTP/1.1) or until the connection closes (HTTP/1.0); nothing after the head for ``HEAD``,
1xx, 204 and 304; ``Connection: close`` when the client asked for it, spoke HTTP/1.0 without keep-alive, the
server is shutting down, or its body is still unread. Header values with a control character are refused as
uvicorn refuses them. The status line and headers go out in the same write as a whole answer's body.

Served with ``--http gateway.server:GatewayProtocol`` (``tongban.serve``, the container's gateway role). With
tracing on the app offers no direct proxy: every request then goes through ASGI and OpenTelemetry's middleware.
"""

from __future__ import annotations

import asyncio
import http
import logging
import re
import urllib.parse
from typing import TYPE_CHECKING, Any, cast

import httptools
from starlette.types import Message, Scope

from gateway.proxy import has_body
from gateway.routes import Route
from gateway.upstream_http import UpstreamError
from meshkit.coalesce import CoalescedTransport, CoalescingHttpToolsProtocol
from meshkit.headers import NOSNIFF
from meshkit.observability import CLIENT_LEFT

if TYPE_CHECKING:
    from gateway.proxy import Proxy

__all__ = ["Exchange", "GatewayProtocol"]

log = logging.getLogger("gateway.server")

_HIGH_WATER = 65536  # bytes of a request body held before reading from the client pauses (uvicorn's)
_CONTROL = re.compile(b"[\x00-\x08\x0a-\x1f\x7f]")  # what a header value may not hold (uvicorn's rule)
_OWN = frozenset({b"server", b"x-content-type-options", b"x-request-id", b"transfer-encoding"})
_NOSNIFF = b"%s: %s\r\n" % NOSNIFF
_CONTINUE = b"HTTP/1.1 100 Continue\r\n\r\n"
_LINGER = 2.0  # seconds a refused body is read and dropped before the connection closes anyway


def _status_line(status: int) -> bytes:
    try:
        phrase = http.HTTPStatus(status).phrase.encode()
    except ValueError:
        phrase = b""
    return b"HTTP/1.1 %d %s\r\n" % (status, phrase)


_STATUS_LINES = {status: _status_line(status) for status in range(100, 600)}


class GatewayProtocol(CoalescingHttpToolsProtocol):
    """uvicorn's httptools protocol (writes coalesced) with proxied requests handled as :class:`Exchange` s."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.proxy: Proxy | None = _direct_proxy(self.app)
        self.lingering = False

    def data_received(self, data: bytes) -> None:
        if self.lingering:
            return  # the rest of a refused body: read and dropped until the connection closes
        super().data_received(data)

    def linger(self) -> None:
        """Close after an answer given before the request's body was read, without losing the answer: closing a
        socket with unread bytes resets the connection, and the client may lose the answer it had not read yet.
        So the answer is followed by the end of the stream (FIN), whatever the client still sends is read and
        dropped, and the connection closes when the client closes its side or after ``_LINGER`` seconds."""
        self.lingering = True
        transport = self.transport
        if transport.can_write_eof():
            transport.write_eof()
        self.flow.resume_reading()
        self.loop.call_later(_LINGER, transport.close)

    def eof_received(self) -> None:
        if self.lingering:
            self.transport.close()

    def on_headers_complete(self) -> None:
        proxy = self.proxy
        parser = self.parser
        if proxy is None or parser.should_upgrade():
            super().on_headers_complete()
            return
        try:
            parsed = httptools.parse_url(self.url)
        except httptools.HttpParserInvalidURLError:
            super().on_headers_complete()  # as uvicorn answers it
            return
        raw_path = parsed.path
        path = raw_path.decode("ascii")
        if "%" in path:
            path = urllib.parse.unquote(path)
        route = proxy.routes.get(path[1:].partition("/")[0])
        if route is None:
            super().on_headers_complete()  # the gateway's own routes, and the 404 of an unknown path
            return
        http_version = parser.get_http_version()
        scope = cast(Scope, self.scope)  # uvicorn types its scope as its own TypedDict
        scope["method"] = parser.get_method().decode("ascii")
        if http_version != "1.1":
            scope["http_version"] = http_version
        scope["path"] = path
        scope["raw_path"] = raw_path
        scope["query_string"] = parsed.query or b""
        keep_alive = http_version != "1.0" and parser.should_keep_alive()
        exchange = Exchange(self, proxy, scope, route, keep_alive, self.expect_100_continue)
        previous = self.cycle
        self.cycle = exchange  # type: ignore[assignment]  # uvicorn reads the few attributes a cycle has
        if previous is None or previous.response_complete:
            exchange.start()
        else:  # pipelined behind an answer still going out: started by on_response_complete, in order
            self.flow.pause_reading()
            self.pipeline.appendleft((exchange, None))  # type: ignore[arg-type]

    def _start_asgi_task(self, cycle: Any, app: Any) -> None:
        if isinstance(cycle, Exchange):
            cycle.start()
        else:
            super()._start_asgi_task(cycle, app)

    def on_body(self, body: bytes) -> None:
        cycle: object = self.cycle
        if isinstance(cycle, Exchange):
            cycle.received(body)
        else:
            super().on_body(body)

    def on_message_complete(self) -> None:
        cycle: object = self.cycle
        if isinstance(cycle, Exchange):
            cycle.received_all()
        else:
            super().on_message_complete()


def _direct_proxy(app: Any) -> Proxy | None:
    """The proxy of a gateway app (through the layers uvicorn may put around it), ``None`` for any other app or a
    gateway that wants its proxied requests through ASGI (tracing on)."""
    while app is not None:
        direct = getattr(app, "direct_proxy", None)
        if direct is not None:
            return direct  # type: ignore[no-any-return]
        app = getattr(app, "app", None)
    return None


class Exchange:
    """One proxied request on a :class:`GatewayProtocol` connection: its body as it arrives, its answer as it
    goes out. ``receive`` and ``send`` speak ASGI's messages (the proxy's problem answers are Starlette
    responses); :meth:`answer` writes a whole answer at once.

    uvicorn's connection code treats it as it treats its own request cycle: it reads ``response_complete``,
    sets ``disconnected`` and ``keep_alive`` (shutting down), and calls ``message_event.set()`` when the client
    leaves."""

    __slots__ = (
        "_chunked",
        "_head",
        "_no_body",
        "_remaining",
        "_waiter",
        "body",
        "body_pending",
        "complete",
        "disconnected",
        "id_header",
        "keep_alive",
        "more_body",
        "protocol",
        "proxy",
        "response_complete",
        "route",
        "scope",
        "started",
        "status",
        "transport",
        "waiting_for_100_continue",
    )

    def __init__(
        self,
        protocol: GatewayProtocol,
        proxy: Proxy,
        scope: Scope,
        route: Route,
        keep_alive: bool,
        expect_100_continue: bool,
    ) -> None:
        self.protocol = protocol
        self.transport: CoalescedTransport = protocol.transport  # type: ignore[assignment]
        self.proxy = proxy
        self.scope = scope
        self.route = route
        self.keep_alive = keep_alive
        self.waiting_for_100_continue = expect_100_continue
        self.body = bytearray()
        self.more_body = True
        self.body_pending = has_body(scope)
        self.disconnected = False
        self.response_complete = False
        self.id_header: tuple[bytes, bytes] | None = None
        self.status = CLIENT_LEFT
        self.started = False
        self.complete = False
        self._waiter: asyncio.Future[None] | None = None
        self._head: bytes | None = None
        self._chunked = False
        self._no_body = False
        self._remaining: int | None = None

    # the connection's side ----------------------------------------------------------------------------------
    def start(self) -> None:
        protocol = self.protocol
        task = protocol.loop.create_task(self._run())
        task.add_done_callback(protocol.tasks.discard)
        protocol.tasks.add(task)

    def received(self, body: bytes) -> None:
        if self.response_complete:
            return
        self.body += body
        if len(self.body) > _HIGH_WATER:
            self.protocol.flow.pause_reading()
        self._wake()

    def received_all(self) -> None:
        if self.response_complete:
            return
        self.more_body = False
        self._wake()

    @property
    def message_event(self) -> Exchange:
        return self  # uvicorn calls ``cycle.message_event.set()`` when the client leaves

    def set(self) -> None:
        self._wake()

    def _wake(self) -> None:
        waiter = self._waiter
        if waiter is not None and not waiter.done():
            waiter.set_result(None)

    async def _run(self) -> None:
        try:
            await self.proxy.handle(self)
        except BaseException as exc:
            # half an answer went out (the proxy answers anything else): all that is left is to cut the connection
            if not isinstance(
                exc, asyncio.CancelledError | OSError | UpstreamError
            ):  # those logged as they happened
                log.error("error in a proxied answer", exc_info=exc, extra={"path": self.scope["path"]})
            self.transport.close()
            if not isinstance(exc, Exception):
                raise
        else:
            if not self.response_complete and not self.disconnected:
                self.transport.close()  # nothing answered (it cannot happen): never leave the client waiting

    # ASGI's side, for the proxy ------------------------------------------------------------------------------
    async def receive(self) -> Message:
        """The body received since the last call (waiting for some), or ``http.disconnect`` once the client left
        or was answered."""
        if self.waiting_for_100_continue and not self.transport.is_closing():
            self.transport.write_now(_CONTINUE)
            self.waiting_for_100_continue = False
        if not self.body and self.more_body and not self.disconnected and not self.response_complete:
            self.protocol.flow.resume_reading()
            self._waiter = self.protocol.loop.create_future()
            await self._waiter
        if self.disconnected or self.response_complete:
            return {"type": "http.disconnect"}
        body = bytes(self.body)
        self.body.clear()
        if not self.more_body:
            self.body_pending = False
        return {"type": "http.request", "body": body, "more_body": self.more_body}

    async def send(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self._start(message["status"], message.get("headers", []))
        else:
            await self._body(message.get("body", b""), message.get("more_body", False))

    async def answer(self, status: int, headers: list[tuple[bytes, bytes]], body: bytes) -> None:
        """A whole answer: head and body in one write."""
        self._start(status, headers)
        await self._body(body, False)

    # the answer ---------------------------------------------------------------------------------------------
    def _start(self, status: int, headers: list[tuple[bytes, bytes]]) -> None:
        if self.started:
            raise RuntimeError("the answer has started already")
        self.status = status
        self.started = True
        self.waiting_for_100_continue = False
        scope = self.scope
        protocol = self.protocol
        lines = [_STATUS_LINES.get(status) or _status_line(status)]
        for name, value in protocol.server_state.default_headers:  # Date (and Server, which is never said)
            if name != b"server":
                lines += (name, b": ", value, b"\r\n")
        length = None
        for name, value in headers:
            if name in _OWN:
                continue
            if _CONTROL.search(value):
                raise RuntimeError("invalid HTTP header value")
            if name == b"content-length":
                length = int(value)
            elif name == b"connection" and b"close" in value.lower():
                self.keep_alive = False
                continue
            lines += (name, b": ", value, b"\r\n")
        lines.append(_NOSNIFF)
        if self.id_header is not None:
            lines += (self.id_header[0], b": ", self.id_header[1], b"\r\n")
        self._no_body = scope["method"] == "HEAD" or status in (204, 304) or status < 200
        if length is None and not self._no_body:
            if scope["http_version"] == "1.0":
                self.keep_alive = False  # the answer ends where the connection does
            else:
                self._chunked = True
                lines.append(b"transfer-encoding: chunked\r\n")
        self._remaining = length
        if (
            self.body_pending
        ):  # the rest of its body would be read as the next request: close after the answer
            self.keep_alive = False
        if not self.keep_alive:
            lines.append(b"connection: close\r\n")
        lines.append(b"\r\n")
        self._head = b"".join(lines)

    async def _body(self, body: bytes, more: bool) -> None:
        if not self.started or self.response_complete:
            raise RuntimeError("a body without an answer started, or after the answer ended")
        flow = self.protocol.flow
        if flow.write_paused and not self.disconnected:
            await flow.drain()
        if self._no_body:
            data = b""
        elif self._chunked:
            data = b"%x\r\n%s\r\n" % (len(body), body) if body else b""
            if not more:
                data += b"0\r\n\r\n"
        else:
            data = body
            if self._remaining is not None:
                self._remaining -= len(body)
                if self._remaining < 0:
                    raise RuntimeError("answer longer than its Content-Length")
        head = self._head
        if head is not None:
            self._head = None
            data = head + data
        if data and not self.disconnected:
            self.transport.write_now(data)
        if not more:
            if self._remaining and not self._no_body:
                raise RuntimeError("answer shorter than its Content-Length")
            self._finish()

    def _finish(self) -> None:
        self.response_complete = True
        self.complete = True
        self._wake()
        if not self.keep_alive:
            if self.body_pending and not self.disconnected:
                self.protocol.linger()
            else:
                self.transport.close()
        self.protocol.on_response_complete()
