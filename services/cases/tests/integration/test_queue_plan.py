"""The staff queue's order comes from indexes (issue 19, the measured staff queue): EXPLAIN of the query the
repository sends, over a hall with thousands of open cases, has no sequential scan of ``cases`` and sorts only the
open cases that have no due date yet (their promised date is computed for today) — never all of an organization's
open cases."""

from __future__ import annotations

import asyncio
import json
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncSession

from cases.store import SERVICE_ROOT
from cases.store.case_repositories import CaseRepository
from meshkit.db import new_engine
from meshkit.embedded import EmbeddedPostgres
from meshkit.migrations import upgrade
from meshkit.roles import ServiceRoles

pytestmark = pytest.mark.integration

NAME = "cases_queue_plan"
HALL, DEPARTMENT = "500110-ZWFWZX", "500110-SCJGJ"
# 40,000 cases: 9 in 10 concluded; of the open ones a third not yet accepted (no due date), the rest accepted
_FILL = """
INSERT INTO cases (id, number, matter_code, matter_version, matter_name, kind, applicant_kind, applicant_id,
                   subject_kind, subject_id, submitted_by, channel, received_by_org, accepting_org, region,
                   handling_org, status, national_code, form, received_at, accepted_at, limit_days, limit_unit,
                   statutory_days, due_date, concluded_at)
SELECT 'c-' || n, 'N-' || n, 'M', 1, '事项', 'single', 'person', 'p-' || n % 500, 'person', 'p-' || n % 500,
       'p-' || n % 500, 'online', CASE WHEN n % 3 = 0 THEN '500110-ZWFWZX' ELSE 'town-' || n % 7 END, '500110-ZWFWZX',
       '500110000000', CASE WHEN n % 4 = 0 THEN '500110-SCJGJ' ELSE 'dept-' || n % 9 END,
       CASE WHEN n % 10 > 0 THEN 'approved' WHEN n % 3 = 0 THEN 'received' ELSE 'in_review' END, 1, '{}',
       now() - n % 300 * interval '1 day', CASE WHEN n % 10 > 0 OR n % 3 > 0 THEN now() END, 5 * (n % 4 + 1),
       CASE WHEN n % 5 = 0 THEN 'natural_days' ELSE 'working_days' END, 20,
       CASE WHEN n % 10 > 0 OR n % 3 > 0 THEN current_date + n % 40 END,
       CASE WHEN n % 10 > 0 THEN now() END
FROM generate_series(1, 40000) AS n
"""


def _nodes(plan: dict[str, Any]) -> list[dict[str, Any]]:
    return [plan, *(node for child in plan.get("Plans", []) for node in _nodes(child))]


async def _explained(url: str, org: str) -> dict[str, Any]:
    """The plan of the query ``CaseRepository.queue`` sends for ``org``'s 待办, first page, today's order."""
    engine = new_engine(url)
    sent: list[tuple[str, Any]] = []

    def keep(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, many: bool) -> None:
        if "ORDER BY" in statement and "promised" in statement:
            sent.append((statement, parameters))

    event.listen(engine.sync_engine, "before_cursor_execute", keep)
    today = date(2026, 12, 7)
    promised: list[date | None] = [today + timedelta(days=n * 7 // 5) for n in range(61)]
    try:
        async with engine.connect() as conn:
            async with AsyncSession(bind=conn) as session:
                page = await CaseRepository(session).queue(
                    orgs=[org],
                    promised=promised,
                    today=today,
                    statuses=None,
                    due_before=None,
                    overdue_on=None,
                    limit=20,
                    offset=0,
                )
                assert len(page.items) == 20
            (statement, parameters) = sent[0]
            raw = (await conn.get_raw_connection()).driver_connection
            assert raw is not None
            explained = await raw.fetchval("EXPLAIN (FORMAT JSON) " + statement, *parameters)
    finally:
        await engine.dispose()
    plans = json.loads(explained) if isinstance(explained, str) else explained  # the engine may decode JSON
    return dict(plans[0]["Plan"])


@pytest.mark.parametrize("org", [HALL, DEPARTMENT])
def test_issue_19_the_queue_is_ordered_by_indexes_not_a_sort_of_every_open_case(
    embedded_postgres: EmbeddedPostgres, org: str
) -> None:
    """issue 19 (a measured staff queue): ordered by the promised date — a due date, or for a case not yet accepted
    the date it would be due were it accepted today — the queue sorted every open case of the hall (EXPLAIN: a
    top-N sort over a bitmap scan of all open cases, 175 ms for a 20,000-case hall). Now the dated cases come in
    index order and only the undated ones are sorted, from their own covering index (migration 0016)."""
    roles = ServiceRoles.of(SERVICE_ROOT.name)
    embedded_postgres.drop_database(NAME)
    embedded_postgres.create_service_database(NAME, roles)
    url = embedded_postgres.database_url(NAME, user=roles.owner)
    try:
        upgrade(SERVICE_ROOT, url)
        embedded_postgres.psql(_FILL, database=NAME)
        embedded_postgres.psql("VACUUM ANALYZE cases", database=NAME)
        plan = asyncio.run(_explained(url, org))
    finally:
        embedded_postgres.drop_database(NAME)
    nodes = _nodes(plan)
    assert not [n for n in nodes if n["Node Type"] == "Seq Scan" and n.get("Relation Name") == "cases"]
    sorts = [n for n in nodes if n["Node Type"] == "Sort"]
    assert sorts  # the undated parts
    for sort in sorts:
        read = {n.get("Index Name") for n in _nodes(sort) if "Scan" in n["Node Type"]}
        assert read
        assert all(str(name).startswith("ix_cases_undated_") for name in read), read
    dated = {n.get("Index Name") for n in nodes if str(n.get("Index Name")).startswith("ix_cases_open_")}
    assert dated, "the dated cases are read from the open cases' indexes, in their order"
