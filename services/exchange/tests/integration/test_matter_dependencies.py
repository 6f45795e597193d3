"""The exchange learns from catalog events which resources and e-certificates the matters depend on."""

from datetime import UTC, datetime
from typing import Any

import pytest

from exchange.consumers.matter_published import on_matter_published
from exchange.consumers.matter_retired import on_matter_retired
from exchange.store.dependencies import MatterDependencyRepository
from meshkit.db import Database
from meshkit.events import CloudEvent

pytestmark = pytest.mark.integration

POPULATION = "500110-GAJ-RK-001"
MATTER: dict[str, Any] = {
    "matter_id": "m-1",
    "code": "500110-MZJ-DB-SQ",
    "version": 1,
    "name": "最低生活保障审核确认",
    "matter_type": "05",
    "department_code": "500110-MZJ",
    "statutory_days": 30,
    "promised_days": 20,
    "materials": [
        {
            "name": "申请人身份证明",
            "certificate_type": "ZZ-JMSFZ",
            "resource_code": POPULATION,
            "data_items": ["姓名", "公民身份号码"],
        },
        {"name": "居民户口簿", "resource_code": POPULATION, "data_items": ["户籍地址"]},
        {"name": "家庭收入及财产状况说明"},
    ],
}


def event(subject: str, data: dict[str, Any], n: int = 1) -> CloudEvent:
    return CloudEvent(
        id=f"{subject}-{data['code']}-{n}",
        source="/tongban/catalog",
        type=subject,
        subject=data["code"],
        time=datetime.now(UTC),
        sequence=data["version"],
        data=data,
    )


async def dependents(database: Database, **query: str) -> list[tuple[str, int, str]]:
    async with database.sessions() as session:
        found = await MatterDependencyRepository(session).dependents(**query)
        return [(d.matter_code, d.matter_version, d.material_name) for d in found]


async def handle(database: Database, handler: Any, one: CloudEvent) -> None:
    async with database.sessions() as session, session.begin():
        await handler(session, one)


async def test_resources_a_matter_depends_on(database: Database) -> None:
    await handle(database, on_matter_published, event("catalog.matter_published.v1", MATTER))
    assert await dependents(database, resource_code=POPULATION) == [
        ("500110-MZJ-DB-SQ", 1, "申请人身份证明"),
        ("500110-MZJ-DB-SQ", 1, "居民户口簿"),
    ]
    assert await dependents(database, certificate_type="ZZ-JMSFZ") == [
        ("500110-MZJ-DB-SQ", 1, "申请人身份证明")
    ]


async def test_newer_versions_replace_and_older_ones_are_ignored(database: Database) -> None:
    v2 = {**MATTER, "version": 2, "materials": MATTER["materials"][:1]}
    await handle(database, on_matter_published, event("catalog.matter_published.v1", v2, 2))
    await handle(database, on_matter_published, event("catalog.matter_published.v1", MATTER, 1))
    assert await dependents(database, resource_code=POPULATION) == [("500110-MZJ-DB-SQ", 2, "申请人身份证明")]


async def test_retired_matters_depend_on_nothing(database: Database) -> None:
    await handle(database, on_matter_published, event("catalog.matter_published.v1", MATTER))
    await handle(
        database,
        on_matter_retired,
        event("catalog.matter_retired.v1", {"code": MATTER["code"], "version": 1}),
    )
    assert await dependents(database, resource_code=POPULATION) == []
    late = event("catalog.matter_published.v1", MATTER, 9)  # a late copy of the retired version
    await handle(database, on_matter_published, late)
    assert await dependents(database, resource_code=POPULATION) == []


async def test_a_type_the_directory_lacks_is_logged(
    database: Database, caplog: pytest.LogCaptureFixture
) -> None:
    matter = {**MATTER, "result_certificate_type": "ZZ-ZDSHBZZ"}
    with caplog.at_level("WARNING", logger="exchange.catalog"):
        await handle(database, on_matter_published, event("catalog.matter_published.v1", matter))
    warned = [
        (r.matter_code, r.certificate_type)
        for r in caplog.records  # type: ignore[attr-defined]
        if r.name == "exchange.catalog"
    ]
    assert warned == [("500110-MZJ-DB-SQ", "ZZ-JMSFZ"), ("500110-MZJ-DB-SQ", "ZZ-ZDSHBZZ")]
    caplog.clear()
    with caplog.at_level("WARNING", logger="exchange.catalog"):  # a known type, and an older copy: nothing
        known = {
            **MATTER,
            "version": 2,
            "result_certificate_type": "ZZ-YYZZ",
            "materials": MATTER["materials"][1:],
        }
        await handle(database, on_matter_published, event("catalog.matter_published.v1", known, 2))
        await handle(database, on_matter_published, event("catalog.matter_published.v1", matter, 3))
    assert [r for r in caplog.records if r.name == "exchange.catalog"] == []
