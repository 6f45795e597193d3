"""What every service's OpenAPI document says the same way: errors, servers, ``Location`` on 201.

FastAPI declares error responses its own way: the model under ``application/json`` (never sent) and a 422 of its
own ``HTTPValidationError`` shape on every operation with parameters. :func:`install_openapi` rewrites the
document once, when it is first built, so that

- every error response is one of the shared responses under ``components/responses`` (:data:`SHARED`), each
  ``application/problem+json`` with the :class:`meshkit.errors.Problem` schema and an example;
- an operation with a request body documents 413 (over the body limit) and 415 (a type it does not take), one with
  parameters or a body 422, and FastAPI's ``HTTPValidationError`` is gone;
- every request body and successful JSON response has an example (:mod:`meshkit.openapi_examples`);
- ``servers`` names where the API lives: behind the gateway (``{gateway}/<service>``) and directly.

A route may say that it answers invalid input with another status than 422 (``openapi_extra=
{INVALID_INPUT_STATUS: 400}``, as the OAuth endpoints' route class does); its operation then documents that one.

Routes that create something declare :func:`meshkit.created.created_response` and answer with
:func:`meshkit.created.set_location`.

Responses of another shape (OAuth errors, RFC 6749 §5.2) are left as the route declared them.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI

from meshkit.errors import PROBLEM_JSON, Problem, problem_title
from meshkit.openapi_examples import add_examples

__all__ = [
    "DEFAULT_GATEWAY",
    "INVALID_INPUT_STATUS",
    "SHARED",
    "finish_document",
    "install_openapi",
    "problem_components",
    "servers_of",
]

INVALID_INPUT_STATUS = "x-invalid-input-status"
"""``openapi_extra`` key of a route that answers invalid input with this status instead of 422 (removed from the
finished document)."""
DEFAULT_GATEWAY = "http://127.0.0.1:8800"
"""The gateway of a development mesh (``tongban up``); the ``gateway`` server variable's default."""

SHARED: dict[int, tuple[str, str]] = {
    400: ("BadRequest", "bad_request"),
    401: ("Unauthorized", "unauthenticated"),
    403: ("Forbidden", "forbidden"),
    404: ("NotFound", "not_found"),
    405: ("MethodNotAllowed", "method_not_allowed"),
    409: ("Conflict", "conflict"),
    413: ("PayloadTooLarge", "payload_too_large"),
    415: ("UnsupportedMediaType", "unsupported_media_type"),
    422: ("ValidationFailed", "validation_failed"),
    429: ("TooManyRequests", "rate_limited"),
    500: ("InternalError", "internal_error"),
    502: ("BadGateway", "upstream_unavailable"),
    503: ("ServiceUnavailable", "unavailable"),
    504: ("GatewayTimeout", "upstream_timeout"),
}
"""Status → (name under ``components/responses``, the example's ``code``)."""

_DETAILS = {
    400: "请求有误，请按接口文档修正后重试",
    401: "缺少有效的访问令牌，请先登录",
    403: "当前身份无权进行此操作",
    404: "未找到该事项 500110-MZJ-GLJT",
    405: "该接口不支持此方法",
    409: "当前状态不允许此操作",
    413: "请求体超过上限 1048576 字节 (body larger than 1048576 bytes)",
    415: "不支持的媒体类型 text/plain，请以 application/json 提交",
    422: "请求数据不符合要求：name（事项名称）不能为空",
    429: "请求过于频繁，请 30 秒后重试",
    500: "服务器内部错误，请凭请求编号联系运维 (request id 7f3c2a)",
    502: "上游服务暂不可用，请稍后重试",
    503: "服务暂不可用，请稍后重试",
    504: "上游服务超时，请稍后重试",
}
_HEADERS: dict[int, dict[str, Any]] = {
    401: {
        "WWW-Authenticate": {
            "description": "the Bearer challenge (RFC 6750)",
            "schema": {"type": "string", "examples": ['Bearer error="invalid_token"']},
        }
    },
    405: {
        "Allow": {
            "description": "the methods the path takes",
            "schema": {"type": "string", "examples": ["GET"]},
        }
    },
    429: {
        "Retry-After": {
            "description": "seconds to wait before trying again",
            "schema": {"type": "integer", "minimum": 0, "examples": [30]},
        }
    },
    503: {
        "Retry-After": {
            "description": "seconds to wait before trying again",
            "schema": {"type": "integer", "minimum": 0, "examples": [5]},
        }
    },
}
_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_FASTAPI_VALIDATION = ("HTTPValidationError", "ValidationError")


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/responses/{name}"}


def _example(status: int, code: str, instance: str) -> dict[str, Any]:
    example: dict[str, Any] = {
        "type": f"{DEFAULT_GATEWAY}/problems/{code}",
        "title": problem_title(status),
        "status": status,
        "detail": _DETAILS[status],
        "instance": instance,
        "code": code,
        "request_id": "7f3c2a9e4b1d4c08",
    }
    if status == 422:
        example["errors"] = [{"field": "body.name", "type": "missing", "message": "name（事项名称）不能为空"}]
    return example


