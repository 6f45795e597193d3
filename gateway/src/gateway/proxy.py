"""The proxy: a request for ``/<service>/<rest>`` forwarded to that service, streaming both ways — its whole
handling in one coroutine (issue 21).

:meth:`Proxy.handle` does a routed service's request, given as an :class:`Exchange`: the gateway's own protocol
makes one for each such request (:mod:`gateway.server`, the way the gateway is served); a request that came
through ASGI instead (tracing on, another server, in-process tests) reaches :class:`Proxy` as an ASGI app
(``gateway.front``). The gateway's own routes (health, docs, problem pages) go through FastAPI and its middleware. What that middleware does for
every response, the proxy does for its own, as the same plain calls instead of a layer and a ``send`` wrapper
each (five layers cost a third of the gateway's CPU per proxied request, bench/HISTORY.md):

- the request id and trace context in, ``X-Request-Id`` out, one duration sample and one access line
  (:class:`meshkit.observability.RequestContext`);
- ``nosniff`` and no ``Server`` on every answer (:func:`meshkit.headers.secured`; a proxied answer's
  ``Cache-Control`` is the upstream's);
- the body limit, declared or streamed, answered 413 (:class:`meshkit.middleware.BodyLimits`);
- an unexpected exception answered as the mesh's 500 problem while nothing was sent, the connection cut when the
  answer was half sent (:func:`meshkit.errors.unexpected_error`, as Starlette's server-error layer and
  :class:`meshkit.keepalive.AnsweredErrors` would).

Then the gateway's own rules, in order: inside-only paths are not routed, the token check, the rate limits, the
upstream's admission (bounded slots, a fair short queue, 503 beyond), and the exchange with the upstream's pool.
"""

from __future__ import annotations

import asyncio
import logging
import tempfile
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import IO, Protocol

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gateway.admission import Admission, client_key, refused_busy
from gateway.forwarding import response_headers, upstream_headers, upstream_target
from gateway.limits import TrustedProxies
from gateway.routes import Route, RouteTable, internal_path
from gateway.throttle import PRINCIPAL, Throttle, remember_source
from gateway.upstream_http import Response as UpstreamResponse
from gateway.upstream_http import UpstreamError, UpstreamUnreachable
from gateway.upstreams import Upstreams
from meshkit.edge import control_in_path
from meshkit.errors import bad_path, problem_response, unexpected_error
from meshkit.headers import secured
from meshkit.middleware import BodyLimits, BodyTooLarge, too_large
from meshkit.observability import CLIENT_LEFT, RequestContext, with_request_id
from meshkit.problem_fields import instance_uri
from meshkit.settings import DEV_FORWARDING_KEY

__all__ = ["AsgiExchange", "Exchange", "Guard", "Proxy", "has_body"]

log = logging.getLogger("gateway.proxy")
errors_log = logging.getLogger("meshkit.errors")

Guard = Callable[[Scope, Route], Awaitable[ASGIApp | None]]
"""Seam for the gateway token check: return a response app to refuse the request, ``None`` to let it through.
Not called where ``Route.guarded`` says no; :class:`gateway.guard.TokenGuard` is the one the gateway installs."""

_BUFFER_UNDER = 256 * 1024  # bodies of at most this many bytes are read into memory; larger ones are spooled
_SPOOL_PART = 64 * 1024  # bytes of a spooled body per write to the upstream
_MIN_RATE = 8 * 1024  # bytes/s a body brings on average over every body_timeout seconds
_CLOSE = (b"connection", b"close")


