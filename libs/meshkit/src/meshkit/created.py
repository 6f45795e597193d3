"""A 201 names what it created: the ``Location`` header, and in the OpenAPI document the header and a link to the
operation that reads it (issue 18, failure 12)."""

from __future__ import annotations

import copy
from typing import Any
from urllib.parse import quote

from fastapi import Request, Response

__all__ = ["created_response", "relative_reference", "set_location"]


def relative_reference(base: str, target: str) -> str:
    """A relative reference from request path ``base`` to absolute path ``target`` (RFC 3986 §5.2), so that a
    ``Location`` resolves to the right resource whether the client called the service directly (``/matters``) or
    through the gateway's prefix (``/catalog/matters``)."""
    base_dir = base.split("/")[1:-1]
    parts = target.split("/")[1:]
    common = 0
    while common < len(base_dir) and common < len(parts) - 1 and base_dir[common] == parts[common]:
        common += 1
    up = len(base_dir) - common
    tail = "/".join(quote(segment, safe="") for segment in parts[common:])
    return ("../" * up if up else "./") + tail


_LOCATION = {
    "Location": {
        "description": "the created resource, a reference relative to the request's URL (RFC 9110 §10.2.2): it "
        "resolves the same whether the service was called through the gateway or directly",
        "required": True,
        "schema": {
            "type": "string",
            "format": "uri-reference",
            "examples": ["./matters/500110-MZJ-GLJT/versions/1"],
        },
    }
}


def created_response(
    description: str, *, operation: str | None = None, parameters: dict[str, str] | None = None
) -> dict[int | str, dict[str, Any]]:
    """The 201 response of a route that creates something: its ``Location`` header and, where the created thing
    can be read, an OpenAPI link to the operation that reads it (``parameters`` are runtime expressions such as
    ``$response.body#/id``)."""
    response: dict[str, Any] = {"description": description, "headers": copy.deepcopy(_LOCATION)}
    if operation is not None:
        response["links"] = {
            operation: {
                "operationId": operation,
                "parameters": dict(parameters or {}),
                "description": "what `Location` names",
            }
        }
    return {201: response}


def set_location(request: Request, response: Response, path: str) -> None:
    """``Location`` of a 201: ``path`` (the service's own absolute path) as a reference relative to the request."""
    response.headers["Location"] = relative_reference(request.url.path, path)
