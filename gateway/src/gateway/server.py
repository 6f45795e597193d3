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
import secrets
import urllib.parse
from typing import TYPE_CHECKING, Any, cast

import httptools
from starlette.types import Message, Scope

from gateway.front import GatewayApp
from gateway.proxy import has_body
from gateway.routes import Route
from gateway.upstream_http import UpstreamError
from meshkit.coalesce import CoalescedTransport, CoalescingHttpToolsProtocol
from meshkit.errors import problem_response
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
# seconds the rest of a begun head is waited for (serving an app that is not the gateway)
_HEAD_TIMEOUT = 10.0
_MAX_HEAD = 64 * 1024  # bytes of a request line and headers (nginx's default allows 4 × 8 KiB lines)
_HEAD_TOO_LARGE = (
    431,
    "headers_too_large",
    f"请求行和请求头合计超过 {_MAX_HEAD // 1024} KiB，网关未转发、未办理。请精简请求头（如过长的 Cookie 或自定义头）"
    f"后重新发送 (the request line and headers exceed {_MAX_HEAD // 1024} KiB)",
)

# header fields of a request (Apache's LimitRequestFields): ten thousand tiny ones passed the size limit and every
# one was copied into the forwarded request and parsed again by the service (outside try, issue 21)
_MAX_FIELDS = 100
_TOO_MANY_FIELDS = (
    431,
    "headers_too_large",
    f"请求头字段超过 {_MAX_FIELDS} 个，网关未转发、未办理。请去掉不需要的请求头后重新发送 "
    f"(more than {_MAX_FIELDS} header fields)",
)


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
        gateway = _gateway_of(self.app)
        self.proxy: Proxy | None = gateway.direct_proxy if gateway is not None else None
        self.head_timeout: float = gateway.head_timeout if gateway is not None else _HEAD_TIMEOUT
        self.lingering = False
        self.in_head = False  # a request's head has begun and is not complete
        self.head_bytes = 0
        self.head_timer: asyncio.TimerHandle | None = None
        self.refusal: tuple[int, str, str] | None = None  # why the request being parsed is refused
        self.pending_refusal: bytes | None = None  # a refusal waiting for the answers before it to go out

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        # a connection that never sends a byte is closed as an idle one between requests is (uvicorn sets that
        # timer only after an answer: a silent connection held a socket for ever); its first byte stops it
        self.timeout_keep_alive_task = self.loop.call_later(
            self.timeout_keep_alive, self.timeout_keep_alive_handler
        )

    def data_received(self, data: bytes) -> None:
        if self.lingering or self.pending_refusal is not None:
            return  # the rest of a refused request: read and dropped until the connection closes
        continuing = self.in_head  # a head began in an earlier read: all of this one is head while it lasts
        super().data_received(data)
        if not self.in_head or self.transport.is_closing():
            return
        if continuing:
            self.head_bytes += len(data)
        if (
            self.head_bytes > _MAX_HEAD
        ):  # the parser holds at most one more read of it (a whole head: _refused)
            self._refuse(*_HEAD_TOO_LARGE)
        elif self.head_timer is None:
            # half a head arrived: the rest has ``head_timeout`` seconds (uvicorn waits for it for ever)
            self.head_timer = self.loop.call_later(self.head_timeout, self._head_too_slow)

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self.in_head = True
        self.head_bytes = 0  # counted from the next read on: where in this read the head began is not known

    def _head_too_slow(self) -> None:
        self.head_timer = None
        if not self.in_head or self.transport.is_closing():
            return
        if self._answering():  # the head waits behind an answer still going out: its time starts after it
            self.head_timer = self.loop.call_later(self.head_timeout, self._head_too_slow)
            return
        self._refuse(
            408,
            "head_timeout",
            f"请求头在 {self.head_timeout:g} 秒内没有送达完整，网关已关闭连接，请求未转发、未办理。请检查网络后"
            f"重新提交 (the request head did not arrive whole within {self.head_timeout:g} s)",
        )

    def send_400_response(self, msg: str) -> None:
        """A request the parser refused (or :meth:`on_headers_complete` did): a problem, then the connection
        closed — the rest of what came on it cannot be told apart from a request."""
        status, code, detail = self.refusal or (
            400,
            "malformed_request",
            "请求不符合 HTTP/1.1 格式（请求行、请求头或分块编码有误），网关未转发、未办理。请检查客户端发送的请求 "
            "(the request is not well-formed HTTP/1.1)",
        )
        self.refusal = None
        self._refuse(status, code, detail)

    def _refuse(self, status: int, code: str, detail: str) -> None:
        """Answer ``status`` and close; behind an answer still going out (a pipelined request before this one),
        after it: reading stops, the answers before go out in order, then this one."""
        self.in_head = False
        if self.head_timer is not None:
            self.head_timer.cancel()
            self.head_timer = None
        if self.pending_refusal is not None or self.transport.is_closing() or self.lingering:
            return
        refusal = _refusal(status, code, detail, self.server_state.default_headers)
        cycle: Any = self.cycle
        if cycle is not None and not cycle.response_complete and cycle.more_body:
            # the bytes refused are the body of the request in hand: it is the one refused (if its answer has not
            # begun), and it learns that its client is gone
            cycle.disconnected = True
            cycle.message_event.set()
            answered = getattr(cycle, "response_started", False) or getattr(cycle, "started", False)
            if not answered and not self.pipeline:  # (behind other answers: the connection is simply cut)
                self._wire.write_now(refusal)
                self.linger()  # what the client sent after it must not reset the connection before it reads this
                return
            self.transport.close()
            return
        if self._answering():  # a request pipelined behind answers still going out: refused after them
            self.pending_refusal = refusal
            self.flow.pause_reading()
            return
        self._wire.write_now(refusal)
        self.linger()  # the client may still be sending: a close now could reset the connection before it reads

    def _answering(self) -> bool:
        cycle = self.cycle
        return bool(self.pipeline) or (cycle is not None and not cycle.response_complete)

    def on_response_complete(self) -> None:
        refusal = self.pending_refusal
        if refusal is not None and not self.pipeline:
            self.pending_refusal = None
            self.server_state.total_requests += 1
            if self.transport.is_closing() or self.lingering:
                self.transport.close()
            else:
                self._wire.write_now(refusal)
                self.linger()
            return
        super().on_response_complete()

    @property
    def _wire(self) -> CoalescedTransport:
        return cast(CoalescedTransport, self.transport)  # set by CoalescingHttpToolsProtocol.connection_made

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
        self.head_complete = True  # what the parser reports as a field from now on is a trailer: dropped
        self.in_head = False
        if self.head_timer is not None:
            self.head_timer.cancel()
            self.head_timer = None
        parser = self.parser
        self.refusal = _refused(parser, self.url, self.headers)
        if self.refusal is not None:
            raise _Refused  # the parser stops; uvicorn answers through send_400_response
        proxy = self.proxy
        if proxy is None:
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
        # RFC 9110 §10.1.1: an HTTP/1.0 request's 100-continue expectation is ignored (no interim answer)
        expects = self.expect_100_continue and http_version != "1.0"
        exchange = Exchange(self, proxy, scope, route, keep_alive, expects)
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


