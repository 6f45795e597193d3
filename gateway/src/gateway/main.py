"""Composition root: ``create_app(settings=None)`` builds the gateway; nothing happens at import time.

A request for a routed service (``/<service>/...``) goes straight to the proxy (``gateway.front``,
``gateway.proxy``), which does the request context, security headers, body limit and error answers for its own
responses. Every other request goes through FastAPI, outermost first: ServerErrorMiddleware (Starlette) →
SecurityHeaders (nosniff) → RequestContextMiddleware (request id, trace context, duration metric, access line) →
BodyLimitMiddleware → RequestEdge → the gateway's own routes (/healthz, /readyz, /metrics, /openapi.json, /docs,
problem pages) and the ``route_not_found`` problem.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import uvicorn
from fastapi import FastAPI, Request
from starlette.types import Scope

from gateway.admission import Admission
from gateway.counters import SharedWindows
from gateway.docs import DOCS_TITLE, CombinedOpenAPI, docs_router
from gateway.front import GatewayApp
from gateway.guard import TokenGuard
from gateway.health import ops_router
from gateway.limit_store import LimitStore
from gateway.limits import Rules, TrustedProxies, source_address
from gateway.problems import Catalogue, problems_router
from gateway.proxy import Proxy
from gateway.routes import route_table
from gateway.server import GatewayProtocol
from gateway.settings import GatewaySettings
from gateway.throttle import PRINCIPAL, Throttle, store_fallbacks
from gateway.upstreams import Upstreams
from meshkit.access_docs import declare_security
from meshkit.auth import Principal, TokenVerifier
from meshkit.docs_pages import install_docs_pages
from meshkit.edge import RequestEdge
from meshkit.errors import install_error_handlers, set_problem_base
from meshkit.headers import SecurityHeaders
from meshkit.heap import freeze_startup_heap
from meshkit.http import service_client
from meshkit.middleware import BodyLimitMiddleware, BodyLimits
from meshkit.observability import (
    RequestContext,
    RequestContextMiddleware,
    configure_logging,
    uvicorn_log_config,
)
from meshkit.openapi import install_openapi
from meshkit.revocation import DenyList
from meshkit.revocation_feed import RevocationFeed
from meshkit.tracing import add_tracing_middleware, configure_tracing, traced

__all__ = ["create_app", "main"]

DESCRIPTION = (
    "通办网关：把 /identity、/catalog、/cases、/exchange 下的请求转发给对应服务，并汇总各服务的接口文档。\n\n"
    "Tongban gateway: forwards /identity, /catalog, /cases and /exchange to their services "
    "and combines their API docs."
)


def create_app(settings: GatewaySettings | None = None, *, verifier: TokenVerifier | None = None) -> FastAPI:
    """``verifier`` replaces the JWKS-backed one (tests)."""
    settings = settings or GatewaySettings()
    tracing = configure_tracing("gateway")  # OpenTelemetry when an OTLP endpoint is set (meshkit.tracing)
    routes = route_table(settings)
    upstreams = Upstreams(routes.values(), settings)
    jwks_client = service_client(timeout=5.0)  # opens no socket until the first JWKS fetch
    verifier = verifier or TokenVerifier(
        jwks_url=settings.jwks_url, issuer=settings.issuer, audience=settings.audience, client=jwks_client
    )

    rules = Rules.with_overrides(settings.rate_limits)
    store = LimitStore(
        settings.nats_url,
        bucket=settings.rate_limit_bucket,
        ttl=2 * max(c.window for c in rules.classes),
        user=settings.nats_user,
        password=settings.nats_password.get_secret_value() if settings.nats_password is not None else None,
    )
    windows = SharedWindows(store, on_fallback=store_fallbacks.inc, on_lost=store.lost)
    throttle = Throttle(rules, windows)

    deny = DenyList()
    feed = RevocationFeed(
        deny,
        nats_url=settings.nats_url,
        name="gateway-revocations",
        replay=settings.revocation_replay,
        user=settings.nats_user,
        password=settings.nats_password.get_secret_value() if settings.nats_password is not None else None,
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        configure_logging("gateway", settings.log_level)
        await upstreams.open()
        if settings.rate_limits_enabled:
            store.start()
            await store.reached(settings.rate_limit_store_wait)
        if settings.verify_tokens:
            await feed.start(wait=settings.revocation_start_wait)
        freeze_startup_heap()
        try:
            yield
        finally:
            await feed.close()
            await store.close()
            await upstreams.close()
            await jwks_client.aclose()

    admission = Admission(  # per upstream: bounded slots, a fair short queue (gateway.admission)
        routes,
        limit=settings.upstream_concurrency,
        queue=settings.upstream_queue,
        per_client=settings.upstream_queue_per_client,
        wait=settings.upstream_queue_wait,
        limits=settings.upstream_concurrency_overrides,
    )
    trusted = TrustedProxies(settings.trusted_proxies)
    uploads = [(path, settings.upload_max_bytes) for path in settings.upload_paths]  # larger bodies there
    # one access line per request, at INFO (meshkit.observability), on both paths
    context = RequestContext(service="gateway", access_level=logging.INFO, client_of=_client_of)
    proxy = Proxy(
        routes=routes,
        upstreams=upstreams,
        context=context,
        limits=BodyLimits(settings.max_body_bytes, uploads),
        guard=TokenGuard(verifier, deny) if settings.verify_tokens else None,
        throttle=throttle if settings.rate_limits_enabled else None,
        trusted=trusted,
        forwarding_key=settings.forwarding_key.get_secret_value(),
        admission=admission,
        body_timeout=settings.body_timeout,
    )
    app = GatewayApp(  # its own 500s do not close the client's connection either (meshkit.keepalive)
        services=routes.keys(),  # these requests go to the proxy, not through FastAPI (gateway.front)
        proxy=proxy,
        traced_proxy=traced(proxy),
        head_timeout=settings.head_timeout,
        title=DOCS_TITLE,
        description=DESCRIPTION,
        version="0.1.0",
        lifespan=lifespan,
        openapi_url=None,
        docs_url=None,
        redoc_url=None,  # docs.py serves the combined document instead
        # FastAPI's native OpenTelemetry re-checks the global providers on every request (~25 µs, measured);
        # the mesh propagates trace context itself (meshkit.observability) and exports Prometheus metrics.
        telemetry={"tracing": False, "metrics": False, "logs": False},
    )
    app.state.settings = settings
    app.state.upstreams = upstreams
    app.state.revocations = deny
    app.state.limit_store = store
    app.state.admission = admission  # per upstream: slots in use, who waits (gateway.admission)
    install_error_handlers(app)
    set_problem_base(settings.public_url)
    install_openapi(app, service=None, direct=None)
    combined = CombinedOpenAPI(
        lambda: app.openapi(),  # read when merging: declare_security below wraps app.openapi
        upstreams,
        ttl=settings.openapi_cache_seconds,
        timeout=settings.openapi_timeout,
    )
    metrics_networks = TrustedProxies(settings.metrics_networks)
    app.include_router(
        ops_router(
            upstreams,
            readiness_timeout=settings.readiness_timeout,
            revocations=feed if settings.verify_tokens else None,
            inside=lambda request: _from_inside(request, trusted, metrics_networks),
        )
    )
    app.include_router(docs_router(combined))
    install_docs_pages(app, title=DOCS_TITLE)
    app.include_router(problems_router(Catalogue(settings.problems_file)))
    declare_security(app)  # the gateway's own operations are public: `security: []`
    # HEAD on the gateway's own routes; a client's X-Forwarded-Prefix is no part of the gateway's own paths
    app.add_middleware(RequestEdge, forwarded=False)
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes, path_limits=uploads)
    app.add_middleware(
        RequestContextMiddleware,
        service=context.service,
        access_level=context.access_level,
        client_of=context.client_of,
    )
    app.add_middleware(SecurityHeaders)  # nosniff on everything
    if tracing:
        add_tracing_middleware(app)
    return app


def _client_of(scope: Scope) -> str | None:
    """The calling client's id, from the token the guard verified (none for an anonymous request)."""
    principal = scope.get(PRINCIPAL)
    return principal.client_id if isinstance(principal, Principal) else None


def _from_inside(request: Request, trusted: TrustedProxies, inside: TrustedProxies) -> bool:
    """The client's address (as the limits see it: through trusted proxies) is in ``GATEWAY_METRICS_NETWORKS``."""
    forwarded = request.headers.get("x-forwarded-for")
    peer = request.client.host if request.client else None
    return source_address(peer, forwarded, trusted) in inside


def main() -> None:
    """Serve the gateway with uvicorn on ``GATEWAY_HOST``:``GATEWAY_PORT``."""
    settings = GatewaySettings()
    uvicorn.run(
        create_app(settings),
        host=settings.host,
        port=settings.port,
        log_level=settings.log_level.lower(),
        log_config=uvicorn_log_config("gateway", settings.log_level),
        server_header=False,
        proxy_headers=False,  # the client's address is the gateway's own rule (GATEWAY_TRUSTED_PROXIES)
        http=GatewayProtocol,  # a proxied request goes to the proxy without ASGI (gateway.server)
        access_log=False,  # one line per request at INFO would cost more than the proxy itself
    )


if __name__ == "__main__":
    main()
