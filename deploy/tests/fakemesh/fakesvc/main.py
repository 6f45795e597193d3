"""The fake service's HTTP app: /readyz checks its database and NATS like a real service."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import nats
from fastapi import FastAPI
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy import text

from fakesvc.db import engine


class Note(BaseModel):
    text: str


def create_app() -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.engine = engine()
        credentials = {}  # its own NATS user, as the launcher hands every process (none on an external server)
        if "FAKESVC_NATS_USER" in os.environ:
            credentials = {
                "user": os.environ["FAKESVC_NATS_USER"],
                "password": os.environ["FAKESVC_NATS_PASSWORD"],
            }
        app.state.nats = await nats.connect(os.environ["NATS_URL"], **credentials)
        yield
        await app.state.nats.close()
        await app.state.engine.dispose()

    app = FastAPI(lifespan=lifespan)

    @app.get("/readyz")
    async def readyz() -> JSONResponse:
        async with app.state.engine.connect() as conn:
            await conn.execute(text("SELECT 1"))
        ok = app.state.nats.is_connected
        return JSONResponse({"database": "ok", "nats": ok}, status_code=200 if ok else 503)

    @app.get("/notes")
    async def notes() -> list[str]:
        async with app.state.engine.connect() as conn:
            rows = await conn.execute(text("SELECT text FROM notes ORDER BY id"))
            return [row[0] for row in rows]

    @app.post("/notes", status_code=201)
    async def add_note(note: Note) -> Note:
        async with app.state.engine.begin() as conn:
            await conn.execute(text("INSERT INTO notes (text) VALUES (:text)"), {"text": note.text})
        return note

    @app.get("/worker-runs")
    async def worker_runs() -> int:
        async with app.state.engine.connect() as conn:
            return int((await conn.execute(text("SELECT count(*) FROM worker_runs"))).scalar_one())

    @app.get("/env")
    async def env() -> dict[str, Any]:
        names = ("TONGBAN_ENV", "TONGBAN_ISSUER", "TONGBAN_JWKS_URL", "TONGBAN_LOG_LEVEL", "NATS_URL")
        return {name: os.environ.get(name) for name in names}

    @app.post("/crash")
    async def crash() -> None:
        os._exit(3)

    return app
