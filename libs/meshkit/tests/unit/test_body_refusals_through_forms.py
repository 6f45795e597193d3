"""A streamed body over the limit, or a form carrying U+0000, refused with the same problems when a route's own
body parsing (FastAPI's form parser) is what reads it — found by an outside tester: a chunked 5 MiB form sent
straight to identity got 400 "There was an error parsing the body" instead of 413."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated

import httpx
import pytest
from fastapi import FastAPI, Form

from meshkit.app import build_app
from meshkit.settings import ServiceSettings

pytestmark = pytest.mark.unit


def app() -> FastAPI:
    from fastapi import APIRouter

    router = APIRouter()

    @router.post("/login")
    async def login(name: Annotated[str, Form(max_length=64)]) -> dict[str, str]:
        return {"name": name}

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield

    return build_app(
        service="forms",
        title="t",
        description="d",
        settings=ServiceSettings(),
        lifespan=lifespan,
        routers=[router],
    )


async def _chunks(size: int) -> AsyncIterator[bytes]:
    yield b"name="
    for _ in range(size // 65536):
        yield b"a" * 65536


async def test_a_chunked_form_over_the_limit_is_413() -> None:
    transport = httpx.ASGITransport(app=app())
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        answer = await client.post(
            "/login",
            content=_chunks(5 * 1024 * 1024),
            headers={"content-type": "application/x-www-form-urlencoded"},
        )
    assert answer.status_code == 413
    assert answer.json()["code"] == "payload_too_large"
    assert "请求体超过上限" in answer.json()["detail"]


async def test_a_form_with_nul_is_422_naming_the_field() -> None:
    transport = httpx.ASGITransport(app=app())
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        answer = await client.post("/login", data={"name": "a\x00b"})
    assert answer.status_code == 422
    assert answer.json()["code"] == "validation_failed"
    assert [e["field"] for e in answer.json()["errors"]] == ["body.name"]
