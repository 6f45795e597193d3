"""issue 18 failure 7: a clerk filing (代办) for an applicant identity does not know gets a 422 problem, and no
case, no event and no idempotency record are left behind (an orphan case was created)."""

import pytest
from sqlalchemy import func, select

from cases.store.case_models import Case
from cases.store.models import OUTBOX
from meshkit.db import Database

from .conftest import Flow

pytestmark = pytest.mark.api


async def _counts(database: Database) -> tuple[int, int]:
    async with database.sessions() as session:
        cases = await session.scalar(select(func.count()).select_from(Case))
        events = await session.scalar(select(func.count()).select_from(OUTBOX))
    return int(cases or 0), int(events or 0)


@pytest.mark.parametrize(
    ("applicant_id", "kind"),
    [
        ("person-404", "person"),
        ("person-2", "enterprise"),
        ("../clients", "person"),
        ("person-2/..", "person"),
    ],
    ids=["unknown-person", "person-id-as-enterprise", "path-traversal", "dot-segment"],
)
async def test_issue_18_failure_7_clerk_filing_for_an_unknown_applicant_is_refused(
    flow: Flow, database: Database, applicant_id: str, kind: str
) -> None:
    await flow.open_matter()
    clerk = flow.staff("window_clerk", org="500110109201-center", region="500110109201")
    before = await _counts(database)
    refused = await flow.apply(
        {**clerk, "Idempotency-Key": "orphan-1"},
        applicant_id=applicant_id,
        applicant_kind=kind,
        consent_ref="委托书-404",
    )
    assert refused.status_code == 422, refused.text
    assert refused.headers["content-type"].startswith("application/problem+json")
    problem = refused.json()
    assert problem["code"] == "applicant_not_found"
    assert problem["errors"][0]["field"] == "body.applicant_id"
    assert "申请人" in problem["detail"]
    assert await _counts(database) == before  # no orphan case, no event


async def test_issue_18_failure_7_a_known_applicant_is_filed_for(flow: Flow, database: Database) -> None:
    await flow.open_matter()
    clerk = flow.staff("window_clerk", org="500110109201-center", region="500110109201")
    filed = await flow.apply(clerk, applicant_id="person-2", consent_ref="委托书-001")
    assert filed.status_code == 201, filed.text
    async with database.sessions() as session:
        case = await session.get(Case, filed.json()["id"])
    assert case is not None
    assert case.applicant_id == "person-2"


async def test_online_applicants_are_not_looked_up(flow: Flow) -> None:
    """The token names an online applicant; identity issued it, so nothing is asked (person-5 is unknown to the
    fake edge and still files for themself)."""
    await flow.open_matter()
    assert (await flow.apply(flow.citizen("person-5"))).status_code == 201
