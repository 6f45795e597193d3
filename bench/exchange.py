"""Exchange benchmark: shared-record reads through the gateway, each decided, logged and hash-chained.

Throughput: a fixed number of connections for a fixed time (closed loop). Latency: an open loop paced at a fixed
rate (half the 1,000 reads/s target) and again at half the measured throughput, measured from each request's
scheduled start so queueing counts, each once the machine is quiet again (autovacuum of the access log and
the like, set off by the saturating loop, would otherwise land in it). The client's own pauses are kept out and
reported (``bench/load.py``). Afterwards the access log is counted in the database: every answered read must
have exactly one entry.
"""

from __future__ import annotations

import asyncio
import random
import time
from typing import Any

import aiohttp
import asyncpg
import psutil
from stdnum.cn import uscc

from bench.background import background_load
from bench.load import Send, closed_loop, measured_phase, paced
from bench.settle import settle
from bench.stats import percentile

__all__ = ["shared_reads"]

RESOURCE = "500110-SCJGJ-FR-001"


def credit_codes(count: int) -> list[str]:
    codes = []
    for n in range(count):
        base = f"91500110MA{n:07d}"
        codes.append(base + uscc.calc_check_digit(base))
    return codes


async def _token(session: aiohttp.ClientSession, gateway: str, client_id: str, secret: str) -> str:
    async with session.post(
        f"{gateway}/identity/token",
        data={"grant_type": "client_credentials"},
        auth=aiohttp.BasicAuth(client_id, secret),
    ) as response:
        body = await response.json()
        if response.status != 200:
            raise RuntimeError(f"token endpoint answered {response.status}: {body}")
        return str(body["access_token"])


async def _load(session: aiohttp.ClientSession, url: str, headers: dict[str, str], codes: list[str]) -> None:
    version = int(time.time())
    for start in range(0, len(codes), 1000):
        records = [
            {
                "identifier": code,
                "version": version,
                "data": {"credit_code": code, "name": f"綦江测试商户{i}", "address": "重庆市綦江区古南街道"},
            }
            for i, code in enumerate(codes[start : start + 1000], start)
        ]
        async with session.put(url, json={"records": records}, headers=headers) as response:
            if response.status != 200:
                raise RuntimeError(f"push answered {response.status}: {await response.text()}")


def _body(code: str, n: int) -> dict[str, Any]:
    """A read under the reader's grant (有条件共享授权): a basis the hub checks on every read (no case, no duty)."""
    return {
        "identifier": code,
        "subject_kind": "enterprise",
        "purpose": f"基准测试 纳税人登记信息核验 {n % 97}",
    }


async def _grant(
    session: aiohttp.ClientSession, gateway: str, reader: dict[str, str], provider: dict[str, str]
) -> None:
    """The reading department asks the provider for the resource, the provider grants it: the reads' basis."""
    ask = {
        "resource_code": RESOURCE,
        "purpose": "纳税人登记信息核验",
        "legal_basis": "《税收征收管理法》第十五条",
        "items": ["credit_code", "name", "address"],
        "valid_from": time.strftime("%Y-%m-%d"),
        "valid_to": time.strftime("%Y-%m-%d", time.localtime(time.time() + 300 * 86400)),
    }
    async with session.post(f"{gateway}/exchange/share-requests", json=ask, headers=reader) as response:
        if response.status != 201:
            raise RuntimeError(f"share request answered {response.status}: {await response.text()}")
        request_id = (await response.json())["id"]
    async with session.post(
        f"{gateway}/exchange/share-requests/{request_id}/grant", json={}, headers=provider
    ) as response:
        if response.status != 200:
            raise RuntimeError(f"grant answered {response.status}: {await response.text()}")


def _sender(session: aiohttp.ClientSession, url: str, headers: dict[str, str], codes: list[str]) -> Send:
    async def send(n: int) -> int:
        async with session.post(url, json=_body(random.choice(codes), n), headers=headers) as response:
            await response.read()
            return response.status

    return send


def _cpu_seconds(pids: dict[str, int]) -> dict[str, float]:
    """CPU time (user + system) of each process and its children (uvicorn workers, PostgreSQL backends)."""
    out = {}
    for name, pid in pids.items():
        try:
            process = psutil.Process(pid)
            times = [process.cpu_times(), *(child.cpu_times() for child in process.children(recursive=True))]
        except psutil.Error:
            continue
        out[name] = sum(t.user + t.system for t in times)
    return out


