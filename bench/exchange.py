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
import json
import random
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import aiohttp
import asyncpg
from stdnum.cn import uscc

from bench.background import background_load
from bench.cpu import cpu_seconds
from bench.load import Send, closed_loop, measured_phase, paced
from bench.settle import settle
from bench.stats import percentile

__all__ = ["Tally", "shared_reads"]

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


# A gateway's answer for a read it forwarded but got no answer to: the exchange may have decided (and logged) it
# after the gateway gave up, or never received it.
UNDETERMINED = frozenset({"502 upstream_unavailable", "504 upstream_timeout"})


@dataclass
class Tally:
    """What the mesh answered, phase by phase: ``"status"`` or ``"status code"`` (the problem's code) -> count.

    A read the exchange decided is logged; one it never decided is not, and must not be counted as if it had
    been: a 429 (the gateway's or the exchange's rate limit, refused before any decision) or the gateway's 503
    ``upstream_busy`` (its admission control, never forwarded). The exchange's own answers say so: every one it
    decided carries the entry's ``access_log_id`` (a 200, a refusal, a ``record_not_found``, a provider failure)."""

    phase: str = "warm-up"
    answers: dict[str, Counter[str]] = field(default_factory=dict)
    decided: Counter[str] = field(default_factory=Counter)
    undetermined: Counter[str] = field(default_factory=Counter)

    def record(self, status: int, problem: dict[str, Any] | None) -> None:
        code = str(problem.get("code", "")) if problem else ""
        key = f"{status} {code}".strip()
        self.answers.setdefault(self.phase, Counter())[key] += 1
        if status == 200 or (problem and problem.get("access_log_id")):
            self.decided[self.phase] += 1
        elif key in UNDETERMINED:
            self.undetermined[self.phase] += 1

    def non_200(self, phase: str) -> dict[str, int]:
        return {key: n for key, n in sorted(self.answers.get(phase, Counter()).items()) if key != "200"}

    def measured(self, counts: Counter[str]) -> int:
        return sum(n for phase, n in counts.items() if phase != "warm-up")


def _sender(
    session: aiohttp.ClientSession, url: str, headers: dict[str, str], codes: list[str], tally: Tally
) -> Send:
    async def send(n: int) -> int:
        async with session.post(url, json=_body(random.choice(codes), n), headers=headers) as response:
            raw = await response.read()
            problem = None
            if response.status != 200:
                try:
                    found = json.loads(raw)
                except ValueError:
                    found = None
                problem = found if isinstance(found, dict) else None
            tally.record(response.status, problem)
            return response.status

    return send


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
        tally = Tally()
        send = _sender(session, url, headers, codes, tally)
        await closed_loop(send, 200, concurrency, 2.0)  # warm pools and caches
        before = await _logged(database_url)
        tally.phase = "closed"
        async with measured_phase() as lag:
            cpu_before = cpu_seconds(processes or {})
            reads_per_s, statuses = await closed_loop(send, 200, concurrency, seconds)
            cpu_after = cpu_seconds(processes or {})
        lags = [lag.worst_ms]
        settled = [await settle()]  # latency in the steady state, not in the wake of the saturating loop
        tally.phase = "paced"
        async with measured_phase() as lag:
            latencies, failures = await paced(send, 200, rate, seconds)
        lags.append(lag.worst_ms)
        half = max(round(reads_per_s / 2), 1)
        settled.append(await settle())
        tally.phase = "half"
        async with measured_phase() as lag:
            at_half, half_failures = await paced(send, 200, half, seconds)
        lags.append(lag.worst_ms)
        settled.append(await settle())
        tally.phase = "loaded"
        async with background_load() as background, measured_phase() as lag:  # issue 21: a busy machine
            loaded, loaded_failures = await paced(send, 200, rate, seconds)
        lags.append(lag.worst_ms)
        logged = await _logged(database_url) - before
    # Every read the exchange decided is logged once; reads it never decided (429, the gateway's 503 upstream_busy)
    # are not counted, and a gateway timeout may or may not have reached a decision (Tally).
    decided = tally.measured(tally.decided)
    undetermined = tally.measured(tally.undetermined)
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
        "non_200": tally.non_200("closed"),
        "cpu_ms_per_read": cpu,
        "settled_before_paced_s": settled,
        "client_lag_max_ms": lags,
        "paced_rate": rate,
        "paced_p50_ms": round(percentile(latencies, 0.5), 2),
        "paced_p99_ms": round(percentile(latencies, 0.99), 2),
        "paced_failures": failures,
        "paced_non_200": tally.non_200("paced"),
        "half_measured_rate": half,
        "half_measured_p50_ms": round(percentile(at_half, 0.5), 2),
        "half_measured_p99_ms": round(percentile(at_half, 0.99), 2),
        "half_measured_failures": half_failures,
        "half_measured_non_200": tally.non_200("half"),
        "loaded_background_core_share": background.achieved,
        "loaded_p50_ms": round(percentile(loaded, 0.5), 2),
        "loaded_p99_ms": round(percentile(loaded, 0.99), 2),
        "loaded_failures": loaded_failures,
        "loaded_non_200": tally.non_200("loaded"),
        "reads": decided,
        "reads_undetermined": undetermined,  # gateway timeouts: decided or not, the exchange alone knows
        "log_entries": logged,
        "every_read_logged": decided <= logged <= decided + undetermined,
    }
