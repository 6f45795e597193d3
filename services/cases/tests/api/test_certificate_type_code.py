"""The issued certificate's type is the national type code (电子证照类型代码, DOMAIN.md §3) on the case's API and in
its event, the code the exchange's registry reports for the same certificate (issue 19, last outside try, failure
2). The registry's side: services/exchange/tests; both services at once: tests/e2e/test_main_story.py."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any as Flow  # the `flow` fixture of conftest.py (test modules cannot import it)

from sqlalchemy import select

from cases.store.models import OUTBOX
from cases.store.unit_of_work import CasesUnitOfWork
from cases.use_cases.issuing import record_certificate

from ..conftest import NEWBORN_A
from .test_decision_documents import BIRTH, _open_certifying

# What the demo registry assigns to a 出生医学证明 (exchange.demo_data: the catalog's ZZ-CSYXZM is its alias)
NATIONAL = "11500110MB1A00036W005"
IDENTIFIER = f"1.2.156.3005.2.{NATIONAL}.11500110MB1A00036W.202612070000000001.001.K"


async def test_issue19_last_outside_try_failure2_the_certificate_type_is_the_national_code(
    flow: Flow,
) -> None:
    """issue 19, last outside try: failure 2 — GET /cases/{id}/certificate said `ZZ-CSYXZM` where the exchange's
    lookup said `11500110MB1A00036W005` for the same certificate; the case now says the registry's code."""
    await flow.open_matter()
    await _open_certifying(
        flow, BIRTH, "出生医学证明签发", ("500110-WSJKW", "区卫生健康委"), ("ZZ-CSYXZM", "出生医学证明")
    )
    case = await flow.apply(flow.citizen(), matter_code=BIRTH, subject_kind="newborn", subject_id=NEWBORN_A)
    case_id = str(case.json()["id"])
    wsjkw = "500110-WSJKW"
    await flow.act(case_id, flow.staff("window_clerk", org=wsjkw), "accept")
    await flow.act(case_id, flow.staff("reviewer", org=wsjkw), "start_review")
    await flow.act(case_id, flow.staff("reviewer", org=wsjkw), "approve", reason="符合条件")
    async with CasesUnitOfWork(flow.database) as uow:
        assert await record_certificate(
            uow, case_id=case_id, certificate_id=IDENTIFIER, now=datetime(2026, 12, 6, 9, 0, tzinfo=UTC)
        )
    answer = await flow.client.get(f"/cases/{case_id}/certificate", headers=flow.citizen())
    assert answer.status_code == 200, answer.text
    shown = answer.json()
    assert (shown["identifier"], shown["type_code"]) == (IDENTIFIER, NATIONAL)
    assert shown["type_name"] == "出生医学证明"  # named as the catalog names the type
    async with flow.database.sessions() as session:
        payloads = (
            await session.scalars(
                select(OUTBOX.c.envelope).where(OUTBOX.c.subject.like("%certificate_issued%"))
            )
        ).all()
    assert [p["data"]["certificate_type"] for p in payloads] == [NATIONAL], payloads
