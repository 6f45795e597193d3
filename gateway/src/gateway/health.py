"""The gateway's own operations routes: liveness, aggregated readiness, Prometheus metrics."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse

from gateway.upstreams import Upstreams
from meshkit.errors import ProblemError
from meshkit.exposition import CONTENT_TYPE_LATEST, render
from meshkit.revocation_feed import RevocationFeed

__all__ = ["ops_router"]


async def _outcome(check: Callable[[], Awaitable[None]]) -> str:
    try:
        await check()
    except Exception as exc:
        return f"down: {type(exc).__name__}"
    return "ok"


def ops_router(
    upstreams: Upstreams,
    *,
    readiness_timeout: float,
    revocations: RevocationFeed | None = None,
    inside: Callable[[Request], bool] = lambda _: True,
) -> APIRouter:
    """``revocations``: the deny list's feed (required: replayed once at start; reported: following now, which a
    broker outage interrupts without taking the gateway out of service); ``inside``: whether a request comes from
    inside (only those see ``/metrics``)."""
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
        health: dict[str, str] = {}
        if revocations is not None:
            checks["revocations"] = await _outcome(revocations.replayed)
            health["revocations"] = await _outcome(revocations.check)
        ready = all(result == "ok" for result in checks.values())
        return JSONResponse(
            {
                "status": "ready" if ready else "not_ready",
                "service": "gateway",
                "checks": checks,
                "health": health,
            },
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
        return Response(render(), media_type=CONTENT_TYPE_LATEST)

    return router