class _BodyReader:
    """The client's request body, read before the request takes an upstream slot (a client sending slowly holds
    none), counted against the body limit, each wait for it at most ``timeout`` seconds.

    :meth:`read_upto` reads a small body whole; :meth:`spool` the rest of a larger one. Besides each wait's bound,
    every ``timeout`` seconds of it must bring ``_MIN_RATE`` bytes a second on average: a client trickling a byte
    now and then, which the wait's bound alone lets through, held a connection for as long as it liked (outside
    try, issue 21); counted per window, so a burst first buys no time later."""

    __slots__ = (
        "_loop",
        "_window_bytes",
        "_window_start",
        "complete",
        "exchange",
        "limit",
        "prefix",
        "received",
        "timeout",
    )

    def __init__(self, exchange: Exchange, limit: int, timeout: float) -> None:
        self.exchange = exchange
        self.limit = limit
        self.timeout = timeout
        self.prefix: list[bytes] = []  # read by read_upto
        self.received = 0
        self.complete = False
        self._loop = asyncio.get_running_loop()
        self._window_start = self._loop.time()
        self._window_bytes = 0

    async def _part(self) -> bytes:
        message = await _within(self.exchange.receive, self.timeout)
        chunk: bytes = message.get("body", b"")
        self.received += len(chunk)
        if self.received > self.limit:
            raise BodyTooLarge(self.limit)
        if not message.get("more_body", False):
            self.complete = True
            self.exchange.body_pending = False
            return chunk
        self._window_bytes += len(chunk)
        now = self._loop.time()
        if now - self._window_start >= self.timeout:
            if self._window_bytes < self.timeout * _MIN_RATE:
                raise TimeoutError(f"the body came slower than {_MIN_RATE} bytes/s")
            self._window_start, self._window_bytes = now, 0
        return chunk

    async def read_upto(self, size: int) -> bytes | None:
        """The whole body if it ends within ``size`` bytes, else ``None`` (what was read is kept for :meth:`spool`)."""
        while not self.complete and self.received <= size:
            self.prefix.append(await self._part())
        if self.complete:
            return b"".join(self.prefix)
        return None

    async def spool(self) -> _Spooled:
        """The rest of a large body, read before the slot as a small one is: kept in memory up to
        ``_BUFFER_UNDER`` bytes and in a temporary file past that (nginx's request buffering). Streamed while
        holding the slot, a body sent at the minimum rate held the slot for as long as it lasted: thirty-two
        connections at 270 KiB/s in all kept identity's slots from everyone for as long as they liked (outside
        try)."""
        file = tempfile.SpooledTemporaryFile(max_size=_BUFFER_UNDER)  # noqa: SIM115 - closed by _Spooled.close
        try:
            for part in self.prefix:
                file.write(part)
            self.prefix = []
            while not self.complete:
                file.write(await self._part())
        except BaseException:
            file.close()
            raise
        file.seek(0)
        return _Spooled(file)


class _Spooled:
    """A large body read whole (:meth:`_BodyReader.spool`), handed to the upstream client as an async iterator of
    its parts; :meth:`close` drops the file."""

    __slots__ = ("_file",)

    def __init__(self, file: IO[bytes]) -> None:
        self._file = file

    async def __aiter__(self) -> AsyncIterator[bytes]:
        while part := self._file.read(_SPOOL_PART):
            yield part

    def close(self) -> None:
        self._file.close()


async def _within(receive: Receive, seconds: float) -> Message:
    """The next part of the client's body, waited for at most ``seconds`` (TimeoutError); ConnectionAbortedError
    when the client left instead."""
    async with asyncio.timeout(seconds):
        message = await receive()
    if message["type"] != "http.request":
        raise ConnectionAbortedError("client disconnected while sending the body")
    return message


class Exchange(Protocol):
    """A proxied request as :meth:`Proxy.handle` works on it: the request (``scope``, its ``route``), its body
    (``receive``, ASGI's ``http.request`` messages) and its answer (``send``, ASGI's messages, or :meth:`answer`
    for a whole one). Whatever writes the answer adds the answer's own headers: no ``Server``, ``nosniff``, the
    request id (``id_header``) and, while ``body_pending`` (the body is not all read), ``Connection: close`` — the
    connection then closes after the answer, since the rest of the body would be read as its next request or hold
    the client's next request behind it.

    Two kinds: :class:`gateway.server.Exchange` on the gateway's own protocol (the way it is served), and
    :class:`AsgiExchange` for a request that came through ASGI (tracing on, another server, in-process tests)."""

    scope: Scope
    route: Route
    id_header: tuple[bytes, bytes] | None
    body_pending: bool
    status: int  # of the answer; CLIENT_LEFT until one starts
    started: bool
    complete: bool

    async def receive(self) -> Message: ...

    async def send(self, message: Message) -> None: ...

    async def answer(self, status: int, headers: list[tuple[bytes, bytes]], body: bytes) -> None: ...


