import httpx
import pytest

from exchange.demo import load
from meshkit.db import Database

pytestmark = pytest.mark.api


async def test_directory_lists_base_resources(client: httpx.AsyncClient, database: Database) -> None:
    await load(database)
    await load(database)  # idempotent
    resources = (await client.get("/resources")).json()
    assert {r["name"] for r in resources} == {"人口基础信息", "法人基础信息", "电子证照"}
    population = (await client.get("/resources", params={"provider": "500110-GAJ"})).json()
    assert [r["sharing_type"] for r in population] == ["unconditional"]
    one = await client.get("/resources/500110-GAJ-RK-001")
    assert one.json()["items"][0]["name"] == "姓名"


async def test_unknown_resource_is_problem_json(client: httpx.AsyncClient) -> None:
    response = await client.get("/resources/none")
    assert response.status_code == 404
    assert response.json()["code"] == "resource_not_found"
