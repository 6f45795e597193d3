"""The demo catalog: size and spread as the brief asks, loaded idempotently."""

import httpx
import pytest

from catalog.demo import MATTERS, load
from meshkit.db import Database

pytestmark = pytest.mark.api


def test_demo_catalog_spread() -> None:
    assert len(MATTERS) >= 120
    assert len({m.code for m in MATTERS}) == len(MATTERS)
    assert len({m.department_code for m in MATTERS}) >= 20
    assert {m.matter_type for m in MATTERS} == {
        "01",
        "02",
        "03",
        "04",
        "05",
        "06",
        "07",
        "08",
        "09",
        "10",
        "20",
    }
    assert any("town" in m.levels for m in MATTERS)
    assert sum(1 for m in MATTERS if m.visits == 0 and m.full_online) >= 5
    assert {"500110-SCJGJ-GTGSH-SL", "500110-SCJGJ-SPJY-XK"} <= {m.code for m in MATTERS}


async def test_demo_is_published_and_idempotent(demo_client: httpx.AsyncClient, demo_engine: object) -> None:
    bundles = (await demo_client.get("/bundles")).json()
    assert len(bundles) >= 3
    restaurant = next(b for b in bundles if b["name"] == "开办餐饮店一件事")
    assert restaurant["member_codes"] == ["500110-SCJGJ-GTGSH-SL", "500110-SCJGJ-SPJY-XK"]
    assert restaurant["lead_department_name"] == "区市场监管局"
    assert (await demo_client.get("/matters", params={"limit": 1})).json()["total"] == len(MATTERS)


async def test_loading_twice_changes_nothing(database: Database) -> None:
    first = await load(database)
    assert (first.matters, first.bundles) == (len(MATTERS), 4)
    again = await load(database)
    assert (again.matters, again.bundles, again.synonyms) == (0, 0, 0)
