"""Composition root of the identity service (统一身份认证)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime

from fastapi import FastAPI

from identity.api import ROUTERS
from identity.api.oauth_cors import OAuthCors
from identity.api.oauth_deps import key_cache, local_jwks_client, local_verifier
from identity.clients import Registers, SmsGateway
from identity.settings import IdentitySettings
from identity.store.client_grants import ClientGrants
from identity.store.unit_of_work import IdentityUnitOfWork
from identity.use_cases.oauth_keys import run_key_schedule
from identity.use_cases.oauth_origins import BrowserOrigins
from identity.use_cases.production import demo_clients
from identity.use_cases.system_token import SystemTokens
from meshkit.app import build_app, mesh_resources
from meshkit.db import Database
from meshkit.http import service_client
from meshkit.observability import configure_logging
from meshkit.settings import refusal_message

__all__ = ["create_app"]

CORS_ORIGINS_MAX_AGE = 10.0  # seconds a change to the registered redirect URIs takes to reach CORS


async def _refuse_demo_clients(database: Database, settings: IdentitySettings) -> None:
    """A production identity does not start while a client still holds the published demo secret."""
    async with IdentityUnitOfWork(database) as uow:
        found = await demo_clients(uow, pepper=settings.secret_key.get_secret_value())
    if found:
        problems = [f"client {client_id} (still has the published demo secret)" for client_id in found]
        raise RuntimeError(
            refusal_message(settings.environment, problems)
            + "; 用 POST /identity/clients/{id}/secret/next 轮换或停用后再以 prod 启动 (docs/runbook.md)"
        )


def create_app(settings: IdentitySettings | None = None) -> FastAPI:
    settings = settings or IdentitySettings()
    configure_logging("identity", settings.log_level)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        async with mesh_resources(app, settings):
            if settings.environment == "prod":
                await _refuse_demo_clients(app.state.database, settings)
            # The worker keeps the key schedule; running it here too means a fresh database can sign at once.
            async with IdentityUnitOfWork(app.state.database) as uow:
                await run_key_schedule(
                    uow,
                    secret=settings.secret_key.get_secret_value(),
                    policy=settings.rotation_policy(),
                    now=datetime.now(UTC),
                )
            app.state.keys = key_cache(settings)
            jwks_client = local_jwks_client(app)
            # identity verifies tokens like every service does, but reads its own keys instead of its own JWKS URL
            app.state.op_verifier = app.state.verifier = local_verifier(settings, jwks_client)
            # 实名核验 and one-time codes: the registers through the exchange, the SMS gateway
            exchange_http = service_client(settings.exchange_url, timeout=settings.registry_timeout)
            sms_http = service_client(settings.sms_url, timeout=settings.registry_timeout)
            # the client-credentials grant's client reads, batched per app (store.client_grants)
            app.state.client_grants = ClientGrants(lambda: app.state.database)
            app.state.system_tokens = SystemTokens(
                lambda: app.state.database,
                lambda: app.state.keys,
                app.state.client_grants,
                client_id=settings.system_client_id,
                policy=settings.token_policy(),
            )
            app.state.registers = Registers(
                exchange_http,
                token=app.state.system_tokens,
                duty=settings.verification_duty,
                population=settings.population_resource,
                legal_entities=settings.enterprise_resource,
            )
            app.state.sms = SmsGateway(sms_http)
            try:
                yield
            finally:
                await jwks_client.aclose()
                await exchange_http.aclose()
                await sms_http.aclose()

    app = build_app(
        service="identity",
        title="Tongban identity (统一身份认证)",
        description="The OpenID Provider of the district and the organization tree (条块).",
        settings=settings,
        lifespan=lifespan,
        routers=ROUTERS,
        direct_url="http://127.0.0.1:8801",
    )
    # outermost of ours: preflights are answered before anything else, and every answer gets its headers
    app.add_middleware(
        OAuthCors,
        origins=BrowserOrigins(max_age=CORS_ORIGINS_MAX_AGE),
        database=lambda: app.state.database,
    )
    return app
