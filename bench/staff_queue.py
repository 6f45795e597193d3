"""Staff queue benchmark: what a clerk gets from ``GET /cases/queue`` today, through the gateway.

The hall: ``total`` cases (default 100,000: most of a year of a district's applications) spread over the district's
departments and halls, most concluded; the open ones (about 8 %) received in the last three days, a third of them
not yet accepted (收件/预审: no due date yet, so the queue orders them by their expected date — the promised date
were they accepted today, in working or natural days) and the rest accepted with a due date. Every case is filed by
a person identity knows, so each page carries the applicants' masked names asked of identity with the clerk's own
token (kept a minute per token in the cases process, as in production). Inserted straight into the cases database,
then ANALYZEd.

Two clerks page through their queues with the filters they use: the district center's window clerk (received and
to accept: the hall's branches) and a department's reviewer (handled). Measured: requests/s of a closed loop, p50 /
p99 of an open loop paced at half that rate (from each request's scheduled start, ``bench/load.py``), and the CPU
milliseconds per request of the cases, identity and gateway processes and PostgreSQL over the closed loop. The
phase takes a few seconds after the fill.
"""

from __future__ import annotations

import random
import time
from typing import Any

import aiohttp
import asyncpg

from bench.cpu import cpu_seconds
from bench.load import Send, closed_loop, measured_phase, paced
from bench.stats import percentile
from tongban.login import browser_login

__all__ = ["QUEUE_CLERKS", "staff_queue"]

# Where the cases live: departments decide, halls of every level receive; the district center accepts.
DEPARTMENTS = [
    "500110-SCJGJ",
    "500110-GAJ",
    "500110-RSJ",
    "500110-MZJ",
    "500110-WSJKW",
    "500110-ZJW",
    "500110-GHZYJ",
    "500110-JTJ",
    "500110-NYNCW",
    "500110-YBJ",
    "500110-SWJ",
    "500110-JW",
    "500110-CGJ",
    "500110-STHJJ",
    "500110-WHLYW",
    "500110-YJJ",
    "500110-TYJRJ",
    "500110-LYJ",
    "500110-GJJ",
    "500110-SWW",
]
HALLS = [
    ("500110-ZWFWZX", "500110000000"),
    ("500110001000-center", "500110001000"),
    ("500110109000-center", "500110109000"),
    ("500110001001-center", "500110001001"),
    ("500110109201-center", "500110109201"),
]
# not yet accepted (no due date: ordered by the expected date), then accepted ones
OPEN = ["received", "pre_review", "accepted", "in_review", "special_procedure", "review_supplement"]
QUEUE_CLERKS = (
    "clerk.zwfwzx",
    "reviewer.djzc",
)  # the district center's window; 市场监管局's 登记注册 reviewer

_FILL = """
INSERT INTO cases (id, number, matter_code, matter_version, matter_name, applicant_kind, applicant_id,
                   subject_kind, subject_id, submitted_by, channel, received_by_org, accepting_org, region,
                   handling_org, status, national_code, form, received_at, accepted_at, limit_days, limit_unit,
                   statutory_days, due_date, statutory_due_date, concluded_at, outcome, kind)
SELECT gen_random_uuid()::text, 'B' || lpad(n::text, 21, '0'), 'BENCH-MATTER-' || (n % 300), 1, '基准事项',
       'person', person, 'person', person, person,
       CASE WHEN hall = 0 THEN 'online' ELSE 'window_town' END,
       ($1::text[])[hall + 1], $1[1], ($2::text[])[hall + 1], ($3::text[])[n % $4 + 1], status,
       CASE WHEN concluded THEN 3 ELSE 2 END, '{}'::jsonb, day,
       CASE WHEN accepted THEN day END, days, unit, days * 2,
       CASE WHEN accepted THEN (day + days * interval '1 day')::date END,
       CASE WHEN accepted THEN (day + days * interval '2 days')::date END,
       CASE WHEN concluded THEN day + interval '9 days' END, CASE WHEN concluded THEN 'approved' END, 'single'
FROM (SELECT n, hall, concluded, day, status, ($8::text[])[n % $9 + 1] AS person,
             5 * (n % 4 + 1) AS days, CASE WHEN n % 5 = 0 THEN 'natural_days' ELSE 'working_days' END AS unit,
             status NOT IN ('received', 'pre_review') AS accepted
      FROM (SELECT n, hall, concluded, day,
                   CASE WHEN concluded THEN 'approved' ELSE ($5::text[])[(n * 13) % 61 % 6 + 1] END AS status
            FROM (SELECT n, (n * 7919) % 5 AS hall, (n * 7) % 97 < 89 AS concluded,
                         CASE WHEN (n * 7) % 97 < 89 THEN timestamptz '2025-01-01' + (n % 600) * interval '1 day'
                              ELSE now() - (n % 72) * interval '1 hour' END AS day
                  FROM generate_series($6::bigint, $7::bigint) AS n) AS g) AS s) AS c
"""


