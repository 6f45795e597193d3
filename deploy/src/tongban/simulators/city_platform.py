"""The city-level approval platform (市级行政审批系统), stand-in for the national case exchange.

It takes one record or a batch of records per request, checks the request's signature (SM2-SM3 with the hub's
public key, or HMAC-SHA256; one per batch), keeps what it received in arrival order (a record sent twice is
counted once, by its record id — for a single record, its ``Idempotency-Key``), answers a batch per record
(``accepted``, ``duplicate``, ``refused``, or ``skipped`` after a refused record of the same case), and can be told
to be down, slow, or to keep refusing one case. It also pushes matters and cases down to the hub (回流), signed with its key.
Run: ``uvicorn --factory tongban.simulators.city_platform:create_app``.
"""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
import time
from typing import Any

import httpx
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from meshkit.observability import RequestContextMiddleware
from tongban.simulators import outside_system_ready
from tongban.simulators.signatures import CitySimSettings, sign, verify

__all__ = ["create_app"]


class Mode(BaseModel):
    down: bool = Field(default=False, description="answer 503 to everything")
    delay: float = Field(default=0.0, ge=0, le=120, description="seconds before answering")
    refuse_case: str | None = Field(
        default=None, description="answer 422 to every record of this case number"
    )
    refuse_kind: str | None = Field(
        default=None, description="refuse every record of this kind (e.g. acceptance)"
    )
    lose_answers: int = Field(
        default=0, ge=0, description="record the next N requests, then answer 502 as if the answer were lost"
    )


class Push(BaseModel):
    kind: str = Field(pattern="^(matters|cases)$")
    batch: str = Field(max_length=64)
    items: list[dict[str, Any]]


def create_app(settings: CitySimSettings | None = None) -> FastAPI:
    settings = settings or CitySimSettings()
    app = FastAPI(title="重庆市行政审批系统 (simulator)", version="1.0")
    # like a real system behind the hub: one access line per request, in the caller's trace (issue 20)
    app.add_middleware(RequestContextMiddleware, service="city-platform-sim", access_level=logging.INFO)
    received: list[dict[str, Any]] = []
    keys: set[str] = set()
    counters = {"duplicates": 0, "refused": 0, "bad_signatures": 0, "batches": 0}
    mode = Mode()

    @app.get("/healthz")
    @app.get("/readyz")
    async def ready() -> dict[str, str]:
        return {"status": "ready", "service": "city-platform-simulator"}

    def take(record: dict[str, Any], key: str, alg: str | None) -> tuple[str, str | None]:
        """One record: refused (its case is refused), duplicate (seen by its id) or accepted (kept once)."""
        if (mode.refuse_case and record.get("case_number") == mode.refuse_case) or (
            mode.refuse_kind and record.get("kind") == mode.refuse_kind
        ):
            counters["refused"] += 1
            return "refused", "数据校验不通过 (refused)"
        if key in keys:
            counters["duplicates"] += 1
            return "duplicate", None
        keys.add(key)
        received.append({**record, "signature_alg": alg})
        return "accepted", None

    @app.post("/case-exchange/records")
    async def receive(request: Request) -> JSONResponse:
        """One record, or a batch ``{"batch_id", "records": [...]}`` under one signature, answered per record."""
        body = await request.body()
        if mode.delay:
            await asyncio.sleep(mode.delay)
        if mode.down:
            return JSONResponse({"error": "维护中 (down)"}, status_code=503)
        if not await asyncio.to_thread(verify, settings, request.headers, body):
            counters["bad_signatures"] += 1
            return JSONResponse({"error": "签名验证失败"}, status_code=401)
        payload = json.loads(body)
        alg = request.headers.get("x-tongban-signature-alg")
        if isinstance(payload, dict) and isinstance(payload.get("records"), list):
            if not all(isinstance(record, dict) and record.get("record_id") for record in payload["records"]):
                return JSONResponse(
                    {"error": "记录缺少 record_id"}, status_code=400
                )  # nothing of it is taken
            counters["batches"] += 1
            refused_cases: set[Any] = set()
            results: list[dict[str, Any]] = []
            for record in payload["records"]:
                answer: dict[str, Any] = {"record_id": record["record_id"]}
                # keep each case in order: nothing of it after a refused record
                if record.get("case_number") in refused_cases:
                    answer["status"] = "skipped"
                else:
                    answer["status"], error = take(record, str(record["record_id"]), alg)
                    if error:
                        answer["error"] = error
                        refused_cases.add(record.get("case_number"))
                results.append(answer)
            if mode.lose_answers:
                mode.lose_answers -= 1
                return JSONResponse({"error": "answer lost on the way back"}, status_code=502)
            return JSONResponse({"batch_id": payload.get("batch_id"), "results": results})
        key = request.headers.get("idempotency-key") or str(payload.get("record_id"))
        status, error = take(payload, key, alg)
        if status == "refused":
            return JSONResponse({"error": error}, status_code=422)
        return JSONResponse({"accepted": True, **({"duplicate": True} if status == "duplicate" else {})})

    @app.get("/admin/received")
    async def list_received(case_number: str | None = None) -> dict[str, Any]:
        records = [r for r in received if case_number is None or r.get("case_number") == case_number]
        return {"records": records, **counters}

    @app.post("/admin/mode")
    async def set_mode(body: Mode) -> Mode:
        for name in Mode.model_fields:
            setattr(mode, name, getattr(body, name))
        return mode

    @app.post("/admin/reset")
    async def reset() -> dict[str, str]:
        received.clear()
        keys.clear()
        counters.update(dict.fromkeys(counters, 0))
        for name, field in Mode.model_fields.items():
            setattr(mode, name, field.default)
        return {"status": "reset"}

    @app.post("/admin/push")
    async def push(body: Push) -> JSONResponse:
        """Push matters or cases down to the hub (回流), signed; returns the hub's answer."""
        payload = json.dumps({"batch": body.batch, "items": body.items}, ensure_ascii=False).encode()
        timestamp, nonce = str(int(time.time())), secrets.token_hex(16)
        headers = await asyncio.to_thread(sign, settings, timestamp, nonce, payload)
        async with httpx.AsyncClient(timeout=30.0) as client:
            answer = await client.post(
                f"{settings.exchange_url.rstrip('/')}/city-link/inbound/{body.kind}",
                content=payload,
                headers={**headers, "Content-Type": "application/json"},
            )
        return JSONResponse({"status": answer.status_code, "body": answer.json()}, status_code=200)

    outside_system_ready()
    return app
