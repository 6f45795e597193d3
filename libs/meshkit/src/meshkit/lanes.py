"""Fast lanes: a service's busiest routes served without the framework's routing and dependency machinery.

A route declared with a :class:`ServedBy` class (``route_class_override``) is documented from its endpoint's
signature as any route, and served by the class's plain ``Request -> Response`` handler: :func:`lanes_of` makes
a :class:`Lane` of every such route of the app's routers, and :class:`FastLanes` (pure ASGI, innermost of the
service middleware: inside request context and body limit) sends a matching request straight to its handler.
The handler checks the token first, then takes its inputs with :func:`declared`, which validates the path,
query and header parameters and the JSON body exactly as the declared signature says (FastAPI's own parameter
validation, the same 422 problem), so the lane and the document cannot disagree. Errors become responses
through the app's own exception handlers (problem+json as everywhere), except unexpected ones, which go on to
the server-error handler as on any route. Everything else passes to the app untouched.

A route declared with a :class:`ServedFirstBy` class keeps its own route handler, and its lane takes only the
requests it wants: the handler returns a response for those, ``None`` for the rest, which then go on to the app
(its router, the route's own handler, every refusal as it answers them) with the body it read given back. A
form-encoded lane reads its inputs with :func:`meshkit.lane_forms.plain_form`, which admits a body only when it
is plainly what the route declares — so the lane answers the common case fast and the route answers everything
unusual, once.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Coroutine, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from fastapi import APIRouter
from fastapi.dependencies.utils import request_params_to_args
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from pydantic import BaseModel, ValidationError
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import compile_path
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from meshkit.bodies import (
    JSON_TYPES,
    UnsupportedMediaType,
    is_json,
    media_type,
    not_json_from,
    parse_json,
    refuse_encoded,
)
from meshkit.guard import declared_headers, multi_line_names
from meshkit.hostile import hostile_in_json, hostile_in_text, may_be_hostile
from meshkit.lane_forms import form_limits
from meshkit.shapes import shape_of

__all__ = [
    "Declared",
    "FastLanes",
    "Lane",
    "ServedBy",
    "ServedFirstBy",
    "declared",
    "lanes_of",
    "parsed_body",
]

Handler = Callable[[Request], Awaitable[Response | None]]
M = TypeVar("M", bound=BaseModel)


class ServedBy(APIRoute):
    """An APIRoute documented from its endpoint's signature (OpenAPI unchanged) but served by ``handler`` (the
    lane's, should a request reach the router anyway)."""

    handler: Callable[[Request], Coroutine[Any, Any, Response]]

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        return type(self).handler


class ServedFirstBy(APIRoute):
    """An APIRoute served as usual by its own handler, except the requests ``handler`` (its lane's) answers:
    ``None`` from the handler hands the request on to the route. Mix it into the route's own class."""

    handler: Callable[[Request], Coroutine[Any, Any, Response | None]]


@dataclass(frozen=True)
class Declared(Generic[M]):
    """A lane's inputs, validated as its route declares them."""

    path: dict[str, Any]
    query: dict[str, Any]
    headers: dict[str, Any]
    body: M


@dataclass(frozen=True)
class Lane:
    """One served route: its method, its path template (also the request metric's route label), its handler,
    the route it was declared as (whose parameters :func:`declared` validates), and whether the handler may
    hand a request on to that route (:class:`ServedFirstBy`)."""

    method: str
    path: str
    handler: Handler
    route: APIRoute
    hands_on: bool = False
    _regex: re.Pattern[str] = field(init=False, repr=False, compare=False)
    form_limits: dict[str, int | None] = field(init=False, repr=False, compare=False)
    # what :func:`declared` reads of the declared route, worked out once rather than per request
    multi_line_query: frozenset[str] = field(init=False, repr=False, compare=False)
    header_names: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_regex", compile_path(self.path)[0])
        dependant = self.route.dependant
        object.__setattr__(self, "form_limits", form_limits(dependant))
        object.__setattr__(self, "multi_line_query", multi_line_names(dependant.query_params))
        object.__setattr__(self, "header_names", tuple(field.alias for field in dependant.header_params))

    @classmethod
    def of(cls, route: ServedBy | ServedFirstBy) -> Lane:
        methods = sorted(route.methods or ())
        if len(methods) != 1:
            raise ValueError(f"a lane serves one method: {route.path} declares {methods}")
        return cls(methods[0], route.path, type(route).handler, route, isinstance(route, ServedFirstBy))

    def match(self, scope: Scope) -> dict[str, Any] | None:
        if scope["method"] != self.method:
            return None
        found = self._regex.match(scope["path"])
        return None if found is None else found.groupdict()


def lanes_of(routers: Iterable[APIRouter]) -> list[Lane]:
    """A lane for every route declared with a :class:`ServedBy` or :class:`ServedFirstBy` class."""
    return [
        Lane.of(route)
        for router in routers
        for route in router.routes
        if isinstance(route, ServedBy | ServedFirstBy)
    ]


