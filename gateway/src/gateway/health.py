"""The gateway's own operations routes: liveness, aggregated readiness, Prometheus metrics."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from gateway.upstreams import Upstreams
from meshkit.errors import ProblemError

__all__ = ["ops_router"]


def ops_router(
    upstreams: Upstreams,
    *,
    readiness_timeout: float,
    revocations: Callable[[], Awaitable[None]] | None = None,
    inside: Callable[[Request], bool] = lambda _: True,
) -> APIRouter:
    """``revocations``: the deny list's feed check (raises while it is not current); ``inside``: whether a request
    comes from inside (only those see ``/metrics``)."""
    router = APIRouter(tags=["运维 (operations)"])

    async def check(service: str) -> str:
        try:
            status, _ = await upstreams.get_json(service, "/readyz", seconds=readiness_timeout)
        except Exception as exc:
            return f"down: {type(exc).__name__}"
        return "ok" if status == 200 else f"not_ready: HTTP {status}"

    @router.get("/healthz", summary="Liveness: the gateway runs (存活)", operation_id="gateway_healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok", "service": "gateway"}

    @router.get(
        "/readyz",
        summary="Readiness: every upstream's /readyz answers 200 (就绪)",
        operation_id="gateway_readyz",
        responses={503: {"description": "at least one upstream is not ready; ``checks`` says which"}},
    )
    async def readyz() -> JSONResponse:
        services = list(upstreams.routes)
        results = await asyncio.gather(*(check(service) for service in services))
        checks = dict(zip(services, results, strict=True))
        if revocations is not None:
            try:
                await revocations()
                checks["revocations"] = "ok"
            except Exception as exc:
                checks["revocations"] = f"down: {type(exc).__name__}"
        ready = all(result == "ok" for result in checks.values())
        return JSONResponse(
            {"status": "ready" if ready else "not_ready", "service": "gateway", "checks": checks},
            status_code=200 if ready else 503,
        )

    @router.get("/metrics", summary="Prometheus metrics", include_in_schema=False)
    async def prometheus_metrics(request: Request) -> Response:
        if not inside(request):  # as if there were no such route: the public learns nothing about the inside
            raise ProblemError(
                f"未找到路径 {request.url.path} (no route for {request.url.path})",
                status=404,
                code="route_not_found",
            )
        return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)

    return router
