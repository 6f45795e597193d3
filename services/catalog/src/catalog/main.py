"""Composition root of the catalog service (政务服务事项目录)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from catalog.api import ROUTERS
from catalog.api.transfer import IMPORT_PATH
from catalog.domain import analysis
from catalog.settings import IMPORT_HEADROOM, CatalogSettings
from catalog.store.search import DRIVER_SETTINGS
from meshkit.app import build_app, mesh_resources
from meshkit.observability import configure_logging

__all__ = ["create_app"]


def create_app(settings: CatalogSettings | None = None) -> FastAPI:
    settings = settings or CatalogSettings()
    configure_logging("catalog", settings.log_level)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        async with mesh_resources(app, settings, driver_settings=DRIVER_SETTINGS):
            await asyncio.to_thread(
                analysis.tokenizer
            )  # jieba's dictionary: once per process, before requests
            yield

    return build_app(
        service="catalog",
        title="Tongban catalog (政务服务事项目录)",
        description="The matters people can apply for: departments, levels, materials, time limits, 一件事 "
        "bundles, search, and import/export of the implementation list (实施清单).",
        settings=settings,
        lifespan=lifespan,
        routers=ROUTERS,
        body_limits=[(IMPORT_PATH, settings.import_max_bytes + IMPORT_HEADROOM)],
        direct_url="http://127.0.0.1:8802",
    )
