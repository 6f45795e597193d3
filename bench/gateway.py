"""The gateway on a real endpoint beside its peer: the same request direct to the catalog, through the gateway and
through nginx (issue 21).

Latency: sequential requests, direct and gateway rounds alternating so both see the same machine load.
Throughput and p99 at 32 connections: ``wrk`` (``bench.peers``), runs alternating direct / gateway / nginx, twice;
each figure of the gateway is reported as a ratio to nginx's from the same run, and the direct figures are kept.
The gateway's CPU per request is the CPU time its processes (all workers) spent during its own wrk runs, divided by
the requests wrk completed. Without wrk (not installable) the Python client measures throughput as before, and
without nginx the peer rows are left out; a line says which.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from typing import Any

import aiohttp
import psutil

from bench.cpu import process_cpu_seconds
from bench.load import measured_phase
from bench.peers import WrkResult, ensure_tool, nginx_proxy, wrk
from bench.stats import percentile

__all__ = ["Beside", "gateway_overhead", "proxy_tools"]

ROUNDS = 2  # direct / gateway / nginx, alternating
WRK_SECONDS = 6.0


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


@dataclass(frozen=True)
class Beside:
    """What the saturation rows need: the nginx binary (the peer) and the catalog's host:port it proxies to, the
    wrk binary (the load), and the gateway's supervisor process (its CPU per request)."""

    peer: str | None
    upstream: str
    load: str | None
    gateway_pid: int | None


def proxy_tools() -> tuple[str | None, str | None]:
    """``(nginx, wrk)`` binaries, installed first when missing (``None`` where that cannot be done)."""
    return ensure_tool("nginx"), ensure_tool("wrk")


async def gateway_overhead(
    direct_url: str,
    gateway_url: str,
    *,
    beside: Beside | None = None,
    rounds: int = 3,
    requests: int = 300,
    concurrency: int = 32,
) -> dict[str, Any]:
    load = beside.load if beside is not None else None
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
        if load is None:
            saturated = await _python_saturation(session, direct_url, gateway_url, concurrency)
    if beside is not None and beside.load is not None:
        saturated = await asyncio.to_thread(_wrk_saturation, beside, direct_url, gateway_url, concurrency)
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
        **saturated,
        "client_lag_max_ms": lag.worst_ms,
        "load_average": [round(x, 2) for x in psutil.getloadavg()],
    }


async def _python_saturation(
    session: aiohttp.ClientSession, direct_url: str, gateway_url: str, concurrency: int
) -> dict[str, Any]:
    rps_direct: list[float] = []
    rps_gateway: list[float] = []
    for _ in range(ROUNDS):
        rps_direct.append(await _throughput(session, direct_url, concurrency, 4.0))
        rps_gateway.append(await _throughput(session, gateway_url, concurrency, 4.0))
    return {
        "load_generator": "python (wrk unavailable)",
        "direct_rps": round(max(rps_direct)),
        "gateway_rps": round(max(rps_gateway)),
        "throughput_ratio": round(max(rps_gateway) / max(rps_direct), 3),
    }


def _wrk_saturation(beside: Beside, direct_url: str, gateway_url: str, concurrency: int) -> dict[str, Any]:
    """wrk runs alternating direct / gateway / nginx, ``ROUNDS`` times; the best throughput and p99 of each."""
    load, gateway_pid, upstream = beside.load, beside.gateway_pid, beside.upstream
    assert load is not None
    runs: dict[str, list[WrkResult]] = {"direct": [], "gateway": [], "nginx": []}
    cpu = 0.0
    requests = 0

    def run(peer_url: str | None) -> None:
        nonlocal cpu, requests
        for _ in range(ROUNDS):
            runs["direct"].append(wrk(load, direct_url, connections=concurrency, seconds=WRK_SECONDS))
            before = process_cpu_seconds(gateway_pid) if gateway_pid else 0.0
            result = wrk(load, gateway_url, connections=concurrency, seconds=WRK_SECONDS)
            if gateway_pid:
                cpu += process_cpu_seconds(gateway_pid) - before
                requests += result.requests
            runs["gateway"].append(result)
            if peer_url is not None:
                runs["nginx"].append(wrk(load, peer_url, connections=concurrency, seconds=WRK_SECONDS))

    if beside.peer is not None:
        with nginx_proxy(beside.peer, upstream) as base:
            run(base + "/catalog" + direct_url.split(upstream, 1)[1])
    else:
        run(None)
    out: dict[str, Any] = {
        "load_generator": f"wrk -t2 -c{concurrency} -d{round(WRK_SECONDS)}s, {ROUNDS} rounds"
    }
    for name, results in runs.items():
        if results:
            out[f"{name}_rps"] = round(max(r.rps for r in results))
            out[f"{name}_p99_ms_c{concurrency}"] = min(r.p99_ms for r in results)
            out[f"{name}_errors"] = sum(r.errors for r in results)
    out["throughput_ratio"] = round(out["gateway_rps"] / out["direct_rps"], 3)
    if runs["nginx"]:
        out["nginx_throughput_ratio"] = round(out["nginx_rps"] / out["direct_rps"], 3)
        out["rps_vs_nginx"] = round(out["gateway_rps"] / out["nginx_rps"], 3)
        key = f"p99_ms_c{concurrency}"
        out["p99_vs_nginx"] = round(out[f"gateway_{key}"] / max(out[f"nginx_{key}"], 0.001), 2)
    if requests:
        out["gateway_cpu_ms_per_request"] = round(cpu * 1000 / requests, 3)
    return out
