"""Issue 18, failure 12: a 201 names what it created (`Location`, relative to the request, so it resolves the same
through the gateway's /catalog prefix as here), and what it names is what the body says."""

from urllib.parse import urljoin

import httpx
import pytest

from meshkit.testing.tokens import TokenFactory

pytestmark = pytest.mark.api

DRAFT = {
    "code": "500110-MZJ-LOC-01",
    "name": "临时救助申请",
    "matter_type": "01",
    "department_code": "500110-MZJ",
    "statutory_days": 20,
    "promised_days": 10,
}


async def test_issue18_f12_created_matter_and_revision_name_their_location(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    headers = tokens.headers(scope="catalog:write catalog:publish catalog:admin")
    created = await client.post("/matters", json=DRAFT, headers=headers)
    assert created.status_code == 201, created.text
    location = created.headers["Location"]
    assert location == f"./matters/{DRAFT['code']}/versions/1"
    assert (
        urljoin("http://gw/catalog/matters", location)
        == f"http://gw/catalog/matters/{DRAFT['code']}/versions/1"
    )
    read = await client.get(urljoin(str(created.request.url), location), headers=headers)
    assert read.status_code == 200, read.text
    assert read.json()["id"] == created.json()["id"]

    matter_id = created.json()["id"]
    await client.post(f"/matter-versions/{matter_id}/submit", headers=headers)
    await client.post(f"/matter-versions/{matter_id}/publish", headers=headers)
    revised = await client.post(f"/matter-versions/{matter_id}/revise", headers=headers)
    assert revised.status_code == 201, revised.text
    again = await client.get(urljoin(str(revised.request.url), revised.headers["Location"]), headers=headers)
    assert (again.json()["version"], again.json()["status"]) == (2, "draft")


async def test_issue18_f12_old_version_paths_are_gone(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    """The renamed templates: `/matters/{matter_id}` no longer takes writes (the code's path only reads)."""
    headers = tokens.headers(scope="catalog:write catalog:publish catalog:admin")
    created = (await client.post("/matters", json=DRAFT, headers=headers)).json()
    old = await client.post(f"/matters/{created['id']}/submit", headers=headers)
    assert old.status_code in (404, 405)
    assert (await client.post(f"/matter-versions/{created['id']}/submit", headers=headers)).status_code == 200
