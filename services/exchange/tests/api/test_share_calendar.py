"""Share requests count the district's working days: a year the library lacks is refused until the notice the
district's administrators entered in the cases service (``cases.calendar_published.v1``) reaches the exchange."""

from datetime import UTC, datetime

import httpx
import pytest

from exchange.consumers.calendar_published import on_calendar_published
from meshkit.db import Database
from meshkit.events import CloudEvent

pytestmark = pytest.mark.api

# a department system with every scope its job may need (the matrix test checks each one alone)
DEPARTMENT_SYSTEM = (
    "exchange:read exchange:records:write exchange:resources:write exchange:sharing exchange:subscribe"
)

RELIEF = "500110-MZJ-DB-001"
# Test data, not a real notice: 2027-01-01 (Fri) off, 2027-01-09 (Sat) worked.
NOTICE = {
    "year": 2027,
    "source": "测试用节假日安排",
    "revision": 1,
    "holidays": ["2027-01-01"],
    "makeup_workdays": ["2027-01-09"],
    "occurred_at": "2026-12-04T10:00:00+08:00",
}


def published(**data: object) -> CloudEvent:
    return CloudEvent(
        id=f"evt-{data.get('revision', 1)}",
        source="/tongban/cases",
        type="cases.calendar_published.v1",
        subject="calendar-2027",
        time=datetime.now(UTC),
        sequence=int(str(data.get("revision", 1))),
        data={**NOTICE, **data},
    )


async def _request(client: httpx.AsyncClient, headers, purpose: str = "临时救助审核") -> httpx.Response:  # type: ignore[no-untyped-def]
    payload = {
        "resource_code": RELIEF,
        "purpose": purpose,
        "legal_basis": "《社会救助暂行办法》第四十七条",
        "items": ["name"],
        "valid_from": "2026-12-28",
        "valid_to": "2027-06-30",
    }
    return await client.post(
        "/share-requests", json=payload, headers=headers.system("500110-RSJ", scope=DEPARTMENT_SYSTEM)
    )


async def _apply(database: Database, event: CloudEvent) -> None:
    async with database.sessions() as session:
        await on_calendar_published(session, event)
        await session.commit()


async def test_a_year_entered_by_the_district_settles_answer_dates(
    client: httpx.AsyncClient, demo: Database, headers, clock
) -> None:  # type: ignore[no-untyped-def]
    clock.now = datetime(2026, 12, 28, 2, 0, tzinfo=UTC)  # Monday: ten working days reach into 2027
    refused = await _request(client, headers)
    assert refused.status_code == 422
    assert refused.json()["code"] == "calendar_unavailable"
    assert "2027" in refused.json()["detail"]
    await _apply(demo, published())
    created = await _request(client, headers)
    assert created.status_code == 201, created.text
    # 29, 30, 31, (1 off), 4 … 8, Saturday 9 worked, 11: the tenth working day
    assert created.json()["due_on"] == "2027-01-11"


async def test_only_a_newer_revision_replaces_the_year(
    client: httpx.AsyncClient, demo: Database, headers, clock
) -> None:  # type: ignore[no-untyped-def]
    clock.now = datetime(2026, 12, 28, 2, 0, tzinfo=UTC)
    await _apply(demo, published(revision=2, holidays=["2027-01-04"], makeup_workdays=[]))  # a correction
    await _apply(demo, published())  # the first notice, arriving late: ignored (it would give 01-11)
    created = await _request(client, headers)
    assert created.json()["due_on"] == "2027-01-12"  # 29, 30, 31, 1, (4 off), 5 … 8, 11, 12
    await _apply(demo, published(revision=3, holidays=["2027-01-04", "2027-01-05"], makeup_workdays=[]))
    later = await _request(client, headers, purpose="临时救助复核")
    assert later.json()["due_on"] == "2027-01-13"


async def test_the_same_request_sent_again_is_the_pending_one_not_another(
    client: httpx.AsyncClient, demo: Database, headers, clock
) -> None:  # type: ignore[no-untyped-def]
    """Outside try of issue 18: eight concurrent identical share requests queued eight for the provider."""
    clock.now = datetime(2026, 12, 28, 2, 0, tzinfo=UTC)
    await _apply(demo, published())
    answers = [await _request(client, headers) for _ in range(3)]  # concurrent ones: tests/e2e
    assert [a.status_code for a in answers] == [201, 200, 200], [a.text for a in answers]
    assert len({a.json()["id"] for a in answers}) == 1
    assert "location" not in answers[1].headers
    other = await _request(client, headers, purpose="临时救助复核")
    assert other.status_code == 201


async def test_a_notice_with_days_of_another_year_is_not_taken(demo: Database) -> None:
    with pytest.raises(ValueError, match="outside 2027"):
        await _apply(demo, published(holidays=["2028-01-03"]))


async def test_the_calendar_counted_is_listed(client: httpx.AsyncClient, demo: Database, headers) -> None:  # type: ignore[no-untyped-def]
    await _apply(demo, published())
    listed = await client.get(
        "/calendar/years", headers=headers.system("500110-RSJ", scope=DEPARTMENT_SYSTEM)
    )
    assert listed.status_code == 200
    years = {y["year"]: y for y in listed.json()}
    assert years[2027] == {
        "year": 2027,
        "source": "测试用节假日安排",
        "revision": 1,
        "holidays": ["2027-01-01"],
        "makeup_workdays": ["2027-01-09"],
    }
    assert years[2026]["revision"] == 0  # seeded from the library
    assert "2026-10-01" in years[2026]["holidays"]
    assert (await client.get("/calendar/years")).status_code == 401
