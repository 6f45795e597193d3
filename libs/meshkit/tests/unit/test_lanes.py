"""Fast lanes: a matching request goes to its handler, errors become the app's problem responses, the rest
passes to the app, and the request id and duration metric still apply."""

import json
from contextlib import asynccontextmanager
from typing import Annotated

import httpx
import pytest
from fastapi import APIRouter, FastAPI, Header, Path, Request, Response
from fastapi.dependencies.utils import request_params_to_args
from pydantic import BaseModel, Field

from meshkit.app import build_app
from meshkit.errors import ProblemError
from meshkit.lanes import ServedBy, _path_values, declared, lanes_of
from meshkit.settings import ServiceSettings

pytestmark = pytest.mark.unit


class ThingIn(BaseModel):
    size: int = Field(ge=0)


async def fast(request: Request) -> Response:
    code = request.path_params["code"]
    if code == "missing":
        raise ProblemError("no such thing", status=404, code="thing_not_found")
    if code == "boom":
        raise RuntimeError("unexpected")
    given = await declared(request, ThingIn)
    answer = {"lane": given.path["code"], "size": given.body.size, "tag": given.headers["x_tag"]}
    return Response(json.dumps(answer), media_type="application/json")


class _FastRoute(ServedBy):
    handler = staticmethod(fast)


def app() -> FastAPI:
    router = APIRouter()

    async def do_thing(
        code: Annotated[str, Path(max_length=8)],
        body: ThingIn,
        x_tag: Annotated[str | None, Header(max_length=4)] = None,
    ) -> dict[str, str]:
        raise RuntimeError("served by the lane")

    router.add_api_route("/things/{code}/do", do_thing, methods=["POST"], route_class_override=_FastRoute)

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
    )


@pytest.fixture
async def client():  # type: ignore[no-untyped-def]
    transport = httpx.ASGITransport(app=app(), raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as c:
        yield c


async def test_the_lane_serves_its_route_and_the_rest_passes(client: httpx.AsyncClient) -> None:
    served = await client.post(
        "/things/a/do", headers={"X-Request-Id": "req-1", "X-Tag": "t"}, json={"size": 2}
    )
    assert served.json() == {"lane": "a", "size": 2, "tag": "t"}
    assert served.headers["x-request-id"] == "req-1"
    assert (await client.get("/things/a/do")).json() == {"route": "a"}  # another method: the app's route
    assert (await client.post("/things/a/other")).status_code == 404


async def test_errors_are_the_apps_problem_responses(client: httpx.AsyncClient) -> None:
    missing = await client.post("/things/missing/do")
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"
    assert missing.json()["code"] == "thing_not_found"
    invalid = await client.post("/things/a/do", json={"size": -1})
    assert invalid.status_code == 422
    assert invalid.json()["code"] == "validation_failed"
    boom = await client.post("/things/boom/do")
    assert boom.status_code == 500
    assert boom.json()["code"] == "internal_error"


async def test_declared_route_stays_in_the_docs() -> None:
    assert "/things/{code}/do" in app().openapi()["paths"]


async def test_the_lane_validates_what_the_route_declares(client: httpx.AsyncClient) -> None:
    """Path, header and body limits come from the declared signature (nothing checked by hand in the
    handler): every violation in one 422, parameters before the body."""
    answer = await client.post("/things/much-too-long/do", headers={"X-Tag": "too long"}, json={"size": -1})
    assert answer.status_code == 422
    fields = [e["field"] for e in answer.json()["errors"]]
    assert fields == ["path.code", "header.x-tag", "body.size"]
    missing = await client.post("/things/a/do")
    assert missing.status_code == 422
    assert [e["field"] for e in missing.json()["errors"]] == ["body"]


async def test_a_query_string_is_still_looked_at_when_the_route_declares_none(
    client: httpx.AsyncClient,
) -> None:
    """Issue 21 (the read path's CPU): a lane without query parameters skips parsing an empty query string, but a
    query string that is there is still looked at like every input — a refused character is a 422 naming it."""
    clean = await client.post("/things/a/do?unused=1", json={"size": 1})
    assert clean.status_code == 200
    hostile = await client.post("/things/a/do?note=%E2%80%AEx", json={"size": 1})
    assert hostile.status_code == 422
    assert [e["field"] for e in hostile.json()["errors"]] == ["query.note"]


def test_path_parameters_are_validated_as_fastapi_validates_them() -> None:
    """Issue 21 (the read path's CPU): a lane validates its path parameters with each field's own validator,
    without FastAPI's generic parameter code — the values and the errors must be FastAPI's, byte for byte."""
    router = APIRouter()

    async def do_thing(code: Annotated[str, Path(max_length=8)], body: ThingIn) -> None:
        raise RuntimeError("served by the lane")

    router.add_api_route("/things/{code}/do", do_thing, methods=["POST"], route_class_override=_FastRoute)
    fields = lanes_of([router])[0].route.dependant.path_params
    for received in ({"code": "a"}, {"code": "much-too-long"}, {}):
        assert _path_values(fields, received) == request_params_to_args(fields, received)
