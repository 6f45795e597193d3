"""An app whose startup fails, to test that the launcher reports it and cleans up."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI


def create_app() -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if app.title:  # always true; keeps the generator shape without an unreachable yield
            raise RuntimeError("fakesvc-broken refuses to start")
        yield

    return FastAPI(lifespan=lifespan)
