"""The city-level approval platform (市级行政审批系统), stand-in for the national case exchange.

It checks each record's signature (SM2-SM3 with the hub's public key, or HMAC-SHA256), keeps what it received in
arrival order (a record sent twice is counted once, by its ``Idempotency-Key``), and can be told to be down,
slow, or to keep refusing one case. It also pushes matters and cases down to the hub (回流), signed with its key.
Run: ``uvicorn --factory tongban.simulators.city_platform:create_app``.
"""

from __future__ import annotations

import asyncio
import json
import secrets
import time
from typing import Any

import httpx
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from tongban.simulators.signatures import CitySimSettings, sign, verify

__all__ = ["create_app"]


class Mode(BaseModel):
    down: bool = Field(default=False, description="answer 503 to everything")
    delay: float = Field(default=0.0, ge=0, le=120, description="seconds before answering")
    refuse_case: str | None = Field(
        default=None, description="answer 422 to every record of this case number"
    )


class Push(BaseModel):
    kind: str = Field(pattern="^(matters|cases)$")
    batch: str = Field(max_length=64)
    items: list[dict[str, Any]]


def create_app(settings: CitySimSettings | None = None) -> FastAPI:
    settings = settings or CitySimSettings()
    app = FastAPI(title="重庆市行政审批系统 (simulator)", version="1.0")
    received: list[dict[str, Any]] = []
    keys: set[str] = set()
    counters = {"duplicates": 0, "refused": 0, "bad_signatures": 0}
    mode = Mode()

    @app.get("/healthz")
    @app.get("/readyz")
    async def ready() -> dict[str, str]:
        return {"status": "ready", "service": "city-platform-simulator"}

    @app.post("/case-exchange/records")
    async def receive(request: Request) -> JSONResponse:
        body = await request.body()
        if mode.delay:
            await asyncio.sleep(mode.delay)
        if mode.down:
            return JSONResponse({"error": "维护中 (down)"}, status_code=503)
        if not await asyncio.to_thread(verify, settings, request.headers, body):
            counters["bad_signatures"] += 1
            return JSONResponse({"error": "签名验证失败"}, status_code=401)
        record = json.loads(body)
        if mode.refuse_case and record.get("case_number") == mode.refuse_case:
            counters["refused"] += 1
            return JSONResponse({"error": "数据校验不通过 (refused)"}, status_code=422)
        key = request.headers.get("idempotency-key") or str(record.get("record_id"))
        if key in keys:
            counters["duplicates"] += 1
            return JSONResponse({"accepted": True, "duplicate": True})
        keys.add(key)
        received.append({**record, "signature_alg": request.headers.get("x-tongban-signature-alg")})
        return JSONResponse({"accepted": True})

    @app.get("/admin/received")
    async def list_received(case_number: str | None = None) -> dict[str, Any]:
        records = [r for r in received if case_number is None or r.get("case_number") == case_number]
        return {"records": records, **counters}

    @app.post("/admin/mode")
    async def set_mode(body: Mode) -> Mode:
        mode.down, mode.delay, mode.refuse_case = body.down, body.delay, body.refuse_case
        return mode

    @app.post("/admin/reset")
    async def reset() -> dict[str, str]:
        received.clear()
        keys.clear()
        counters.update(dict.fromkeys(counters, 0))
        mode.down, mode.delay, mode.refuse_case = False, 0.0, None
        return {"status": "reset"}

    @app.post("/admin/push")
    async def push(body: Push) -> JSONResponse:
        """Push matters or cases down to the hub (回流), signed; returns the hub's answer."""
        payload = json.dumps({"batch": body.batch, "items": body.items}, ensure_ascii=False).encode()
        timestamp, nonce = str(int(time.time())), secrets.token_hex(16)
        headers = await asyncio.to_thread(sign, settings, timestamp, nonce, payload)
        async with httpx.AsyncClient(timeout=30.0) as client:
            answer = await client.post(f"{settings.exchange_url.rstrip('/')}/city-link/inbound/{body.kind}",
                                       content=payload, headers={**headers, "Content-Type": "application/json"})  # fmt: skip
        return JSONResponse({"status": answer.status_code, "body": answer.json()}, status_code=200)

    return app
