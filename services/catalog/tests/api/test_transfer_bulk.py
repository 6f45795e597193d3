"""Issue 19, "an import of 3,000 matters finishes in under a minute": a publishing import writes its matters a
chunk at a time in multi-row statements (the same publication as a single version's), with the same outcome as
publishing one by one — versions, validity windows, history, search entries and events in the sheet's order."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

import httpx
import pytest
from sqlalchemy import event, func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from catalog.store.models import OUTBOX, HistoryEntry, Matter, SearchEntry
from catalog.use_cases.transfer import CHUNK
from meshkit.db import Database
from meshkit.legaldate import today
from meshkit.testing.tokens import TokenFactory

pytestmark = pytest.mark.api

SYSTEM = "catalog:write catalog:publish catalog:admin"
FIRST_DAY = date(2026, 1, 1)  # the sheet's 生效日期
HEADER = "实施编码,事项名称,事项类型,实施主体编码,法定时限,承诺时限,行使层级,生效日期,材料名称,纸质份数"


def _sheet(matters: int, *, promised: str = "10") -> bytes:
    lines = [HEADER]
    for n in range(matters):
        for material in ("申请表", "居民身份证"):
            lines.append(
                f"500110-MZJ-B{n:04d},事项{n},行政给付,500110-MZJ,20,{promised},区县级,2026-01-01,{material},1"
            )
    return ("\r\n".join(lines) + "\r\n").encode("utf-8-sig")


@contextmanager
def _statements(engine: AsyncEngine) -> Iterator[list[str]]:
    seen: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        seen.append(statement)

    event.listen(engine.sync_engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", count)


async def _import(client: httpx.AsyncClient, tokens: TokenFactory, data: bytes) -> dict[str, Any]:
    response = await client.post(
        "/imports",
        params={"publish": "true"},
        content=data,
        headers={**tokens.headers(scope=SYSTEM), "content-type": "text/csv"},
    )
    assert response.status_code == 200, response.text[:500]
    report: dict[str, Any] = response.json()
    return report


async def test_issue19_speed_a_publishing_import_is_a_few_statements_per_chunk_not_a_dozen_per_matter(
    client: httpx.AsyncClient, tokens: TokenFactory, engine: AsyncEngine, database: Database
) -> None:
    """Issue 19 (3,000 matters in under a minute): each published matter cost about sixteen statements (its
    lock, version, materials, history, search entry, event, one at a time). Now a chunk of matters is a fixed
    number of multi-row statements, whatever its size; the outcome is what publishing one by one gives."""
    matters = CHUNK + 100  # two chunks
    with _statements(engine) as seen:
        report = await _import(client, tokens, _sheet(matters))
    assert report["counts"]["published"] == matters
    assert len(seen) < 60, f"{len(seen)} statements for {matters} matters"
    async with database.sessions() as session:
        versions = (await session.execute(select(Matter.code, Matter.status, Matter.valid_from))).all()
        assert {(status, valid_from) for _, status, valid_from in versions} == {("published", FIRST_DAY)}
        subjects = (
            (await session.execute(select(OUTBOX.c.aggregate_id).order_by(OUTBOX.c.position))).scalars().all()
        )
        assert subjects == [f"500110-MZJ-B{n:04d}" for n in range(matters)]  # in the sheet's order
        assert await session.scalar(select(func.count()).select_from(SearchEntry)) == matters
        actions = (
            (
                await session.execute(
                    select(HistoryEntry.action)
                    .where(HistoryEntry.code == "500110-MZJ-B0007")
                    .order_by(HistoryEntry.id)
                )
            )
            .scalars()
            .all()
        )
        assert actions == ["created", "submitted", "published"]


async def test_issue19_speed_a_bulk_publish_supersedes_and_keeps_unchanged_rows_as_they_are(
    client: httpx.AsyncClient, tokens: TokenFactory, engine: AsyncEngine, database: Database
) -> None:
    """The second import of the sheet with one matter changed: one new version (the old one closed on its first
    day of the new one, never an empty range), one event, the unchanged matters untouched and only read."""
    await _import(client, tokens, _sheet(30))
    changed = _sheet(30).replace(
        "500110-MZJ-B0004,事项4,行政给付,500110-MZJ,20,10".encode(),
        "500110-MZJ-B0004,事项4,行政给付,500110-MZJ,20,5".encode(),
    )
    with _statements(engine) as seen:
        report = await _import(client, tokens, changed)
    assert (report["counts"]["published"], report["counts"]["unchanged"]) == (1, 29)
    assert len(seen) < 30
    async with database.sessions() as session:
        rows = (
            await session.execute(
                select(Matter.version, Matter.valid_from, Matter.valid_to, Matter.promised_days)
                .where(Matter.code == "500110-MZJ-B0004")
                .order_by(Matter.version)
            )
        ).all()
        assert [tuple(r) for r in rows] == [(1, FIRST_DAY, today(), 10), (2, today(), None, 5)]
        events = await session.scalar(select(func.count()).select_from(OUTBOX))
        assert events == 31
        actions = (
            (
                await session.execute(
                    select(HistoryEntry.action)
                    .where(HistoryEntry.code == "500110-MZJ-B0004")
                    .order_by(HistoryEntry.id)
                )
            )
            .scalars()
            .all()
        )
        assert actions[-3:] == ["submitted", "superseded", "published"]
