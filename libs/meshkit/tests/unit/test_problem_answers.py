"""Issue 18: a 500 the app answered keeps the connection (failure 6); a 405's ``Allow`` lists every method of the
path and a problem's ``instance`` is a safe, percent-encoded URI reference (failure 12)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
import pytest
import uvicorn
from fastapi import APIRouter, FastAPI, Request
from starlette.requests import ClientDisconnect

from meshkit.app import build_app
from meshkit.embedded import free_port
from meshkit.errors import ProblemError, install_error_handlers
from meshkit.problem_fields import INSTANCE_MAX, instance_uri
from meshkit.settings import ServiceSettings


def app() -> FastAPI:
    router = APIRouter()

    @router.get("/organizations")
    async def list_organizations() -> list[str]:
        return []

    @router.post("/organizations")
    async def create_organization() -> dict[str, str]:
        return {}

    @router.put("/organizations/{code}")
    async def replace_organization(code: str) -> dict[str, str]:
        return {}

    @router.get("/organizations/{code}")
    async def get_organization(code: str) -> dict[str, str]:
        raise ProblemError(f"没有这个组织 {code!r}", status=404, code="organization_not_found")

    @router.get("/boom")
    async def boom() -> None:
        raise RuntimeError("a bug")

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield

    return build_app(
        service="answers",
        title="t",
        description="d",
        settings=ServiceSettings(),
        lifespan=lifespan,
        routers=[router],
    )


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app())
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as c:
        yield c


async def test_issue_18_failure_6_a_500_keeps_the_connection_and_is_logged_once(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Issue 18 failure 6 (the cause): uvicorn closed the connection after the app's 500 — a pooling client's next
    request on it was cut off — and logged the traceback a second time. Two requests on one connection now."""
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(app(), host="127.0.0.1", port=port, lifespan="on", log_level="error")
    )
    task = asyncio.create_task(server.serve())
    try:
        while not server.started:
            assert not task.done()
            await asyncio.sleep(0.01)
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        answers = []
        for path in ("/boom", "/organizations"):
            writer.write(f"GET {path} HTTP/1.1\r\nHost: test\r\n\r\n".encode())
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 5)
            length = int(
                next(h for h in head.split(b"\r\n") if h.lower().startswith(b"content-length")).split(b":")[1]
            )
            await reader.readexactly(length)
            answers.append(head.split(b" ", 2)[1])
        writer.close()
        assert answers == [b"500", b"200"]  # the second on the same connection
    finally:
        server.should_exit = True
        await task
    tracebacks = [r for r in caplog.records if r.exc_info and r.levelno >= logging.ERROR]
    assert len(tracebacks) == 1, [r.getMessage() for r in tracebacks]


async def test_issue_18_failure_12_allow_lists_every_method_of_the_path(client: httpx.AsyncClient) -> None:
    """Issue 18 failure 12: ``DELETE /organizations`` answered ``Allow: GET`` although POST is a route too."""
    collection = await client.delete("/organizations")
    item = await client.delete("/organizations/500110-SCJGJ")

    assert (collection.status_code, collection.headers["allow"]) == (405, "GET, HEAD, POST")
    assert (item.status_code, item.headers["allow"]) == (405, "GET, HEAD, PUT")
    assert collection.json()["code"] == "method_not_allowed"


async def test_issue_18_failure_12_instance_never_echoes_control_characters(
    client: httpx.AsyncClient,
) -> None:
    """Issue 18 failure 12: ``instance`` was the raw decoded path, control characters and all."""
    found = await client.get("/organizations/a%07b%E2%80%AE%0A%25")
    unknown = await client.get("/no/such%1B[31mroute")
    long = await client.get("/organizations/" + "%07" * 2000)

    # control characters in the path: refused at the edge before any route (session 12), instance still encoded
    assert (found.status_code, found.json()["code"]) == (400, "malformed_path")
    assert unknown.status_code == 400
    assert found.json()["instance"] == "/organizations/a%07b%E2%80%AE%0A%25"
    assert unknown.json()["instance"] == "/no/such%1B%5B31mroute"
    assert "\x1b" not in unknown.json()["detail"]
    assert len(long.json()["instance"]) <= INSTANCE_MAX
    assert long.json()["instance"].endswith("%07")  # never cut inside an escape
    assert (await client.get("/organizations/500110-SCJGJ")).json()[
        "instance"
    ] == "/organizations/500110-SCJGJ"


