"""Composition root of the identity service (统一身份认证)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from identity import use_cases
from identity.api import ROUTERS
from identity.settings import IdentitySettings
from identity.store.unit_of_work import IdentityUnitOfWork
from meshkit.app import build_app, mesh_resources
from meshkit.observability import configure_logging

__all__ = ["create_app"]


def create_app(settings: IdentitySettings | None = None) -> FastAPI:
    settings = settings or IdentitySettings()
    configure_logging("identity", settings.log_level)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        async with mesh_resources(app, settings):
            async with IdentityUnitOfWork(app.state.database) as uow:
                app.state.signing_key = await use_cases.active_signing_key(
                    uow, secret=settings.secret_key.get_secret_value()
                )
            yield

    return build_app(
        service="identity",
        title="Tongban identity (统一身份认证)",
        description="The OpenID Provider of the district and the organization tree (条块).",
        settings=settings,
        lifespan=lifespan,
        routers=ROUTERS,
    )