async def _fill(conn: asyncpg.Connection, total: int, persons: list[str]) -> None:
    halls, regions = [h for h, _ in HALLS], [r for _, r in HALLS]
    have = int(await conn.fetchval("SELECT count(*) FROM cases WHERE number LIKE 'B%'"))
    for start in range(have, total, 100_000):
        end = min(total, start + 100_000) - 1
        await conn.execute(
            _FILL, halls, regions, DEPARTMENTS, len(DEPARTMENTS), OPEN, start, end, persons, len(persons)
        )
    await conn.execute(
        "VACUUM ANALYZE cases"
    )  # the steady state autovacuum keeps: visibility map, statistics


def _pager(session: aiohttp.ClientSession, url: str, clerks: list[dict[str, str]]) -> Send:
    variants: list[dict[str, str]] = [
        {},  # 待办, soonest promised first: the page a clerk opens
        {},
        {},
        {"statuses": "received"},
        {"statuses": "in_review"},
        {"overdue": "true"},
        {"offset": "20"},
        {"offset": "200"},
    ]

    async def send(n: int) -> int:
        params = {"limit": "20", **random.choice(variants)}
        async with session.get(url, params=params, headers=clerks[n % len(clerks)]) as response:
            await response.read()
            return response.status

    return send


async def staff_queue(
    gateway: str,
    database_url: str,
    identity_database_url: str,
    *,
    processes: dict[str, int],
    total: int = 100_000,
    concurrency: int = 4,
    seconds: float = 2.5,
) -> dict[str, Any]:
    """``processes``: name -> pid of the processes whose CPU per request is reported."""
    ident = await asyncpg.connect(identity_database_url.replace("postgresql+asyncpg://", "postgresql://"))
    try:
        persons = [r["id"] for r in await ident.fetch("SELECT id FROM persons ORDER BY id")]
    finally:
        await ident.close()
    conn = await asyncpg.connect(database_url.replace("postgresql+asyncpg://", "postgresql://"))
    try:
        started = time.perf_counter()
        await _fill(conn, total, persons)
        fill_s = time.perf_counter() - started
        count = int(await conn.fetchval("SELECT count(*) FROM cases"))
        open_count = int(await conn.fetchval("SELECT count(*) FROM cases WHERE concluded_at IS NULL"))
    finally:
        await conn.close()
    clerks = [{"Authorization": f"Bearer {await browser_login(gateway, login)}"} for login in QUEUE_CLERKS]
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=concurrency * 2)) as session:
        send = _pager(session, f"{gateway}/cases/queue", clerks)
        await closed_loop(send, 200, concurrency, 0.5)  # warm pools and the names each clerk may see
        async with measured_phase() as lag:
            cpu_before = cpu_seconds(processes)
            per_s, statuses = await closed_loop(send, 200, concurrency, seconds)
            cpu_after = cpu_seconds(processes)
        answered = max(sum(statuses.values()), 1)
        rate = max(round(per_s / 2), 1)
        async with measured_phase() as paced_lag:
            latencies, failures = await paced(send, 200, rate, seconds)
    return {
        "cases": count,
        "open_cases": open_count,
        "fill_s": round(fill_s, 1),
        "concurrency": concurrency,
        "requests_per_s": round(per_s, 1),
        "statuses": {str(k): v for k, v in sorted(statuses.items())},
        "cpu_ms_per_request": {
            name: round((cpu_after[name] - cpu_before[name]) * 1000 / answered, 3)
            for name in cpu_after
            if name in cpu_before
        },
        "paced_rate_per_s": rate,
        "p50_ms": round(percentile(latencies, 0.50), 2),
        "p99_ms": round(percentile(latencies, 0.99), 2),
        "failures": failures,
        "client_lag_max_ms": [lag.worst_ms, paced_lag.worst_ms],
    }
