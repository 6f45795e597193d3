"""The read model keeps the newest version per matter, whatever order events arrive in."""

from datetime import UTC, datetime

import httpx
import pytest

from cases.consumers.matter_published import on_matter_published
from meshkit.db import Database
from meshkit.events import CloudEvent

pytestmark = pytest.mark.integration


def published(version: int, name: str) -> CloudEvent:
    return CloudEvent(
        id=f"evt-{version}",
        source="/tongban/catalog",
        type="catalog.matter_published.v1",
        subject="M-1",
        time=datetime.now(UTC),
        sequence=version,
        data={
            "matter_id": f"id-{version}",
            "code": "M-1",
            "version": version,
            "name": name,
            "matter_type": "01",
            "department_code": "500110-SCJGJ",
            "statutory_days": 20,
            "promised_days": 10,
            "future_field": 1,
        },
    )


async def test_newest_version_wins_in_any_order(database: Database, client: httpx.AsyncClient) -> None:
    for event in (published(2, "新名称"), published(1, "旧名称")):
        async with database.sessions() as session, session.begin():
            await on_matter_published(session, event)
    response = await client.get("/open-matters/M-1")
    assert response.status_code == 200
    assert response.json()["version"] == 2
    assert response.json()["name"] == "新名称"
    assert (await client.get("/open-matters")).json()["total"] == 1


async def test_unknown_matter_is_problem_json(client: httpx.AsyncClient) -> None:
    response = await client.get("/open-matters/NOPE")
    assert response.status_code == 404
    assert response.json()["code"] == "matter_not_open"


async def test_a_government_held_material_keeps_its_source(database: Database) -> None:
    """Issue 19 failure 11: a government-held material showed `source: applicant` on the case — the read model
    dropped the catalog's `source`."""
    from cases.domain.materials import plan_materials
    from cases.store.models import OpenMatter

    event = published(1, "食品经营许可")
    event.data["materials"] = [
        {"name": "营业执照", "source": "government", "certificate_type": "GB-YYZZ"},
        {"name": "书面申请书"},
    ]
    async with database.sessions() as session, session.begin():
        await on_matter_published(session, event)
    async with database.sessions() as session:
        matter = await session.get(OpenMatter, "M-1")
        assert matter is not None
        plans = plan_materials(matter.materials)
    assert [(p.name, p.source) for p in plans] == [("营业执照", "government"), ("书面申请书", "applicant")]
