"""Composition root of the exchange service (共享交换平台)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime

from fastapi import FastAPI
from starlette.middleware import Middleware

from exchange.api import ROUTERS
from exchange.api.background_lane import BackgroundLaneGate
from exchange.clients.mesh import MeshRecords
from exchange.clients.outbound import Outbound
from exchange.clients.providers import ProviderClient
from exchange.domain.checkpoints import CheckpointSigner
from exchange.domain.limits import PayloadLimits, RateLimiter
from exchange.runtime import ExchangeRuntime
from exchange.sealing import Sealer
from exchange.settings import ExchangeSettings
from exchange.signing import Verifier
from exchange.store.driver import GrantCopies, ResourceSnapshots, TypeDirectoryCopy
from exchange.store.endpoint_hosts import EndpointHostCopies
from exchange.store.group_commit import GroupCommit
from exchange.store.unit_of_work import ExchangeUnitOfWork
from exchange.use_cases.access_log import CheckpointTrust
from exchange.use_cases.bases import ReadBases
from exchange.use_cases.calendar import seed_calendar
from exchange.use_cases.reads import Providers, ReadPath
from meshkit.app import build_app, mesh_resources
from meshkit.http import service_client
from meshkit.observability import configure_logging

__all__ = ["create_app"]

TAGS = [
    {"name": "数据资源目录 (directory)", "description": "Members, resources and what the caller may read."},
    {"name": "共享数据 (records)", "description": "Reads (every one logged) and pushes of hosted records."},
    {"name": "共享申请 (share requests)", "description": "Conditional sharing: request, grant, refuse."},
    {
        "name": "访问日志 (access log)",
        "description": "Who read my data; hash-chain verification against signed, witnessed checkpoints.",
    },
    {"name": "订阅 (subscriptions)", "description": "Change notifications by NATS or signed webhook."},
    {"name": "电子证照 (e-certificates)", "description": "GB/T 36904 certificates: issue, look up, status."},
    {
        "name": "市级平台对接 (city platform link)",
        "description": "Delivery status, replay, and 回流 inbound.",
    },
]


def create_app(settings: ExchangeSettings | None = None) -> FastAPI:
    settings = settings or ExchangeSettings()
    configure_logging("exchange", settings.log_level)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        async with mesh_resources(app, settings):
            async with ExchangeUnitOfWork(app.state.database) as uow:
                await seed_calendar(uow)  # idempotent: adds the library's new years, keeps the district's
            outbound = Outbound(settings.outbound_policy(), max_connections=settings.provider_connections)
            identity_http = service_client(settings.identity_url, timeout=settings.mesh_timeout)
            cases_http = service_client(settings.cases_url, timeout=settings.mesh_timeout)
            sealer = Sealer(settings.secret_key.get_secret_value())
            mesh = MeshRecords(
                identity_http, cases_http, client_id=settings.client_id, client_secret=settings.client_secret
            )
            read_path = ReadPath(
                database_of=lambda: app.state.database,
                snapshots=ResourceSnapshots(ttl=settings.resource_cache_seconds),
                types=TypeDirectoryCopy(ttl=settings.resource_cache_seconds),
                grants=GrantCopies(ttl=settings.resource_cache_seconds),
                commits=GroupCommit(lambda: app.state.database),
                providers=Providers(
                    ProviderClient(outbound, max_bytes=settings.provider_response_bytes),
                    EndpointHostCopies(ttl=settings.resource_cache_seconds),
                ),
                sealer=sealer,
                bases=ReadBases(
                    mesh,
                    sealer,
                    ttl=settings.resource_cache_seconds,
                    window_days=settings.case_basis_days,
                    event_wait=settings.case_event_wait,
                ),
                clock=lambda: datetime.now(UTC),
                certificate_resource=settings.certificate_resource,
            )
            rate_limiter = RateLimiter(
                rate=settings.rate_limit_per_second,
                burst=settings.rate_limit_burst,
                overrides=settings.rate_limit_overrides,
                share=settings.replicas,
            )
            payload_limits = PayloadLimits(
                records_per_push=settings.records_per_push,
                record_bytes=settings.record_bytes,
                provider_response_bytes=settings.provider_response_bytes,
            )
            checkpoint_trust = CheckpointTrust.of(
                signing_public_key=CheckpointSigner(
                    settings.checkpoint_signing_key.get_secret_value()
                ).public_key.hex(),
                earlier_keys=settings.checkpoint_trusted_keys,
                witness_keys=[settings.witness_public_key, *settings.witness_trusted_keys],
            )
            city_verifier = Verifier(sm2_public_key=settings.city_public_key, hmac_key=settings.hmac_key())
            app.state.runtime = ExchangeRuntime(
                settings=settings,
                read_path=read_path,
                outbound=outbound,
                rate_limiter=rate_limiter,
                payload_limits=payload_limits,
                checkpoint_trust=checkpoint_trust,
                city_verifier=city_verifier,
            )
            try:
                yield
            finally:
                await outbound.close()
                await identity_http.aclose()
                await cases_http.aclose()

    app = build_app(
        service="exchange",
        title="Tongban exchange (共享交换平台)",
        description="Departments share records under the national sharing rules; every read is logged in a "
        "hash chain; e-certificates; the link to the city-level approval platform.",
        settings=settings,
        lifespan=lifespan,
        routers=ROUTERS,
        direct_url="http://127.0.0.1:8804",
        tags=TAGS,
        # a background lane serves the cases worker's routes only, to its client only
        gate=Middleware(BackgroundLaneGate, clients=settings.background_lane_clients)
        if settings.background_lane
        else None,
    )
    return app
