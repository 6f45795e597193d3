"""issue 18 failure 7 across real processes: a clerk filing for an applicant_id identity does not know gets a 422
problem from cases (which asked identity with the clerk's own token through the real mesh), and no case."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest

from meshkit.testing import filing

pytestmark = pytest.mark.e2e

BUNDLE = "500110-SCJGJ-KBCYD-YJS"
LogIn = Callable[..., Awaitable[tuple[dict[str, str], dict[str, Any]]]]


async def test_issue_18_failure_7_clerk_filing_for_an_unknown_applicant_leaves_no_case(
    http: httpx.AsyncClient, log_in: LogIn
) -> None:
    village, _ = await log_in("clerk.qihe")  # 綦河社区便民服务中心

    async def queued() -> set[str]:
        response = await http.get("/cases/queue", headers=village, params={"limit": 100})
        assert response.status_code == 200, response.text
        return {c["id"] for c in response.json()["items"]}

    before = await queued()
    response = await http.post(
        "/cases/cases",
        headers=filing(village),
        json={
            "bundle_code": BUNDLE,
            "applicant_id": "person-that-does-not-exist",
            "consent_ref": "委托书-綦河-9999",
            "form": {"字号": "无名面馆"},
        },
    )
    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["code"] == "applicant_not_found"
    assert await queued() == before
