"""Issue 17, failure 9 (meshkit part): every response says ``X-Content-Type-Options: nosniff`` and nothing about
the server; a route declared personal (``NoStore`` on the route or its router, a fast lane's route included) answers
``Cache-Control: no-store`` whatever it returns; a service refuses a body over its limit itself, except on the
routes given a larger one."""

from contextlib import asynccontextmanager

import httpx
import pytest
from fastapi import APIRouter, FastAPI, Request, Response

from meshkit.app import build_app
from meshkit.errors import ProblemError
from meshkit.headers import NoStore
from meshkit.lanes import ServedBy
from meshkit.settings import ServiceSettings

pytestmark = pytest.mark.unit


async def lane_handler(request: Request) -> Response:
    return Response('{"lane": true}', media_type="application/json")


class _LaneRoute(ServedBy):
    handler = staticmethod(lane_handler)


def app() -> FastAPI:
    public = APIRouter()
    personal = APIRouter(prefix="/me", dependencies=[NoStore])

    @public.get("/public")
    async def public_route() -> dict[str, str]:
        return {"public": "yes"}

    @public.get("/one-personal", dependencies=[NoStore])
    async def one_personal() -> Response:
        return Response("{}", media_type="application/json", headers={"Cache-Control": "max-age=600"})

    @public.get("/boom")
    async def boom() -> None:
        raise RuntimeError("unexpected")

    @personal.get("")
    async def me() -> dict[str, str]:
        return {"name": "陈晓梅"}

    @personal.get("/missing")
    async def missing() -> None:
        raise ProblemError("没有", status=404, code="not_found")

    @public.post("/echo")
    async def echo(request: Request) -> dict[str, int]:
        return {"size": len(await request.body())}

    @public.post("/files/{name}")
    async def files(name: str, request: Request) -> dict[str, int]:
        return {"size": len(await request.body())}

    async def lane_route(code: str) -> dict[str, bool]:
        raise RuntimeError("served by the lane")

    # a fast lane runs no dependencies: its router's declaration is read from the route it was declared as
    personal.add_api_route("/lane/{code}", lane_route, methods=["POST"], route_class_override=_LaneRoute)

    @asynccontextmanager
    async def lifespan(_: FastAPI):  # type: ignore[no-untyped-def]
        yield

    return build_app(
        service="headers",
        title="t",
        description="d",
        settings=ServiceSettings(max_body_bytes=2048),
        lifespan=lifespan,
        routers=[public, personal],
        body_limits=[("/files/{name}", 10_000)],
    )


@pytest.fixture
async def client():  # type: ignore[no-untyped-def]
    transport = httpx.ASGITransport(app=app(), raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as c:
        yield c


async def test_issue17_failure9_nosniff_on_every_response_and_no_server(client: httpx.AsyncClient) -> None:
    responses = [
        await client.get("/public"),
        await client.get("/me"),
        await client.get("/me/missing"),
        await client.get("/no-such-route"),
        await client.get("/boom"),  # a 500 from Starlette's server-error middleware, outside ours
        await client.post("/me/lane/x"),
        await client.post("/echo", content=b"x" * 5000),  # 413 before any route
    ]
    assert [r.status_code for r in responses] == [200, 200, 404, 404, 500, 200, 413]
    for response in responses:
        assert response.headers["x-content-type-options"] == "nosniff", response.request.url
        assert "server" not in response.headers


async def test_issue17_failure9_personal_routes_are_no_store(client: httpx.AsyncClient) -> None:
    assert "cache-control" not in (await client.get("/public")).headers
    for response in (
        await client.get("/me"),  # the router's declaration
        await client.get("/me/missing"),  # a problem raised half-way, still personal
        await client.get("/one-personal"),  # the route's own Cache-Control replaced
        await client.post("/me/lane/x"),  # a fast lane
    ):
        assert response.headers["cache-control"] == "no-store", response.request.url


async def test_issue17_failure9_each_service_limits_bodies_itself(client: httpx.AsyncClient) -> None:
    refused = await client.post("/echo", content=b"x" * 3000)
    assert refused.status_code == 413
    assert refused.json()["code"] == "payload_too_large"
    assert "请求体超过上限 2048 字节" in refused.json()["detail"]
    taken = await client.post("/files/a.pdf", content=b"x" * 3000)
    assert taken.json() == {"size": 3000}
    assert (await client.post("/files/a.pdf", content=b"x" * 10_001)).status_code == 413