def test_issue_18_failure_12_instance_keeps_ordinary_paths_and_encodes_the_rest() -> None:
    assert instance_uri("/catalog/matters/500110-SCJGJ-SPJY-XK") == "/catalog/matters/500110-SCJGJ-SPJY-XK"
    assert instance_uri("/catalog/search/开饭店") == "/catalog/search/%E5%BC%80%E9%A5%AD%E5%BA%97"
    assert instance_uri('/a b"<x>') == "/a%20b%22%3Cx%3E"
    assert instance_uri(None) is None


async def test_a_client_that_disconnects_mid_body_is_not_an_internal_error(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A client gone before its body arrived whole used to log "unhandled error" with a traceback (and a 500)."""
    app = FastAPI()
    install_error_handlers(app)

    @app.post("/things")
    async def things(request: Request) -> dict[str, int]:
        return {"size": len(await request.body())}

    messages = iter(
        [
            {"type": "http.request", "body": b'{"a":', "more_body": True},
            {"type": "http.disconnect"},
        ]
    )

    async def receive() -> dict[str, object]:
        return next(messages)

    sent: list[dict[str, object]] = []

    async def send(message: dict[str, object]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "method": "POST",
        "path": "/things",
        "raw_path": b"/things",
        "query_string": b"",
        "headers": [(b"content-type", b"application/json")],
        "http_version": "1.1",
        "scheme": "http",
        "server": ("t", 80),
        "client": ("127.0.0.1", 5000),
        "root_path": "",
    }
    with caplog.at_level(logging.INFO), contextlib.suppress(ClientDisconnect):
        await app(scope, receive, send)
    assert sent[0]["status"] == 400
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_head_is_answered_as_get_without_the_body(client: httpx.AsyncClient) -> None:
    """Outside try of issue 18: `HEAD /cases/open-matters` was 405 (RFC 9110 §9.3.2 asks general servers for
    HEAD); 405 answers now list HEAD wherever GET is allowed."""
    get = await client.get("/organizations")
    head = await client.head("/organizations")
    assert head.status_code == 200
    assert head.content == b""
    assert head.headers["content-length"] == get.headers["content-length"]
    refused = await client.delete("/organizations")
    assert refused.status_code == 405
    assert refused.headers["allow"] == "GET, HEAD, POST"


async def test_instance_is_the_path_the_client_used_through_the_gateway(client: httpx.AsyncClient) -> None:
    """Outside try of issue 18: behind the gateway `instance` was the service's own path (`/matters/x`) while the
    gateway's own problems name the client's (`/catalog/matters/x`)."""
    through = await client.get("/organizations/x", headers={"x-forwarded-prefix": "/identity"})
    assert through.json()["instance"] == "/identity/organizations/x"
    direct = await client.get("/organizations/x")
    assert direct.json()["instance"] == "/organizations/x"
    odd = await client.get("/organizations/x", headers={"x-forwarded-prefix": "/a b"})
    assert odd.json()["instance"] == "/organizations/x"


async def test_an_unknown_path_behind_the_gateway_is_named_as_the_client_asked_for_it(
    client: httpx.AsyncClient,
) -> None:
    """Outside try of issue 21: a service's 404 said `没有这个接口: GET /nope` for the client's `/catalog/nope` —
    the detail now names the path the client used, as `instance` does."""
    through = (await client.get("/no-such-thing", headers={"x-forwarded-prefix": "/catalog"})).json()
    assert (through["code"], through["instance"]) == ("route_not_found", "/catalog/no-such-thing")
    assert through["detail"] == "没有这个接口: GET /catalog/no-such-thing"
    direct = (await client.get("/no-such-thing")).json()
    assert direct["detail"] == "没有这个接口: GET /no-such-thing"
