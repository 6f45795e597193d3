"""Issue 18, failure 12, on the running mesh: the gateway serves the committed combined document, a 201's
`Location` resolves through the gateway's prefix, and a service's problem `type` leads to its catalogue page."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin

import httpx
import pytest

from identity.demo import DEMO_CLIENT_SECRET
from meshkit.testing import eventually

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]


async def test_issue18_f12_gateway_serves_the_committed_combined_document(http: httpx.AsyncClient) -> None:
    committed = json.loads((ROOT / "contracts" / "openapi" / "tongban.json").read_text())

    async def complete() -> None:
        served = (await http.get("/openapi.json")).json()
        assert "x-unavailable" not in served, served.get("x-unavailable")
        assert served == committed

    await eventually(complete, timeout=20)


async def test_issue18_f12_location_of_a_201_resolves_through_the_gateway(http: httpx.AsyncClient) -> None:
    token = await http.post(
        "/identity/token",
        data={"grant_type": "client_credentials"},
        auth=("catalog-editor", DEMO_CLIENT_SECRET),
    )
    headers = {"Authorization": f"Bearer {token.json()['access_token']}"}
    draft = {
        "code": "500110-SCJGJ-E2E-LOC",
        "name": "托育机构备案",
        "matter_type": "20",
        "department_code": "500110-SCJGJ",
        "statutory_days": 10,
        "promised_days": 5,
    }
    created = await http.post("/catalog/matters", json=draft, headers=headers)
    assert created.status_code == 201, created.text
    target = urljoin(str(created.request.url), created.headers["Location"])
    assert target.endswith("/catalog/matters/500110-SCJGJ-E2E-LOC/versions/1")
    read = await http.get(target, headers=headers)
    assert read.status_code == 200, read.text
    assert read.json()["id"] == created.json()["id"]


async def test_issue18_f12_a_services_problem_type_leads_to_its_page(
    http: httpx.AsyncClient, gateway_url: str
) -> None:
    missing = await http.get("/catalog/matters/500110-NO-SUCH-MATTER")
    assert missing.status_code == 404
    problem = missing.json()
    assert (
        problem["type"] == f"{gateway_url}/problems/{problem['code']}"
    )  # the mesh's public URL, not a dead host
    page = await http.get(problem["type"])
    assert page.status_code == 200
    assert f"<code>{problem['code']}</code>" in page.text
