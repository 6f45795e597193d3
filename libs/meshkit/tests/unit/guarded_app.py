"""A small app built by ``build_app`` the way every service is, for the guard's tests: a JSON write that needs a
staff token (401 without one, 403 for anyone else, from dependencies), a public read with a path and a query
parameter, a form, and a fast lane. Every route records what reached it, as a store would."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Coroutine
from contextlib import asynccontextmanager
from typing import Annotated, Any

import httpx
from fastapi import APIRouter, Depends, FastAPI, Form, Header, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from meshkit.app import build_app
from meshkit.auth import CurrentPrincipal, Principal
from meshkit.errors import ProblemError
from meshkit.hostile import MULTI_LINE, MultiLineText
from meshkit.lanes import ServedBy, declared
from meshkit.settings import ServiceSettings
from meshkit.testing.tokens import TokenFactory

reached: list[Any] = []
looked_up: list[str] = []


class Item(BaseModel):
    label: str = Field(max_length=20)
    remark: MultiLineText = Field(default="", max_length=200)


class ThingIn(BaseModel):
    name: str = Field(min_length=1, max_length=40, title="名称")
    note: MultiLineText = Field(default="", max_length=2000)
    form: Annotated[dict[str, Any], MULTI_LINE] = Field(default_factory=dict)
    items: list[Item] = Field(default_factory=list, max_length=5)
    count: int = Field(default=0, ge=0, le=100)
    kind: str = Field(default="a", pattern="^(a|b)$")


async def staff_only(principal: CurrentPrincipal) -> Principal:
    if principal.kind != "staff":
        raise ProblemError("仅限工作人员", status=403, code="insufficient_scope")
    return principal


async def lookup(code: str) -> str:
    """A dependency that reads the path parameter, as a store lookup would."""
    looked_up.append(code)
    return code


router = APIRouter()


@router.post("/things", status_code=201)
async def create_thing(body: ThingIn, _: Annotated[Principal, Depends(staff_only)]) -> dict[str, Any]:
    reached.append(body.model_dump())
    return {"name": body.name}


@router.get("/things/{code}")
async def read_thing(
    code: Annotated[str, Depends(lookup)],
    q: Annotated[str, Query(max_length=50)] = "",
    note: Annotated[MultiLineText, Query(max_length=50)] = "",
    x_trace_note: Annotated[str, Header(max_length=50)] = "",
) -> dict[str, str]:
    reached.append((code, q))
    return {"code": code, "q": q}


@router.post("/login")
async def login(name: Annotated[str, Form(max_length=64)]) -> dict[str, str]:
    reached.append(name)
    return {"name": name}


async def _lane(request: Request) -> Response:
    if not request.headers.get("authorization"):
        raise ProblemError("需要登录", status=401, code="unauthenticated")
    given = await declared(request, ThingIn)
    reached.append(given.body.model_dump())
    return JSONResponse({"name": given.body.name}, status_code=201)


class _LaneRoute(ServedBy):
    handler = staticmethod(_lane)


async def lane_thing(body: ThingIn) -> dict[str, Any]:
    """Documented from this signature, served by ``_lane``."""
    raise AssertionError("served by the lane")


router.add_api_route("/lane/things", lane_thing, methods=["POST"], route_class_override=_LaneRoute)


def guarded_app(tokens: TokenFactory) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.verifier = tokens.verifier()
        yield

    return build_app(
        service="guarded",
        title="t",
        description="d",
        settings=ServiceSettings(),
        lifespan=lifespan,
        routers=[router],
    )


Client = Callable[[], Coroutine[Any, Any, httpx.AsyncClient]]


@asynccontextmanager
async def client_of(tokens: TokenFactory) -> AsyncIterator[httpx.AsyncClient]:
    reached.clear()
    looked_up.clear()
    app = guarded_app(tokens)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            yield client
