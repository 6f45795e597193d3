"""CORS (跨域) for the OP endpoints a single-page app calls from the browser: discovery, JWKS, token, userinfo
and revocation. Only the origins of registered redirect URIs get an allow header; every other path and origin
is left as it is (Starlette's CORS rules, with the allowed origins read from the client table)."""

from __future__ import annotations

from collections.abc import Callable

from starlette.datastructures import Headers
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from identity.use_cases.oauth_origins import BrowserOrigins
from meshkit.db import Database
from meshkit.errors import problem_response

__all__ = ["BROWSER_PATHS", "OAuthCors"]

BROWSER_PATHS = frozenset(
    {"/.well-known/openid-configuration", "/.well-known/jwks.json", "/token", "/userinfo", "/revoke"}
)


class OAuthCors(CORSMiddleware):
    """No credentials (cookies) cross origins: the calls carry a Bearer token or a form body; preflights are
    answered here, so they never reach the routes. ``database`` gives the database once the app has started."""

    def __init__(self, app: ASGIApp, *, origins: BrowserOrigins, database: Callable[[], Database]) -> None:
        super().__init__(
            app,
            allow_methods=("GET", "POST"),
            allow_headers=("Authorization", "Content-Type", "X-Request-Id"),
            expose_headers=("WWW-Authenticate", "X-Request-Id"),
            allow_credentials=False,
            max_age=600,
        )
        self._origins = origins
        self._database = database

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["path"] not in BROWSER_PATHS
            or b"origin" not in dict(scope["headers"])
        ):
            await self.app(scope, receive, send)
            return
        await self._origins.refresh(self._database())
        await super().__call__(scope, receive, send)

    def is_allowed_origin(self, origin: str) -> bool:
        return origin in self._origins.current

    def preflight_response(self, request_headers: Headers) -> Response:
        answer = super().preflight_response(request_headers)
        if answer.status_code == 200:
            return answer
        refused = bytes(answer.body).decode().removeprefix("Disallowed CORS ")
        return problem_response(
            status=400,
            code="cors_refused",
            detail=f"跨域请求未获准 ({refused})：只有已登记回调地址的网页应用可以从浏览器调用本接口。",
            instance=None,
            headers={
                name: value
                for name, value in answer.headers.items()
                if name.lower() not in ("content-length", "content-type")
            },
        )
