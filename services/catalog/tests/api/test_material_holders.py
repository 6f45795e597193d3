"""Whose a material is (材料所属, issue 19 outside try 3): a matter's material belongs to the matter's subject
(办理对象, the default) or to the applicant (申请人) — in a case about a newborn the mother's own ID card is hers.
The catalog keeps it, shows it, publishes it in ``catalog.matter_published.v1`` and in a bundle's merged
materials, imports and exports it; the demo's 出生登记 and 出生医学证明签发 mark the parents' papers."""

from __future__ import annotations

import copy
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from catalog.demo import MATTERS
from catalog.demo.bundles import BUNDLES
from catalog.domain.bundles import merge_materials
from catalog.store.models import OUTBOX
from meshkit.db import Database
from meshkit.testing.tokens import TokenFactory

pytestmark = pytest.mark.api

SYSTEM = "catalog:write catalog:publish catalog:admin"
BIRTH_REGISTRATION: dict[str, Any] = {
    "code": "500110-GAJ-HJ-CS-T",
    "name": "出生登记",
    "matter_type": "07",
    "department_code": "500110-GAJ",
    "department_name": "区公安局",
    "statutory_days": 20,
    "promised_days": 5,
    "valid_from": "2025-01-01",
    "materials": [
        {"name": "出生医学证明", "source": "government", "certificate_type": "ZZ-CSYXZM", "paper_copies": 0},
        {
            "name": "母亲身份证明",
            "source": "government",
            "certificate_type": "ZZ-JMSFZ",
            "resource_code": "500110-GAJ-RK-001",
            "data_items": ["姓名", "公民身份号码"],
            "paper_copies": 0,
            "belongs_to": "applicant",
        },
    ],
}


async def test_outside_try_3_a_material_says_whose_it_is_and_the_event_carries_it(
    client: httpx.AsyncClient,
    database: Database,
    publish,  # type: ignore[no-untyped-def]
) -> None:
    """issue 19 outside try: 3 — a matter's material could not say whose it is, so a newborn's case looked the
    mother's ID card up for the baby. ``belongs_to`` (subject by default, or applicant) is kept, shown and sent to
    the cases service in ``catalog.matter_published.v1``."""
    published = await publish(BIRTH_REGISTRATION)
    assert [m["belongs_to"] for m in published["materials"]] == ["subject", "applicant"]
    shown = (await client.get(f"/matters/{BIRTH_REGISTRATION['code']}")).json()
    assert [m["belongs_to"] for m in shown["materials"]] == ["subject", "applicant"]
    async with database.sessions() as session:
        [event] = (
            await session.scalars(
                select(OUTBOX.c.envelope).where(OUTBOX.c.subject == "catalog.matter_published.v1")
            )
        ).all()
    assert [(m["name"], m["belongs_to"]) for m in event["data"]["materials"]] == [
        ("出生医学证明", "subject"),
        ("母亲身份证明", "applicant"),
    ]


async def test_outside_try_3_an_unknown_holder_is_refused_in_chinese(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    """issue 19 outside try: 3 — only subject (办理对象) or applicant (申请人): anything else is a 422 problem."""
    body = copy.deepcopy(BIRTH_REGISTRATION)
    body["materials"][1]["belongs_to"] = "mother"
    refused = await client.post("/matters", json=body, headers=tokens.headers(scope=SYSTEM))
    assert refused.status_code == 422, refused.text
    assert refused.headers["content-type"] == "application/problem+json"
    assert "belongs_to" in refused.text


def test_outside_try_3_demo_newborn_matters_mark_the_parents_papers() -> None:
    """issue 19 outside try: 3 — in the demo 出生登记 and 出生医学证明签发 the parents' own papers are the
    applicant's and the 出生医学证明 the child's; in 新生儿出生一件事 the mother's 户口簿 and the child's (which
    出生登记 produces) are two materials, not one."""
    by_name = {m.name: m for m in MATTERS}
    holders = {m.name: m.belongs_to for m in by_name["出生登记"].materials}
    assert holders == {
        "出生医学证明": "subject",
        "父母（申请人）居民户口簿": "applicant",
        "父母结婚证": "applicant",
    }
    assert {m.belongs_to for m in by_name["出生医学证明签发"].materials} == {"applicant"}
    newborn = next(b for b in BUNDLES if b.name == "新生儿出生一件事")
    members = [next(m for m in MATTERS if m.code == code) for code in newborn.member_codes]
    merged = {(x.material.name, x.material.belongs_to): x for x in merge_materials(members)}
    assert merged[("父母（申请人）居民户口簿", "applicant")].produced_by is None  # hers: asked from her
    assert (
        merged[("居民户口簿", "subject")].produced_by == "500110-GAJ-HJ-CS"
    )  # the child's: 出生登记's result
    assert merged[("出生医学证明", "subject")].produced_by == "500110-WSJKW-CSYXZM"


async def test_outside_try_3_the_sheet_column_says_whose_and_export_writes_it(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    """issue 19 outside try: 3 — a district's sheet says whose each material is in a 材料所属 column (申请人 /
    办理对象, or words such as 申请人本人); a value outside the list names the column; the export writes it."""
    header = (
        "实施编码,事项名称,事项类型,实施主体编码,实施主体,法定时限,承诺时限,材料名称,电子证照类型,材料所属"
    )
    rows = [
        header,
        "500110-GAJ-HJ-CS,出生登记,行政确认,500110-GAJ,区公安局,20,5,出生医学证明,出生医学证明,办理对象",
        "500110-GAJ-HJ-CS,出生登记,行政确认,500110-GAJ,区公安局,20,5,母亲身份证明,居民身份证,申请人本人",
        "500110-GAJ-HJ-CS,出生登记,行政确认,500110-GAJ,区公安局,20,5,父母结婚证,结婚证,申请人",
    ]
    headers = {**tokens.headers(scope=SYSTEM), "content-type": "text/csv"}
    report = (
        await client.post(
            "/imports", params={"publish": "true"}, content="\r\n".join(rows).encode(), headers=headers
        )
    ).json()
    assert report["errors"] == [], report
    matter = (await client.get("/matters/500110-GAJ-HJ-CS")).json()
    assert [m["belongs_to"] for m in matter["materials"]] == ["subject", "applicant", "applicant"]
    exported = await client.get("/exports", params={"format": "csv"})
    assert exported.status_code == 200, exported.text
    lines = exported.text.splitlines()
    assert lines[0].split(",")[-1] == "材料所属"
    assert [line.split(",")[-1] for line in lines[1:]] == ["办理对象", "申请人", "申请人"]

    wrong = [header, rows[1].replace("办理对象", "母亲")]
    refused = (await client.post("/imports", content="\r\n".join(wrong).encode(), headers=headers)).json()
    assert [e["column"] for e in refused["errors"]] == ["材料所属"]
