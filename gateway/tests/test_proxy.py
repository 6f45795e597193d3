"""Proxying through the gateway to real upstreams on loopback."""

from __future__ import annotations

import asyncio
import hashlib
import re
import socket
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest

from gateway.main import create_app
from gateway.settings import GatewaySettings
from meshkit.peers import address_proof
from meshkit.settings import DEV_FORWARDING_KEY
from meshkit.testing.tokens import TokenFactory

pytestmark = pytest.mark.api

Seen = Callable[[dict[str, Any], str], list[str]]
PROBLEM = "application/problem+json"


async def test_get_with_query_reaches_upstream_without_prefix(client: httpx.AsyncClient) -> None:
    response = await client.get("/catalog/echo/a%2Fb/c", params={"q": "中文", "n": "1"})

    assert response.status_code == 200
    echo = response.json()
    assert echo["service"] == "catalog"
    assert echo["method"] == "GET"
    assert echo["raw_path"] == "/echo/a%2Fb/c"
    assert echo["query"] == "q=%E4%B8%AD%E6%96%87&n=1"


async def test_post_body_and_content_type_pass_through(client: httpx.AsyncClient, seen: Seen) -> None:
    response = await client.post("/cases/echo/submit?draft=0", json={"matter": "M-1", "note": "加急"})

    echo = response.json()
    assert echo["service"] == "cases"
    assert echo["method"] == "POST"
    assert echo["query"] == "draft=0"
    assert echo["body"] == '{"matter":"M-1","note":"加急"}'
    assert seen(echo, "content-type") == ["application/json"]
    assert seen(echo, "content-length") == [str(echo["body_size"])]


async def test_gateway_adds_no_headers_of_its_own_choosing(client: httpx.AsyncClient, seen: Seen) -> None:
    await client.get("/catalog/echo/first")  # answered with a Set-Cookie the gateway must not keep
    client.cookies.clear()
    headers = {"User-Agent": "dept-system/1", "Accept-Encoding": "br"}
    echo = (await client.post("/catalog/echo/x", content=b"raw", headers=headers)).json()

    assert seen(echo, "content-type") == []
    assert seen(echo, "accept-encoding") == ["br"]
    assert seen(echo, "user-agent") == ["dept-system/1"]
    assert seen(echo, "cookie") == []


async def test_hop_by_hop_headers_are_stripped_both_ways(client: httpx.AsyncClient, seen: Seen) -> None:
    response = await client.get(
        "/catalog/echo/h",
        headers={
            "Connection": "keep-alive, X-Custom-Hop",
            "X-Custom-Hop": "1",
            "Keep-Alive": "timeout=5",
            "Proxy-Authorization": "Basic eA==",
            "TE": "trailers",
            "Upgrade": "h2c",
            "X-Keep": "yes",
        },
    )

    echo = response.json()
    for name in ("x-custom-hop", "keep-alive", "proxy-authorization", "te", "upgrade"):
        assert seen(echo, name) == [], name
    assert "keep-alive" not in [v.lower() for v in seen(echo, "connection")]
    assert seen(echo, "x-keep") == ["yes"]
    for name in ("keep-alive", "proxy-authenticate", "x-secret-hop", "connection"):
        assert name not in response.headers, name
    assert response.headers["x-keep"] == "yes"
    assert response.headers["set-cookie"] == "s=1; Path=/"


async def test_forwarded_headers(client: httpx.AsyncClient, seen: Seen, client_address: str) -> None:
    headers = {"X-Forwarded-For": "198.51.100.1", "Host": "gateway.test"}
    echo = (await client.get("/cases/echo/f", headers=headers)).json()

    assert seen(echo, "x-forwarded-for") == [f"198.51.100.1, {client_address}"]
    assert seen(echo, "x-forwarded-proto") == ["http"]
    assert seen(echo, "x-forwarded-host") == ["gateway.test"]
    assert seen(echo, "x-forwarded-prefix") == ["/cases"]
    assert seen(echo, "host") != ["gateway.test"]


