"""The gateway's own HTTP protocol (gateway.server): a proxied request handled without ASGI is framed as uvicorn
frames an ASGI answer — HEAD, HTTP/1.0, ``Connection: close``, ``Expect: 100-continue``, streamed answers,
pipelining across proxied and own routes, an answer given before the body was read (issue 21).

Through a real uvicorn server with the gateway's protocol and raw sockets: the bytes on the wire are the subject."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from types import SimpleNamespace
from typing import Any

import httpx
import pytest

from gateway.front import GatewayApp
from gateway.main import create_app
from gateway.server import Exchange, _gateway_of
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
    assert _gateway_of(Layer(plain)) is plain
    assert plain.direct_proxy is proxy
    assert _gateway_of(Layer(traced)) is traced
    assert traced.direct_proxy is None
    assert _gateway_of(Layer(object())) is None


async def _refusal(reader: asyncio.StreamReader) -> tuple[int, dict[str, Any], dict[str, str]]:
    """A refusal on the connection's level: a problem with a request id, then the connection's end."""
    status, headers, body = await _answer(reader)
    assert headers["content-type"] == "application/problem+json"
    assert headers["connection"] == "close"
    assert len(headers["x-request-id"]) == 32
    assert headers["x-content-type-options"] == "nosniff"
    assert await _closed(reader)
    problem = json.loads(body)
    assert problem["request_id"] == headers["x-request-id"]
    return status, problem, headers


@pytest.mark.parametrize(
    "sent",
    [
        "CONNECT catalog.internal:443 HTTP/1.1\r\nHost: catalog.internal:443\r\n\r\n",
        "GET /catalog/items/A1 HTTP/1.1\r\nHost: gateway.test\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n\r\n",
        "GET /healthz HTTP/1.1\r\nHost: gateway.test\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n"
        "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n",
    ],
    ids=["connect", "h2c", "websocket"],
)
async def test_tunnels_and_upgrades_are_refused_and_what_follows_is_not_read_as_a_request(
    wire: Any, sent: str
) -> None:
    """The gateway tunnels nothing: a CONNECT or an Upgrade is refused at once with a problem and the connection
    closed (it used to be forwarded, or left the connection waiting, and a request sent behind it hung)."""
    async with wire() as (reader, writer):
        writer.write(sent.encode() + _get("/catalog/items/A9"))
        status, problem, _ = await _refusal(reader)
    expected = (405, "method_not_allowed") if sent.startswith("CONNECT") else (400, "upgrade_not_supported")
    assert (status, problem["code"]) == expected
    assert "未转发" in problem["detail"]


@pytest.mark.parametrize(
    "head",
    [
        "GET /catalog/items/A1 HTTP/1.1\r\n\r\n",
        "GET /catalog/items/A1 HTTP/1.1\r\nHost: gateway.test\r\nHost: catalog.internal\r\n\r\n",
        "POST /catalog/upload HTTP/1.1\r\nHost: gateway.test\r\nContent-Length: 4\r\n"
        "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        "GET /catalog/items/A1 HTTP/1.1\r\nHost: gateway.test\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nxy",
        "GET /catalog/items/A1 HTTP/1.1\r\nHost: gateway.test\r\n Folded: header\r\n\r\n",
    ],
    ids=["no-host", "two-hosts", "cl-and-te", "two-lengths", "obs-fold"],
)
async def test_a_malformed_request_is_a_problem_with_a_request_id_and_the_connection_closed(
    wire: Any, head: str
) -> None:
    """What the parser or the gateway refuses (RFC 9112: an HTTP/1.1 request needs exactly one Host; framing that
    could be read two ways) is answered with the gateway's problem, not uvicorn's plain text, and nothing after
    it on the connection is read as a request."""
    async with wire() as (reader, writer):
        writer.write(head.encode() + _get("/catalog/items/A9"))
        status, problem, _ = await _refusal(reader)
    assert (status, problem["code"]) == (400, "malformed_request")
    assert "网关未转发" in problem["detail"]


async def test_a_half_sent_head_is_answered_408_and_closed_after_the_head_timeout(
    serve: Serve, gateway_settings: Callable[..., GatewaySettings], tokens: TokenFactory
) -> None:
    """uvicorn waits for ever for the rest of a begun head: connections that send half a head and stop would
    each hold a socket. The gateway waits ``GATEWAY_HEAD_TIMEOUT``, answers 408 and closes."""
    app = create_app(gateway_settings(head_timeout=0.4), verifier=tokens.verifier())
    async with serve(app, lifespan="on") as url:
        host, port = url.removeprefix("http://").split(":")
        loop = asyncio.get_running_loop()
        for partial in (b"GET /catalog/items/A1 HTTP/1.1\r\nHost: gateway.test\r\n", b"GET /cata"):
            reader, writer = await asyncio.open_connection(host, int(port))
            try:
                started = loop.time()
                writer.write(partial)
                status, problem, _ = await _refusal(reader)
                assert (status, problem["code"]) == (408, "head_timeout")
                assert 0.35 <= loop.time() - started < 3
            finally:
                writer.close()
        reader, writer = await asyncio.open_connection(host, int(port))
        try:  # a head that arrives in parts within the time is served
            writer.write(b"GET /catalog/items/A5 HTTP/1.1\r\n")
            await asyncio.sleep(0.25)
            writer.write(b"Host: gateway.test\r\n\r\n")
            status, _, body = await _answer(reader)
            assert (status, json.loads(body)["code"]) == (200, "A5")
            await asyncio.sleep(
                0.6
            )  # and the connection, idle between requests, is not cut by the head's timer
            writer.write(_get("/catalog/items/A6"))
            status, _, body = await _answer(reader)
            assert (status, json.loads(body)["code"]) == (200, "A6")
        finally:
            writer.close()


async def test_a_refusal_pipelined_behind_an_answer_waits_for_it(wire: Any) -> None:
    """A malformed request behind one still being answered: the answer goes out whole first, then the refusal,
    then the connection closes (not a 400 written into the middle of the earlier answer)."""
    async with wire() as (reader, writer):
        writer.write(_get("/catalog/slow") + b"GET /catalog/items/A1 HTTP/1.1\r\n\r\n")
        status, _, body = await _answer(reader)
        assert (status, json.loads(body)) == (200, {"status": "late"})
        status, problem, _ = await _refusal(reader)
        assert (status, problem["code"]) == (400, "malformed_request")


@asynccontextmanager
async def _served(
    serve: Serve, settings: GatewaySettings, tokens: TokenFactory, **server: Any
) -> AsyncIterator[tuple[str, int]]:
    async with serve(create_app(settings, verifier=tokens.verifier()), lifespan="on", **server) as url:
        host, port = url.removeprefix("http://").split(":")
        yield host, int(port)


async def test_a_connection_that_never_sends_a_byte_is_closed_as_an_idle_one(
    serve: Serve, gateway_settings: Callable[..., GatewaySettings], tokens: TokenFactory
) -> None:
    """uvicorn sets its idle timer only after an answer: a connection that sent nothing stayed open for ever,
    and twenty thousand of them took every file descriptor the gateway had (outside try)."""
    async with _served(serve, gateway_settings(), tokens, timeout_keep_alive=1) as (host, port):
        reader, writer = await asyncio.open_connection(host, port)
        try:
            started = asyncio.get_running_loop().time()
            assert await _closed(reader)
            assert 0.9 <= asyncio.get_running_loop().time() - started < 4
        finally:
            writer.close()


@pytest.mark.parametrize("in_parts", [False, True], ids=["at-once", "in-parts"])
async def test_a_head_over_64_kib_is_refused_431_before_it_is_all_read(wire: Any, in_parts: bool) -> None:
    """No bound on a header's size let 100 MB of one header stall the event loop for seconds (outside try)."""
    async with wire() as (reader, writer):
        writer.write(b"GET /catalog/items/A1 HTTP/1.1\r\nHost: gateway.test\r\nX-Big: ")
        for _ in range(40 if in_parts else 1):
            writer.write(b"a" * (80 * 1024 // (40 if in_parts else 1)))
            await writer.drain()
            await asyncio.sleep(0.01 if in_parts else 0)
        writer.write(b"\r\n\r\n")
        status, problem, _ = await _refusal(reader)
    assert (status, problem["code"]) == (431, "headers_too_large")


async def test_an_http_version_other_than_1_0_and_1_1_is_505_and_a_refusal_has_a_date(wire: Any) -> None:
    async with wire() as (reader, writer):
        writer.write(b"GET /catalog/items/A1 HTTP/2.0\r\nHost: gateway.test\r\n\r\n")
        status, problem, headers = await _refusal(reader)
    assert (status, problem["code"]) == (505, "http_version_not_supported")
    assert headers["date"].endswith("GMT")
    assert problem["title"] == "不支持的 HTTP 版本 (HTTP version not supported)"


@pytest.mark.parametrize("size_line", [b"-F", b"0xF", b"FFFFFFFFFFFFFFFFFFFF", b"zz"])
async def test_a_malformed_chunk_of_the_body_in_hand_is_refused_at_once_without_an_error_logged(
    wire: Any, size_line: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    """The bad bytes are the body of the request being handled: that request is refused at once (it used to
    wait its body timeout, answer 408 "check your network", and log an ERROR traceback)."""
    async with wire() as (reader, writer):
        writer.write(
            b"POST /catalog/upload HTTP/1.1\r\nHost: gateway.test\r\nTransfer-Encoding: chunked\r\n\r\n"
            b"4\r\nabcd\r\n" + size_line + b"\r\nxyz\r\n"
        )
        started = asyncio.get_running_loop().time()
        status, problem, _ = await _refusal(reader)
        assert asyncio.get_running_loop().time() - started < 2
    assert (status, problem["code"]) == (400, "malformed_request")
    await asyncio.sleep(0.1)
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []


async def test_an_answer_on_a_connection_already_lost_is_dropped_not_raised() -> None:
    """A client that resets a connection with requests pipelined on it: uvicorn marks only the last request's
    cycle as disconnected, so the one being answered wrote to a closed transport — uvloop raises there ("the
    handler is closed") and each such answer logged an ERROR traceback (outside try). An exchange now checks the
    transport and takes a closed one as its client gone."""

    class Closed:
        def is_closing(self) -> bool:
            return True

        def write_now(self, data: bytes) -> None:
            raise RuntimeError(
                "unable to perform operation on <TCPTransport closed=True>; the handler is closed"
            )

        def close(self) -> None:
            pass

    completed: list[bool] = []
    loop = asyncio.get_running_loop()
    protocol = SimpleNamespace(
        transport=Closed(),
        loop=loop,
        flow=SimpleNamespace(write_paused=False),
        server_state=SimpleNamespace(default_headers=[]),
        on_response_complete=lambda: completed.append(True),
    )
    scope = {
        "method": "GET",
        "http_version": "1.1",
        "headers": [(b"host", b"gateway.test")],
        "path": "/catalog/x",
    }
    exchange = Exchange(protocol, None, scope, None, True, False)  # type: ignore[arg-type]
    await exchange.answer(200, [(b"content-length", b"2")], b"{}")
    assert exchange.disconnected
    assert exchange.response_complete
    assert completed == [True]


async def test_a_trickled_body_small_or_large_holds_no_slot_and_must_keep_a_rate(
    serve: Serve, gateway_settings: Callable[..., GatewaySettings], tokens: TokenFactory
) -> None:
    """Every body is read before the request takes a slot — a small one in memory, a large one spooled — and
    every body-timeout's worth of a body must bring 8 KiB/s, counted per window (300 KiB at once buys no time
    later). A client trickling a byte now and then held one of the catalog's eight slots, or a connection, for as
    long as it liked (outside try: nine such sockets kept everyone else at 503); a large body sent at the
    minimum rate held its slot for as long as it lasted (session 12: 32 such connections kept identity at 503)."""
    settings = gateway_settings(
        upstream_concurrency_overrides={"catalog": 1}, upstream_queue_wait=0.2, body_timeout=0.8
    )
    async with _served(serve, settings, tokens) as (host, port):
        small = await asyncio.open_connection(host, port)
        small[1].write(
            b"POST /catalog/upload HTTP/1.1\r\nHost: gateway.test\r\nTransfer-Encoding: chunked\r\n\r\n1\r\ng\r\n"
        )
        large = await asyncio.open_connection(host, port)
        bearer = tokens.headers()["Authorization"].encode()
        large[1].write(
            b"POST /catalog/upload HTTP/1.1\r\nHost: gateway.test\r\nAuthorization: %s\r\n" % bearer
            + b"Content-Length: 400000\r\n\r\n"
            + b"x" * (300 * 1024)
        )
        served = []
        async with httpx.AsyncClient(base_url=f"http://{host}:{port}") as client:
            for round_ in range(
                12
            ):  # trickle a byte to each every 0.25 s (each wait stays under the timeout)
                await asyncio.sleep(0.25)
                if round_ < 4:
                    small[1].write(b"1\r\ng\r\n")
                    large[1].write(b"x")
                    served.append((await client.get("/catalog/items/A1")).status_code)
        assert served == [200, 200, 200, 200]  # the catalog's one slot stayed free all along
        status, problem, _ = await _refusal(large[0])
        assert (status, problem["code"]) == (408, "body_timeout")
        status, problem, _ = await _refusal(small[0])  # holding no slot, but not a connection for ever either
        assert (status, problem["code"]) == (408, "body_timeout")
        for _, writer in (small, large):
            writer.close()


async def test_a_large_body_without_a_valid_token_is_401_before_it_is_spooled(
    wire: Any, upstreams: dict[str, Any], tokens: TokenFactory
) -> None:
    """Outside try: twenty anonymous uploads, each sending 9 MiB and then a trickle, held 190 MB of the gateway's
    temporary folder. A body over 256 KiB is spooled only for a caller with a valid token; a small body needs
    none (the service decides)."""
    catalog = upstreams["catalog"]
    catalog.first_chunk.clear()
    head = b"POST /catalog/upload HTTP/1.1\r\nHost: gateway.test\r\nContent-Length: %d\r\n"
    async with wire() as (reader, writer):
        writer.write(head % (300 * 1024) + b"\r\n" + b"x" * (300 * 1024))
        status, headers, body = await _answer(reader)
    assert status == 401
    assert json.loads(body)["code"] == "unauthenticated"
    assert headers["www-authenticate"].startswith("Bearer")
    assert not catalog.first_chunk.is_set()  # nothing forwarded
    bearer = tokens.headers()["Authorization"].encode()
    async with wire() as (reader, writer):
        writer.write(head % (300 * 1024) + b"Authorization: %s\r\n\r\n" % bearer + b"x" * (300 * 1024))
        status, _, _ = await _answer(reader)
    assert status == 200
    async with wire() as (reader, writer):
        writer.write(head % 1024 + b"\r\n" + b"x" * 1024)
        status, _, _ = await _answer(reader)
    assert status == 200


async def test_a_transfer_coding_other_than_chunked_is_501(wire: Any) -> None:
    """``gzip, chunked`` passed the parser and reached the service as a chunked body of gzip bytes (outside try)."""
    async with wire() as (reader, writer):
        writer.write(
            b"POST /catalog/upload HTTP/1.1\r\nHost: gateway.test\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"
            b"4\r\nabcd\r\n0\r\n\r\n"
        )
        status, problem, _ = await _refusal(reader)
    assert (status, problem["code"]) == (501, "transfer_coding_not_supported")


async def test_more_than_a_hundred_header_fields_are_431(wire: Any) -> None:
    """Ten thousand tiny fields passed the 64 KiB head limit, and every one was forwarded (outside try)."""

    def head(fields: int) -> bytes:  # Host and fields - 1 more
        return b"GET /catalog/echo/f HTTP/1.1\r\nHost: gateway.test\r\n%s\r\n" % b"".join(
            b"X-F%d: a\r\n" % n for n in range(fields - 1)
        )

    async with wire() as (reader, writer):
        writer.write(head(101))
        status, problem, _ = await _refusal(reader)
    assert (status, problem["code"]) == (431, "headers_too_large")
    assert "100" in problem["detail"]
    async with wire() as (reader, writer):
        writer.write(head(100))
        status, _, _ = await _answer(reader)
    assert status == 200


async def test_transfer_encoding_in_http_1_0_is_400(wire: Any) -> None:
    """RFC 9112 §6.1: an HTTP/1.0 message with Transfer-Encoding has faulty framing (it was accepted and its body
    read as chunked)."""
    async with wire() as (reader, writer):
        writer.write(
            b"POST /catalog/upload HTTP/1.0\r\nHost: gateway.test\r\nTransfer-Encoding: chunked\r\n\r\n"
            b"4\r\nabcd\r\n0\r\n\r\n"
        )
        status, problem, _ = await _refusal(reader)
    assert (status, problem["code"]) == (400, "malformed_request")
    assert "HTTP/1.0" in problem["detail"]


async def test_an_expectation_other_than_100_continue_is_417(wire: Any) -> None:
    """RFC 9110 §10.1.1: it was forwarded as if nothing were expected."""
    async with wire() as (reader, writer):
        writer.write(b"GET /catalog/echo/e HTTP/1.1\r\nHost: gateway.test\r\nExpect: 200-ok\r\n\r\n")
        status, problem, _ = await _refusal(reader)
    assert (status, problem["code"]) == (417, "expectation_not_supported")
    async with wire() as (reader, writer):  # an empty one expects nothing
        writer.write(b"GET /catalog/echo/e HTTP/1.1\r\nHost: gateway.test\r\nExpect: \r\n\r\n")
        status, _, _ = await _answer(reader)
    assert status == 200
    async with wire() as (reader, writer):  # HTTP/1.0: ignored, as its 100-continue is
        writer.write(b"GET /catalog/echo/e HTTP/1.0\r\nExpect: 200-ok\r\n\r\n")
        status, _, _ = await _answer(reader)
    assert status == 200


async def test_a_head_in_two_reads_followed_at_once_by_a_large_body_is_not_taken_for_a_large_head(
    wire: Any,
) -> None:
    """Only a read that ends inside a head counts toward the head's 64 KiB: the read that completes it may carry
    a body behind it."""
    body = b"b" * (200 * 1024)
    async with wire() as (reader, writer):
        writer.write(b"POST /catalog/upload HTTP/1.1\r\nHost: gateway.test\r\n")
        await writer.drain()
        await asyncio.sleep(0.1)
        writer.write(
            b"Content-Type: application/octet-stream\r\nContent-Length: %d\r\n\r\n" % len(body) + body
        )
        status, _, answer = await _answer(reader)
    assert (status, json.loads(answer)["size"]) == (200, len(body))


async def test_trailer_fields_never_reach_the_upstream_as_headers(wire: Any) -> None:
    """Outside try: httptools reports a chunked body's trailer fields as it reports headers, and uvicorn added them
    to the request's headers — after the gateway had checked the head, before it built the upstream's: a client
    could add ``Authorization`` (or any field) past every rule that read the head. Trailers are dropped; the
    body in hand goes upstream framed by its own length."""
    body = b"GET /echo/smuggled HTTP/1.1\r\nHost: catalog\r\n\r\n"
    chunked = b"%x\r\n%s\r\n0\r\nX-Injected: yes\r\nAuthorization: Bearer forged\r\n\r\n" % (len(body), body)
    async with wire() as (reader, writer):
        writer.write(
            _get("/catalog/echo/first", "Transfer-Encoding: chunked", method="POST")
            + chunked
            + _get("/catalog/echo/2")
        )
        status, _, first = await _answer(reader)
        status_2, _, second = await _answer(reader)
    echo = json.loads(first)
    assert (status, echo["raw_path"], echo["body_size"]) == (200, "/echo/first", len(body))
    names = [name for name, _ in echo["headers"]]
    assert ["content-length", str(len(body))] in echo["headers"]
    assert names.count("content-length") == 1
    assert "x-injected" not in names
    assert "authorization" not in names
    assert (status_2, json.loads(second)["raw_path"]) == (200, "/echo/2")


async def test_an_http10_request_expecting_100_continue_gets_no_interim_answer(wire: Any) -> None:
    """RFC 9110 §10.1.1: a server ignores a 100-continue expectation in an HTTP/1.0 request."""
    async with wire() as (reader, writer):
        writer.write(
            _get("/catalog/upload", "Expect: 100-continue", "Content-Length: 4", method="POST", version="1.0")
        )
        with pytest.raises(TimeoutError):
            await asyncio.wait_for(reader.read(1), 0.5)
        writer.write(b"abcd")
        status, _, body = await _answer(reader)
        assert (status, json.loads(body)["size"]) == (200, 4)


async def test_a_length_in_the_trailers_is_refused_and_the_refusal_read_before_the_connection_closes(
    wire: Any,
) -> None:
    """The parser refuses a ``Content-Length`` among the trailers (a body framed twice); the 400 reaches the
    client even with a request sent behind it (closing at once reset the connection and the answer was lost)."""
    async with wire() as (reader, writer):
        writer.write(
            _get("/catalog/echo/first", "Transfer-Encoding: chunked", method="POST")
            + b"5\r\nhello\r\n0\r\nContent-Length: 0\r\n\r\n"
            + _get("/catalog/echo/2")
        )
        status, problem, _ = await _refusal(reader)  # (the connection's end is part of a refusal)
        assert (status, problem["code"]) == (400, "malformed_request")


@pytest.mark.parametrize(
    "path", ["/catalog/metrics%0a", "/catalog/metrics%0d%0a", "/catalog/echo/x%00", "/cases/echo/%7f"]
)
async def test_a_path_with_a_control_character_is_refused_before_any_rule_reads_it(
    wire: Any, path: str
) -> None:
    """Outside try (session 12): the gateway compared the decoded ``/metrics\\n`` with its inside-only paths and
    its rate-limit classes and matched none, and the service's routes (``$`` matches before a final newline)
    served it as ``/metrics``: the metrics of every service, and the strict limits of the token and SMS-code
    endpoints passed by. No path with a control character is forwarded."""
    async with wire() as (reader, writer):
        writer.write(_get(path))
        status, headers, body = await _answer(reader)
    problem = json.loads(body)
    assert (status, headers["content-type"], problem["code"]) == (
        400,
        "application/problem+json",
        "malformed_path",
    )


async def test_an_encoded_slash_after_the_prefix_does_not_end_it(wire: Any) -> None:
    """``/catalog%2f..%2fidentity%2fhealthz`` was routed to the catalog (the decoded path's first segment) and
    went upstream as ``GET %2f..%2f…``, a request line without a leading slash: uvicorn's plain-text 400 came
    back. The prefix names a service only when a real ``/`` ends it."""
    async with wire() as (reader, writer):
        writer.write(_get("/catalog%2f..%2fidentity%2fhealthz") + _get("/catalog/echo/after"))
        status, headers, body = await _answer(reader)
        assert (status, headers["content-type"]) == (404, "application/problem+json")
        assert json.loads(body)["code"] == "route_not_found"
        status, _, body = await _answer(reader)
        assert (status, json.loads(body)["raw_path"]) == (200, "/echo/after")


async def test_a_services_redirect_points_at_the_gateways_path_not_the_service(wire: Any) -> None:
    """Outside try (session 12): a service's trailing-slash redirect named its inside address
    (``http://127.0.0.1:8802/search``) and lost the prefix; as nginx's ``proxy_redirect default``, the gateway
    rewrites a ``Location`` that points at the upstream itself."""
    async with wire() as (reader, writer):
        writer.write(_get("/catalog/items/A1/?x=1"))
        status, headers, _ = await _answer(reader)
    assert status == 307
    assert headers["location"] == "/catalog/items/A1?x=1"
