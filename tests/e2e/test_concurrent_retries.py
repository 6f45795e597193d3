"""Issue 18 failure 5 through the gateway and the real mesh: six concurrent retries of one 一件事 application with
one Idempotency-Key — one 201 and five 200 carrying the same case, never a 500."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest

from identity.demo import DEMO_CLIENT_SECRET
from meshkit.testing import eventually, filing

pytestmark = pytest.mark.e2e

BUNDLE = "500110-SCJGJ-KBCYD-YJS"  # 开办餐饮店一件事 of the demo catalog
CHEN = "500222199803070028"  # 陈晓梅, real-name level 2 (population register)
LI_HUA = "500222200305190153"  # level 1: refused for the bundle once cases knows it, nothing written

LogIn = Callable[..., Awaitable[tuple[dict[str, str], dict[str, Any]]]]


async def test_issue_18_failure_5_six_concurrent_bundle_retries_through_the_gateway(
    http: httpx.AsyncClient, log_in: LogIn
) -> None:
    """Issue 18 failure 5: used to answer one 201 and five 500s (IntegrityError during autoflush)."""
    li_hua, _ = await log_in(LI_HUA)

    async def bundle_open() -> None:
        too_low = await http.post("/cases/cases", headers=filing(li_hua), json={"bundle_code": BUNDLE})
        assert (too_low.status_code, too_low.json()["code"]) == (403, "real_name_level_too_low"), too_low.text

    await eventually(bundle_open, timeout=90, interval=1)
    chen, _ = await log_in(CHEN)
    retry = {**chen, "Idempotency-Key": f"e2e-retry-{uuid.uuid4()}"}
    body = {"bundle_code": BUNDLE, "form": {"字号": "綦河小馆", "经营场所": "沿河路12号"}}

    answers = await asyncio.gather(
        *(http.post("/cases/cases", headers=filing(retry), json=body) for _ in range(6))
    )

    assert sorted(a.status_code for a in answers) == [200] * 5 + [201], [a.text[:200] for a in answers]
    assert len({a.json()["id"] for a in answers}) == 1
    detail = (await http.get(f"/cases/cases/{answers[0].json()['id']}", headers=chen)).json()
    assert (detail["kind"], len(detail["members"])) == ("bundle", 2)


async def test_eight_concurrent_identical_share_requests_queue_one(http: httpx.AsyncClient) -> None:
    """Outside try of issue 18: eight concurrent identical `POST /exchange/share-requests` by one department system
    queued eight pending requests for the provider to answer; now one, and the others answer it (200)."""
    token = await http.post(
        "/identity/token",
        data={"grant_type": "client_credentials"},
        auth=("swj-collection", DEMO_CLIENT_SECRET),
    )
    assert token.status_code == 200, token.text
    tax = {"Authorization": f"Bearer {token.json()['access_token']}"}
    body = {
        "resource_code": "500110-MZJ-DB-001",  # 最低生活保障对象信息: conditional, 区民政局's
        "purpose": f"税费减免审核 {uuid.uuid4().hex[:6]}",
        "legal_basis": "《社会救助暂行办法》第四十七条",
        "items": ["name"],
        "valid_from": "2027-01-04",
        "valid_to": "2027-06-30",
    }
    answers = await asyncio.gather(
        *(http.post("/exchange/share-requests", headers=tax, json=body) for _ in range(8))
    )
    assert sorted(a.status_code for a in answers) == [200] * 7 + [201], [a.text[:200] for a in answers]
    assert len({a.json()["id"] for a in answers}) == 1