def problem_components(instance: str = "/matters/500110-MZJ-GLJT") -> dict[str, Any]:
    """``components`` entries every document shares: the Problem schema (and its item) and :data:`SHARED`."""
    schema = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
    defs = schema.pop("$defs", {})
    responses: dict[str, Any] = {}
    for status, (name, code) in SHARED.items():
        media = {
            "schema": {"$ref": "#/components/schemas/Problem"},
            "example": _example(status, code, instance),
        }
        response: dict[str, Any] = {"description": problem_title(status), "content": {PROBLEM_JSON: media}}
        if status in _HEADERS:
            response["headers"] = copy.deepcopy(_HEADERS[status])
        responses[name] = response
    return {"schemas": {**defs, "Problem": schema}, "responses": responses}


def servers_of(service: str | None, direct: str | None) -> list[dict[str, Any]]:
    """Behind the gateway first (the integrator's address); the service's own address second, where it has one."""
    servers: list[dict[str, Any]] = [
        {
            "url": "{gateway}" + (f"/{service}" if service else ""),
            "description": "通过网关 (through the gateway: the address integrators use)",
            "variables": {
                "gateway": {
                    "default": DEFAULT_GATEWAY,
                    "description": "the gateway's public base URL (scheme, host, port), without a trailing slash",
                }
            },
        }
    ]
    if direct is not None:
        servers.append(
            {
                "url": direct,
                "description": "直连服务 (the service itself: inside the mesh and in development only)",
            }
        )
    return servers


def _is_problem(response: dict[str, Any]) -> bool:
    """A response declared by :func:`meshkit.errors.problem_responses` or FastAPI's validation default."""
    content = response.get("content")
    if not isinstance(content, dict) or not content:
        return not response  # one this module added; a route's own response without a body stays
    if PROBLEM_JSON in content:
        return True
    schema = content.get("application/json", {}).get("schema", {})
    ref = schema.get("$ref", "") if isinstance(schema, dict) else ""
    return ref.endswith(("/Problem", *(f"/{name}" for name in _FASTAPI_VALIDATION)))


def _finish_operation(operation: dict[str, Any], invalid: int) -> None:
    responses: dict[str, Any] = operation.setdefault("responses", {})
    if invalid != 422:  # the route answers bad input otherwise (OAuth: 400 invalid_request)
        responses.pop("422", None)
    if "requestBody" in operation:
        responses.setdefault("413", {})
        if invalid == 422:
            responses.setdefault("415", {})
            responses.setdefault("400", {})  # a body that does not parse: 400 malformed_body
    if "requestBody" in operation or operation.get("parameters"):
        responses.setdefault(str(invalid), {})
    # a path parameter with a control character: 400 malformed_path at the app's edge (meshkit.edge)
    if any(isinstance(p, dict) and p.get("in") == "path" for p in operation.get("parameters", ())):
        responses.setdefault("400", {})
    for status in list(responses):
        if not status.isdigit() or int(status) < 400 or "$ref" in responses[status]:
            continue
        known = SHARED.get(int(status))
        if known is not None and _is_problem(responses[status]):
            description = responses[status].get("description")
            responses[status] = _ref(known[0])
            if description and description not in (problem_title(int(status)), "Validation Error"):
                responses[status]["description"] = description
    operation["responses"] = dict(sorted(responses.items()))


def _uses(document: dict[str, Any], name: str) -> bool:
    needle = f'"#/components/schemas/{name}"'
    return needle in repr(document).replace("'", '"')


def finish_document(document: dict[str, Any], *, service: str | None, direct: str | None) -> dict[str, Any]:
    """Rewrite ``document`` in place (see the module's description) and return it."""
    for item in document.get("paths", {}).values():
        for method in _METHODS:
            operation = item.get(method)
            if isinstance(operation, dict):
                _finish_operation(operation, int(operation.pop(INVALID_INPUT_STATUS, 422)))
    components = document.setdefault("components", {})
    shared = problem_components()
    components.setdefault("schemas", {}).update(shared["schemas"])
    used = {
        ref.rsplit("/", 1)[-1]
        for item in document.get("paths", {}).values()
        for method in _METHODS
        for ref in _response_refs(item.get(method))
    }
    responses = {name: value for name, value in shared["responses"].items() if name in used}
    components["responses"] = {**components.get("responses", {}), **responses}
    schemas = components["schemas"]
    for name in _FASTAPI_VALIDATION:
        if name in schemas:
            del schemas[name]
            assert not _uses(document, name), f"{name} is still referenced"
    components["schemas"] = dict(sorted(schemas.items()))
    components["responses"] = dict(sorted(components["responses"].items()))
    add_examples(document)
    document["servers"] = servers_of(service, direct)
    return document


def _response_refs(operation: Any) -> list[str]:
    if not isinstance(operation, dict):
        return []
    return [r["$ref"] for r in operation.get("responses", {}).values() if isinstance(r, dict) and "$ref" in r]


def install_openapi(app: FastAPI, *, service: str | None, direct: str | None) -> None:
    """Make ``app.openapi()`` return the finished document (built once, like FastAPI's own)."""
    build: Callable[[], dict[str, Any]] = app.openapi

    def finished() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = finish_document(build(), service=service, direct=direct)
        return app.openapi_schema

    app.openapi = finished  # type: ignore[method-assign]
