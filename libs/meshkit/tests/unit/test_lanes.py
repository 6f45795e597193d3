"""Fast lanes: a matching request goes to its handler, errors become the app's problem responses, the rest
passes to the app, and the request id and duration metric still apply."""

from contextlib import asynccontextmanager

import httpx
import pytest
from fastapi import APIRouter, FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError

from meshkit.app import build_app
from meshkit.errors import ProblemError
from meshkit.lanes import Lane
from meshkit.settings import ServiceSettings

pytestmark = pytest.mark.unit


async def fast(request: Request) -> Response:
    code = request.path_params["code"]
    if code == "missing":
        raise ProblemError("no such thing", status=404, code="thing_not_found")
    if code == "invalid":
        raise RequestValidationError([{"type": "missing", "loc": ("body", "x"), "msg": "Field required"}])
    if code == "boom":
        raise RuntimeError("unexpected")
    return Response(f'{{"lane": "{code}"}}', media_type="application/json")


def app() -> FastAPI:
    router = APIRouter()

    @router.post("/things/{code}/do")
    async def declared(code: str) -> dict[str, str]:
        return {"route": code}

    @router.get("/things/{code}/do")
    async def other_method(code: str) -> dict[str, str]:
        return {"route": code}

    @asynccontextmanager
    async def lifespan(_: FastAPI):  # type: ignore[no-untyped-def]
        yield

    return build_app(
        service="lanes",
        title="t",
        description="d",
        settings=ServiceSettings(),
        lifespan=lifespan,
        routers=[router],
        lanes=[Lane("POST", "/things/{code}/do", fast)],
    )


@pytest.fixture
async def client():  # type: ignore[no-untyped-def]
    transport = httpx.ASGITransport(app=app(), raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as c:
        yield c


async def test_the_lane_serves_its_route_and_the_rest_passes(client: httpx.AsyncClient) -> None:
    served = await client.post("/things/a/do", headers={"X-Request-Id": "req-1"})
    assert served.json() == {"lane": "a"}
    assert served.headers["x-request-id"] == "req-1"
    assert (await client.get("/things/a/do")).json() == {"route": "a"}  # another method: the app's route
    assert (await client.post("/things/a/other")).status_code == 404


async def test_errors_are_the_apps_problem_responses(client: httpx.AsyncClient) -> None:
    missing = await client.post("/things/missing/do")
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"
    assert missing.json()["code"] == "thing_not_found"
    invalid = await client.post("/things/invalid/do")
    assert invalid.status_code == 422
    assert invalid.json()["code"] == "validation_failed"
    boom = await client.post("/things/boom/do")
    assert boom.status_code == 500
    assert boom.json()["code"] == "internal_error"


async def test_declared_route_stays_in_the_docs() -> None:
    assert "/things/{code}/do" in app().openapi()["paths"]
