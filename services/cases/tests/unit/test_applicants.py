"""issue 18 failure 7: what stops a filing on someone's behalf before anything is written."""

import pytest

from cases.clients.errors import CallFailed
from cases.use_cases.applicants import require_applicant
from meshkit.errors import ProblemError

pytestmark = pytest.mark.unit


async def _found(kind: str, subject_id: str) -> bool:
    return subject_id == "person-1"


async def test_issue_18_failure_7_unknown_applicant_is_a_422_and_known_passes() -> None:
    await require_applicant(_found, kind="person", subject_id="person-1")
    with pytest.raises(ProblemError) as refused:
        await require_applicant(_found, kind="person", subject_id="person-2")
    assert (refused.value.status, refused.value.code) == (422, "applicant_not_found")


@pytest.mark.parametrize(
    ("failure", "status", "code"),
    [
        (CallFailed("forbidden", 403), 403, "applicant_not_permitted"),
        (CallFailed("identity_unavailable"), 503, "identity_unavailable"),
        (CallFailed("identity_http_500", 500), 503, "identity_unavailable"),
    ],
)
async def test_identity_that_cannot_tell_stops_the_filing(
    failure: CallFailed, status: int, code: str
) -> None:
    async def lookup(kind: str, subject_id: str) -> bool:
        raise failure

    with pytest.raises(ProblemError) as refused:
        await require_applicant(lookup, kind="person", subject_id="person-1")
    assert (refused.value.status, refused.value.code) == (status, code)


async def test_filing_on_behalf_without_a_lookup_fails_closed() -> None:
    with pytest.raises(RuntimeError):
        await require_applicant(None, kind="person", subject_id="person-1")
