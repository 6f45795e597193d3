"""Gateway overhead on a real endpoint: the same request direct to the catalog and through the gateway.

Latency: sequential requests, direct and gateway rounds alternating so both see the same machine load.
Throughput: a fixed number of concurrent connections for a fixed time, alternating likewise.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

import aiohttp

from bench.load import measured_phase
from bench.stats import percentile

__all__ = ["gateway_overhead"]


async def _sequential(session: aiohttp.ClientSession, url: str, count: int) -> list[float]:
    samples = []
    for _ in range(count):
        started = time.perf_counter()
        async with session.get(url) as response:
            await response.read()
            if response.status != 200:
                raise RuntimeError(f"{url} answered {response.status}")
        samples.append((time.perf_counter() - started) * 1000)
    return samples


async def _throughput(session: aiohttp.ClientSession, url: str, concurrency: int, seconds: float) -> float:
    done = 0
    deadline = time.perf_counter() + seconds

    async def worker() -> None:
        nonlocal done
        while time.perf_counter() < deadline:
            async with session.get(url) as response:
                await response.read()
            done += 1

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return done / (time.perf_counter() - started)


async def gateway_overhead(
    direct_url: str,
    gateway_url: str,
    *,
    rounds: int = 4,
    requests: int = 500,
    concurrency: int = 32,
    seconds: float = 4.0,
) -> dict[str, Any]:
    connector = aiohttp.TCPConnector(limit=concurrency * 2)
    async with aiohttp.ClientSession(connector=connector) as session:
        await _sequential(session, direct_url, 100)  # warm both paths and their pools
        await _sequential(session, gateway_url, 100)
        direct: list[float] = []
        through: list[float] = []
        async with measured_phase() as lag:
            for _ in range(rounds):
                direct += await _sequential(session, direct_url, requests)
                through += await _sequential(session, gateway_url, requests)
        rps_direct: list[float] = []
        rps_gateway: list[float] = []
        for _ in range(2):
            rps_direct.append(await _throughput(session, direct_url, concurrency, seconds))
            rps_gateway.append(await _throughput(session, gateway_url, concurrency, seconds))
    direct_p50, gateway_p50 = percentile(direct, 0.5), percentile(through, 0.5)
    direct_p99, gateway_p99 = percentile(direct, 0.99), percentile(through, 0.99)
    return {
        "endpoint": direct_url.split("/", 3)[-1],
        "requests_each": len(direct),
        "direct_p50_ms": round(direct_p50, 3),
        "gateway_p50_ms": round(gateway_p50, 3),
        "added_p50_ms": round(gateway_p50 - direct_p50, 3),
        "direct_p99_ms": round(direct_p99, 3),
        "gateway_p99_ms": round(gateway_p99, 3),
        "added_p99_ms": round(gateway_p99 - direct_p99, 3),
        "concurrency": concurrency,
        "direct_rps": round(max(rps_direct)),
        "gateway_rps": round(max(rps_gateway)),
        "throughput_ratio": round(max(rps_gateway) / max(rps_direct), 3),
        "client_lag_max_ms": lag.worst_ms,
    }
