"""Catalog search latency over a generated catalog of 10,000 matters, in-process (no HTTP).

The matters are variations of the Qijiang demo catalog (town by town, department by department); each search
entry is built exactly as publishing builds it (jieba + bigrams + pinyin lexemes) and bulk-inserted into a fresh
database migrated by the catalog's real migrations. Each sample is one call of the search use case in its own
unit of work, like one API request: synonym lookup, then one query for hits, total and facets.
"""

from __future__ import annotations

import asyncio
import statistics
import time
import uuid
from dataclasses import replace
from typing import Any

from sqlalchemy import bindparam, cast, insert, text
from sqlalchemy.dialects.postgresql import TSVECTOR

from bench.load import measured_phase
from bench.stats import percentile
from catalog.demo import MATTERS
from catalog.demo.bundles import SYNONYMS
from catalog.domain.analysis import tokenizer
from catalog.domain.search import SearchFilters, facet_bits, matter_documents
from catalog.store import SERVICE_ROOT
from catalog.store.models import SearchEntry, Synonym
from catalog.store.search import DRIVER_SETTINGS
from catalog.store.unit_of_work import CatalogUnitOfWork
from catalog.use_cases.search import search
from meshkit.db import Database
from meshkit.embedded import EmbeddedPostgres
from meshkit.migrations import upgrade

__all__ = ["catalog_search"]

TOWNS = [
    "古南街道",
    "文龙街道",
    "三江街道",
    "新盛街道",
    "通惠街道",
    "石角镇",
    "东溪镇",
    "赶水镇",
    "打通镇",
    "石壕镇",
    "永新镇",
    "三角镇",
    "隆盛镇",
    "郭扶镇",
    "篆塘镇",
    "丁山镇",
    "安稳镇",
    "扶欢镇",
    "永城镇",
    "中峰镇",
    "横山镇",
]
QUERIES: list[tuple[str | None, SearchFilters]] = [
    ("开饭店", SearchFilters()),
    ("营业执照", SearchFilters()),
    ("yyzz", SearchFilters()),
    ("yingye", SearchFilters()),
    ("体工", SearchFilters()),
    ("许可", SearchFilters()),
    ("低保", SearchFilters()),
    ("社保卡", SearchFilters()),
    ("gtgsh", SearchFilters()),
    ("公积金提取", SearchFilters()),
    ("餐", SearchFilters()),
    ("不动产登记", SearchFilters()),
    ("出生", SearchFilters()),
    ("古南街道 高龄津贴", SearchFilters()),
    ("许可", SearchFilters(departments=("500110-SCJGJ",))),
    ("登记", SearchFilters(levels=("town",), zero_visits=True)),
    ("补贴", SearchFilters(audiences=("1",), types=("05",))),
    ("证明", SearchFilters(online_depths=("5",))),
    ("火星移民", SearchFilters()),
    (None, SearchFilters(departments=("500110-MZJ",))),
]


def _generated(count: int) -> list[dict[str, Any]]:
    rows = []
    for n in range(count):
        base = MATTERS[n % len(MATTERS)]
        town = TOWNS[(n // len(MATTERS)) % len(TOWNS)]
        spec = replace(
            base, code=f"{base.code}-{n:05d}", name=f"{town}{base.name}" if n >= len(MATTERS) else base.name
        )
        rows.append(
            {
                "kind": "matter",
                "code": spec.code,
                "record_id": str(uuid.uuid4()),
                "version": 1,
                "name": spec.name,
                "department_code": spec.department_code,
                "department_name": spec.department_name,
                "matter_type": spec.matter_type,
                "levels": list(spec.levels),
                "audiences": list(spec.audiences),
                "online_depths": list(spec.online_depths),
                "zero_visits": spec.visits == 0,
                "summary": spec.result_name,
                "lexemes": (documents := matter_documents(spec)).document,
                "top": documents.headline,
                "facet_bits": facet_bits(
                    matter_type=spec.matter_type,
                    levels=spec.levels,
                    audiences=spec.audiences,
                    online_depths=spec.online_depths,
                    zero_visits=spec.visits == 0,
                    bundle=False,
                ),
            }
        )
    return rows


async def _fill(database: Database, count: int) -> float:
    started = time.perf_counter()
    rows = await asyncio.to_thread(_generated, count)
    async with database.engine.begin() as conn:
        statement = insert(SearchEntry).values(
            document=cast(bindparam("lexemes"), TSVECTOR), headline=cast(bindparam("top"), TSVECTOR)
        )
        for start in range(0, len(rows), 1000):
            await conn.execute(statement, rows[start : start + 1000])
        await conn.execute(
            insert(Synonym),
            [{"term": t, "expansions": e, "updated_by": "bench"} for t, e in SYNONYMS.items()],
        )
        await conn.execute(text("ANALYZE"))
    return time.perf_counter() - started


async def catalog_search(pg: EmbeddedPostgres, *, matters: int = 10_000, rounds: int = 30) -> dict[str, Any]:
    name = f"bench_catalog_{uuid.uuid4().hex[:8]}"
    pg.create_database(name)
    url = pg.database_url(name)
    await asyncio.to_thread(upgrade, SERVICE_ROOT, url)
    await asyncio.to_thread(tokenizer)
    database = Database.from_url(url, pool_size=2, driver_settings=DRIVER_SETTINGS)
    try:
        load_seconds = await _fill(database, matters)
        for query, filters in QUERIES:  # warm the pool, caches and plans
            async with CatalogUnitOfWork(database) as uow:
                await search(uow, text=query, filters=filters, limit=20, offset=0)
        samples: list[float] = []
        by_query: dict[str, list[float]] = {}
        async with measured_phase() as lag:  # as in the service, whose startup heap is frozen
            for _ in range(rounds):
                for query, filters in QUERIES:
                    started = time.perf_counter()
                    async with CatalogUnitOfWork(database) as uow:
                        await search(uow, text=query, filters=filters, limit=20, offset=0)
                    samples.append((time.perf_counter() - started) * 1000)
                    label = (query or "(browse)") + (" (filtered)" if filters != SearchFilters() else "")
                    by_query.setdefault(label, []).append(samples[-1])
    finally:
        await database.dispose()
    return {
        "matters": matters,
        "queries": len(QUERIES),
        "samples": len(samples),
        "load_s": round(load_seconds, 1),
        "p50_ms": round(percentile(samples, 0.5), 2),
        "p99_ms": round(percentile(samples, 0.99), 2),
        "mean_ms": round(statistics.fmean(samples), 2),
        "slowest_query": max(by_query, key=lambda q: statistics.median(by_query[q])),
        "slowest_query_p50_ms": round(max(statistics.median(s) for s in by_query.values()), 2),
        "client_lag_max_ms": lag.worst_ms,
    }