async def test_a_clients_own_claims_of_where_it_came_from_are_dropped(
    client: httpx.AsyncClient, seen: Seen, client_address: str
) -> None:
    """Only the gateway says where a request came from: the standard Forwarded, X-Real-IP, any X-Forwarded-*
    the gateway does not set itself, and names with an underscore (which header-to-variable mappings read as
    their dashed twins) do not reach the service (outside try, issue 21)."""
    claims = {
        "Forwarded": "for=10.0.0.1;proto=https",
        "X-Real-IP": "10.0.0.1",
        "X-Forwarded-Port": "443",
        "X-Forwarded-Prefix": "/admin",
        "X_Forwarded_For": "10.0.0.1",
        "X_Real_IP": "10.0.0.1",
        "X-Keep": "yes",
    }
    echo = (await client.get("/cases/echo/c", headers=claims)).json()
    for name in ("forwarded", "x-real-ip", "x-forwarded-port", "x_forwarded_for", "x_real_ip"):
        assert seen(echo, name) == [], name
    assert seen(echo, "x-forwarded-prefix") == ["/cases"]
    assert seen(echo, "x-forwarded-for") == [client_address]
    assert seen(echo, "x-keep") == ["yes"]


async def test_the_client_address_is_forwarded_with_its_proof(
    client: httpx.AsyncClient, seen: Seen, client_address: str
) -> None:
    """The gateway vouches for the address it settled on (the peer here: no trusted proxy); a client's own
    claim and proof are dropped."""
    forged = {"X-Tongban-Client-Address": "10.0.0.1", "X-Tongban-Client-Address-Proof": "0" * 64}
    echo = (await client.get("/cases/echo/a", headers=forged)).json()
    assert seen(echo, "x-tongban-client-address") == [client_address]
    assert seen(echo, "x-tongban-client-address-proof") == [address_proof(DEV_FORWARDING_KEY, client_address)]


async def test_request_id_is_generated_propagated_and_returned(client: httpx.AsyncClient, seen: Seen) -> None:
    response = await client.get("/catalog/echo/id")

    request_id = response.headers["x-request-id"]
    assert re.fullmatch(r"[0-9a-f]{32}", request_id)
    assert response.headers.get_list("x-request-id") == [request_id]  # the upstream's own id is not echoed
    assert seen(response.json(), "x-request-id") == [request_id]


async def test_incoming_request_id_is_kept(client: httpx.AsyncClient, seen: Seen) -> None:
    response = await client.get("/catalog/echo/id", headers={"X-Request-Id": "dept-req-42"})

    assert response.headers.get_list("x-request-id") == ["dept-req-42"]
    assert seen(response.json(), "x-request-id") == ["dept-req-42"]


async def test_traceparent_keeps_trace_id_with_new_span(client: httpx.AsyncClient, seen: Seen) -> None:
    trace_id, parent = "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7"
    echo = (await client.get("/catalog/echo/t", headers={"traceparent": f"00-{trace_id}-{parent}-01"})).json()

    (forwarded,) = seen(echo, "traceparent")
    version, forwarded_trace, span, _ = forwarded.split("-")
    assert (version, forwarded_trace) == ("00", trace_id)
    assert re.fullmatch(r"[0-9a-f]{16}", span)
    assert span != parent


async def test_an_all_zero_trace_or_parent_id_is_no_trace_context(
    client: httpx.AsyncClient, seen: Seen
) -> None:
    """Outside try (issue 21): ``00-000…0-<parent>-01`` was taken as the request's trace, so all such requests
    shared one trace id of zeros in every log. W3C Trace Context calls an all-zero trace or parent id invalid: a
    fresh trace starts, as when the header is malformed."""
    for header in (
        f"00-{'0' * 32}-00f067aa0ba902b7-01",
        f"00-4bf92f3577b34da6a3ce929d0e0e4736-{'0' * 16}-01",
    ):
        (forwarded,) = seen(
            (await client.get("/catalog/echo/t", headers={"traceparent": header})).json(), "traceparent"
        )
        trace_id = forwarded.split("-")[1]
        assert trace_id not in header
        assert trace_id != "0" * 32


