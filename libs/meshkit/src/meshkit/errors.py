"""RFC 9457 problem+json for every error, each with a stable ``code``.

Use cases raise :class:`ProblemError` subclasses (or instances) that carry their status; routes declare them with
:func:`problem_responses` so the OpenAPI shows them. Unexpected errors become a 500 that names the request id, and
the traceback goes only to the log.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect

from meshkit.edge import public_path
from meshkit.messages import field_label, message_of, summary
from meshkit.observability import current_request_id
from meshkit.outages import is_outage
from meshkit.problem_fields import allowed_methods, instance_uri
from meshkit.shapes import shape_of

__all__ = [
    "ANSWERED",
    "PROBLEM_JSON",
    "Problem",
    "ProblemError",
    "install_error_handlers",
    "problem_body",
    "problem_response",
    "problem_responses",
    "problem_title",
    "problem_type",
    "set_problem_base",
    "unexpected_error",
    "validation_errors",
]

log = logging.getLogger("meshkit.errors")

ANSWERED = "tongban.error_answered"
"""Set in the ASGI scope once :func:`unexpected_error` has answered (and logged) an exception."""

OUTAGE_RETRY_AFTER = 5
"""Seconds a client is told to wait (``Retry-After``) when a backend of the service is down."""

PROBLEM_JSON = "application/problem+json"

_TITLES = {
    400: "请求有误 (Bad request)",
    401: "未认证 (Unauthorized)",
    403: "无权操作 (Forbidden)",
    404: "未找到 (Not found)",
    405: "方法不允许 (Method not allowed)",
    408: "请求超时 (Request timeout)",
    409: "状态冲突 (Conflict)",
    413: "请求体过大 (Payload too large)",
    415: "不支持的媒体类型 (Unsupported media type)",
    417: "无法满足的期望 (Expectation failed)",
    422: "数据校验未通过 (Validation failed)",
    429: "请求过于频繁 (Too many requests)",
    431: "请求头过大 (Request header fields too large)",
    500: "服务器内部错误 (Internal error)",
    501: "不支持的功能 (Not implemented)",
    502: "上游服务不可用 (Bad gateway)",
    503: "服务暂不可用 (Service unavailable)",
    504: "上游服务超时 (Gateway timeout)",
    505: "不支持的 HTTP 版本 (HTTP version not supported)",
}


_problem_base = "http://127.0.0.1:8800"


def set_problem_base(public_url: str) -> None:
    """The gateway's public base URL, which problem ``type`` URIs start with (``TONGBAN_PUBLIC_URL``)."""
    global _problem_base
    _problem_base = public_url.rstrip("/")


def problem_type(code: str) -> str:
    """The ``type`` URI of a problem code: the gateway's page for it in the catalogue (docs/problems.md)."""
    return f"{_problem_base}/problems/{code}"


def problem_title(status: int) -> str:
    return _TITLES.get(status, "错误 (Error)")


class ProblemItem(BaseModel):
    """One violation of a validation problem (``errors[]``)."""

    model_config = ConfigDict(extra="allow")

    field: str = Field(
        description="where: `body.form.x`, `query.limit`, `path.code` (dotted)", examples=["body.name"]
    )
    type: str = Field(description="machine-readable kind of violation", examples=["missing"])
    message: str = Field(description="what is expected, in Chinese (给办事人员看)", examples=["不能为空"])


class Problem(BaseModel):
    """RFC 9457 problem details (问题详情), sent as `application/problem+json`. Extension members beyond these may
    appear for a problem code (docs/problems.md says which)."""

    model_config = ConfigDict(extra="allow")

    type: str = Field(
        default="about:blank",
        description="URI of the problem type: its entry in the problem catalogue (docs/problems.md), served by the "
        "gateway at `/problems/{code}`",
        examples=["http://127.0.0.1:8800/problems/matter_not_found"],
    )
    title: str = Field(description="the status in Chinese and English", examples=["未找到 (Not found)"])
    status: int = Field(ge=400, le=599, examples=[404])
    detail: str = Field(description="what happened and what to do, in Chinese", examples=["未找到该事项"])
    instance: str | None = Field(
        default=None, description="the request's path", examples=["/catalog/matters/x"]
    )
    code: str = Field(description="stable machine-readable error code", examples=["matter_not_found"])
    request_id: str | None = Field(default=None, description="quote it to operations (运维)")
    errors: list[ProblemItem] | None = Field(
        default=None, description="every violation, for validation errors"
    )


