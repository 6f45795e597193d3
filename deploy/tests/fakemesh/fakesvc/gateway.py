"""A fake gateway: ready when the service it routes to (GATEWAY_FAKESVC_URL) is ready."""

from __future__ import annotations

import os

import httpx
from fastapi import FastAPI
from fastapi.responses import JSONResponse


def create_app() -> FastAPI:
    app = FastAPI()

    @app.get("/readyz")
    async def readyz() -> JSONResponse:
        async with httpx.AsyncClient(trust_env=False) as client:
            upstream = await client.get(os.environ["GATEWAY_FAKESVC_URL"] + "/readyz")
        return JSONResponse({"fakesvc": upstream.status_code}, status_code=upstream.status_code)

    return app
