"""Combined API docs: ``/openapi.json`` merges every service's document (cached briefly); ``/docs`` (Swagger UI)
and ``/redoc`` show it from the mesh's own assets (``meshkit.docs_pages``, installed by ``gateway.main``)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from gateway.openapi import merge_openapi
from gateway.upstreams import Upstreams

__all__ = ["DOCS_TITLE", "CombinedOpenAPI", "docs_router"]

DOCS_TITLE = "通办 Tongban API"


class CombinedOpenAPI:
    """Fetches the services' documents concurrently and merges them; the result lives ``ttl`` seconds."""

    def __init__(
        self, own: Callable[[], dict[str, Any]], upstreams: Upstreams, *, ttl: float, timeout: float
    ) -> None:
        self._own = own
        self._upstreams = upstreams
        self._ttl = ttl
        self._timeout = timeout
        self._lock = asyncio.Lock()
        self._cached: dict[str, Any] | None = None
        self._expires = 0.0

    async def document(self) -> dict[str, Any]:
        async with self._lock:  # one fetch at a time; whoever waited gets the fresh copy
            if self._cached is None or time.monotonic() >= self._expires:
                self._cached = await self._build()
                self._expires = time.monotonic() + self._ttl
            return self._cached

    async def _build(self) -> dict[str, Any]:
        services = list(self._upstreams.routes)
        results = await asyncio.gather(*(self._fetch(service) for service in services))
        docs: dict[str, dict[str, Any]] = {}
        unavailable: dict[str, str] = {}
        for service, result in zip(services, results, strict=True):
            if isinstance(result, dict):
                docs[service] = result
            else:
                unavailable[service] = result
        return merge_openapi(self._own(), docs, unavailable)

    async def _fetch(self, service: str) -> dict[str, Any] | str:
        """The service's document, or why there is none."""
        try:
            status, body = await self._upstreams.get_json(service, "/openapi.json", seconds=self._timeout)
        except Exception as exc:
            return f"{type(exc).__name__}"
        if status != 200 or not isinstance(body, dict) or not isinstance(body.get("paths"), dict):
            return f"HTTP {status}" if status != 200 else "not an OpenAPI document"
        return body


def docs_router(combined: CombinedOpenAPI) -> APIRouter:
    router = APIRouter(include_in_schema=False)

    @router.get("/openapi.json")
    async def openapi_json() -> JSONResponse:
        return JSONResponse(await combined.document())

    return router
