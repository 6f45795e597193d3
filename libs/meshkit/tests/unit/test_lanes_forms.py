"""Issue 21 (token endpoint): a form route's lane (:class:`meshkit.lanes.ServedFirstBy`) answers the requests it
wants and hands the rest on to the route, body and all; :func:`meshkit.lane_forms.plain_form` admits only a body that
Starlette's form parser and the route's declaration would read the same way."""

from contextlib import asynccontextmanager
from typing import Annotated

import httpx
import pytest
from fastapi import APIRouter, FastAPI, Form, Request, Response
from fastapi.responses import JSONResponse

from meshkit.app import build_app
from meshkit.guard import GuardedRoute
from meshkit.lane_forms import plain_form
from meshkit.lanes import ServedFirstBy
from meshkit.settings import ServiceSettings

pytestmark = pytest.mark.unit


async def fast(request: Request) -> Response | None:
    fields = await plain_form(request)
    if fields is None or fields.get("kind") != "plain":
        return None
    return JSONResponse({"by": "lane", **fields})


class _FormRoute(GuardedRoute, ServedFirstBy):
    handler = staticmethod(fast)


def app() -> FastAPI:
    router = APIRouter()

    async def take(
        kind: Annotated[str, Form(max_length=10)], note: Annotated[str | None, Form(max_length=5)] = None
    ) -> dict[str, str | None]:
        return {"by": "route", "kind": kind, "note": note}

    router.add_api_route("/forms", take, methods=["POST"], route_class_override=_FormRoute)

    @asynccontextmanager
    async def lifespan(_: FastAPI):  # type: ignore[no-untyped-def]
        yield

    return build_app(
        service="forms",
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


FORM = {"content-type": "application/x-www-form-urlencoded"}


async def test_issue21_form_lane_answers_a_plain_form_and_hands_on_the_rest(
    client: httpx.AsyncClient,
) -> None:
    """The lane answers what it wants; the route gets everything else with the body intact."""
    plain = await client.post("/forms", content=b"kind=plain&note=a+b", headers=FORM)
    assert plain.json() == {"by": "lane", "kind": "plain", "note": "a b"}
    other = await client.post("/forms", content=b"kind=other&note=x%20y", headers=FORM)
    assert other.json() == {"by": "route", "kind": "other", "note": "x y"}


@pytest.mark.parametrize(
    ("body", "headers"),
    [
        (b"kind=plain&kind=plain", FORM),  # repeated
        (b"kind=plain&extra=1", FORM),  # not declared
        (b"kind=plain&note=", FORM),  # empty (FastAPI reads it as missing)
        (b"kind=plain&note=toolong", FORM),  # over max_length
        (b"kind=plain&note=%ff", FORM),  # not UTF-8 once decoded
        ("kind=plain&note=目".encode(), FORM),  # not ASCII on the wire
        (b"kind=plain;note=a", FORM),  # another separator
        (b"kind=plain&note", FORM),  # a pair without '='
        (b"kind=plain&note=a%01", FORM),  # a control character
        (b"kind=plain", {"content-type": "multipart/form-data; boundary=x"}),
        (b"kind=plain", {**FORM, "content-encoding": "gzip"}),
        (b"", FORM),
    ],
)
async def test_issue21_plain_form_hands_anything_unusual_to_the_route(
    client: httpx.AsyncClient, body: bytes, headers: dict[str, str]
) -> None:
    """Whatever the route might read or refuse differently is not the lane's: the route answers it."""
    answer = await client.post("/forms", content=body, headers=headers)
    assert "lane" not in answer.text
    query = await client.post("/forms?kind=plain", content=b"kind=plain", headers=FORM)
    assert "lane" not in query.text
