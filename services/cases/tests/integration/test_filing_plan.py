"""Issue 21 (submission CPU): the filing statement's ``Idempotency-Key`` check reads the key's unique index.

The check (``taken`` in ``cases.store.filing``) used to have two indexes to choose from, and on the statistics of
a small table PostgreSQL's generic plan read ``ix_cases_applicant`` and filtered the key on every case of the
applicant: each filing cost more than the one before for an applicant with many cases (migration 0022)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from cases.store.filing import FILE_CASE

pytestmark = pytest.mark.integration

KEY_INDEX = "uq_cases_applicant_id_idempotency_key"
# 300 cases of one applicant (an agency's or a busy citizen's), none analyzed yet: the planner's worst guess
_FILL = """
INSERT INTO cases (id, number, matter_code, matter_version, matter_name, kind, applicant_kind, applicant_id,
                   subject_kind, subject_id, submitted_by, channel, received_by_org, accepting_org, region,
                   handling_org, status, national_code, form, received_at, limit_days, limit_unit,
                   statutory_days, idempotency_key)
SELECT 'plan-' || n, 'PLAN-' || n, 'M', 1, '事项', 'single', 'person', 'person-plan', 'person', 'person-plan',
       'person-plan', 'online', '500110-ZWFWZX', '500110-ZWFWZX', '500110000000', '500110-SCJGJ', 'received', 1,
       '{}', now(), 5, 'working_days', 20, 'key-' || n
FROM generate_series(1, 300) AS n
"""


def _scans(lines: list[str]) -> list[str]:
    return [line.strip() for line in lines if " on cases" in line and "Scan" in line]


async def _generic_plan(engine: AsyncEngine) -> list[str]:
    """EXPLAIN of the plan a pooled connection keeps for the statement after its first executions; the fill is
    rolled back."""
    parameters = max(int(n) for n in re.findall(r"\$(\d+)", FILE_CASE))
    async with engine.connect() as conn:
        raw = await conn.get_raw_connection()
        driver: Any = raw.driver_connection
        transaction = driver.transaction()
        await transaction.start()
        try:
            await driver.execute(_FILL)
            await driver.execute(f"PREPARE filing AS {FILE_CASE}")
            await driver.execute("SET LOCAL plan_cache_mode = force_generic_plan")
            rows = await driver.fetch(f"EXPLAIN EXECUTE filing({', '.join(['NULL'] * parameters)})")
            await driver.execute("DEALLOCATE filing")
        finally:
            await transaction.rollback()
    return [row[0] for row in rows]


async def test_issue21_filing_key_check_reads_the_key_unique_index(engine: AsyncEngine) -> None:
    """Issue 21: the key check is one probe of the key's unique index whatever the applicant's case count —
    never a scan of the applicant's cases through ``ix_cases_applicant`` (or of the table)."""
    scans = _scans(await _generic_plan(engine))
    assert scans, "the plan reads cases"
    assert all(KEY_INDEX in scan for scan in scans), scans
