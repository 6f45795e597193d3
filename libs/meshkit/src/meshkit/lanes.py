"""Fast lanes: a service's busiest routes served without the framework's routing and dependency machinery.

A :class:`Lane` names a method, a path template and a plain ``Request -> Response`` handler. :class:`FastLanes`
is pure ASGI and sits innermost of the service middleware (inside request context and body limit): a matching
request goes straight to its handler; errors become responses through the app's own exception handlers (so
problem+json as everywhere), except unexpected ones, which go on to the server-error handler as on any route.
Everything else passes to the app untouched. Keep the route declared as usual as well, for the OpenAPI document:
:class:`ServedBy` documents it from its endpoint's signature while the lane serves it, and :func:`parsed_body`
validates a body as FastAPI would (the same 422 problem), so the lane and the document agree.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from pydantic import BaseModel, ValidationError
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import compile_path
from starlette.types import ASGIApp, Receive, Scope, Send

__all__ = ["FastLanes", "Lane", "ServedBy", "parsed_body"]

Handler = Callable[[Request], Awaitable[Response]]
M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Lane:
    method: str
    path: str
    """Template like a route's, e.g. ``/resources/{code}/read``; also the request metric's route label."""
    handler: Handler
    no_store: bool = False
    """The response is personal: ``Cache-Control: no-store`` (``meshkit.headers``), as ``NoStore`` on a route."""
    _regex: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_regex", compile_path(self.path)[0])

    def match(self, scope: Scope) -> dict[str, Any] | None:
        if scope["method"] != self.method:
            return None
        found = self._regex.match(scope["path"])
        return None if found is None else found.groupdict()


class FastLanes:
    def __init__(self, app: ASGIApp, *, lanes: Sequence[Lane]) -> None:
        self.app = app
        self.lanes = tuple(lanes)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            for lane in self.lanes:
                params = lane.match(scope)
                if params is not None:
                    await self._serve(lane, params, scope, receive, send)
                    return
        await self.app(scope, receive, send)

    async def _serve(
        self, lane: Lane, params: dict[str, Any], scope: Scope, receive: Receive, send: Send
    ) -> None:
        scope["path_params"] = params
        scope["route"] = lane
        request = Request(scope, receive, send)
        try:
            response = await lane.handler(request)
        except Exception as exc:
            handler = _handler_for(scope, exc)
            if handler is None:
                raise
            response = await handler(request, exc)
        await response(scope, receive, send)


def _handler_for(scope: Scope, exc: Exception) -> Callable[[Request, Exception], Awaitable[Response]] | None:
    """The app's handler for this exception's class (nearest in its MRO), not the catch-all for ``Exception``."""
    handlers: dict[Any, Any] = getattr(scope.get("app"), "exception_handlers", {})
    for cls in type(exc).__mro__:
        if cls is Exception:
            return None
        if cls in handlers:
            handler: Callable[[Request, Exception], Awaitable[Response]] = handlers[cls]
            return handler
    return None


def parsed_body(model: type[M], raw: bytes, content_type: str | None) -> M:
    """The body as FastAPI would validate it: JSON only, every violation listed under ``body``."""
    if not raw:
        raise RequestValidationError(
            [{"type": "missing", "loc": ("body",), "msg": "Field required", "input": None}]
        )
    media = (content_type or "").partition(";")[0].strip().lower()
    if not (media == "application/json" or (media.startswith("application/") and media.endswith("+json"))):
        raise RequestValidationError(
            [
                {
                    "type": "model_attributes_type",
                    "loc": ("body",),
                    "input": None,
                    "msg": "Input should be a valid dictionary or object to extract fields from",
                }
            ]
        )
    try:
        return model.model_validate_json(raw)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        raise RequestValidationError([{**e, "loc": ("body", *e["loc"])} for e in errors]) from None


class ServedBy(APIRoute):
    """An APIRoute documented from its endpoint's signature (OpenAPI unchanged) but served by ``handler`` (the
    lane's, should a request reach the router anyway)."""

    handler: Callable[[Request], Coroutine[Any, Any, Response]]

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        return type(self).handler
