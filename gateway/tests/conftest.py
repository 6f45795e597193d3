"""Real upstreams on loopback (uvicorn in the session's event loop) and the gateway driven in-process."""

from __future__ import annotations

import asyncio
import hashlib
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass, field
from typing import Any, Literal

import httpx
import pytest
import uvicorn
from fastapi import FastAPI, Request, Response, Security
from fastapi.responses import StreamingResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel

from gateway.front import GatewayApp
from gateway.main import create_app
from gateway.routes import SERVICES
from gateway.server import GatewayProtocol
from gateway.settings import GatewaySettings
from meshkit.embedded import EmbeddedNats, free_port
from meshkit.testing.tokens import TokenFactory


@dataclass
class Upstream:
    name: str
    url: str
    first_chunk: asyncio.Event = field(default_factory=asyncio.Event)
    release: asyncio.Event = field(default_factory=asyncio.Event)


class Material(BaseModel):
    name: str


def upstream_app(name: str, upstream: Upstream) -> FastAPI:
    """A small service: echo, slow, big, upload, readyz, and a documented model with nested refs."""
    app = FastAPI(title=name)
    bearer = HTTPBearer(auto_error=False)
    item = type(
        f"{'Matter' if name == 'catalog' else 'Case'}Out",
        (BaseModel,),
        {
            "__annotations__": {"code": str, "materials": list[Material]},
        },
    )

    @app.get("/readyz")
    async def readyz() -> dict[str, str]:
        return {"status": "ready"}

    @app.get("/metrics", include_in_schema=False)
    async def metrics() -> Response:  # inside only: the gateway must never route here
        return Response(f"# {name} internals\n", media_type="text/plain")

    @app.get("/items/{code}", response_model=item, tags=["items"])
    async def get_item(
        code: str, token: HTTPAuthorizationCredentials | None = Security(bearer)
    ) -> dict[str, Any]:
        return {"code": code, "materials": [{"name": "id card"}]}

    @app.api_route(
        "/echo/{rest:path}", methods=["GET", "HEAD", "POST", "PUT", "DELETE"], include_in_schema=False
    )
    async def echo(rest: str, request: Request) -> Response:
        body = await request.body()
        payload = {
            "service": name,
            "method": request.method,
            "raw_path": request.scope["raw_path"].decode(),
            "query": request.scope["query_string"].decode(),
            "headers": [[k.decode(), v.decode()] for k, v in request.scope["headers"]],
            "body_size": len(body),
            "body": body.decode(errors="replace")[:200],
        }
        headers = {
            "X-Keep": "yes",
            "Keep-Alive": "timeout=5",
            "Proxy-Authenticate": "Basic",
            "X-Secret-Hop": "1",
            "Connection": "X-Secret-Hop",
            "X-Request-Id": "upstream-own-id",
            "Set-Cookie": "s=1; Path=/",
        }
        return Response(
            httpx.Response(200, json=payload).content, media_type="application/json", headers=headers
        )

    @app.get("/slow")
    async def slow() -> dict[str, str]:
        await asyncio.sleep(1.0)
        return {"status": "late"}

    @app.post("/slow")
    async def slow_write() -> dict[str, str]:  # a write the service completes after the gateway gave up
        await asyncio.sleep(1.0)
        return {"status": "filed"}

    @app.get("/big")
    async def big(size: int) -> StreamingResponse:
        async def chunks() -> AsyncIterator[bytes]:
            for start in range(0, size, 65536):
                yield bytes((start // 65536) % 256 for _ in range(min(65536, size - start)))

        return StreamingResponse(chunks(), media_type="application/octet-stream")

    @app.get("/drip")
    async def drip() -> StreamingResponse:
        async def chunks() -> AsyncIterator[bytes]:
            yield b"first;"
            await asyncio.wait_for(upstream.release.wait(), 5)
            yield b"rest"

        return StreamingResponse(chunks(), media_type="text/plain")

    @app.post("/upload")
    async def upload(request: Request) -> dict[str, Any]:
        digest, size = hashlib.sha256(), 0
        async for chunk in request.stream():
            if chunk:
                upstream.first_chunk.set()
            digest.update(chunk)
            size += len(chunk)
        return {"size": size, "sha256": digest.hexdigest(), "length": request.headers.get("content-length")}

    return app


@asynccontextmanager
async def serving(
    app: Any, *, lifespan: Literal["on", "off"] = "off", timeout_keep_alive: int = 5
) -> AsyncIterator[str]:
    """Serve ``app`` with uvicorn on a free loopback port in this event loop; yields its base URL. A gateway app
    is served with the gateway's own protocol (:class:`gateway.server.GatewayProtocol`), as the mesh serves it."""
    port = free_port()
    http = GatewayProtocol if isinstance(app, GatewayApp) else "httptools"
    config = uvicorn.Config(
        app,
        host="127.0.0.1",
        port=port,
        log_level="warning",
        lifespan=lifespan,
        ws="none",
        timeout_graceful_shutdown=1,
        timeout_keep_alive=timeout_keep_alive,
        http=http,
    )
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    while not server.started:
        if task.done():
            task.result()  # it failed to start: raise why
        await asyncio.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task


@pytest.fixture(scope="session")
async def upstreams() -> AsyncIterator[dict[str, Upstream]]:
    """``catalog`` and ``cases`` run for real; ``identity`` and ``exchange`` point at ports nobody uses."""
    running = {name: Upstream(name, f"http://127.0.0.1:{free_port()}") for name in SERVICES}
    async with serving(upstream_app("catalog", running["catalog"])) as catalog_url:
        running["catalog"].url = catalog_url
        async with serving(upstream_app("cases", running["cases"])) as cases_url:
            running["cases"].url = cases_url
            yield running


@pytest.fixture
def serve() -> Callable[..., AbstractAsyncContextManager[str]]:
    """``async with serve(app, lifespan="on") as base_url``: ``app`` under a real uvicorn on loopback."""
    return serving


@pytest.fixture(scope="session")
def limits_nats(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedNats]:
    """A NATS of the gateway tests' own for the rate limits' counts: each test counts in a bucket of its own, which
    the mesh's ``gateway`` user (one bucket, ``gateway_limits``) may not create on the session's NATS. That user's
    permissions are exercised by deploy/tests/test_nats_permissions.py and the e2e tier."""
    server = EmbeddedNats(store_dir=tmp_path_factory.mktemp("limits-nats"), port=free_port())
    server.start()
    yield server
    server.stop()


@pytest.fixture
def gateway_settings(
    upstreams: dict[str, Upstream], limits_nats: EmbeddedNats
) -> Callable[..., GatewaySettings]:
    """Settings pointing at the test upstreams and the tests' NATS (the rate limits' counts, in a bucket of this
    test's own; revocations), with ``overrides``."""
    bucket = f"limits_{uuid.uuid4().hex[:12]}"

    def make(**overrides: Any) -> GatewaySettings:
        urls = {f"{name}_url": upstream.url for name, upstream in upstreams.items()}
        shared = {"nats_url": limits_nats.url, "rate_limit_bucket": bucket}
        return GatewaySettings(**{**urls, **shared, **overrides})

    return make


GatewayFactory = Callable[..., AbstractAsyncContextManager[httpx.AsyncClient]]


@pytest.fixture
def tokens() -> TokenFactory:
    """Mints tokens the gateway's verifier trusts (its JWKS comes through httpx.MockTransport)."""
    return TokenFactory(issuer="http://issuer.test", audience="tongban")


CLIENT_ADDRESS = "127.0.0.7"
"""Where the tests' client connects from (any 127.x address is this host's own): the gateway sees this address."""


@pytest.fixture
def client_address() -> str:
    """Where the ``gateway`` fixture's client connects from."""
    return CLIENT_ADDRESS


@pytest.fixture
def gateway(gateway_settings: Callable[..., GatewaySettings], tokens: TokenFactory) -> GatewayFactory:
    """``async with gateway(**settings) as client``: the gateway app with its lifespan, served as the mesh serves
    it (uvicorn with the gateway's protocol, :mod:`gateway.server`) on loopback; the client connects from
    :data:`CLIENT_ADDRESS`. ``gateway(asgi=True, ...)``: reached in-process through ASGI instead, from
    203.0.113.7 (an address outside every network the gateway treats as inside)."""

    @asynccontextmanager
    async def start(*, asgi: bool = False, **overrides: Any) -> AsyncIterator[httpx.AsyncClient]:
        app = create_app(gateway_settings(**overrides), verifier=tokens.verifier())
        if asgi:
            async with app.router.lifespan_context(app):
                transport = httpx.ASGITransport(app=app, client=("203.0.113.7", 50000))
                async with httpx.AsyncClient(transport=transport, base_url="http://gateway.test") as client:
                    yield client
            return
        async with serving(app, lifespan="on") as url:
            transport = httpx.AsyncHTTPTransport(local_address=CLIENT_ADDRESS)
            async with httpx.AsyncClient(transport=transport, base_url=url, timeout=30) as client:
                yield client

    return start


@pytest.fixture
async def client(gateway: GatewayFactory) -> AsyncIterator[httpx.AsyncClient]:
    async with gateway() as client:
        yield client


def header_values(echo: dict[str, Any], name: str) -> list[str]:
    return [value for key, value in echo["headers"] if key == name]


EchoHeaders = Callable[[dict[str, Any], str], list[str]]


@pytest.fixture
def seen() -> EchoHeaders:
    """What the upstream saw for one header name (all values)."""
    return header_values
