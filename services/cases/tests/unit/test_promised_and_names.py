"""The queue's promised dates (one calendar walk for every limit) and the organization names beside codes."""

from __future__ import annotations

from datetime import date

import httpx
import pytest

from cases.clients.applicants import ApplicantDirectory, Named
from cases.clients.organizations import OrganizationNames
from cases.clients.subject_names import SubjectNames
from cases.domain.calendar import CalendarNotPublished, official_calendar
from cases.domain.clock import TimeLimit, due_date
from cases.domain.promised import promised_dates
from cases.domain.subjects import masked_name

pytestmark = pytest.mark.unit

CAL = official_calendar()


@pytest.mark.parametrize(
    "today", [date(2026, 9, 28), date(2026, 10, 3), date(2026, 12, 6), date(2026, 12, 31)]
)
def test_the_queues_promised_dates_are_the_clocks_due_dates(today: date) -> None:
    """issue 19 outside try (queues sort by the promised date): the walk gives, for every limit, the date the
    clock gives a case accepted today — a 0-day matter the same working day — and None in unpublished years."""
    dates = promised_dates(CAL, today, longest=60)
    assert len(dates) == 61
    for days, promised in enumerate(dates):
        if promised is None:
            with pytest.raises(CalendarNotPublished):
                due_date(CAL, started=today, limit=TimeLimit(days))
            continue
        assert promised == due_date(CAL, started=today, limit=TimeLimit(days)), days
    if today.year == max(CAL.years) and today.month == 12:
        assert dates[-1] is None  # runs into a year without a notice


class _Identity:
    """identity's public organization tree at the edge, counting the calls."""

    def __init__(self) -> None:
        self.calls: list[str] = []
        self.down = False

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.calls.append(request.url.path)
        if self.down:
            return httpx.Response(503)
        if request.url.path == "/organizations/500110-SCJGJ":
            return httpx.Response(200, json={"code": "500110-SCJGJ", "name": "区市场监管局"})
        return httpx.Response(404, json={"code": "organization_not_found"})


async def test_names_are_asked_once_kept_and_a_failure_is_asked_again_after_a_pause() -> None:
    """issue 19 outside try (names beside codes): a page's names cost one call per unknown code, then none until
    they expire; a code identity does not know has no name; identity being down leaves the codes alone, is not
    asked on every page meanwhile, and is asked again after the backoff (a failure is never kept as "no name")."""
    identity, now = _Identity(), [0.0]
    async with httpx.AsyncClient(transport=httpx.MockTransport(identity), base_url="http://identity") as http:
        names = OrganizationNames(http, ttl=60, backoff=10, clock=lambda: now[0])
        identity.down = True
        assert await names.names(["500110-SCJGJ", None]) == {}
        identity.down = False
        assert await names.names(["500110-SCJGJ"]) == {}  # within the backoff: not asked
        assert len(identity.calls) == 1
        now[0] = 10
        assert await names.names(["500110-SCJGJ", "500110-NONE", None]) == {"500110-SCJGJ": "区市场监管局"}
        asked = len(identity.calls)
        assert await names.names(["500110-SCJGJ", "500110-NONE"]) == {"500110-SCJGJ": "区市场监管局"}
        assert len(identity.calls) == asked  # both answers kept, the 404 too
        now[0] = 71
        await names.names(["500110-SCJGJ"])
        assert len(identity.calls) == asked + 1  # expired: asked again


async def test_applicant_names_are_the_callers_kept_per_token_and_not_asked_while_identity_is_down() -> None:
    """issue 19 outside try (masked applicant names in queue items): identity answers each clerk with that clerk's
    rights, so a name is kept per token (never shared with another caller); paging asks once per applicant; an
    unreachable identity is left alone for the backoff."""
    calls: list[tuple[str, str]] = []
    down = [False]

    def identity(request: httpx.Request) -> httpx.Response:
        calls.append((request.headers["authorization"], request.url.path))
        if down[0]:
            raise httpx.ConnectError("refused")
        if request.headers["authorization"] == "Bearer clerk-a":
            return httpx.Response(200, json={"id": "person-2", "name": "王德明"})
        return httpx.Response(403, json={"code": "not_permitted"})

    now = [0.0]
    async with httpx.AsyncClient(transport=httpx.MockTransport(identity), base_url="http://identity") as http:
        names = SubjectNames(ApplicantDirectory(http), ttl=60, backoff=10, clock=lambda: now[0])
        person = ("person", "person-2")
        wang = Named("person", "王德明", None)
        assert await names.names([person], bearer="clerk-a") == {person: wang}
        assert await names.names([person], bearer="clerk-a") == {person: wang}
        assert await names.names([person], bearer="clerk-b") == {}  # identity lets clerk-b see nothing
        assert len(calls) == 2
        now[0], down[0] = 61, True
        assert await names.names([person], bearer="clerk-a") == {}
        assert await names.names([person], bearer="clerk-b") == {}  # within the backoff: not asked
        assert len(calls) == 3


@pytest.mark.parametrize(
    ("kind", "name", "shown"),
    [
        ("person", "陈晓梅", "陈*梅"),
        ("person", "张三", "张*"),
        ("person", "欧阳娜娜", "欧**娜"),
        ("enterprise", "重庆綦河餐饮有限公司", "重庆綦河餐饮有限公司"),
    ],
)
def test_a_clerks_list_shows_a_persons_name_masked(kind: str, name: str, shown: str) -> None:
    """issue 19 outside try (masked applicant names in queue items): a person's name is masked, an enterprise's
    registered name is public."""
    assert masked_name(kind, name) == shown
