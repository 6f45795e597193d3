"""How the token, introspection and revocation endpoints answer (RFC 6749 §5, RFC 7662 §2.3, RFC 7009 §2.2):
errors as ``application/json`` with ``error`` and ``error_description`` (never problem+json, which OAuth
libraries do not parse), every answer with ``Cache-Control: no-store`` and ``Pragma: no-cache``, and a parameter
sent twice refused as ``invalid_request`` (RFC 6749 §3.1, §3.2)."""

from __future__ import annotations

import re
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException

from identity.api.oauth_deps import OAuthRoute
from identity.use_cases.tokens import OAuthError
from meshkit.errors import ProblemError
from meshkit.middleware import BodyTooLarge
from meshkit.observability import current_request_id

__all__ = [
    "NO_STORE",
    "OAuthEndpointRoute",
    "OAuthErrorOut",
    "oauth_error_response",
    "oauth_responses",
    "server_error_response",
]

NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}

# RFC 6749 §5.2: error and error_description are printable ASCII without '"' and '\'.
_NOT_ERROR_TEXT = re.compile(r"[^\x20\x21\x23-\x5b\x5d-\x7e]")


class OAuthErrorOut(BaseModel):
    """RFC 6749 §5.2 error response; `detail` says the same in Chinese, for people."""

    error: str = Field(examples=["invalid_grant"])
    error_description: str = Field(examples=["refresh token was already used"])
    detail: str = Field(description="the reason in Chinese (说明)", examples=["刷新令牌已被使用"])
    request_id: str | None = None


def oauth_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses=`` entries for the OAuth errors an endpoint can return."""
    names = {400: "OAuth error (RFC 6749 §5.2)", 401: "invalid_client", 500: "server_error"}
    return {
        status: {"model": OAuthErrorOut, "description": names.get(status, "OAuth error")}
        for status in statuses
    }


def oauth_error_response(problem: ProblemError) -> JSONResponse:
    error = str(problem.extra.get("error") or problem.code)
    description = str(problem.extra.get("error_description") or error)
    body = OAuthErrorOut(
        error=_NOT_ERROR_TEXT.sub("_", error),
        error_description=_NOT_ERROR_TEXT.sub(" ", description),
        detail=problem.detail,
        request_id=current_request_id(),
    )
    return JSONResponse(
        body.model_dump(), status_code=problem.status, headers={**problem.headers, **NO_STORE}
    )


def _repeated(request: Request, form: list[tuple[str, Any]]) -> list[str]:
    names = [name for name, _ in request.query_params.multi_items()] + [name for name, _ in form]
    return sorted({name for name in names if names.count(name) > 1})


class OAuthEndpointRoute(OAuthRoute):
    """The route class of the token, introspection and revocation endpoints (see the module)."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def route(request: Request) -> Response:
            try:
                repeated = _repeated(request, await _form(request))
                if repeated:
                    names = ", ".join(name[:40] for name in repeated[:5])
                    raise OAuthError(f"请求参数重复: {names} (repeated parameters: {names})")
                response = await handler(request)
            except ProblemError as problem:
                return oauth_error_response(problem)
            except BodyTooLarge:
                raise  # answered by the body-limit middleware
            except Exception as exc:
                return await server_error_response(request, exc)
            response.headers.update(NO_STORE)
            return response

        return route


async def _form(request: Request) -> list[tuple[str, Any]]:
    """The form body, parsed once (the handler reuses Starlette's parsed copy)."""
    try:
        return (await request.form()).multi_items()
    except HTTPException as exc:
        raise OAuthError("请求体无法解析 (malformed form body)") from exc


async def server_error_response(request: Request, exc: Exception) -> Response:
    """Logged by the service's handler of unexpected errors (with the request id), answered as JSON."""
    handler = request.app.exception_handlers.get(Exception)
    if handler is None:
        raise exc
    await handler(request, exc)
    request_id = current_request_id()
    return oauth_error_response(
        OAuthError(
            f"服务器内部错误，请凭请求编号联系运维 (internal error, request id {request_id})",
            status=500,
            code="server_error",
        )
    )
