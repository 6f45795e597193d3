"""CPU of the hostile-input guard on a typical application body (issue 18): ``python -m bench.input_guard``.

Measured in one process, each figure the best of several timeit repeats (the machine is shared):

- the fast lane's body reading (``POST /cases``): main's ``parsed_body`` (pydantic straight from the bytes) against
  today's (media type, the raw pre-check, then the same), for a clean body and for one with line breaks in the
  form (which is walked);
- an ordinary JSON route through the whole app in-process (ASGI, no sockets): the same route as a plain
  ``APIRoute`` and as a ``GuardedRoute``, CPU per request;
- main's body-limit U+0000 scan (removed) on the same body, for scale.
"""

from __future__ import annotations

import asyncio
import json
import time
import timeit
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
from fastapi import APIRouter, FastAPI
from fastapi.routing import APIRoute

from cases.api.schemas import ApplicationIn
from meshkit.app import build_app
from meshkit.guard import GuardedRoute
from meshkit.lanes import parsed_body
from meshkit.settings import ServiceSettings

FORM = {
    "申请人姓名": "陈晓梅",
    "联系电话": "13900001111",
    "店名": "綦河小馆",
    "经营场所": "重庆市綦江区古南街道沿河路 88 号",
    "经营范围": "热食类食品制售",
    "从业人员数": 6,
    "经营面积": 85.5,
    "是否连锁": False,
    "开业日期": "2027-03-01",
    "备注": "无",
}
CLEAN = json.dumps({"matter_code": "500110-SCJGJ-SPJY-XK", "form": FORM}, ensure_ascii=False).encode()
LINES = json.dumps(
    {"matter_code": "500110-SCJGJ-SPJY-XK", "form": {**FORM, "经营范围": "热食类食品制售\n冷食类食品制售"}},
    ensure_ascii=False,
).encode()


def main_parsed_body(raw: bytes, content_type: str) -> ApplicationIn:
    """main's ``meshkit.lanes.parsed_body`` (before issue 18), for comparison."""
    media = content_type.partition(";")[0].strip().lower()
    if not (media == "application/json" or (media.startswith("application/") and media.endswith("+json"))):
        raise ValueError(media)
    return ApplicationIn.model_validate_json(raw)


def main_nul_scan(body: bytes) -> bool:
    """main's body-limit middleware scan of a JSON body (escape and byte), one chunk."""
    return b"\\u0000" in body or b"\x00" in body


def best_us(statement: Any, number: int = 20000, repeat: int = 7) -> float:
    return min(timeit.repeat(statement, number=number, repeat=repeat)) / number * 1e6


def app(route_class: type[APIRoute]) -> FastAPI:
    router = APIRouter(route_class=route_class)

    @router.post("/cases", status_code=201)
    async def apply(body: ApplicationIn) -> dict[str, str]:
        return {"matter_code": body.matter_code or ""}

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield

    return build_app(
        service="bench",
        title="t",
        description="d",
        settings=ServiceSettings(),
        lifespan=lifespan,
        routers=[router],
    )


async def per_request_us(route_class: type[APIRoute], body: bytes, requests: int = 3000) -> float:
    transport = httpx.ASGITransport(app=app(route_class))
    headers = {"content-type": "application/json"}
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
        for _ in range(200):  # warm up
            await client.post("/cases", content=body, headers=headers)
        best = float("inf")
        for _ in range(3):
            start = time.process_time()
            for _ in range(requests):
                await client.post("/cases", content=body, headers=headers)
            best = min(best, (time.process_time() - start) / requests * 1e6)
    return best


def run() -> dict[str, float]:
    ct = "application/json"
    results = {
        "lane body, main": best_us(lambda: main_parsed_body(CLEAN, ct)),
        "lane body, guarded": best_us(lambda: parsed_body(ApplicationIn, CLEAN, ct)),
        "lane body with line breaks, guarded (walked)": best_us(
            lambda: parsed_body(ApplicationIn, LINES, ct)
        ),
        "main's U+0000 scan (removed)": best_us(lambda: main_nul_scan(CLEAN)),
    }
    plain = asyncio.run(per_request_us(APIRoute, CLEAN))
    guarded = asyncio.run(per_request_us(GuardedRoute, CLEAN))
    results["route request, plain APIRoute (whole app, ASGI)"] = plain
    results["route request, GuardedRoute (whole app, ASGI)"] = guarded
    return results


if __name__ == "__main__":
    print(f"application body: {len(CLEAN)} bytes")
    for name, value in run().items():
        print(f"{name:55s} {value:8.1f} µs")
