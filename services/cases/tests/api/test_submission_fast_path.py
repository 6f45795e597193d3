"""Filing through the in-process matter cache and the one-statement insert: a retired matter stops taking
applications at once, a new version is pinned exactly with its own materials, the event and rows are whole."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any as Flow  # the `flow` fixture of conftest.py (test modules cannot import it)

import pytest
from sqlalchemy import select, text

from cases.store.case_models import CaseMaterial, TimelineEntry
from cases.store.models import OUTBOX
from cases.store.repositories import OpenMatterRepository
from meshkit.testing import filing

pytestmark = pytest.mark.api

MATTER = "500110-SCJGJ-SPJY-XK"


async def _publish(flow: Flow, version: int, materials: list[dict[str, object]]) -> None:
    async with flow.database.sessions() as session, session.begin():
        await OpenMatterRepository(session).upsert_newer(
            {
                "matter_id": "m-1",
                "code": MATTER,
                "version": version,
                "name": "食品经营许可",
                "matter_type": "01",
                "department_code": "500110-SCJGJ",
                "statutory_days": 20,
                "promised_days": 10,
                "materials": materials,
            }
        )


async def test_retired_matter_stops_at_once_even_when_cached(flow: Flow) -> None:
    await flow.open_matter()
    assert (await flow.apply(flow.citizen())).status_code == 201  # now cached in the app
    async with flow.database.sessions() as session, session.begin():
        await OpenMatterRepository(session).remove_retired(MATTER, 3)
    refused = await flow.apply(flow.citizen())
    assert (refused.status_code, refused.json()["code"]) == (404, "matter_not_open")


async def test_new_version_is_pinned_with_its_own_materials(flow: Flow) -> None:
    await _publish(flow, 1, [{"name": "申请书"}])
    first = (await flow.apply(flow.citizen())).json()
    await _publish(
        flow,
        2,
        [
            {"name": "申请书"},
            {"name": "身份证明", "resource_code": "500110-GAJ-RK-001", "data_items": ["姓名"]},
        ],
    )
    second = (await flow.apply(flow.citizen())).json()
    assert (first["matter_version"], second["matter_version"]) == (1, 2)
    async with flow.database.sessions() as session:
        rows = (
            await session.execute(
                select(
                    CaseMaterial.case_id,
                    CaseMaterial.material_code,
                    CaseMaterial.name,
                    CaseMaterial.data_items,
                    CaseMaterial.next_attempt_at,
                )
                .where(CaseMaterial.case_id.in_([first["id"], second["id"]]))
                .order_by(CaseMaterial.case_id == second["id"], CaseMaterial.material_code)
            )
        ).all()
    assert [(r[0] == second["id"], r[1], r[2], r[3], r[4] is not None) for r in rows] == [
        (False, "M01", "申请书", [], False),
        (True, "M01", "申请书", [], False),
        (True, "M02", "身份证明", ["姓名"], True),  # due for the worker at once
    ]


async def test_one_statement_writes_case_timeline_and_event(flow: Flow) -> None:
    await flow.open_matter()
    case = (await flow.apply(flow.citizen(), form={"店名": "綦河小馆", "面积": 42})).json()
    async with flow.database.sessions() as session:
        [timeline] = (
            await session.scalars(select(TimelineEntry).where(TimelineEntry.case_id == case["id"]))
        ).all()
        envelope = await session.scalar(select(OUTBOX.c.envelope).where(OUTBOX.c.aggregate_id == case["id"]))
        form = await session.scalar(text("SELECT form FROM cases WHERE id = :id"), {"id": case["id"]})
    assert (timeline.action, timeline.to_status, timeline.actor_id, timeline.actor_role) == (
        "submit",
        "received",
        "person-1",
        "applicant",
    )
    assert envelope["type"] == "cases.case_submitted.v1"
    assert envelope["data"]["case_number"] == case["number"]
    assert envelope["data"]["case_id"] == case["id"]
    assert form == {"店名": "綦河小馆", "面积": 42}
    detail = (await flow.client.get(f"/cases/{case['id']}", headers=flow.citizen())).json()
    assert json.dumps(detail["form"], ensure_ascii=False) == json.dumps(form, ensure_ascii=False)
    assert [t["action"] for t in detail["timeline"]] == ["submit"]


async def test_idempotent_retry_returns_the_same_case(flow: Flow) -> None:
    await flow.open_matter()
    headers = {**flow.citizen(), "Idempotency-Key": "retry-1"}
    first = await flow.client.post(
        "/cases", json={"matter_code": MATTER, "form": {}}, headers=filing(headers)
    )
    again = await flow.client.post(
        "/cases", json={"matter_code": MATTER, "form": {}}, headers=filing(headers)
    )
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["id"] == first.json()["id"]


async def test_the_lane_checks_token_then_header_and_body_together(flow: Flow) -> None:
    """Served without FastAPI's dependency solving, an application is still refused as the route declares."""
    await flow.open_matter()
    anonymous = await flow.client.post("/cases", json={"matter_code": MATTER, "nonsense": 1})
    assert (anonymous.status_code, anonymous.json()["code"]) == (401, "unauthenticated")
    headers = {**flow.citizen(), "Idempotency-Key": "k" * 101}
    both = await flow.client.post(
        "/cases", json={"matter_code": MATTER, "nonsense": 1}, headers=filing(headers)
    )
    assert (both.status_code, both.headers["content-type"]) == (422, "application/problem+json")
    assert {e["field"] for e in both.json()["errors"]} >= {"header.idempotency-key", "body.nonsense"}
    not_json = await flow.client.post(
        "/cases",
        content=b"matter_code=x",
        headers=filing({**flow.citizen(), "content-type": "application/x-www-form-urlencoded"}),
    )
    assert (not_json.status_code, not_json.json()["code"]) == (415, "unsupported_media_type")
    empty = await flow.client.post("/cases", headers=filing(flow.citizen()))
    assert empty.status_code == 422


