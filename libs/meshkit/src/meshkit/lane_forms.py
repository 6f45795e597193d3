"""The form-encoded side of the fast lanes (:mod:`meshkit.lanes`): what a route declares as form fields, and the
body of a request read as those fields when — and only when — it is plainly so.

A :class:`meshkit.lanes.ServedFirstBy` lane hands every other request on to its route, so :func:`plain_form` never
has to refuse anything or say why: whatever it does not admit, the route reads with Starlette's form parser and
refuses as it always has (``meshkit.guard``, the route's own checks).
"""

from __future__ import annotations

from typing import Protocol
from urllib.parse import unquote_plus

from annotated_types import MaxLen
from fastapi.dependencies.models import Dependant
from fastapi.params import Form
from starlette.requests import Request

from meshkit.bodies import URLENCODED, media_type
from meshkit.hostile import hostile_in_text

__all__ = ["form_limits", "plain_form"]


class _FormLane(Protocol):
    @property
    def form_limits(self) -> dict[str, int | None]: ...


def form_limits(dependant: Dependant) -> dict[str, int | None]:
    """The form fields a route declares (its dependencies' too), each with its ``max_length``."""
    limits: dict[str, int | None] = {}
    todo = [dependant]
    while todo:
        current = todo.pop()
        for param in current.body_params:
            if isinstance(param.field_info, Form):
                lengths = [m.max_length for m in param.field_info.metadata if isinstance(m, MaxLen)]
                limits[param.alias] = min(lengths) if lengths else None
        todo.extend(current.dependencies)
    return limits


async def plain_form(request: Request) -> dict[str, str] | None:
    """The form fields of a request to a :class:`meshkit.lanes.ServedFirstBy` lane when its body is plainly what
    the route declares, else None (hand it on: the route answers it, refusals included). Plainly: no query string,
    no content coding, ``application/x-www-form-urlencoded``, ASCII ``name=value`` pairs joined by ``&`` that
    percent-decode to UTF-8, each a declared field, none repeated, empty or longer than its ``max_length``,
    nothing :mod:`meshkit.hostile` refuses. Such a body parses alike here and in Starlette's form parser."""
    lane: _FormLane = request.scope["route"]
    headers = request.headers
    if (
        request.scope.get("query_string")
        or headers.get("content-encoding")
        or media_type(headers.get("content-type")) != URLENCODED
    ):
        return None
    raw = await request.body()
    if not raw or not raw.isascii() or b";" in raw:
        return None
    fields: dict[str, str] = {}
    for pair in raw.decode("ascii").split("&"):
        name, equals, value = pair.partition("=")
        if "%" in pair or "+" in pair:  # else decoding changes nothing (most bodies: grant_type=…)
            try:
                name, value = unquote_plus(name, errors="strict"), unquote_plus(value, errors="strict")
            except UnicodeDecodeError:
                return None
        if not equals or not value or name in fields or name not in lane.form_limits:
            return None
        limit = lane.form_limits[name]
        if limit is not None and len(value) > limit:
            return None
        fields[name] = value
    if hostile_in_text(fields.items(), "body"):
        return None
    return fields