class ProblemError(Exception):
    """An error a caller can act on. ``status`` and ``code`` are part of the API contract."""

    status: int = 400
    code: str = "bad_request"

    def __init__(
        self,
        detail: str,
        *,
        status: int | None = None,
        code: str | None = None,
        title: str | None = None,
        errors: list[dict[str, Any]] | None = None,
        headers: dict[str, str] | None = None,
        **extra: Any,
    ) -> None:
        super().__init__(detail)
        self.detail = detail
        if status is not None:
            self.status = status
        if code is not None:
            self.code = code
        self.title = title or _TITLES.get(self.status, "错误 (Error)")
        self.errors = errors
        self.headers = headers or {}
        self.extra = extra


def problem_body(
    *,
    status: int,
    code: str,
    detail: str,
    instance: str | None,
    title: str | None = None,
    errors: list[dict[str, Any]] | None = None,
    request_id: str | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """The problem document (what :func:`problem_response` sends), e.g. for one item of a batch."""
    body: dict[str, Any] = {
        "type": problem_type(code),
        "title": title or _TITLES.get(status, "错误 (Error)"),
        "status": status,
        "detail": detail,
        # as the client asked for it (the gateway's prefix), percent-encoded, bounded: meshkit.problem_fields
        "instance": instance_uri(None if instance is None else public_path(instance)),
        "code": code,
        "request_id": request_id or current_request_id(),
        **extra,
    }
    if errors is not None:
        # every item as ProblemItem declares it: a use case that names no kind of violation gets the problem's
        # code, and a field named the way a use case names it (``phone``, ``records.0.identifier``) gets its
        # location, as the contract promises (``body.phone``)
        body["errors"] = [_item(item, code) for item in errors]
    return body


_LOCATIONS = ("body", "query", "path", "header", "cookie")
_FIELD_PATH = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_-]+)*")


def _item(item: dict[str, Any], code: str) -> dict[str, Any]:
    field = item.get("field")
    located = (
        isinstance(field, str)
        and _FIELD_PATH.fullmatch(field) is not None
        and field.split(".", 1)[0] not in _LOCATIONS
    )
    if "type" in item and not located:
        return item
    out = {"type": code, **item}
    if located:
        out["field"] = f"body.{field}"
    return out


def problem_response(
    *,
    status: int,
    code: str,
    detail: str,
    instance: str | None,
    title: str | None = None,
    errors: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
    request_id: str | None = None,
    **extra: Any,
) -> JSONResponse:
    body = problem_body(
        status=status,
        code=code,
        detail=detail,
        instance=instance,
        title=title,
        errors=errors,
        request_id=request_id,
        **extra,
    )
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


def bad_path(scope: Any) -> JSONResponse:
    """400 for a path holding a control character (:func:`meshkit.edge.control_in_path`)."""
    return problem_response(
        status=400,
        code="malformed_path",
        detail="请求路径含有控制字符（如 %0A 换行、%0D 回车、%00），不是任何接口的地址，请求未办理。请检查请求的 URL "
        "(the path holds a control character)",
        instance=scope["path"],
    )


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses=`` entries for the problems a route can return: ``application/problem+json`` with the
    Problem schema (``meshkit.openapi`` turns them into the shared ``components/responses``)."""
    schema = {"$ref": "#/components/schemas/Problem"}
    return {
        status: {"content": {PROBLEM_JSON: {"schema": schema}}, "description": problem_title(status)}
        for status in statuses
    }


def _body_title(request: Request, loc: tuple[Any, ...]) -> str | None:
    """The model's own title of a body field, when it gives one (a fast lane names the route it serves)."""
    if len(loc) < 2 or loc[0] != "body":
        return None
    route = request.scope.get("route")
    route = getattr(route, "route", route)  # a fast lane's declared route
    body_field = getattr(route, "body_field", None)
    if body_field is None:
        return None
    shape = shape_of(body_field.field_info.annotation)
    return shape.title(loc[1:]) if shape is not None else None