async def test_a_key_reused_for_another_application_is_refused_and_shows_nothing(flow: Flow) -> None:
    """Outside try of issue 18: a key reused with another body was answered 200 with the earlier case — a
    clerk reusing a citizen's key got her case's summary, and his own filing was silently dropped."""
    await flow.open_matter()
    headers = {**flow.citizen(), "Idempotency-Key": "reuse-1"}
    first = await flow.client.post(
        "/cases", json={"matter_code": MATTER, "form": {"a": 1}}, headers=filing(headers)
    )
    assert first.status_code == 201
    changed = await flow.client.post(
        "/cases", json={"matter_code": MATTER, "form": {"a": 2}}, headers=filing(headers)
    )
    assert (changed.status_code, changed.json()["code"]) == (422, "idempotency_key_reused")
    assert first.json()["id"] not in changed.text
    assert first.json()["number"] not in changed.text
    same = await flow.client.post(
        "/cases", json={"matter_code": MATTER, "form": {"a": 1}}, headers=filing(headers)
    )
    assert (same.status_code, same.json()["id"]) == (200, first.json()["id"])


async def test_issue20_f12_filing_without_an_idempotency_key_is_refused_and_stores_nothing(
    flow: Flow,
) -> None:
    """Issue 20, failure 12: the key was optional, and a client that retried a filing without one filed twice.
    Now a filing without it is refused 400 (as the IETF Idempotency-Key draft asks) with what to do, in Chinese;
    the caller's right is still decided first, and nothing is stored."""
    await flow.open_matter()
    body = {"matter_code": MATTER, "form": {}}
    async with flow.database.sessions() as session:
        before = await session.scalar(text("SELECT count(*) FROM cases"))
    anonymous = await flow.client.post("/cases", json=body)
    assert anonymous.status_code == 401
    department = flow.staff("reviewer")
    assert (await flow.client.post("/cases", json=body, headers=department)).status_code == 403
    for headers in (flow.citizen(), flow.staff("window_clerk")):
        refused = await flow.client.post("/cases", json=body, headers=headers)
        assert refused.status_code == 400, refused.text
        assert refused.headers["content-type"] == "application/problem+json"
        problem = refused.json()
        assert problem["code"] == "idempotency_key_required"
        assert "Idempotency-Key" in problem["detail"]
        assert "重试" in problem["detail"]
        assert problem["errors"] == [
            {"field": "header.idempotency-key", "message": "缺少必填请求头", "type": "missing"}
        ]
    empty_key = await flow.client.post("/cases", json=body, headers={**flow.citizen(), "Idempotency-Key": ""})
    assert empty_key.status_code == 422
    async with flow.database.sessions() as session:
        assert await session.scalar(text("SELECT count(*) FROM cases")) == before


async def test_outside_try_a_case_number_carries_the_beijing_date_of_filing(
    flow: Flow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 19's outside try: a case filed at 01:27 Beijing time on 7 December was numbered …20261206… (the UTC
    date), while its decision and certificate were dated the 7th. The number's date is the legal date."""
    import cases.api.cases as api

    await flow.open_matter()
    await flow.open_bundle()
    monkeypatch.setattr(api, "_now", lambda: datetime(2026, 12, 6, 17, 27, tzinfo=UTC))
    single = await flow.client.post(
        "/cases", json={"matter_code": MATTER, "form": {}}, headers=filing(flow.citizen())
    )
    bundle = await flow.client.post(
        "/cases", json={"bundle_code": "500110-SCJGJ-KBCYD-YJS", "form": {}}, headers=filing(flow.citizen())
    )
    assert (single.status_code, bundle.status_code) == (201, 201), bundle.text
    for filed in (single.json(), bundle.json()):
        assert filed["number"][6:14] == "20261207", filed["number"]
