"""Every route's inputs looked at once, the same way, and refused in the right order.

:class:`GuardedRoute` is the route class of every route an app built by :func:`meshkit.app.build_app` serves (it
makes them so). Before FastAPI's own handler runs, it reads what the route takes — path and query parameters, and
the body the route declares (JSON or form) — and decides whether to refuse it:

- 415 ``unsupported_media_type``: a body the route does not take (``text/plain`` to a JSON route, none declared);
- 400 ``malformed_body``: not UTF-8, not JSON, a form that does not parse;
- 422 ``validation_failed``: refused characters or numbers (:mod:`meshkit.hostile`), naming each field.

A refusal is raised only after the route's dependencies have run — those that authenticate and authorize the
caller among them — so a caller without a token gets 401 and a caller without the right 403, whatever the body.
(FastAPI itself parses the body before it solves the dependencies: a broken body beat a missing token.) The
dependencies run are those that do not read a refused input; a dependency that reads the refused body (a form's
client credentials) cannot be run on it and is left out. Accepted inputs go on to FastAPI's handler, with the
parsed JSON handed over so it is not parsed twice; its validation errors come after the dependencies already.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine, Iterable
from dataclasses import dataclass
from typing import Any

from fastapi import routing as fastapi_routing
from fastapi.dependencies.models import Dependant
from fastapi.dependencies.utils import solve_dependencies
from fastapi.exceptions import RequestValidationError
from fastapi.params import File, Form
from fastapi.routing import APIRoute
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from meshkit.bodies import (
    FORM_TYPES,
    JSON_TYPES,
    URLENCODED,
    BodyRefused,
    MalformedBody,
    UnsupportedMediaType,
    is_form,
    is_json,
    media_type,
    parse_json,
    refuse_encoded,
)
from meshkit.hostile import hostile_in_json, hostile_in_text, may_be_hostile
from meshkit.shapes import MultiLine, shape_of

__all__ = ["GuardedRoute", "declared_headers", "guard_routes", "multi_line_names"]

Handler = Callable[[Request], Coroutine[Any, Any, Response]]


@dataclass(frozen=True)
class _Refusal:
    error: Exception
    reads: frozenset[tuple[str, str]]  # ("body", ""), ("path", name), ("query", name): what it refuses


def _reads(dependant: Dependant) -> frozenset[tuple[str, str]]:
    out: set[tuple[str, str]] = set()
    todo = [dependant]
    while todo:
        current = todo.pop()
        out.update(("path", field.alias) for field in current.path_params)
        out.update(("query", field.alias) for field in current.query_params)
        if current.body_params:
            out.add(("body", ""))
        todo.extend(current.dependencies)
    return frozenset(out)


def multi_line_names(fields: list[Any]) -> frozenset[str]:
    """Parameters (query, form) declared as multi-line text."""
    return frozenset(
        field.alias for field in fields if any(isinstance(m, MultiLine) for m in field.field_info.metadata)
    )


def _flat(dependant: Dependant, kind: str) -> list[Any]:
    found: list[Any] = []
    todo = [dependant]
    while todo:
        current = todo.pop()
        found.extend(getattr(current, kind))
        todo.extend(current.dependencies)
    return found


class _Inspector:
    """What one route takes, worked out once when its handler is built."""

    def __init__(self, route: Any) -> None:
        self.route = route
        dependant: Dependant = route.dependant
        body_field = route.body_field
        self.body_kind = (
            None if body_field is None else "form" if isinstance(body_field.field_info, Form) else "json"
        )
        self.strict = getattr(route, "strict_content_type", True) is not False
        self.annotation = None if body_field is None else body_field.field_info.annotation
        self.multi_query = multi_line_names(_flat(dependant, "query_params"))
        self.multi_form = (
            multi_line_names(_flat(dependant, "body_params")) if self.body_kind == "form" else frozenset()
        )
        # a form without file fields takes only application/x-www-form-urlencoded (the OAuth endpoints' one type)
        self.files = any(isinstance(f.field_info, File) for f in _flat(dependant, "body_params"))
        self.headers = tuple(field.alias for field in _flat(dependant, "header_params"))
        self.subs = [(sub, _reads(sub)) for sub in dependant.dependencies]

    async def inspect(self, request: Request) -> _Refusal | None:
        errors = hostile_in_text(((k, str(v)) for k, v in request.path_params.items()), "path")
        errors += hostile_in_text(request.query_params.multi_items(), "query", multi_line=self.multi_query)
        errors += hostile_in_text(declared_headers(request, self.headers), "header")
        reads = {(str(e["loc"][0]), str(e["loc"][1])) for e in errors}
        try:
            if self.body_kind == "json":
                errors += await self._json(request)
            elif self.body_kind == "form":
                errors += await self._form(request)
        except BodyRefused as refused:
            return _Refusal(refused, frozenset({("body", ""), *reads}))
        if any(e["loc"][0] == "body" for e in errors):
            reads.add(("body", ""))
        return _Refusal(RequestValidationError(errors), frozenset(reads)) if errors else None

    async def _json(self, request: Request) -> list[dict[str, Any]]:
        raw = await request.body()
        if not raw:
            return []  # FastAPI answers a missing required body, after the dependencies
        refuse_encoded(request.headers.get("content-encoding"))
        media = media_type(request.headers.get("content-type"))
        if not (is_json(media) or (not media and not self.strict)):
            raise UnsupportedMediaType(media, JSON_TYPES)
        doc = parse_json(raw)
        # Starlette's cache of the parsed body: FastAPI's handler takes this document instead of parsing again
        request._json = doc
        if not may_be_hostile(raw):
            return []
        shape = shape_of(self.annotation) if self.annotation is not None else None
        return hostile_in_json(doc, shape)

    async def _form(self, request: Request) -> list[dict[str, Any]]:
        refuse_encoded(request.headers.get("content-encoding"))
        media = media_type(request.headers.get("content-type"))
        if media and not (is_form(media) if self.files else media == URLENCODED):
            raise UnsupportedMediaType(media, FORM_TYPES if self.files else URLENCODED)
        try:
            form = await request.form()
        except HTTPException as exc:
            if exc.status_code != 400:
                raise  # e.g. over the body limit: 413, answered as such
            raise MalformedBody("表单无法解析，请检查请求体格式") from None
        texts: list[tuple[str, str]] = []
        for name, value in form.multi_items():
            if isinstance(value, UploadFile):
                texts.append((f"{name}.filename", value.filename or ""))
            else:
                texts.append((name, value))
        return hostile_in_text(texts, "body", multi_line=self.multi_form)

    async def admit(self, request: Request, refusal: _Refusal) -> None:
        """Run the route's dependencies that do not read a refused input: any that refuses the caller (401, 403)
        raises here, before the refusal of the input is."""
        subs = [sub for sub, reads in self.subs if not reads & refusal.reads]
        if not subs:
            return
        await solve_dependencies(
            request=request,
            dependant=Dependant(dependencies=subs, path=self.route.path, call=_admitted),
            body=None,
            dependency_overrides_provider=self.route.dependency_overrides_provider,
            async_exit_stack=request.scope["fastapi_inner_astack"],
            embed_body_fields=False,
        )


def declared_headers(request: Request, names: Iterable[str]) -> list[tuple[str, str]]:
    """The values of the header parameters a route declares (FastAPI's aliases: ``x_filename`` is
    ``x-filename``), as the hostile-input check reads them (latin-1, as Starlette decodes header bytes: the
    UTF-8 of a C1 or bidi control shows up as a C1 character)."""
    found: list[tuple[str, str]] = []
    for name in names:
        header = name.replace("_", "-").lower()
        found.extend((header, value) for value in request.headers.getlist(header))
    return found


def _admitted() -> None:
    return None


def _effective(route: APIRoute) -> Any:
    """The route as included (prefix and the including routers' dependencies added), while FastAPI builds its
    handler for that inclusion; the route itself otherwise."""
    context_var = getattr(fastapi_routing, "_effective_route_context_var", None)
    context = context_var.get() if context_var is not None else None
    if context is not None and getattr(context, "original_route", None) is route:
        return context
    return route


class GuardedRoute(APIRoute):
    """See the module. Subclasses (identity's OAuth routes) may translate the refusals, which are
    :class:`fastapi.exceptions.RequestValidationError` (422) and :class:`meshkit.bodies.BodyRefused` (415, 400)."""

    def get_route_handler(self) -> Handler:
        handler = super().get_route_handler()
        inspector = _Inspector(_effective(self))

        async def guarded(request: Request) -> Response:
            refusal = await inspector.inspect(request)
            if refusal is not None:
                await inspector.admit(request, refusal)
                raise refusal.error
            return await handler(request)

        return guarded


def guard_routes(
    routers: Iterable[fastapi_routing.APIRouter], *, served_elsewhere: tuple[type, ...] = ()
) -> None:
    """Make every route of ``routers`` a :class:`GuardedRoute` before they are included (FastAPI builds an
    included route's handler from the route's class). A plain ``APIRoute`` becomes one in place (it adds no state
    of its own); a route of another class must derive from it, or be one of ``served_elsewhere`` (the fast lanes,
    whose handlers take their inputs through :func:`meshkit.lanes.declared`) — else the app refuses to start."""
    for router in routers:
        for route in router.routes:
            if not isinstance(route, APIRoute) or isinstance(route, (GuardedRoute, *served_elsewhere)):
                continue
            if type(route) is not APIRoute:
                raise TypeError(
                    f"{route.path}: route class {type(route).__name__} must derive from meshkit.guard.GuardedRoute"
                )
            route.__class__ = GuardedRoute