class AsgiExchange:
    """:class:`Exchange` over an ASGI server's ``receive`` and ``send``."""

    __slots__ = (
        "_receive",
        "_send",
        "body_pending",
        "complete",
        "id_header",
        "route",
        "scope",
        "started",
        "status",
    )

    def __init__(self, scope: Scope, receive: Receive, send: Send, route: Route) -> None:
        self.scope = scope
        self._receive = receive
        self._send = send
        self.route = route
        self.id_header: tuple[bytes, bytes] | None = None
        self.body_pending = has_body(scope)
        self.status = CLIENT_LEFT
        self.started = False
        self.complete = False

    async def receive(self) -> Message:
        return await self._receive()

    async def send(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.status = message["status"]
            self.started = True
            headers = secured(message.get("headers", []), False)
            if self.id_header is not None:
                headers = with_request_id(headers, self.id_header)
            if self.body_pending:
                headers.append(_CLOSE)
            message["headers"] = headers
        elif not message.get("more_body", False):
            self.complete = True
        await self._send(message)

    async def answer(self, status: int, headers: list[tuple[bytes, bytes]], body: bytes) -> None:
        await self.send({"type": "http.response.start", "status": status, "headers": headers})
        await self.send({"type": "http.response.body", "body": body})


class Proxy:
    """Forward a request whose first path segment names a service in ``routes`` (see the module)."""

    def __init__(
        self,
        *,
        routes: RouteTable,
        upstreams: Upstreams,
        context: RequestContext,
        limits: BodyLimits,
        guard: Guard | None = None,
        throttle: Throttle | None = None,
        trusted: TrustedProxies | None = None,
        forwarding_key: str = DEV_FORWARDING_KEY,
        admission: Admission | None = None,
        body_timeout: float = 10.0,
    ) -> None:
        self.routes = routes
        self.upstreams = upstreams
        self.context = context
        self.limits = limits
        self.guard = guard
        self.throttle = throttle
        self.trusted = trusted or TrustedProxies(())
        self.forwarding_key = forwarding_key
        self.admission = admission
        self.body_timeout = body_timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """A proxied request that came through ASGI (see :class:`Exchange`)."""
        route = self.routes[scope["path"][1:].partition("/")[0]]
        await self.handle(AsgiExchange(scope, receive, send, route))

    async def handle(self, exchange: Exchange) -> None:
        """Everything of a proxied request, its answer included (an unexpected error answered as the mesh's 500
        while nothing was sent; raised when half an answer was: the connection is then cut)."""
        scope = exchange.scope
        route = exchange.route
        scope["route"] = route  # names the upstream in the request-duration metric and the access line
        context = self.context
        opened = context.open(scope)
        exchange.id_header = opened.header
        try:
            await self._handle(scope, exchange, route)
        except Exception as exc:
            if (
                not exchange.started
            ):  # as Starlette's server-error layer: the mesh's 500 problem (logged there)
                response = await unexpected_error(Request(scope, exchange.receive), exc)
                await response(scope, exchange.receive, exchange.send)
            elif (
                exchange.complete
            ):  # the answer went out whole: the connection stays, the error is logged once
                errors_log.error(
                    "error after the response was sent", exc_info=exc, extra={"path": scope["path"]}
                )
            else:
                raise  # half an answer sent: the server cuts the connection
        finally:
            context.close(scope, opened, exchange.status)

    async def _handle(self, scope: Scope, exchange: Exchange, route: Route) -> None:
        if control_in_path(
            scope["path"]
        ):  # every rule below compares the decoded path; the service routes it
            await _answer(exchange, bad_path(scope))
            return
        raw_path: bytes = scope.get("raw_path") or scope["path"].encode()
        if raw_path[len(route.raw_prefix) : len(route.raw_prefix) + 1] not in (b"/", b"?", b""):
            # ``/catalog%2f..%2fidentity``: the prefix is the service's only when a real ``/`` ends it
            await _answer(exchange, _not_routed(scope))
            return
        limit = self.limits.limit_for(scope["path"])
        if BodyLimits.declared_over(scope, limit):
            await _answer(exchange, too_large(scope, limit))
            return
        if internal_path(scope["path"][len(route.prefix) :]):  # e.g. /catalog/metrics: inside only
            await _answer(exchange, _not_routed(scope))
            return
        remember_source(scope, self.trusted, self.forwarding_key)
        if self.guard is not None and route.guarded(scope["path"]):
            refusal = await self.guard(scope, route)
            if refusal is not None:
                await refusal(scope, exchange.receive, exchange.send)
                return
        if self.throttle is not None:
            refusal = await self.throttle(scope)
            if refusal is not None:
                await refusal(scope, exchange.receive, exchange.send)
                return
        body = await self._body(scope, exchange, limit)
        if isinstance(body, _Gone):
            return  # answered (408) or nobody left to answer
        try:
            await self._admitted(scope, exchange, route, body)
        finally:
            if isinstance(body, _Spooled):
                body.close()

    async def _admitted(self, scope: Scope, exchange: Exchange, route: Route, body: _Body) -> None:
        """The upstream's whole answer, fetched holding one of its slots, then delivered with the slot given back:
        a client that does not read its answers holds no slot (outside try: 34 connections pipelining requests
        for a 112 KB document and reading nothing kept every one of identity's slots for as long as they
        stayed, and the token endpoint answered 503 to everyone)."""
        if self.admission is None:
            result = await self._fetch(scope, route, body)
        else:
            gate = self.admission.gate(route.service)
            if not await gate.enter(client_key(scope)):
                result = _busy(scope, route, self.admission.retry_after)
            else:
                try:
                    result = await self._fetch(scope, route, body)
                finally:
                    gate.leave()
        if isinstance(result, _Answer):
            try:
                await result.deliver(exchange)
            finally:
                result.close()
        else:
            await _answer(exchange, result)

    async def _body(self, scope: Scope, exchange: Exchange, limit: int) -> _Body | _Gone:
        """The client's body: ``None`` when it has none, whole when it is at most 256 KiB (read before the request
        takes a slot: a client sending slowly holds none), else spooled whole the same way and handed on as a
        stream of the spool (:meth:`_BodyReader.spool`). Each wait for the client is at most ``body_timeout``
        seconds: past it, 408 and the connection closed."""
        if not exchange.body_pending:
            first = await exchange.receive()  # the server has it already: nothing to wait for
            if first["type"] != "http.request":
                return _GONE
            return first.get("body", b"") or None
        reader = _BodyReader(exchange, limit, self.body_timeout)
        try:
            whole = await reader.read_upto(_BUFFER_UNDER)
            if reader.received > _BUFFER_UNDER and self.guard is not None and PRINCIPAL not in scope:
                # only a caller with a valid token has a temporary file spent on its body (outside try: twenty
                # anonymous uploads held 190 MB of the gateway's temporary folder); every large body's path
                # (material uploads, the catalog's import) needs one anyway
                await _answer(exchange, _anonymous_upload(scope))
                return _GONE
            if whole is not None:
                return whole or None
            return await reader.spool()  # larger: the rest too, before the slot
        except ConnectionAbortedError:
            return _GONE
        except TimeoutError:
            await _answer(exchange, _too_slow(scope, self.body_timeout))
            return _GONE
        except BodyTooLarge:
            await _answer(exchange, too_large(scope, limit))
            return _GONE
        except (
            OSError
        ) as exc:  # no room to spool: the temporary folder is full (a pod's is a small in-memory volume)
            log.warning("could not spool a request body: %r", exc)
            await _answer(exchange, _no_room(scope))
            return _GONE

    async def _fetch(self, scope: Scope, route: Route, body: _Body) -> _Answer | Response:
        """The upstream's answer read whole — in memory up to 256 KiB, in a temporary file past that (nginx's
        proxy buffering) — or the problem to answer instead (an upstream that failed, even halfway through its
        answer: nothing has gone to the client yet)."""
        upstreams = self.upstreams
        service = route.service
        pool = upstreams.pool(service)
        try:
            response = await pool.request(
                scope["method"],
                upstream_target(scope, route, upstreams.base_paths[service]),
                upstream_headers(scope, route),
                body,
                read_timeout=upstreams.timeout_for(scope["method"], scope["path"]),
            )
        except (UpstreamError, OSError) as exc:
            return _failure(scope, route, exc)
        origin = (pool.host_header, upstreams.base_paths[service], route.raw_prefix)
        headers = response_headers(response.headers, origin)
        length = response.content_length
        try:
            if length is not None and length <= _BUFFER_UNDER:
                return _Answer(response.status, headers, await response.read())
            return _Answer(response.status, headers, b"", await _spooled(response))
        except UpstreamError as exc:
            return _failure(scope, route, exc)
        except OSError as exc:  # no room to spool the answer in the temporary folder
            log.warning("could not spool an upstream's answer: %r", exc)
            return _no_room(scope)
        finally:
            response.close()  # after the whole answer, release() ran already and this does nothing


class _Answer:
    """An upstream's answer, read whole: ``payload`` in memory, or ``file`` (a spool, read in parts)."""

    __slots__ = ("file", "headers", "payload", "status")

    def __init__(
        self, status: int, headers: list[tuple[bytes, bytes]], payload: bytes, file: IO[bytes] | None = None
    ) -> None:
        self.status = status
        self.headers = headers
        self.payload = payload
        self.file = file

    async def deliver(self, exchange: Exchange) -> None:
        file = self.file
        if file is None:
            await exchange.answer(self.status, self.headers, self.payload)
            return
        send = exchange.send
        await send({"type": "http.response.start", "status": self.status, "headers": self.headers})
        while part := file.read(_SPOOL_PART):
            await send({"type": "http.response.body", "body": part, "more_body": True})
        await send({"type": "http.response.body", "body": b""})

    def close(self) -> None:
        if self.file is not None:
            self.file.close()


async def _spooled(response: UpstreamResponse) -> IO[bytes]:
    file = tempfile.SpooledTemporaryFile(max_size=_BUFFER_UNDER)  # noqa: SIM115 - closed by _Answer.close
    try:
        while (chunk := await response.chunk()) is not None:
            file.write(chunk)
    except BaseException:
        file.close()
        raise
    file.seek(0)
    return file


class _Gone:
    """The body never came: the client left, or was answered 408."""


_GONE = _Gone()
_Body = bytes | _Spooled | None


def has_body(scope: Scope) -> bool:
    """The request says a body follows (a ``Content-Length`` above 0, or a ``Transfer-Encoding``)."""
    for name, value in scope["headers"]:
        if name == b"transfer-encoding" or (name == b"content-length" and value.isdigit() and int(value) > 0):
            return True
    return False


async def _answer(exchange: Exchange, response: Response) -> None:
    await response(exchange.scope, exchange.receive, exchange.send)


def _too_slow(scope: Scope, seconds: float) -> Response:
    """408: the client left its body silent longer than the gateway waits, or sent it too slowly while it held an
    upstream slot."""
    return problem_response(
        status=408,
        code="body_timeout",
        detail=f"请求体送达过慢（{seconds:g} 秒内没有继续送达，或平均每秒不足 {_MIN_RATE // 1024} KiB），网关已关闭连接，"
        f"请求未完整转发、未办理。请检查网络后重新提交 (the request body was silent for {seconds:g} s, or came "
        f"slower than {_MIN_RATE // 1024} KiB/s)",
        instance=scope["path"],
    )


def _not_routed(scope: Scope) -> Response:
    """As for any path the gateway does not route: nothing tells the caller the upstream has it."""
    return problem_response(
        status=404,
        code="route_not_found",
        detail=f"网关上没有此路径: {instance_uri(scope['path'][:200])} (not routed)",
        instance=scope["path"],
    )


def _anonymous_upload(scope: Scope) -> Response:
    """401: a body over 256 KiB without a valid Bearer token (the gateway spools no such body)."""
    return problem_response(
        status=401,
        code="unauthenticated",
        detail="超过 256 KiB 的请求体（如上传材料、导入清单）须带有效的访问令牌，网关未读取、未转发。请登录后重新上传 "
        "(a request body over 256 KiB needs a valid Bearer access token)",
        instance=scope["path"],
        headers={"WWW-Authenticate": 'Bearer realm="tongban"'},
    )


def _no_room(scope: Scope) -> Response:
    """503: a large body or answer could not be spooled (no room left in the gateway's temporary folder)."""
    return problem_response(
        status=503,
        code="body_spool_full",
        detail="网关暂时没有空间缓存这么大的请求体或应答，请稍后重新发送；写操作若已提交，请先查询结果再重试 "
        "(no room to buffer the request body or the answer right now)",
        instance=scope["path"],
        headers={"Retry-After": "5"},
    )


def _busy(scope: Scope, route: Route, seconds: int) -> Response:
    """503 with ``Retry-After``: this upstream's slots and queue are full (:mod:`gateway.admission`)."""
    refused_busy.labels(route.service).inc()
    return problem_response(
        status=503,
        code="upstream_busy",
        detail=f"上游服务 {route.service} 当前繁忙，排队已满，本次请求未转发、未办理。请 {seconds} 秒后重试 "
        f"(upstream {route.service} busy: its slots and queue are full; nothing was forwarded)",
        instance=scope["path"],
        headers={"Retry-After": str(seconds)},
        service=route.service,
    )


def _failure(scope: Scope, route: Route, exc: BaseException) -> Response:
    service = route.service
    status, code, detail, retry = _failure_of(scope, service, exc)
    log.warning("%s %s → %s: %r", scope["method"], scope["path"], code, exc, extra={"upstream": service})
    return problem_response(
        status=status,
        code=code,
        detail=detail,
        instance=scope["path"],
        service=service,
        headers={"Retry-After": str(_RETRY_AFTER)} if retry else None,
    )


_RETRY_AFTER = 5  # seconds a client is told to wait before sending again what surely was not done
# where a person looks whether a write that timed out was done after all, per service
_WHERE_TO_LOOK = {
    "cases": "如“我的办件”中是否已有这件申请",
    "identity": "如重新登录后查看账号信息是否已经更改",
}
_LOOK_AGAIN = "如再次查询该记录，看是否已经更改"


_SAFE = frozenset({"GET", "HEAD", "OPTIONS"})


def _failure_of(scope: Scope, service: str, exc: BaseException) -> tuple[int, str, str, bool]:
    """Status, code and detail of an upstream that failed to answer, with what the person should do next, and
    whether simply sending it again is safe (then ``Retry-After`` says when).

    A write that timed out, or whose connection broke after it was sent, may well have been done (the service
    commits, then the answer is lost): sending it again blindly would file a second application. So the detail
    says how to find out — the same ``Idempotency-Key`` answers the earlier result (cases and the exchange keep
    it), or where the service shows what was done (我的办件 for a case). A read, or a request that never reached
    the service, may simply be sent again."""
    if isinstance(exc, TimeoutError):
        status, code = 504, "upstream_timeout"
        said = f"上游服务 {service} 响应超时 (upstream {service} timed out)"
    else:
        status, code = 502, "upstream_unavailable"
        said = f"上游服务 {service} 不可用 (upstream {service} unavailable)"
    reached = not isinstance(exc, UpstreamUnreachable)
    if scope["method"] in _SAFE or not reached:
        return status, code, f"{said}。请稍后重试", True
    keyed = any(name == b"idempotency-key" for name, _ in scope["headers"])
    if keyed:
        advice = (
            "请求可能已经办理完成：请用同一个 Idempotency-Key 重新发送同一请求，"
            "会得到已办理的结果而不会重复办理"
        )
    else:
        look = _WHERE_TO_LOOK.get(service, _LOOK_AGAIN)
        advice = (
            f"请求可能已经办理完成：请先查看结果（{look}）再决定是否重新提交，"
            "以免重复办理；今后提交时带上 Idempotency-Key，重试就不会重复"
        )
    return status, code, f"{said}。{advice}", False
