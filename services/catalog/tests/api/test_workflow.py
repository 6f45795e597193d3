"""Versions through the API: review, publish, overlap refusal, immutability, history, retirement, permissions."""

from typing import Any

import httpx
import pytest
from sqlalchemy import select

from catalog.store.models import OUTBOX
from meshkit.db import Database
from meshkit.testing.tokens import TokenFactory

pytestmark = pytest.mark.api

SYSTEM = "catalog:write catalog:publish catalog:admin"
BODY: dict[str, Any] = {
    "code": "500110-MZJ-GLJT",
    "name": "高龄津贴申领",
    "matter_type": "05",
    "department_code": "500110-MZJ",
    "department_name": "区民政局",
    "statutory_days": 20,
    "promised_days": 10,
    "levels": ["district", "town"],
    "audiences": ["1"],
    "valid_from": "2025-01-01",
    "materials": [
        {
            "name": "申请人身份证明",
            "source": "government",
            "certificate_type": "ZZ-JMSFZ",
            "resource_code": "500110-GAJ-RK-001",
            "data_items": ["姓名", "公民身份号码"],
            "paper_copies": 0,
        }
    ],
}


async def test_published_version_is_immutable(
    client: httpx.AsyncClient, tokens: TokenFactory, publish
) -> None:  # type: ignore[no-untyped-def]
    published = await publish(BODY)
    headers = tokens.headers(scope=SYSTEM)
    changed = await client.put(
        f"/matter-versions/{published['id']}", json={**BODY, "name": "改名"}, headers=headers
    )
    assert changed.status_code == 409
    assert changed.json()["code"] == "matter_immutable"
    assert (await client.get(f"/matters/{BODY['code']}")).json()["name"] == "高龄津贴申领"
    submit = await client.post(f"/matter-versions/{published['id']}/submit", headers=headers)
    assert submit.status_code == 409


async def test_versions_supersede_and_overlaps_are_refused(
    client: httpx.AsyncClient,
    tokens: TokenFactory,
    publish,  # type: ignore[no-untyped-def]
) -> None:
    first = await publish(BODY)
    assert (first["version"], first["valid_from"], first["valid_to"]) == (1, "2025-01-01", None)
    earlier = await publish({**BODY, "valid_from": "2024-06-01"}, expect=422)
    problem = earlier
    assert problem["code"] == "quality_rules_failed"
    assert [e["rule"] for e in problem["errors"]] == ["validity_overlap"]
    second = await publish({**BODY, "name": "高龄津贴申领（新）", "valid_from": "2025-07-01"})
    assert second["version"] == 3
    history = (await client.get(f"/matters/{BODY['code']}/history")).json()
    periods = {v["version"]: (v["valid_from"], v["valid_to"], v["status"]) for v in history["versions"]}
    assert periods[1] == ("2025-01-01", "2025-07-01", "published")  # closed by its successor
    assert periods[3] == ("2025-07-01", None, "published")
    assert 2 not in periods  # the refused version is still in review: not public
    actions = [(e["version"], e["action"]) for e in history["entries"]]
    assert actions == [
        (1, "created"),
        (1, "submitted"),
        (1, "published"),
        (3, "created"),
        (3, "submitted"),
        (1, "superseded"),
        (3, "published"),
    ]
    insider = (
        await client.get(f"/matters/{BODY['code']}/history", headers=tokens.headers(scope=SYSTEM))
    ).json()
    assert [v["version"] for v in insider["versions"]] == [1, 2, 3]
    assert (await client.get(f"/matters/{BODY['code']}")).json()["version"] == 3
    old = await client.get(f"/matters/{BODY['code']}/versions/1")
    assert old.json()["name"] == "高龄津贴申领"


async def test_closed_periods_collide(client: httpx.AsyncClient, publish) -> None:  # type: ignore[no-untyped-def]
    await publish({**BODY, "valid_to": "2026-01-01"})
    refused = await publish({**BODY, "valid_from": "2025-12-01"}, expect=422)
    assert "第 1 版" in refused["errors"][0]["message"]
    await publish({**BODY, "valid_from": "2026-01-01"})