async def test_traceparent_is_started_when_missing(client: httpx.AsyncClient, seen: Seen) -> None:
    (forwarded,) = seen((await client.get("/catalog/echo/t")).json(), "traceparent")

    assert re.fullmatch(r"00-[0-9a-f]{32}-[0-9a-f]{16}-01", forwarded)


async def test_unknown_prefix_is_route_not_found(client: httpx.AsyncClient) -> None:
    for path in ("/nowhere/x", "/catalogue/x"):
        response = await client.get(path)

        assert response.status_code == 404
        assert response.headers["content-type"] == PROBLEM
        assert response.json()["code"] == "route_not_found"


async def test_upstream_down_is_502_problem(client: httpx.AsyncClient) -> None:
    response = await client.get("/identity/.well-known/openid-configuration")

    assert response.status_code == 502
    assert response.headers["content-type"] == PROBLEM
    problem = response.json()
    assert problem["code"] == "upstream_unavailable"
    assert problem["status"] == 502
    assert problem["detail"] == "上游服务 identity 不可用 (upstream identity unavailable)。请稍后重试"
    assert problem["instance"] == "/identity/.well-known/openid-configuration"
    assert problem["request_id"] == response.headers["x-request-id"]


async def test_slow_upstream_is_504_problem(gateway: Any) -> None:
    async with gateway(read_timeout=0.2) as client:
        response = await client.get("/catalog/slow")

    assert response.status_code == 504
    assert response.headers["content-type"] == PROBLEM
    problem = response.json()
    assert problem["code"] == "upstream_timeout"
    assert problem["detail"] == "上游服务 catalog 响应超时 (upstream catalog timed out)。请稍后重试"
    assert response.headers["retry-after"] == "5"  # a read may simply be sent again: when is said


async def test_a_timed_out_write_elsewhere_than_cases_names_no_case(gateway: Any) -> None:
    """Outside try (issue 21): a 504 on a catalog write told the person to look for "这件申请" in 我的办件, the
    wording of a filed case. Each service's write now says where to look; none says retry after N seconds."""
    async with gateway(read_timeout=0.2) as client:
        response = await client.post("/catalog/slow", json={})
    assert response.status_code == 504
    detail = response.json()["detail"]
    assert "可能已经办理完成" in detail
    assert "我的办件" not in detail
    assert "再次查询" in detail
    assert "retry-after" not in response.headers


async def test_a_timed_out_write_tells_the_person_how_not_to_file_twice(gateway: Any) -> None:
    """issue 19 outside try: a 504 on a POST the service completed (the case was created) gave no guidance, and
    a person who simply sent it again filed twice. The detail now says, in Chinese, to retry with the same
    Idempotency-Key (when one was sent) or to look at 我的办件 before filing again."""
    async with gateway(read_timeout=0.2) as client:
        keyed = await client.post("/cases/slow", json={}, headers={"Idempotency-Key": "k-1"})
        bare = await client.post("/cases/slow", json={})
    for response in (keyed, bare):
        assert response.status_code == 504
        assert response.headers["content-type"] == PROBLEM
        assert response.json()["code"] == "upstream_timeout"
        assert "可能已经办理完成" in response.json()["detail"]
    assert "同一个 Idempotency-Key 重新发送" in keyed.json()["detail"]
    assert "我的办件" in bare.json()["detail"]
    assert "Idempotency-Key" in bare.json()["detail"]  # and how to make the next retry safe


