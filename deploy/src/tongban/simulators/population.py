"""The 区公安局 population system (stand-in) behind the proxied resource 500110-GAJ-RK-001 人口基础信息.

``POST /population/query`` answers the hub's forwarded reads; it records who asked and why (from the hub's
headers, never the identifier) and can be slowed down to exercise the hub's timeout.
Run: ``uvicorn --factory tongban.simulators.population:create_app``.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from datetime import UTC, datetime
from typing import Any
from urllib.parse import unquote

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from meshkit.observability import RequestContextMiddleware
from tongban.simulators import outside_system_ready
from tongban.simulators.residents import residents

__all__ = ["create_app"]


class Query(BaseModel):
    subject_kind: str = "person"
    identifier: str = Field(max_length=40)
    items: list[str] | None = None


class Delay(BaseModel):
    seconds: float = Field(ge=0, le=120)


def create_app() -> FastAPI:
    app = FastAPI(title="公安人口信息系统 (simulator)", version="1.0")
    # like a real system behind the hub: one access line per request, in the caller's trace (issue 20)
    app.add_middleware(RequestContextMiddleware, service="population-sim", access_level=logging.INFO)
    people = residents()
    seen: deque[dict[str, Any]] = deque(maxlen=500)
    state: dict[str, float] = {"delay": 0.0}

    @app.get("/healthz")
    @app.get("/readyz")
    async def ready() -> dict[str, str]:
        return {"status": "ready", "service": "population-simulator"}

    @app.post("/population/query")
    async def query(body: Query, request: Request) -> JSONResponse:
        headers = request.headers
        seen.append(
            {
                "at": datetime.now(UTC).isoformat(),
                "client": headers.get("x-tongban-client"),
                "org": headers.get("x-tongban-org"),
                "user": headers.get("x-tongban-user"),
                "purpose": unquote(headers.get("x-tongban-purpose", "")),
                "case": unquote(headers.get("x-tongban-case", "")) or None,
                "legal_basis": unquote(headers.get("x-tongban-legal-basis", "")) or None,
                "request_id": headers.get("x-request-id"),
                "items": body.items,
            }
        )
        if state["delay"]:
            await asyncio.sleep(state["delay"])
        if body.subject_kind != "person":
            return JSONResponse({"error": "only persons"}, status_code=400)
        person = people.get(body.identifier.strip().upper())
        if person is None:
            return JSONResponse({"error": "not found"}, status_code=404)
        wanted = body.items or list(person)
        return JSONResponse({"record": {key: person[key] for key in wanted if key in person}})

    @app.get("/admin/requests")
    async def requests() -> list[dict[str, Any]]:
        """What the hub forwarded (newest last): client, organization, user, purpose, case, request id."""
        return list(seen)

    @app.post("/admin/delay")
    async def delay(body: Delay) -> dict[str, float]:
        """Answer every query only after this many seconds (0 = at once)."""
        state["delay"] = body.seconds
        return state

    @app.post("/admin/reset")
    async def reset() -> dict[str, str]:
        seen.clear()
        state["delay"] = 0.0
        return {"status": "reset"}

    outside_system_ready()
    return app
