"""Batched reads (``meshkit.read_batches``, issue 21): reads waiting at the same moment share one statement, and
no read is ever answered by a statement sent before it was asked."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

import pytest

from meshkit.db import Database
from meshkit.read_batches import ReadBatches

pytestmark = pytest.mark.integration

# each key with the moment its statement began; the statement takes 50 ms, so reads pile up behind it
_SLOW = "SELECT k, statement_timestamp() AS began FROM unnest($1::text[]) AS k, pg_sleep(0.05)"


async def _slow(connection: Any, keys: Sequence[str]) -> Mapping[str, datetime]:
    return {row["k"]: row["began"] for row in await connection.fetch(_SLOW, keys)}


async def test_issue21_no_read_is_answered_by_a_statement_sent_before_it_was_asked(
    database: Database,
) -> None:
    """Issue 21: the token endpoint's client read is batched for speed, but must stay as fresh as a statement
    of its own (a client disabled before a request arrived refuses that request). Reads asked one after another
    while statements run: every answer comes from a statement that began after its read was asked, and the
    reads did share statements (fewer statements than reads)."""
    batches: ReadBatches[str, datetime] = ReadBatches(lambda: database, _slow)

    async def ask(n: int) -> tuple[float, datetime | None]:
        await asyncio.sleep(n * 0.01)  # 40 reads over 0.4 s, 50 ms per statement
        asked = time.time()
        return asked, await batches.read(f"key-{n % 7}")

    answers = await asyncio.gather(*(ask(n) for n in range(40)))
    statements = {began for _, began in answers}
    for asked, began in answers:
        assert began is not None
        assert began.timestamp() >= asked, "a read was answered by a statement sent before it was asked"
    assert 1 < len(statements) < len(answers)


async def test_issue21_a_key_the_statement_refuses_fails_only_its_own_reads(database: Database) -> None:
    """Issue 21: a batch whose statement fails (one key PostgreSQL refuses: a NUL byte in text) is sent again
    key by key — the other reads of the batch are answered, the bad one fails alone; a key not found is None."""

    async def lookup(connection: Any, keys: Sequence[str]) -> Mapping[str, str]:
        rows = await connection.fetch("SELECT k FROM unnest($1::text[]) AS k WHERE k <> 'absent'", keys)
        return {row["k"]: row["k"].upper() for row in rows}

    batches: ReadBatches[str, str] = ReadBatches(lambda: database, lookup)
    good, bad, absent = await asyncio.gather(
        batches.read("good"), batches.read("b\x00d"), batches.read("absent"), return_exceptions=True
    )
    assert good == "GOOD"
    assert isinstance(bad, Exception)
    assert absent is None
