"""What every service app has: error handlers, request context, body limit, health, readiness, metrics.

``build_app`` assembles a FastAPI app around a service's routers; ``mesh_resources`` is the part of a lifespan
that builds the database, the JWKS verifier and the outgoing HTTP client, and puts them on ``app.state``.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any
from urllib.parse import urlsplit

from fastapi import APIRouter, FastAPI, Request, Response
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from starlette.middleware import Middleware
from starlette.routing import compile_path

from meshkit.access_docs import declare_security, document_refusals
from meshkit.auth import TokenVerifier
from meshkit.db import Database
from meshkit.docs_pages import install_docs_pages
from meshkit.edge import RequestEdge
from meshkit.errors import install_error_handlers, set_problem_base
from meshkit.exposition import CONTENT_TYPE_LATEST, render
from meshkit.guard import GuardedRoute, guard_routes
from meshkit.headers import SecurityHeaders
from meshkit.heap import freeze_startup_heap
from meshkit.http import service_client
from meshkit.keepalive import MeshApp
from meshkit.lanes import FastLanes, ServedBy, lanes_of
from meshkit.middleware import BodyLimitMiddleware
from meshkit.natsurls import nats_servers
from meshkit.observability import RequestContextMiddleware
from meshkit.openapi import install_openapi
from meshkit.priority import lower_priority
from meshkit.probes import HEALTH_PROBE_SECONDS, HealthProbes, run_checks
from meshkit.revocation import DenyList
from meshkit.revocation_feed import RevocationFeed
from meshkit.settings import ServiceSettings
from meshkit.tracing import add_tracing_middleware, configure_tracing

__all__ = ["ReadinessCheck", "build_app", "mesh_resources", "nats_reachable"]

ReadinessCheck = Callable[[], Awaitable[None]]
Lifespan = Callable[[FastAPI], AbstractAsyncContextManager[None]]


def operation_id(route: APIRoute) -> str:
    """Stable operation ids: the route function's name (unique per service)."""
    return route.name


async def nats_reachable(url: str, timeout: float = HEALTH_PROBE_SECONDS) -> None:
    """A NATS server answers a TCP connect with its INFO line; of a cluster (several servers in ``url``), any
    one node answering is enough (clients fail over to it). The nodes are asked concurrently, so a cluster of
    frozen nodes costs ``timeout`` once, not once per node."""
    failure: Exception = ConnectionError("no NATS server")
    asked = [asyncio.create_task(_nats_answers(server, timeout)) for server in nats_servers(url)]
    try:
        for answer in asyncio.as_completed(asked):
            try:
                await answer
                return
            except (OSError, TimeoutError) as exc:
                failure = exc
    finally:
        for task in asked:
            task.cancel()
    raise failure


async def _nats_answers(server: str, timeout: float) -> None:
    parsed = urlsplit(server)
    reader, writer = await asyncio.wait_for(
        asyncio.open_connection(parsed.hostname or "127.0.0.1", parsed.port or 4222), timeout
    )
    try:
        line = await asyncio.wait_for(reader.readline(), timeout)
        if not line.startswith(b"INFO"):
            raise ConnectionError("not a NATS server")
    finally:
        writer.close()


LANE_SETTLE_SECONDS = 120.0


def settle_background_lane(app: FastAPI) -> None:
    """A background lane starts at the normal priority and lowers itself once (``background_lane_nice``) when it
    first answers ready, or :data:`LANE_SETTLE_SECONDS` after start: started at nice 19 on a busy machine, its
    start-up starved behind the APIs and the launcher's wait ran out (a first ``make run`` failed 3 times of 3)."""
    settings = app.state.settings
    if not settings.background_lane or getattr(app.state, "lane_settled", False):
        return
    app.state.lane_settled = True
    lower_priority(settings.background_lane_nice)


def _ops_router(service: str) -> APIRouter:
    router = APIRouter(tags=["运维 (operations)"], route_class=GuardedRoute)

    @router.get("/healthz", summary="Liveness (存活)", operation_id=f"{service}_healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok", "service": service}

    @router.get(
        "/readyz",
        summary="Readiness: can serve requests — its database reachable (就绪); the broker reported as health",
        operation_id=f"{service}_readyz",
    )
    async def readyz(request: Request) -> JSONResponse:
        state = request.app.state
        # readiness decides, each check within its budget; health (the broker) is only reported, from probes
        # run in the background with their own short timeout (meshkit.probes): a hung broker never holds this
        required, reported = await asyncio.gather(
            run_checks(getattr(state, "readiness", {})), state.probes.results(getattr(state, "health", {}))
        )
        ready = all(value == "ok" for value in required.values())
        if ready:
            settle_background_lane(request.app)
        return JSONResponse(
            {
                "status": "ready" if ready else "not_ready",
                "service": service,
                "checks": required,
                "health": reported,
            },
            status_code=200 if ready else 503,
        )

    @router.get("/metrics", summary="Prometheus metrics", include_in_schema=False)
    async def prometheus_metrics() -> Response:
        return Response(render(), media_type=CONTENT_TYPE_LATEST)

    return router


