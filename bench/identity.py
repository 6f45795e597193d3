"""Identity benchmarks: access-token verification cost, and client-credentials token throughput."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import aiohttp

from bench.stats import percentile
from meshkit.testing.tokens import TokenFactory

__all__ = ["token_endpoint_throughput", "verification_cost"]


async def verification_cost(*, rounds: int = 3000) -> dict[str, Any]:
    """µs per ES256 signature verification (cache off), and per cached verification (cache on)."""
    factory = TokenFactory()
    cold = factory.verifier()
    cold._cache_size = 0
    warm = factory.verifier()
    tokens = [factory.token(sub=f"s{i}") for i in range(rounds)]
    await cold.verify(tokens[0])  # fetch the JWKS once
    started = time.perf_counter()
    for token in tokens:
        await cold.verify(token)
    signature_us = (time.perf_counter() - started) / rounds * 1e6
    await warm.verify(tokens[0])
    started = time.perf_counter()
    for _ in range(rounds):
        await warm.verify(tokens[0])
    cached_us = (time.perf_counter() - started) / rounds * 1e6
    return {"verify_us": round(signature_us, 1), "cached_verify_us": round(cached_us, 2)}


async def token_endpoint_throughput(
    url: str, *, client_id: str, secret: str, concurrency: int = 16, seconds: float = 4.0
) -> dict[str, Any]:
    """Client-credentials grants per second at ``url`` (identity's token endpoint)."""
    auth = aiohttp.BasicAuth(client_id, secret)
    form = {"grant_type": "client_credentials"}
    latencies: list[float] = []
    deadline = time.perf_counter() + seconds

    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=concurrency)) as session:

        async def worker() -> None:
            while time.perf_counter() < deadline:
                started = time.perf_counter()
                async with session.post(url, data=form, auth=auth) as response:
                    await response.read()
                    if response.status != 200:
                        raise RuntimeError(f"token endpoint answered {response.status}")
                latencies.append((time.perf_counter() - started) * 1000)

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    return {
        "concurrency": concurrency,
        "tokens_per_s": round(len(latencies) / elapsed),
        "p50_ms": round(percentile(latencies, 0.5), 2),
        "p99_ms": round(percentile(latencies, 0.99), 2),
    }