def _gateway_of(app: Any) -> GatewayApp | None:
    """The gateway app inside the layers uvicorn may put around it; ``None`` for any other app."""
    while app is not None:
        if isinstance(app, GatewayApp):
            return app
        app = getattr(app, "app", None)
    return None


class _Refused(Exception):
    """Raised from a parser callback: the request is refused (``GatewayProtocol.refusal`` says why)."""


def _refused(
    parser: httptools.HttpRequestParser, url: bytes, headers: list[tuple[bytes, bytes]]
) -> tuple[int, str, str] | None:
    """Why the gateway refuses a request on its head alone, or ``None``: a head over ``_MAX_HEAD`` bytes or with
    more than ``_MAX_FIELDS`` fields (431), a transfer coding other than chunked (501: the body would reach the
    service still coded), Transfer-Encoding in HTTP/1.0 (400), an expectation other than 100-continue in HTTP/1.1
    (417), an HTTP version other than 1.0 and 1.1 (505), CONNECT and protocol upgrades (it tunnels nothing: a
    request behind one would wait for ever), and an HTTP/1.1 request without exactly one ``Host`` (RFC 9112 §3.2:
    400)."""
    size = len(url)
    hosts = 0
    coded = framed = expects = False
    for name, value in headers:
        size += len(name) + len(value) + 4
        if name == b"host":
            hosts += 1
        elif name == b"transfer-encoding":
            framed = True
            coded = coded or value.strip().lower() != b"chunked"
        elif name == b"expect" and value.strip().lower() not in (b"100-continue", b""):  # empty: nothing
            expects = True
    if size > _MAX_HEAD:
        return _HEAD_TOO_LARGE
    if len(headers) > _MAX_FIELDS:
        return _TOO_MANY_FIELDS
    if coded:  # RFC 9112 §6.1: a transfer coding the server does not understand is 501
        return (
            501,
            "transfer_coding_not_supported",
            "网关只接受 Transfer-Encoding: chunked，不接受其他传输编码（如 gzip），请求未转发、未办理。请去掉该编码后"
            "重新发送 (only the chunked transfer coding is accepted)",
        )
    version = parser.get_http_version()
    if framed and version == "1.0":  # RFC 9112 §6.1: an HTTP/1.0 message with it is faulty framing
        return (
            400,
            "malformed_request",
            "HTTP/1.0 请求不能带 Transfer-Encoding 请求头，网关未转发、未办理。请用 HTTP/1.1 发送，或以 Content-Length "
            "标明请求体长度 (Transfer-Encoding in an HTTP/1.0 request)",
        )
    if expects and version == "1.1":  # RFC 9110 §10.1.1; an HTTP/1.0 request's Expect is ignored
        return (
            417,
            "expectation_not_supported",
            "网关只认 Expect: 100-continue，不认其他期望值，请求未转发、未办理。请去掉该 Expect 请求头后重新发送 "
            "(only the 100-continue expectation is supported)",
        )
    if version not in ("1.1", "1.0"):
        return (
            505,
            "http_version_not_supported",
            f"网关只支持 HTTP/1.1 和 HTTP/1.0，不支持 HTTP/{version}，请求未转发、未办理 "
            f"(HTTP/{version} is not supported)",
        )
    if parser.should_upgrade():
        if parser.get_method() == b"CONNECT":
            return (
                405,
                "method_not_allowed",
                "网关不提供 CONNECT 隧道，请求未转发、未办理 (CONNECT is not supported)",
            )
        return (
            400,
            "upgrade_not_supported",
            "网关不支持协议升级（Upgrade，如 WebSocket、h2c），请求未转发、未办理。请去掉 Upgrade 请求头，用 HTTP/1.1 "
            "重新发送 (protocol upgrades are not supported)",
        )
    if version == "1.1" and hosts != 1:
        return (
            400,
            "malformed_request",
            "HTTP/1.1 请求必须有且只有一个 Host 请求头，网关未转发、未办理。请检查客户端发送的请求 "
            "(an HTTP/1.1 request needs exactly one Host header)",
        )
    return None