def validation_errors(request: Request, exc: RequestValidationError) -> tuple[str, list[dict[str, Any]]]:
    """The Chinese ``detail`` and the ``errors`` list (``field``, ``type``, Chinese ``message``) of a 422."""
    out: list[dict[str, Any]] = []
    labelled: list[tuple[str, str]] = []
    for err in exc.errors():
        loc = tuple(err.get("loc", ()))
        message = message_of(err)
        out.append(
            {"field": ".".join(str(part) for part in loc), "message": message, "type": err.get("type", "")}
        )
        labelled.append((field_label(loc, _body_title(request, loc)), message))
    return summary(labelled), out


async def unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    """The answer to an exception no handler expected: the mesh's 500 problem naming the request id (logged with
    its traceback), or a 503 for a backend outage, or a 400 for a body cut off by the client."""
    # Runs outside the request-context middleware, so the id comes from the scope it left behind.
    request_id = request.scope.get("state", {}).get("request_id") or current_request_id()
    request.scope[ANSWERED] = True  # logged here as what it is: AnsweredErrors need not log it again
    # sent by Starlette's server-error middleware, outside the app's own: its headers are set here
    headers = {
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "no-store",
        **({"X-Request-Id": request_id} if request_id else {}),
    }
    if isinstance(exc, ClientDisconnect):  # the body never arrived whole: nobody is left to read an answer
        log.info("client disconnected before its request body arrived", extra={"path": request.url.path})
        return problem_response(
            status=400,
            code="malformed_body",
            detail="请求体未完整送达（连接已断开），请重新提交 (the request body did not arrive whole)",
            instance=request.url.path,
            request_id=request_id,
            headers=headers,
        )
    if is_outage(exc):  # the database (or another backend) is down: a wait, not a fault of the request
        log.warning(
            "backend unavailable",
            extra={"path": request.url.path, "request_id": request_id, "error": type(exc).__name__},
        )
        return problem_response(
            status=503,
            code="backend_unavailable",
            detail="服务暂时无法访问数据库或后端系统，请稍后重试 (backend unavailable)",
            instance=request.url.path,
            request_id=request_id,
            headers={**headers, "Retry-After": str(OUTAGE_RETRY_AFTER)},
        )
    log.error("unhandled error", exc_info=exc, extra={"path": request.url.path, "request_id": request_id})
    return problem_response(
        status=500,
        code="internal_error",
        detail=f"服务器内部错误，请凭请求编号联系运维 (request id {request_id})",
        instance=request.url.path,
        request_id=request_id,
        headers=headers,
    )


def install_error_handlers(app: FastAPI) -> None:
    async def on_problem(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ProblemError)
        return problem_response(
            status=exc.status,
            code=exc.code,
            detail=exc.detail,
            instance=request.url.path,
            title=exc.title,
            errors=exc.errors,
            headers=exc.headers,
            **exc.extra,
        )

    async def on_validation(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        detail, errors = validation_errors(request, exc)
        return problem_response(
            status=422,
            code="validation_failed",
            detail=detail,
            instance=request.url.path,
            errors=errors,
        )

    async def on_http(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        codes = {404: "route_not_found", 405: "method_not_allowed", 401: "unauthorized", 403: "forbidden"}
        detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"没有这个接口: {request.method} {instance_uri(public_path(request.url.path))}"
        headers = dict(exc.headers or {})
        if exc.status_code == 405:  # every method the path has, not only the first matching route's
            allowed = allowed_methods(request.app.router.routes, request.scope)
            if "GET" in allowed:
                allowed.add("HEAD")  # answered as GET without the body (meshkit.edge)
            if allowed:
                headers["Allow"] = ", ".join(sorted(allowed))
            if detail == "Method Not Allowed":
                methods = "、".join(sorted(allowed)) or "无"
                detail = f"此接口不支持 {request.method} 方法，可用的方法：{methods}"
        return problem_response(
            status=exc.status_code,
            code=getattr(exc, "code", None) or codes.get(exc.status_code, "http_error"),
            detail=detail,
            instance=request.url.path,
            headers=headers,
        )

    app.add_exception_handler(ProblemError, on_problem)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(Exception, unexpected_error)