async def test_large_response_streams_through_intact(client: httpx.AsyncClient) -> None:
    size = 3 * 1024 * 1024 + 17
    response = await client.get("/catalog/big", params={"size": size})

    assert response.status_code == 200
    assert len(response.content) == size
    assert response.content[65536 * 5] == 5


async def test_a_large_request_body_is_spooled_whole_before_the_upstream_sees_it(
    client: httpx.AsyncClient, upstreams: dict[str, Any], tokens: TokenFactory
) -> None:
    """Outside try (session 12): streamed while holding an upstream slot, a body sent at the minimum rate held the
    slot for as long as it lasted. A body over 256 KiB is spooled (memory, then a temporary file) first, and
    reaches the upstream whole and intact."""
    catalog = upstreams["catalog"]
    catalog.first_chunk.clear()
    chunk = bytes(range(256)) * 256  # 64 KiB
    digest = hashlib.sha256()

    async def body() -> AsyncIterator[bytes]:
        for _ in range(5):
            digest.update(chunk)
            yield chunk
        with pytest.raises(TimeoutError):  # past 256 KiB, and still nothing of it has reached the upstream
            await asyncio.wait_for(catalog.first_chunk.wait(), 0.5)
        for _ in range(7):
            digest.update(chunk)
            yield chunk

    response = await client.post("/catalog/upload", content=body(), headers=tokens.headers())

    assert response.status_code == 200
    assert response.json() == {"size": 12 * len(chunk), "sha256": digest.hexdigest(), "length": None}


async def test_declared_body_over_limit_is_413(client: httpx.AsyncClient) -> None:
    response = await client.post("/catalog/upload", content=b"x" * (1024 * 1024 + 1))

    assert response.status_code == 413
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["code"] == "payload_too_large"


async def test_streamed_body_over_limit_is_413(gateway: Any) -> None:
    async def body() -> AsyncIterator[bytes]:
        for _ in range(40):
            yield b"y" * 4096

    async with gateway(max_body_bytes=64 * 1024) as client:
        response = await client.post("/cases/upload", content=body())

    assert response.status_code == 413
    assert response.json()["code"] == "payload_too_large"


async def test_upload_paths_take_larger_bodies(gateway: Any) -> None:
    body = b"z" * (256 * 1024)
    async with gateway(
        max_body_bytes=64 * 1024, upload_paths=["/cases/up.*"], upload_max_bytes=512 * 1024
    ) as client:
        upload = await client.post("/cases/upload", content=body)
        other = await client.post("/catalog/upload", content=body)
        too_big = await client.post("/cases/upload", content=body * 3)

    assert upload.status_code == 200, upload.text
    assert upload.json()["size"] == len(body)
    assert (other.status_code, too_big.status_code) == (413, 413)
    assert str(512 * 1024) in too_big.json()["detail"]


async def test_utf8_header_values_pass_unchanged(client: httpx.AsyncClient, seen: Seen) -> None:
    name = "营业执照 副本.pdf"
    echo = (await client.get("/catalog/echo/h", headers={b"X-File-Name": name.encode()})).json()

    assert seen(echo, "x-file-name") == [name]


async def test_an_upstreams_answer_is_read_whole_before_it_goes_to_the_client(
    gateway_settings: Any, upstreams: dict[str, Any], serve: Any
) -> None:
    """nginx's proxy buffering: the answer is read whole (a large one into a temporary file) and the upstream's
    slot given back before the client gets any of it, so a client that reads slowly or not at all holds no slot
    (outside try, issue 21)."""
    catalog = upstreams["catalog"]
    catalog.release.clear()
    async with serve(create_app(gateway_settings()), lifespan="on") as url, httpx.AsyncClient() as client:

        async def first_part() -> bytes:
            async with client.stream("GET", f"{url}/catalog/drip") as response:
                assert response.status_code == 200
                return await anext(response.aiter_raw())

        first = asyncio.create_task(first_part())
        await asyncio.sleep(0.3)
        assert not first.done()  # "first;" is not sent while the upstream's answer is unfinished
        catalog.release.set()
        assert await first == b"first;rest"
        large = await client.get(f"{url}/catalog/big", params={"size": 3 * 1024 * 1024})
    assert large.status_code == 200
    assert large.content == b"".join(bytes([n % 256]) * 65536 for n in range(48))  # spooled, whole, in order


