"""The catalog read model: matters with their materials and paper-free ways, bundles, retirement, in any order."""

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import select

from cases.consumers.bundle_published import on_bundle_published
from cases.consumers.bundle_retired import on_bundle_retired
from cases.consumers.matter_published import on_matter_published
from cases.consumers.matter_retired import on_matter_retired
from cases.store.models import OpenBundle, OpenMatter
from meshkit.db import Database
from meshkit.events import CloudEvent

pytestmark = pytest.mark.integration

# As the catalog publishes them (contracts/events/catalog.*.schema.json examples, abridged)
MATTER: dict[str, Any] = {
    "matter_id": "m-1",
    "code": "500110-SCJGJ-SPJY-XK",
    "version": 1,
    "name": "食品经营许可",
    "matter_type": "01",
    "department_code": "500110-SCJGJ",
    "statutory_days": 20,
    "promised_days": 10,
    "department_name": "区市场监管局",
    "levels": ["district"],
    "statutory_unit": "working_day",
    "promised_unit": "working_day",
    "case_kind": "2",
    "visits": 0,
    "valid_from": "2025-01-01",
    "valid_to": None,
    "unknown_later_field": True,
    "materials": [
        {
            "name": "营业执照",
            "requirement": "required",
            "certificate_type": "ZZ-YYZZ",
            "resource_code": "500110-SCJGJ-FR-001",
            "data_items": ["统一社会信用代码", "名称"],
        }
    ],
}
BUNDLE: dict[str, Any] = {
    "bundle_id": "b-1",
    "code": "500110-SCJGJ-KBCYD-YJS",
    "version": 1,
    "name": "开办餐饮店一件事",
    "lead_department_code": "500110-SCJGJ",
    "members": [
        {
            "code": "500110-SCJGJ-GTGSH-SL",
            "version": 1,
            "name": "个体工商户设立登记",
            "department_code": "500110-SCJGJ",
        },
        {
            "code": "500110-SCJGJ-SPJY-XK",
            "version": 1,
            "name": "食品经营许可",
            "department_code": "500110-SCJGJ",
        },
    ],
    "materials": [
        {"name": "经营者身份证明", "certificate_type": "ZZ-JMSFZ", "asked_by": ["500110-SCJGJ-GTGSH-SL"]},
        {"name": "营业执照", "certificate_type": "ZZ-YYZZ", "produced_by": "500110-SCJGJ-GTGSH-SL"},
    ],
    "statutory_days": 20,
    "promised_days": 10,
}


def event(subject: str, data: dict[str, Any], n: int = 1) -> CloudEvent:
    return CloudEvent(
        id=f"{subject}-{n}",
        source="/tongban/catalog",
        type=subject,
        subject=data["code"],
        time=datetime.now(UTC),
        sequence=data["version"],
        data=data,
    )


async def apply(database: Database, handler: Any, *events: CloudEvent) -> None:
    for one in events:
        async with database.sessions() as session, session.begin():
            await handler(session, one)


async def test_matter_carries_what_cases_need(database: Database) -> None:
    await apply(database, on_matter_published, event("catalog.matter_published.v1", MATTER))
    async with database.sessions() as session:
        matter = (await session.scalars(select(OpenMatter))).one()
    assert (matter.department_name, matter.levels, matter.promised_unit, matter.case_kind) == (
        "区市场监管局",
        ["district"],
        "working_day",
        "2",
    )
    licence = matter.materials[0]
    assert (licence["certificate_type"], licence["resource_code"]) == ("ZZ-YYZZ", "500110-SCJGJ-FR-001")
    assert licence["data_items"] == ["统一社会信用代码", "名称"]
    assert matter.valid_from is not None


async def test_retired_matter_closes_unless_newer(database: Database) -> None:
    v1 = {**MATTER, "code": "M-9", "version": 1}
    v2 = {**v1, "version": 2, "name": "新版"}
    await apply(database, on_matter_published, event("catalog.matter_published.v1", v2, 2))
    await apply(
        database, on_matter_retired, event("catalog.matter_retired.v1", {"code": "M-9", "version": 1})
    )
    async with database.sessions() as session:
        assert (await session.get(OpenMatter, "M-9")) is not None  # version 2 is newer than the retired one
    await apply(
        database, on_matter_retired, event("catalog.matter_retired.v1", {"code": "M-9", "version": 2}, 2)
    )
    async with database.sessions() as session:
        assert (await session.get(OpenMatter, "M-9")) is None


async def test_bundles_arrive_and_leave(database: Database) -> None:
    published = event("catalog.bundle_published.v1", BUNDLE)
    await apply(database, on_bundle_published, published)
    code = BUNDLE["code"]
    async with database.sessions() as session:
        bundle = await session.get(OpenBundle, code)
        assert bundle is not None
        assert [m["department_code"] for m in bundle.members] == ["500110-SCJGJ", "500110-SCJGJ"]
        assert [m["produced_by"] for m in bundle.materials] == [None, "500110-SCJGJ-GTGSH-SL"]
        assert (bundle.promised_days, bundle.lead_department_code) == (10, "500110-SCJGJ")
    await apply(database, on_bundle_retired, event("catalog.bundle_retired.v1", {"code": code, "version": 1}))
    async with database.sessions() as session:
        assert await session.get(OpenBundle, code) is None