async def test_review_can_return_a_version(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    headers = tokens.headers(scope=SYSTEM)
    matter = (await client.post("/matters", json=BODY, headers=headers)).json()
    await client.post(f"/matter-versions/{matter['id']}/submit", headers=headers)
    returned = await client.post(
        f"/matter-versions/{matter['id']}/return", json={"note": "请补充设定依据"}, headers=headers
    )
    assert returned.json()["status"] == "draft"
    fixed = await client.put(
        f"/matter-versions/{matter['id']}",
        json={**BODY, "legal_basis": "《重庆市高龄津贴办法》"},
        headers=headers,
    )
    assert fixed.status_code == 200, fixed.text
    assert fixed.json()["legal_basis"] == "《重庆市高龄津贴办法》"
    assert fixed.json()["materials"][0]["data_items"] == ["姓名", "公民身份号码"]
    history = (await client.get(f"/matters/{BODY['code']}/history", headers=headers)).json()
    assert [e["note"] for e in history["entries"] if e["action"] == "returned"] == ["请补充设定依据"]


async def test_retire_keeps_history_and_announces(
    client: httpx.AsyncClient,
    tokens: TokenFactory,
    database: Database,
    publish,  # type: ignore[no-untyped-def]
) -> None:
    published = await publish(BODY)
    retired = await client.post(
        f"/matter-versions/{published['id']}/retire",
        json={"note": "政策调整"},
        headers=tokens.headers(scope=SYSTEM),
    )
    assert retired.json()["status"] == "retired", retired.text
    assert (await client.get(f"/matters/{BODY['code']}")).status_code == 404
    assert (await client.get(f"/matters/{BODY['code']}/versions/1")).json()["status"] == "retired"
    assert (await client.get("/search", params={"q": "高龄津贴"})).json()["total"] == 0
    async with database.sessions() as session:
        types = [
            e["type"]
            for e in (await session.scalars(select(OUTBOX.c.envelope).order_by(OUTBOX.c.position))).all()
        ]
    assert types == ["catalog.matter_published.v1", "catalog.matter_retired.v1"]


async def test_revise_copies_into_a_new_draft(
    client: httpx.AsyncClient,
    tokens: TokenFactory,
    publish,  # type: ignore[no-untyped-def]
) -> None:
    published = await publish(BODY)
    draft = await client.post(
        f"/matter-versions/{published['id']}/revise", headers=tokens.headers(scope=SYSTEM)
    )
    assert draft.status_code == 201
    assert (draft.json()["version"], draft.json()["status"], draft.json()["valid_from"]) == (2, "draft", None)
    assert draft.json()["materials"] == published["materials"]


async def test_department_editors_and_reviewers_by_role(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    def staff(*roles: str, org: str = "500110-MZJ") -> dict[str, str]:
        return tokens.headers(kind="staff", roles=list(roles), org=org)

    other = await client.post("/matters", json=BODY, headers=staff("catalog_editor", org="500110-GAJ"))
    assert other.status_code == 403
    assert other.json()["code"] == "wrong_department"
    created = await client.post("/matters", json=BODY, headers=staff("catalog_editor"))
    assert created.status_code == 201, created.text
    matter_id = created.json()["id"]
    assert (await client.get(f"/matters/{BODY['code']}/versions/1")).status_code == 404  # not public yet
    assert (
        await client.get(f"/matters/{BODY['code']}/versions/1", headers=staff("catalog_editor"))
    ).status_code == 200
    assert (
        await client.post(f"/matter-versions/{matter_id}/submit", headers=staff("catalog_editor"))
    ).status_code == 200
    editor_publish = await client.post(
        f"/matter-versions/{matter_id}/publish", headers=staff("catalog_editor")
    )
    assert editor_publish.status_code == 403
    reviewer = staff("catalog_reviewer", org="500110-ZFBGS")
    assert (await client.post(f"/matter-versions/{matter_id}/publish", headers=reviewer)).status_code == 200


async def test_quality_problem_lists_every_violation(
    client: httpx.AsyncClient,
    publish,  # type: ignore[no-untyped-def]
) -> None:
    bad = {
        **BODY,
        "promised_days": 30,
        "case_kind": "1",
        "visits": 1,
        "fee": True,
        "full_online": True,
        "consult_phone": "023-48660000",
        "complaint_phone": "023-48660000",
    }
    problem = await publish(bad, expect=422)
    assert {e["rule"] for e in problem["errors"]} == {
        "promised_exceeds_statutory",
        "immediate_needs_zero_promise",
        "visits_need_reason",
        "fee_needs_basis",
        "full_online_needs_zero_visits",
        "phones_must_differ",
    }
    assert problem["detail"] == "事项不符合发布规则，共 6 处"
