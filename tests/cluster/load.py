"""Load through the gateways with every operation's outcome recorded: ``ok`` (the mesh said it happened),
``failed`` (it said it did not, or the request never reached it) or ``unknown`` (no answer in time, or the
connection broke after the request went out: it may or may not have happened). The checks judge the history from
the databases, not from these answers."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable
from dataclasses import dataclass, field
from typing import Any, Literal

import httpx

__all__ = ["History", "Operation", "apply_online", "read_shared"]

Outcome = Literal["ok", "failed", "unknown"]
MATTER = "500110-SCJGJ-GTGSH-SL"  # 个体工商户设立登记, as bench/cases.py files it
RESOURCE = "500110-GAJ-RK-001"  # the population register, read through the exchange
TIMEOUT = 15.0


@dataclass(frozen=True)
class Operation:
    kind: Literal["application", "read"]
    key: str  # the Idempotency-Key of an application, the X-Request-Id of a read
    outcome: Outcome
    status: int | None = None
    result: str | None = None  # the case id / the access-log entry id the mesh answered


@dataclass
class History:
    operations: list[Operation] = field(default_factory=list)

    def of(self, kind: str, outcome: Outcome) -> list[Operation]:
        return [op for op in self.operations if op.kind == kind and op.outcome == outcome]

    def summary(self) -> dict[str, dict[str, int]]:
        counts: dict[str, dict[str, int]] = {}
        for op in self.operations:
            counts.setdefault(op.kind, {}).setdefault(op.outcome, 0)
            counts[op.kind][op.outcome] += 1
        return counts


async def _send(call: Awaitable[httpx.Response], success: int) -> tuple[Outcome, int | None, dict[str, Any]]:
    try:
        response = await call
    except (httpx.ConnectError, httpx.ConnectTimeout):
        return "failed", None, {}  # never reached a gateway
    except httpx.TransportError:  # a timeout or a broken connection after the request went out
        return "unknown", None, {}
    if response.status_code == success:
        return "ok", response.status_code, dict(response.json())
    return "failed", response.status_code, {}


async def apply_online(
    client: httpx.AsyncClient, headers: dict[str, str], history: History, stop: asyncio.Event, n: int = 0
) -> None:
    """A citizen applying online, one application after another, each with its own Idempotency-Key."""
    while not stop.is_set():
        n += 1
        key = uuid.uuid4().hex
        body = {"matter_code": MATTER, "form": {"字号": f"綦河集群小馆{n}", "经营场所": "古南街道沿河路"}}
        outcome, status, answer = await _send(
            client.post(
                "/cases/cases", json=body, headers={**headers, "Idempotency-Key": key}, timeout=TIMEOUT
            ),
            201,
        )
        history.operations.append(Operation("application", key, outcome, status, answer.get("id")))
        if outcome != "ok":
            await asyncio.sleep(0.2)  # a client backs off a little after a failure


async def read_shared(
    client: httpx.AsyncClient,
    headers: dict[str, str],
    body: dict[str, Any],
    history: History,
    stop: asyncio.Event,
) -> None:
    """A department's system reading the population register for a case, each read with its own request id."""
    while not stop.is_set():
        request_id = uuid.uuid4().hex
        outcome, status, answer = await _send(
            client.post(
                f"/exchange/resources/{RESOURCE}/read",
                json=body,
                headers={**headers, "X-Request-Id": request_id},
                timeout=TIMEOUT,
            ),
            200,
        )
        history.operations.append(Operation("read", request_id, outcome, status, answer.get("access_log_id")))
        if outcome != "ok":
            await asyncio.sleep(0.2)