async def test_a_client_that_reads_none_of_its_answers_holds_no_upstream_slot(
    gateway_settings: Any, serve: Any
) -> None:
    """Outside try: connections that pipelined requests for a large answer and read nothing kept every slot of
    the upstream for as long as they stayed open, and everyone else got 503 upstream_busy. Now each answer is
    fetched with a slot and delivered without it, and a client that reads nothing for ``body_timeout`` seconds
    is cut off."""
    settings = gateway_settings(upstream_concurrency_overrides={"catalog": 2}, body_timeout=3.0)
    request = b"GET /catalog/big?size=1000000 HTTP/1.1\r\nHost: gateway.test\r\n\r\n"
    async with serve(create_app(settings), lifespan="on") as url:
        host, port = url.removeprefix("http://").split(":")
        stalled = []
        for _ in range(4):  # twice the slots, each asking for 20 MB and reading none of it
            sock = socket.socket()
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            sock.connect((host, int(port)))
            sock.sendall(request * 20)
            stalled.append(sock)
        await asyncio.sleep(0.5)
        async with httpx.AsyncClient(base_url=url, timeout=5) as client:
            for _ in range(5):
                assert (await client.get("/catalog/items/A1")).status_code == 200
        await asyncio.sleep(4.0)  # past body_timeout
        for sock in stalled:
            assert await asyncio.to_thread(_cut_off, sock)


def _cut_off(sock: socket.socket) -> bool:
    """Whether the gateway ended the connection (what it had sent read first)."""
    sock.settimeout(5)
    try:
        while sock.recv(1 << 20):
            pass
    except ConnectionResetError:
        return True
    except TimeoutError:
        return False
    finally:
        sock.close()
    return True


async def test_issue20_failure10_a_hung_upstream_is_cut_short_except_on_the_routes_that_may_take_long(
    gateway: Any,
) -> None:
    """A hung upstream kept the client 30 s; the default is short now, and only the listed routes wait longer."""
    async with gateway(read_timeout=0.2, route_timeouts={"GET /catalog/slow": 5.0}) as client:
        assert (await client.get("/catalog/slow")).json() == {"status": "late"}
    async with gateway(read_timeout=0.2, route_timeouts={"GET /catalog/slo": 5.0}) as client:
        assert (await client.get("/catalog/slow")).status_code == 504  # a prefix is a whole path segment
    assert GatewaySettings().read_timeout <= 10
    assert GatewaySettings().route_timeouts["POST /catalog/imports"] >= 120


async def test_a_large_body_with_no_room_to_spool_is_503_with_retry_after(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch, tokens: TokenFactory
) -> None:
    """A pod's temporary folder is a small in-memory volume: when it is full, the large body is refused with
    ``Retry-After`` before anything is forwarded, not failed half-way as a 500."""

    class Full:
        def __init__(self, **_: Any) -> None:
            pass

        def write(self, _: bytes) -> int:
            raise OSError(28, "No space left on device")

        def close(self) -> None:
            pass

    async def body() -> AsyncIterator[bytes]:
        for _ in range(6):  # in parts: past 256 KiB the rest is spooled
            yield b"x" * 65536
            await asyncio.sleep(0.01)

    monkeypatch.setattr("gateway.proxy.tempfile.SpooledTemporaryFile", Full)
    response = await client.post("/catalog/upload", content=body(), headers=tokens.headers())
    assert (response.status_code, response.json()["code"]) == (503, "body_spool_full")
    assert response.headers["retry-after"] == "5"
