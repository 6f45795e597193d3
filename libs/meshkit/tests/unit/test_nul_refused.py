"""U+0000 never reaches a route: PostgreSQL text cannot hold it, so it would fail the first statement storing it
(as a 500, after whatever the request did before). Refused at the door for every service and the gateway."""

import httpx
import pytest
from fastapi import FastAPI
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from meshkit.errors import install_error_handlers
from meshkit.middleware import BodyLimitMiddleware

pytestmark = pytest.mark.unit

reached: list[bytes] = []


async def echo(request: Request) -> JSONResponse:
    body = await request.body()
    reached.append(body)
    return JSONResponse({"bytes": len(body)})


def client() -> httpx.AsyncClient:
    app = FastAPI(  # the middleware where build_app adds it, with the app's problem handlers
        routes=[Route("/{path:path}", echo, methods=["GET", "POST"])],
        middleware=[Middleware(BodyLimitMiddleware, max_bytes=1 << 20)],
    )
    install_error_handlers(app)
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test")


@pytest.mark.parametrize(
    ("url", "body", "content_type"),
    [
        ("/resources/%00/read", b"{}", "application/json"),
        ("/resources?provider=%00", b"", "application/json"),
        ("/read", b'{"purpose": "\\u0000"}', "application/json"),
        ("/read", b'{"purpose": "a\x00b"}', "application/json; charset=utf-8"),
        ("/read", b'{"purpose": "\\u0000"}', "application/vnd.tongban+json"),
        ("/read", b'{"purpose": "\\u0000"}', ""),
    ],
)
async def test_nul_is_refused_before_any_route(url: str, body: bytes, content_type: str) -> None:
    reached.clear()
    async with client() as http:
        response = await http.post(url, content=body, headers={"content-type": content_type})
    assert response.status_code == 400, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["code"] == "invalid_character"
    assert "空字符" in response.json()["detail"]
    assert reached == []


async def test_nul_split_across_chunks_is_caught() -> None:
    async def chunks():  # type: ignore[no-untyped-def]
        yield b'{"purpose": "abc\\u00'
        yield b'00"}'

    async with client() as http:
        response = await http.post("/read", content=chunks(), headers={"content-type": "application/json"})
    assert response.json()["code"] == "invalid_character"


async def test_uploads_and_escaped_backslashes_pass() -> None:
    reached.clear()
    async with client() as http:
        upload = await http.post(
            "/upload", content=b"%PDF\x00\x01", headers={"content-type": "application/pdf"}
        )
        undeclared = await http.post("/upload", content=b"PK\x03\x04\x00\x00")  # a workbook sent bare
        text = await http.post(
            "/read", content=b'{"purpose": "\\\\u0001 literal"}', headers={"content-type": "application/json"}
        )
    assert (upload.status_code, undeclared.status_code, text.status_code) == (200, 200, 200)
    assert len(reached) == 3
