"""An SMS gateway (短信网关), stand-in for the operator's gateway identity sends one-time codes and notices through.

``POST /messages`` takes ``{"to": "<mobile number>", "text": "..."}`` and "sends" it: the gateway keeps every
message it accepted, so tests and a developer read what a phone would have received
(``GET /messages?to=<number>``, oldest first). It can be told to refuse everything (``POST /admin/down``) to
exercise the sender's failure path. Messages live in memory only (a restart forgets them).
Run: ``uvicorn --factory tongban.simulators.sms:create_app``.
"""

from __future__ import annotations

import itertools
from collections import deque
from datetime import UTC, datetime
from typing import Any

from fastapi import FastAPI, Query
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from tongban.simulators import outside_system_ready

__all__ = ["create_app"]

MAX_KEPT = 5000


class Message(BaseModel):
    to: str = Field(min_length=5, max_length=20, pattern=r"^\+?[0-9]+$")
    text: str = Field(min_length=1, max_length=500)


class Down(BaseModel):
    down: bool


def create_app() -> FastAPI:
    app = FastAPI(title="短信网关 (simulator)", version="1.0")
    sent: deque[dict[str, Any]] = deque(maxlen=MAX_KEPT)
    ids = itertools.count(1)
    state = {"down": False}

    @app.get("/healthz")
    @app.get("/readyz")
    async def ready() -> dict[str, str]:
        return {"status": "ready", "service": "sms-simulator"}

    @app.post("/messages", status_code=202)
    async def send(body: Message) -> JSONResponse:
        if state["down"]:
            return JSONResponse({"error": "gateway down"}, status_code=503)
        message = {"id": next(ids), "to": body.to, "text": body.text, "at": datetime.now(UTC).isoformat()}
        sent.append(message)
        return JSONResponse({"id": message["id"], "status": "sent"}, status_code=202)

    @app.get("/messages")
    async def messages(to: str | None = Query(default=None, max_length=20)) -> list[dict[str, Any]]:
        """What the gateway sent (oldest first), to one number or to all."""
        return [m for m in sent if to is None or m["to"] == to]

    @app.post("/admin/down")
    async def down(body: Down) -> dict[str, bool]:
        """Refuse every message (503) while ``down`` is true."""
        state["down"] = body.down
        return state

    @app.post("/admin/reset")
    async def reset() -> dict[str, str]:
        sent.clear()
        state["down"] = False
        return {"status": "reset"}

    outside_system_ready()
    return app