async def _settled(database_url: str, timeout: float = 180.0) -> None:
    """Wait until the worker has fanned out every record_changed event of the load (it competes for the CPU)."""
    conn = await asyncpg.connect(database_url.replace("postgresql+asyncpg://", "postgresql://"))
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            staged = await conn.fetchval(
                "SELECT count(*) FROM outbox WHERE subject = 'exchange.record_changed.v1'"
            )
            done = await conn.fetchval("SELECT count(*) FROM inbox WHERE consumer = 'exchange-subscriptions'")
            if done >= staged:
                return
            await asyncio.sleep(0.5)
        raise RuntimeError("the exchange worker did not consume the load's events in time")
    finally:
        await conn.close()


async def _logged(database_url: str) -> int:
    conn = await asyncpg.connect(database_url.replace("postgresql+asyncpg://", "postgresql://"))
    try:
        return int(await conn.fetchval("SELECT count(*) FROM access_chain"))
    finally:
        await conn.close()


async def shared_reads(
    gateway: str,
    database_url: str,
    *,
    client_id: str,
    provider_id: str,
    secret: str,
    subjects: int = 5000,
    concurrency: int = 48,
    seconds: float = 8.0,
    rate: float = 500.0,
    processes: dict[str, int] | None = None,
) -> dict[str, Any]:
    """``processes``: name -> pid of processes whose CPU per read is reported (e.g. exchange, gateway)."""
    codes = credit_codes(subjects)
    url = f"{gateway}/exchange/resources/{RESOURCE}/read"
    connector = aiohttp.TCPConnector(limit=concurrency * 2)
    async with aiohttp.ClientSession(connector=connector) as session:
        headers = {"Authorization": f"Bearer {await _token(session, gateway, client_id, secret)}"}
        provider = {"Authorization": f"Bearer {await _token(session, gateway, provider_id, secret)}"}
        await _load(session, f"{gateway}/exchange/resources/{RESOURCE}/records", provider, codes)
        await _grant(session, gateway, headers, provider)
        await _settled(database_url)
        send = _sender(session, url, headers, codes)
        await closed_loop(send, 200, concurrency, 2.0)  # warm pools and caches
        before = await _logged(database_url)
        async with measured_phase() as lag:
            cpu_before = _cpu_seconds(processes or {})
            reads_per_s, statuses = await closed_loop(send, 200, concurrency, seconds)
            cpu_after = _cpu_seconds(processes or {})
        lags = [lag.worst_ms]
        settled = [await settle()]  # latency in the steady state, not in the wake of the saturating loop
        async with measured_phase() as lag:
            latencies, failures = await paced(send, 200, rate, seconds)
        lags.append(lag.worst_ms)
        half = max(round(reads_per_s / 2), 1)
        settled.append(await settle())
        async with measured_phase() as lag:
            at_half, half_failures = await paced(send, 200, half, seconds)
        lags.append(lag.worst_ms)
        settled.append(await settle())
        async with background_load() as background, measured_phase() as lag:  # issue 21: a busy machine
            loaded, loaded_failures = await paced(send, 200, rate, seconds)
        lags.append(lag.worst_ms)
        logged = await _logged(database_url) - before
    # Every read decided is logged; a request over the client's rate limit is refused before any decision.
    answered = (
        sum(n for status, n in statuses.items() if status != 429)
        + len(latencies)
        + len(at_half)
        + len(loaded)
    )
    measured = max(sum(statuses.values()), 1)
    cpu = {
        name: round((cpu_after[name] - cpu_before[name]) * 1000 / measured, 3)
        for name in cpu_after
        if name in cpu_before
    }
    return {
        "resource": RESOURCE,
        "subjects": subjects,
        "concurrency": concurrency,
        "reads_per_s": round(reads_per_s),
        "non_200": {str(k): v for k, v in statuses.items() if k != 200},
        "cpu_ms_per_read": cpu,
        "settled_before_paced_s": settled,
        "client_lag_max_ms": lags,
        "paced_rate": rate,
        "paced_p50_ms": round(percentile(latencies, 0.5), 2),
        "paced_p99_ms": round(percentile(latencies, 0.99), 2),
        "paced_failures": failures,
        "half_measured_rate": half,
        "half_measured_p50_ms": round(percentile(at_half, 0.5), 2),
        "half_measured_p99_ms": round(percentile(at_half, 0.99), 2),
        "half_measured_failures": half_failures,
        "loaded_background_core_share": background.achieved,
        "loaded_p50_ms": round(percentile(loaded, 0.5), 2),
        "loaded_p99_ms": round(percentile(loaded, 0.99), 2),
        "loaded_failures": loaded_failures,
        "reads": answered,
        "log_entries": logged,
        "every_read_logged": logged == answered,
    }
