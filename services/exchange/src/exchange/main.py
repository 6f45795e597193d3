"""Composition root of the exchange service (共享交换平台)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from exchange.api import ROUTERS
from exchange.settings import ExchangeSettings
from meshkit.app import build_app, mesh_resources
from meshkit.observability import configure_logging

__all__ = ["create_app"]


def create_app(settings: ExchangeSettings | None = None) -> FastAPI:
    settings = settings or ExchangeSettings()
    configure_logging("exchange", settings.log_level)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        async with mesh_resources(app, settings):
            yield

    return build_app(
        service="exchange",
        title="Tongban exchange (共享交换平台)",
        description="Departments share records under the national sharing rules; every read is logged.",
        settings=settings,
        lifespan=lifespan,
        routers=ROUTERS,
    )
