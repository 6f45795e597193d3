"""Issue 18 at cases: an application form with NaN or 1e400 refused as 422, not a 500 from JSONB; NUL in a path
refused before the store; the applicant refused before the body; details in Chinese."""

from __future__ import annotations

import re
from typing import Any as Flow  # the `flow` fixture of conftest.py (test modules cannot import it)

import pytest
from sqlalchemy import text

from meshkit.testing import filing
from meshkit.testing.support import assert_malformed_path

pytestmark = pytest.mark.api

MATTER = "500110-SCJGJ-SPJY-XK"
_ENGLISH = re.compile(r"[A-Za-z]+(?: [A-Za-z]+){2,}")


async def _cases(flow: Flow) -> int:
    async with flow.database.sessions() as session:
        return int(await session.scalar(text("SELECT count(*) FROM cases")) or 0)


@pytest.mark.parametrize("number", [b"NaN", b"Infinity", b"-Infinity", b"1e400", b"9223372036854775808"])
async def test_issue_18_failure_2_nan_and_overflow_in_an_application_form_are_422(
    flow: Flow, number: bytes
) -> None:
    """Issue 18, failure 2: ``POST /cases {"matter_code": …, "form": {"x": NaN}}`` (and ±Infinity, 1e400, an
    integer past int64) is a 422 naming ``form.x``; nothing is filed."""
    await flow.open_matter()
    raw = b'{"matter_code": "%s", "form": {"x": %s}}' % (MATTER.encode(), number)
    answer = await flow.client.post(
        "/cases", content=raw, headers=filing({**flow.citizen(), "content-type": "application/json"})
    )
    assert answer.status_code == 422, answer.text
    problem = answer.json()
    assert (problem["code"], [e["field"] for e in problem["errors"]]) == (
        "validation_failed",
        ["body.form.x"],
    )
    assert problem["detail"].startswith("字段 form.x：")
    assert await _cases(flow) == 0


async def test_issue_18_failure_1_nul_in_the_cases_api_is_422(flow: Flow) -> None:
    """Issue 18, failure 1: ``GET /open-matters/%00``, a NUL in a form key or value or in a clerk's opinion —
    each 422 naming the field; a multi-line form value and opinion pass."""
    await flow.open_matter()
    assert_malformed_path(await flow.client.get("/open-matters/%00"))  # at the edge, since session 12
    for form in ({"店名": "綦河\x00小馆"}, {"店\x00名": "x"}, {"店名": "\u202e馆小河綦"}):
        answer = await flow.apply(flow.citizen(), form=form)
        assert answer.status_code == 422, (form, answer.text)
        assert answer.json()["errors"][0]["field"].startswith("body.form.")
    filed = await flow.apply(flow.citizen(), form={"经营范围": "热食类食品制售\n冷食类食品制售"})
    assert filed.status_code == 201, filed.text
    case_id = filed.json()["id"]
    clerk = flow.staff("window_clerk")
    nul = await flow.act(case_id, clerk, "accept", reason="材料齐全\x00")
    assert (nul.status_code, nul.json()["errors"][0]["field"]) == (422, "body.reason")
    assert await _cases(flow) == 1


async def test_issue_18_failure_10_cases_refuses_the_caller_before_the_body(flow: Flow) -> None:
    """Issue 18, failure 10 (runtime), on the application lane and an ordinary route: no token → 401 whatever
    the body; with a token, a broken body is 400 ``malformed_body`` and text/plain 415."""
    await flow.open_matter()
    for url in ("/cases", "/cases/00000000-0000-0000-0000-000000000000/actions"):
        for content, content_type in (
            (b'{"matter_code": ', "application/json"),
            (b'{"matter_code": "\xff"}', "application/json"),
            (b'{"matter_code": "x"}', "text/plain"),
            (b'{"action": 5, "form": {"x": NaN}}', "application/json"),
        ):
            anonymous = await flow.client.post(url, content=content, headers={"content-type": content_type})
            assert anonymous.status_code == 401, (url, content, anonymous.text)
    headers = flow.citizen()
    broken = await flow.client.post(
        "/cases", content=b'{"matter_code": ', headers=filing({**headers, "content-type": "application/json"})
    )
    utf8 = await flow.client.post(
        "/cases",
        content=b'{"matter_code": "\xff"}',
        headers=filing({**headers, "content-type": "application/json"}),
    )
    plain = await flow.client.post(
        "/cases", content=b"{}", headers=filing({**headers, "content-type": "text/plain"})
    )
    assert [(r.status_code, r.json()["code"]) for r in (broken, utf8, plain)] == [
        (400, "malformed_body"),
        (400, "malformed_body"),
        (415, "unsupported_media_type"),
    ]


@pytest.mark.parametrize(
    "body",
    [
        {"form": {}},
        {"matter_code": "", "form": {}},
        {"matter_code": MATTER, "form": []},
        {"matter_code": MATTER, "applicant_kind": "robot"},
        {"matter_code": MATTER, "nonsense": 1},
        {"matter_code": 5},
    ],
)
async def test_issue_18_failure_8_application_details_are_chinese(
    flow: Flow, body: dict[str, object]
) -> None:
    """Issue 18, failure 8: an applicant's mistakes are explained in Chinese."""
    await flow.open_matter()
    answer = await flow.client.post("/cases", json=body, headers=filing(flow.citizen()))
    assert answer.status_code in (404, 422), answer.text
    detail = answer.json()["detail"]
    assert not _ENGLISH.search(detail), detail
