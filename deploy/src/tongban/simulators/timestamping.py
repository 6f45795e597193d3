"""A time-stamping authority (可信时间戳服务), stand-in for the outside witness of the access log's checkpoints.

RFC 3161 in JSON: a request carries a message imprint (the hash algorithm and the hashed message: here the
SHA-256 digest of one signed checkpoint) and a nonce; the answer is a status and a time-stamp token, the exact
bytes of a TSTInfo (version, policy, message imprint, serial number, generation time, nonce, TSA name) with the
authority's Ed25519 signature over those bytes. The authority keeps every imprint it stamped, in order, so what it
saw can be compared with what the hub still holds (``GET /admin/stamped``), and can be told to be down or slow.
Written against ``cryptography`` directly, independent of the hub's code, so the two sides check each other.
Run: ``uvicorn --factory tongban.simulators.timestamping:create_app``.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
from datetime import UTC, datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from fastapi import FastAPI
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from pydantic_settings import SettingsConfigDict

from meshkit.settings import SecretSafeSettings
from tongban.simulators import outside_system_ready

__all__ = ["DEV_TSA_PRIVATE_KEY", "TsaSimSettings", "create_app"]

# Development key only: the exchange trusts its public half by default (EXCHANGE_WITNESS_PUBLIC_KEY) in dev.
DEV_TSA_PRIVATE_KEY = "635784e23f32891cd8aaa29a574c9eed2127a3790da719231839775c91f0c87e"


class TsaSimSettings(SecretSafeSettings):
    model_config = SettingsConfigDict(env_prefix="TSASIM_", extra="ignore", frozen=True)

    private_key: str = DEV_TSA_PRIVATE_KEY  # hex of the 32-byte Ed25519 seed
    name: str = "綦江区可信时间戳服务 (simulator)"
    policy: str = "tongban.dev.tsa.1"


class MessageImprint(BaseModel):
    hash_algorithm: str = Field(description="sha256 only")
    hashed_message: str = Field(pattern="^[0-9a-f]{64}$")


class TimeStampReq(BaseModel):
    version: int = 1
    message_imprint: MessageImprint
    nonce: int | None = Field(default=None, ge=0, lt=2**63)
    cert_req: bool = False


class Mode(BaseModel):
    down: bool = Field(default=False, description="answer 503 to every time-stamp request")
    delay: float = Field(default=0.0, ge=0, le=120, description="seconds before answering")


def _canonical(body: dict[str, Any]) -> bytes:
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def create_app(settings: TsaSimSettings | None = None) -> FastAPI:
    settings = settings or TsaSimSettings()
    key = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(settings.private_key))
    public = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    key_id = hashlib.sha256(public).hexdigest()[:16]
    app = FastAPI(title="可信时间戳服务 (simulator)", version="1.0")
    stamped: list[dict[str, Any]] = []
    counters = {"refused": 0, "down": 0}
    mode = Mode()

    @app.get("/healthz")
    @app.get("/readyz")
    async def ready() -> dict[str, str]:
        return {"status": "ready", "service": "timestamping-simulator"}

    @app.get("/public-key")
    async def public_key() -> dict[str, str]:
        return {"algorithm": "Ed25519", "public_key": public.hex(), "key_id": key_id, "tsa": settings.name}

    @app.post("/timestamp")
    async def timestamp(request: TimeStampReq) -> JSONResponse:
        if mode.delay:
            await asyncio.sleep(mode.delay)
        if mode.down:
            counters["down"] += 1
            return JSONResponse({"error": "维护中 (down)"}, status_code=503)
        if request.message_imprint.hash_algorithm != "sha256":
            counters["refused"] += 1
            status = {"status": 2, "status_string": "rejection", "fail_info": "badAlg"}
            return JSONResponse({"status": status}, status_code=200)
        info = {
            "version": 1,
            "policy": settings.policy,
            "serial_number": len(stamped) + 1,
            "gen_time": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
            "message_imprint": request.message_imprint.model_dump(),
            "nonce": request.nonce,
            "tsa": settings.name,
        }
        tst_info = _canonical(info)
        signature = key.sign(tst_info)
        stamped.append(
            {
                "serial_number": info["serial_number"],
                "gen_time": info["gen_time"],
                "hashed_message": request.message_imprint.hashed_message,
                "nonce": request.nonce,
            }
        )
        token = {
            "tst_info": base64.b64encode(tst_info).decode(),
            "signature": base64.b64encode(signature).decode(),
            "algorithm": "Ed25519",
            "key_id": key_id,
        }
        return JSONResponse({"status": {"status": 0, "status_string": "granted"}, "time_stamp_token": token})

    @app.get("/admin/stamped")
    async def list_stamped() -> dict[str, Any]:
        return {"stamped": stamped, **counters}

    @app.post("/admin/mode")
    async def set_mode(body: Mode) -> Mode:
        for name in Mode.model_fields:
            setattr(mode, name, getattr(body, name))
        return mode

    @app.post("/admin/reset")
    async def reset() -> dict[str, str]:
        stamped.clear()
        counters.update(dict.fromkeys(counters, 0))
        for name, field in Mode.model_fields.items():
            setattr(mode, name, field.default)
        return {"status": "reset"}

    outside_system_ready()
    return app
