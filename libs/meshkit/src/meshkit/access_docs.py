"""Each operation's OpenAPI ``security`` and its 401/403 answers, derived from the route's own dependencies.

What a route depends on decides who may call it (:mod:`meshkit.auth`), so the document says the same:

- ``Requires(...)`` or ``CurrentPrincipal`` anywhere in its dependencies: ``security: [{"bearer": []}]``, 401
  documented, and for ``Requires`` 403 with who may call (also as ``x-tongban-permission``);
- ``OptionalPrincipal`` only: ``security: [{}, {"bearer": []}]`` (anonymous or a token) and 401 for a bad token;
- neither: whatever the route declares itself (another scheme, e.g. identity's OAuth client authentication, or
  ``openapi_extra={"security": [...]}`` for a route that reads its token by hand), else ``security: []``.

``tests/contract/test_security_declared.py`` calls every operation of the committed documents without a token and
compares the answer with this declaration.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute, APIRouter, iter_route_contexts

from meshkit.auth import Requires, bearer_scheme, current_principal, optional_principal
from meshkit.errors import problem_responses

__all__ = ["BEARER", "Access", "access_of", "declare_security", "document_refusals"]

BEARER = bearer_scheme.scheme_name
_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")


@dataclass(frozen=True)
class Access:
    """Who may call one route: ``public``, ``optional`` (token optional) or ``required``, and the permissions."""

    mode: str
    permissions: tuple[Requires, ...] = ()

    def security(self) -> list[dict[str, list[str]]] | None:
        if self.mode == "required":
            return [{BEARER: []}]
        if self.mode == "optional":
            return [{}, {BEARER: []}]
        return None


def _calls(dependant: Dependant) -> Iterator[Callable[..., Any] | None]:
    for sub in dependant.dependencies:
        yield sub.call
        yield from _calls(sub)


def access_of(route: APIRoute) -> Access:
    calls = list(_calls(route.dependant))
    permissions = tuple(call for call in calls if isinstance(call, Requires))
    if permissions or current_principal in calls:
        return Access("required", permissions)
    if optional_principal in calls:
        return Access("optional")
    return Access("public")


def document_refusals(routers: Iterable[APIRouter]) -> None:
    """Add 401 (and 403 for a ``Requires``) to the routes that do not declare them yet. Call before the routers
    are included: FastAPI builds an app's routes (and their response models) from these at inclusion."""
    for router in routers:
        for route in router.routes:
            if not isinstance(route, APIRoute):
                continue
            access = access_of(route)
            if access.mode == "public":
                continue
            statuses = [401, 403] if access.permissions else [401]
            missing = {s: r for s, r in problem_responses(*statuses).items() if s not in route.responses}
            if missing:
                route.responses = {**route.responses, **missing}


def _permission(permissions: tuple[Requires, ...]) -> dict[str, Any]:
    return {
        "kinds": sorted({k for p in permissions for k in p.kinds}),
        "scopes": sorted({s for p in permissions for s in p.scopes}),
        "roles": sorted({r for p in permissions for r in p.roles}),
        "description": "；".join(p.description() for p in permissions),
    }


def declare_security(app: FastAPI) -> None:
    """Set every operation's ``security`` (and who may call) when the app's document is built."""
    accesses: dict[tuple[str, str], Access] = {}
    for context in iter_route_contexts(app.routes):
        route = context.original_route
        if not isinstance(route, APIRoute) or not route.include_in_schema:
            continue
        access = access_of(route)
        for method in route.methods or ():
            accesses[(str(context.path_format), method.lower())] = access
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = build()
        uses_bearer = False
        for path, item in schema.get("paths", {}).items():
            for method, operation in item.items():
                if method not in _METHODS:
                    continue
                access = accesses.get((path, method), Access("public"))
                declared = access.security()
                if declared is not None:
                    operation["security"] = declared
                else:
                    operation.setdefault("security", [])
                uses_bearer = uses_bearer or any(BEARER in r for r in operation["security"])
                if access.permissions:
                    permission = _permission(access.permissions)
                    operation["x-tongban-permission"] = permission
                    refused = operation.get("responses", {}).get("403")
                    if refused is not None and permission["description"]:
                        refused["description"] = f"无权操作 (Forbidden)：需要{permission['description']}"
        if uses_bearer:
            schemes = schema.setdefault("components", {}).setdefault("securitySchemes", {})
            schemes.setdefault(
                BEARER, bearer_scheme.model.model_dump(mode="json", by_alias=True, exclude_none=True)
            )
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
