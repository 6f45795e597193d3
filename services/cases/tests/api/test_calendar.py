"""The working-day calendar: published years listed; a district administrator enters a year's notice, and due
dates that were pending on that year are computed at once."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from cases.store.models import OUTBOX

from .conftest import Flow

pytestmark = pytest.mark.api

ADMIN = {"role": "admin", "org": "500110-ZFBGS", "region": "500110000000"}
# Test data, not a real notice: the years after the suite's seeded ones, with a made-up holiday week.
NOTICE = {
    "source": "测试用节假日安排",
    "holidays": ["2029-10-01", "2029-10-02", "2029-10-03"],
    "makeup_workdays": ["2029-09-29"],
}


async def _accepted_far_ahead(flow: Flow) -> dict[str, object]:
    """A case whose promised and statutory limits reach past the published years (2029 and later)."""
    await flow.open_matter(statutory=1000, promised=900)
    case = (await flow.apply(flow.citizen())).json()
    accepted = await flow.act(str(case["id"]), flow.staff("window_clerk"), "accept")
    assert accepted.status_code == 200, accepted.text
    return dict(accepted.json())


async def test_an_administrator_enters_a_year_and_pending_due_dates_follow(flow: Flow) -> None:
    case = await _accepted_far_ahead(flow)
    assert case["due_date"] is None  # never guessed on an unpublished year
    admin = flow.staff(**ADMIN)
    first = await flow.client.put("/calendar/years/2029", json=NOTICE, headers=admin)
    assert first.status_code == 200, first.text
    assert first.json()["due_dates_computed"] == 0  # its limits reach into 2030: still pending
    second = await flow.client.put("/calendar/years/2030", json={"source": "测试用节假日安排"}, headers=admin)
    assert second.json()["due_dates_computed"] == 1
    listed = (await flow.client.get("/calendar/years", headers=flow.citizen())).json()
    entered = next(y for y in listed if y["year"] == 2029)
    assert entered == {"year": 2029, **NOTICE}
    assert {2026, 2027, 2028, 2030} <= {y["year"] for y in listed}
    after = (await flow.client.get(f"/cases/{case['id']}", headers=flow.citizen())).json()
    assert after["due_date"] is not None
    assert date.fromisoformat(after["due_date"]).year in (2029, 2030)


async def test_a_corrected_notice_replaces_the_year(flow: Flow) -> None:
    admin = flow.staff(**ADMIN)
    await flow.client.put("/calendar/years/2029", json=NOTICE, headers=admin)
    corrected = {"source": "更正", "holidays": ["2029-10-04"], "makeup_workdays": []}
    response = await flow.client.put("/calendar/years/2029", json=corrected, headers=admin)
    assert response.status_code == 200
    listed = (await flow.client.get("/calendar/years", headers=admin)).json()
    assert next(y for y in listed if y["year"] == 2029) == {"year": 2029, **corrected}


@pytest.mark.parametrize(
    "who",
    [
        {"role": "admin", "org": "500110001000-center", "region": "500110001000"},  # a town's administrator
        {"role": "supervisor", "org": "500110-ZFBGS", "region": "500110000000"},
    ],
)
async def test_only_district_administrators_enter_notices(flow: Flow, who: dict[str, str]) -> None:
    response = await flow.client.put("/calendar/years/2029", json=NOTICE, headers=flow.staff(**who))
    assert response.status_code == 403
    assert response.json()["code"] == "calendar_admin_only"
    citizen = await flow.client.put("/calendar/years/2029", json=NOTICE, headers=flow.citizen())
    assert citizen.status_code == 403


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"holidays": ["2029-10-06"]}, "是周末"),  # a Saturday
        ({"makeup_workdays": ["2029-10-08"]}, "是工作日"),  # a Monday
        ({"holidays": ["2030-01-01"]}, "不在 2029 年"),
    ],
)
async def test_a_notice_that_cannot_be_right_is_refused(
    flow: Flow, body: dict[str, list[str]], message: str
) -> None:
    response = await flow.client.put(
        "/calendar/years/2029", json={"source": "有误的安排", **body}, headers=flow.staff(**ADMIN)
    )
    assert response.status_code == 422
    assert response.json()["code"] == "invalid_calendar"
    assert message in response.json()["detail"]
    listed = (await flow.client.get("/calendar/years", headers=flow.citizen())).json()
    assert 2029 not in {y["year"] for y in listed}  # nothing half-written


async def test_years_outside_the_range_are_refused(flow: Flow) -> None:
    response = await flow.client.put("/calendar/years/1999", json=NOTICE, headers=flow.staff(**ADMIN))
    assert response.status_code == 422


async def test_each_entered_notice_is_announced_with_the_next_revision(flow: Flow) -> None:
    admin = flow.staff(**ADMIN)
    await flow.client.put("/calendar/years/2029", json=NOTICE, headers=admin)
    corrected = {"source": "更正", "holidays": ["2029-10-04"]}
    await flow.client.put("/calendar/years/2029", json=corrected, headers=admin)
    await flow.client.put(
        "/calendar/years/2029", json={"source": "有误", "holidays": ["2029-10-06"]}, headers=admin
    )  # refused (a Saturday): nothing announced
    async with flow.database.sessions() as session:
        rows = (
            await session.execute(
                select(OUTBOX.c.subject, OUTBOX.c.envelope)
                .where(OUTBOX.c.aggregate_id == "calendar-2029")
                .order_by(OUTBOX.c.position)
            )
        ).all()
    assert [subject for subject, _ in rows] == ["cases.calendar_published.v1"] * 2
    data = [envelope["data"] for _, envelope in rows]
    assert [(d["revision"], d["holidays"], d["makeup_workdays"], d["source"]) for d in data] == [
        (1, NOTICE["holidays"], NOTICE["makeup_workdays"], NOTICE["source"]),
        (2, ["2029-10-04"], [], "更正"),
    ]
    assert [envelope["sequence"] for _, envelope in rows] == [1, 2]
