"""What a service's startup allocated is frozen out of the garbage collector's view once it has started."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest
from fastapi import FastAPI

from meshkit import heap
from meshkit.app import build_app
from meshkit.settings import ServiceSettings

pytestmark = pytest.mark.unit


async def test_an_app_freezes_the_startup_heap_after_its_lifespan_started(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(heap, "_done", False)
    gc.unfreeze()
    seen: list[int] = []

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        seen.append(gc.get_freeze_count())  # still starting: nothing frozen yet
        yield

    app = build_app(
        service="scratch",
        title="t",
        description="d",
        settings=ServiceSettings(),
        lifespan=lifespan,
        routers=[],
    )
    try:
        async with app.router.lifespan_context(app):
            assert seen == [0]
            assert gc.get_freeze_count() > 0
            assert heap.freeze_startup_heap() is False  # once per process
    finally:
        gc.unfreeze()