def _refusal(status: int, code: str, detail: str, default_headers: list[tuple[bytes, bytes]]) -> bytes:
    """A whole answer refusing a request on the connection's level: a problem with a fresh request id (and the
    server's ``Date``), then the connection closes."""
    request_id = secrets.token_hex(16)
    response = problem_response(status=status, code=code, detail=detail, instance=None, request_id=request_id)
    lines = [_STATUS_LINES.get(status) or _status_line(status)]
    for name, value in [*default_headers, *response.raw_headers]:
        if name == b"server":
            continue
        lines += (name, b": ", value, b"\r\n")
    lines += (
        _NOSNIFF,
        b"x-request-id: ",
        request_id.encode(),
        b"\r\nconnection: close\r\n\r\n",
        bytes(response.body),
    )
    return b"".join(lines)


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
        self.status = (
            status  # started only now: a refused header value leaves the answer to the error handler
        )
        self.started = True
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
            # a client that stops reading (its earlier answers still unread) is cut off after body_timeout seconds:
            # the answer is out of the upstream's slot by now, but the connection and the answer were held for ever
            try:
                async with asyncio.timeout(self.proxy.body_timeout):
                    await flow.drain()
            except TimeoutError:
                self.transport.abort()  # not close(): that would wait to flush what the client does not read
                raise
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
            if self.transport.is_closing():  # the client left (the connection is lost for every answer on it)
                self.disconnected = True
            else:
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