async def declared(request: Request, body: type[M]) -> Declared[M]:
    """The request's parameters and body validated as the serving lane's route declares them, and looked at as
    every route's are (:mod:`meshkit.guard`): a body of another media type is 415, one that does not parse 400
    ``malformed_body``; otherwise every violation in one 422, parameters first, as FastAPI would answer.
    Call it after the handler has checked the caller, so 401/403 come first."""
    lane: Lane = request.scope["route"]
    dependant = lane.route.dependant
    parsed: M | None = None
    try:
        refuse_encoded(request.headers.get("content-encoding"))
        parsed = parsed_body(body, await request.body(), request.headers.get("content-type"))
        body_errors: list[Any] = []
    except RequestValidationError as exc:
        body_errors = list(exc.errors())
    errors = hostile_in_text(((k, str(v)) for k, v in request.path_params.items()), "path")
    path, path_errors = _path_values(dependant.path_params, request.path_params)
    query: dict[str, Any] = {}
    query_errors: list[Any] = []
    if dependant.query_params or request.scope.get("query_string"):
        # a lane without query parameters, asked without a query string (the read path), parses nothing here
        errors += hostile_in_text(
            request.query_params.multi_items(), "query", multi_line=lane.multi_line_query
        )
        query, query_errors = request_params_to_args(dependant.query_params, request.query_params)
    headers: dict[str, Any] = {}
    header_errors: list[Any] = []
    if dependant.header_params:
        errors += hostile_in_text(declared_headers(request, lane.header_names), "header")
        headers, header_errors = request_params_to_args(dependant.header_params, request.headers)
    errors = [*errors, *path_errors, *query_errors, *header_errors, *body_errors]
    if errors or parsed is None:
        raise RequestValidationError(errors)
    return Declared(path=path, query=query, headers=headers, body=parsed)


def _path_values(fields: Sequence[Any], received: Mapping[str, Any]) -> tuple[dict[str, Any], list[Any]]:
    """The path parameters validated as FastAPI validates them (each field's own validator, errors located at
    ``("path", name)``), without its generic parameter code (parameter models, alias lookups, sequence checks:
    ≈ 3 % of a shared-record read's CPU, issue 21) — a path parameter is one string the lane's pattern matched.
    Should one be absent, FastAPI's own function decides, as before."""
    if any(param.alias not in received for param in fields):
        return request_params_to_args(fields, received)
    values: dict[str, Any] = {}
    errors: list[Any] = []
    for param in fields:
        value, found = param.validate(received[param.alias], values, loc=("path", param.alias))
        if found:
            errors.extend(found)
        else:
            values[param.name] = value
    return values, errors


def parsed_body(model: type[M], raw: bytes, content_type: str | None) -> M:
    """The body as every route reads it (:mod:`meshkit.bodies`): JSON only (else 415), UTF-8 JSON (else 400),
    no refused characters or numbers and valid for ``model`` (else 422, every violation under ``body``).
    Most bodies hold nothing :func:`meshkit.hostile.may_be_hostile` flags and are validated straight from the
    bytes by pydantic; the others are parsed and walked first."""
    if not raw:
        raise RequestValidationError(
            [{"type": "missing", "loc": ("body",), "msg": "Field required", "input": None}]
        )
    media = media_type(content_type)
    if not is_json(media):
        raise UnsupportedMediaType(media, JSON_TYPES)
    if may_be_hostile(raw):
        hostile = hostile_in_json(parse_json(raw), shape_of(model))
        if hostile:
            raise RequestValidationError(hostile)
    try:
        return model.model_validate_json(raw)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        for error in errors:
            if error["type"] == "json_invalid":
                parse_json(raw)  # says why (not UTF-8, or where the JSON breaks)
                raise not_json_from(str(error.get("msg", ""))) from None
        raise RequestValidationError([{**e, "loc": ("body", *e["loc"])} for e in errors]) from None


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
        recorded = _Recorded(receive) if lane.hands_on else None
        request = Request(scope, recorded or receive, send)
        try:
            response = await lane.handler(request)
        except Exception as exc:
            handler = _handler_for(scope, exc)
            if handler is None:
                raise
            response = await handler(request, exc)
        if response is None:  # not the lane's: on to the route, with the body as it came
            if recorded is None:
                raise TypeError(f"the lane of {lane.path} answered nothing (a ServedBy lane answers all)")
            del scope["route"], scope["path_params"]
            await self.app(scope, recorded.replay(), send)
            return
        await response(scope, receive, send)


class _Recorded:
    """A ``receive`` that keeps what it received, to give it again to the app a lane hands a request on to."""

    def __init__(self, receive: Receive) -> None:
        self._receive = receive
        self._messages: list[Message] = []

    async def __call__(self) -> Message:
        message = await self._receive()
        self._messages.append(message)
        return message

    def replay(self) -> Receive:
        pending = list(self._messages)

        async def receive() -> Message:
            return pending.pop(0) if pending else await self._receive()

        return receive


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