def build_app(
    *,
    service: str,
    title: str,
    description: str,
    settings: ServiceSettings,
    lifespan: Lifespan,
    routers: Sequence[APIRouter],
    version: str = "0.1.0",
    tags: list[dict[str, Any]] | None = None,
    body_limits: Sequence[tuple[str, int]] = (),
    gate: Middleware | None = None,
    direct_url: str | None = None,
) -> FastAPI:
    """Routes of ``routers`` declared with a :class:`meshkit.lanes.ServedBy` class are served by
    :class:`meshkit.lanes.FastLanes`.
    ``body_limits``: (route path template, bytes) for the few routes that take bodies larger than
    ``settings.max_body_bytes`` (e.g. ``("/cases/{case_id}/materials/{code}/upload", 10 MiB)``); every other
    route of the service refuses more than ``max_body_bytes`` itself, whether or not a gateway is in front.
    ``gate``: a middleware that may refuse a request before anything else of the app runs (e.g. the exchange's
    background lane), inside the security headers and the request context, so its refusals carry both.
    ``direct_url``: the service's own address in a development mesh, the OpenAPI document's second server."""

    @asynccontextmanager
    async def started_then_frozen(app: FastAPI) -> AsyncIterator[None]:
        async with lifespan(app):
            freeze_startup_heap()
            # at the latest: a lane nobody probes still yields the CPU once it has had time to get ready
            later = asyncio.get_running_loop().call_later(LANE_SETTLE_SECONDS, settle_background_lane, app)
            try:
                yield
            finally:
                later.cancel()
                await app.state.probes.close()

    app = MeshApp(  # a 500 it answered does not close the connection (meshkit.keepalive)
        title=title,
        description=description,
        version=version,
        lifespan=started_then_frozen,
        generate_unique_id_function=operation_id,
        openapi_tags=tags,
        docs_url=None,
        redoc_url=None,  # served from the mesh's own assets below (meshkit.docs_pages), not a public CDN
        telemetry={"tracing": False, "metrics": False, "logs": False},  # our own metrics and trace ids
    )
    app.state.settings = settings
    app.state.readiness = {}  # what serving requests needs: /readyz answers 503 while one fails
    app.state.health = {}  # what is reported beside it (the broker): an outage there delays work, never requests
    app.state.probes = HealthProbes()
    install_error_handlers(app)
    set_problem_base(settings.public_url)
    install_openapi(app, service=service, direct=direct_url)
    lanes = lanes_of(routers)
    if lanes:
        app.add_middleware(FastLanes, lanes=lanes)  # innermost: inside body limit and request context
    app.add_middleware(
        BodyLimitMiddleware,
        max_bytes=settings.max_body_bytes,
        path_limits=[(compile_path(path)[0].pattern, limit) for path, limit in body_limits],
    )
    if gate is not None:
        app.add_middleware(gate.cls, *gate.args, **gate.kwargs)
    # HEAD as GET, the gateway's prefix for problems, a path with a control character refused: inside the request
    # context and the security headers, so that refusal has a request id and nosniff like every other answer
    app.add_middleware(RequestEdge)
    app.add_middleware(RequestContextMiddleware, service=service)
    app.add_middleware(SecurityHeaders)  # every response the app sends
    if configure_tracing(
        service
    ):  # OpenTelemetry when an OTLP endpoint is set (meshkit.tracing); off by default
        add_tracing_middleware(app)  # outside everything: the server span covers the whole request
    app.include_router(_ops_router(service))
    install_docs_pages(app, title=title)
    document_refusals(routers)  # 401/403 documented where the route's dependencies refuse
    guard_routes(routers, served_elsewhere=(ServedBy,))  # every input looked at once, refused after auth
    for router in routers:
        app.include_router(router)
    declare_security(app)  # every operation's `security` and 401/403, from the routes' own dependencies
    return app


@asynccontextmanager
async def mesh_resources(
    app: FastAPI, settings: ServiceSettings, *, driver_settings: Mapping[str, str] | None = None
) -> AsyncIterator[None]:
    """Database, outgoing HTTP client, token verifier and revocation deny list (kept current from identity's
    events by a :class:`RevocationFeed`) for one app; readiness checks for the backends and the feed.
    ``driver_settings``: server settings of the database's plain-driver connections (see ``Database.driver``)."""
    database = Database.from_url(
        settings.database_url,
        pool_size=settings.database_pool_size,
        application_name=settings.service_name,
        driver_settings=driver_settings,
    )
    client = service_client()
    app.state.database = database
    app.state.http = client
    app.state.verifier = TokenVerifier(
        jwks_url=settings.jwks_url, issuer=settings.issuer, audience=settings.audience, client=client
    )
    app.state.revocations = DenyList()
    feed = RevocationFeed(
        app.state.revocations,
        nats_url=settings.nats_url,
        name=f"{settings.service_name}-revocations",
        replay=settings.revocation_replay,
        user=settings.nats_user,
        password=settings.nats_password.get_secret_value() if settings.nats_password is not None else None,
    )
    app.state.readiness = {
        "database": lambda: app.state.database.ping(),
        "revocations": feed.replayed,
    }
    # a broker outage never takes an API out of service: requests are served (events wait in the outbox, the
    # deny list keeps what it has), so the broker is reported, not required
    app.state.health = {"nats": lambda: nats_reachable(settings.nats_url), "revocations": feed.check}
    try:
        await feed.start(wait=settings.revocation_start_wait)
        yield
    finally:
        await feed.close()
        await client.aclose()
        await database.dispose()
