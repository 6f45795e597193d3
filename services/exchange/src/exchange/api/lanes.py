"""What the exchange's fast lanes (``meshkit.lanes``) share: the body validated as FastAPI would, compact JSON
out, and a route documented from its endpoint's signature but served by the lane's handler."""

from __future__ import annotations

import json
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from fastapi import Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from pydantic import BaseModel, ValidationError

__all__ = ["ServedBy", "json_bytes", "parsed_body"]

M = TypeVar("M", bound=BaseModel)


def parsed_body(model: type[M], raw: bytes, content_type: str | None) -> M:
    """The body as FastAPI would validate it: JSON only, every violation listed under ``body``."""
    if not raw:
        raise RequestValidationError(
            [{"type": "missing", "loc": ("body",), "msg": "Field required", "input": None}]
        )
    media = (content_type or "").partition(";")[0].strip().lower()
    if not (media == "application/json" or (media.startswith("application/") and media.endswith("+json"))):
        raise RequestValidationError([{"type": "model_attributes_type", "loc": ("body",), "input": None,
                                       "msg": "Input should be a valid dictionary or object to extract fields from"}])  # fmt: skip
    try:
        return model.model_validate_json(raw)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        raise RequestValidationError([{**e, "loc": ("body", *e["loc"])} for e in errors]) from None


def json_bytes(value: dict[str, Any]) -> bytes:
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode()


class ServedBy(APIRoute):
    """An APIRoute documented from its endpoint's signature (OpenAPI unchanged) but served by ``handler``."""

    handler: Callable[[Request], Coroutine[Any, Any, Response]]

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        return type(self).handler
