"""Issue 20, failure 5: nothing counted reads per resource and outcome. Now every read of a known resource is
counted by its catalogue code and outcome on the exchange's /metrics — never by subject or caller."""

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from meshkit.db import Database

pytestmark = pytest.mark.api

SYSTEM = "exchange:read exchange:records:write exchange:resources:write exchange:sharing exchange:subscribe"
COMPANY = "92500110MA5U3G7K2T"
LEGAL = "500110-SCJGJ-FR-001"


async def _reads(client: httpx.AsyncClient) -> dict[tuple[str, str], float]:
    text = (await client.get("/metrics")).text
    return {
        (sample.labels["resource"], sample.labels["outcome"]): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
        if sample.name == "tongban_reads_total"
    }


async def test_failure5_reads_are_counted_per_resource_and_outcome(
    client: httpx.AsyncClient, demo: Database, headers
) -> None:  # type: ignore[no-untyped-def]
    """Issue 20, failure 5: no business metrics for reads per resource and outcome (a refusals spike went unseen)."""
    before = await _reads(client)
    read = {"identifier": COMPANY, "purpose": "开办餐饮店一件事 受理审查", "case_ref": "50011020261125000001"}
    system = headers.system("500110-RSJ", scope=SYSTEM)
    granted = await client.post(f"/resources/{LEGAL}/read", json=read, headers=system)
    refused = await client.post(f"/resources/{LEGAL}/read", json={**read, "case_ref": None}, headers=system)
    unknown = await client.post("/resources/500110-NO-SUCH-RESOURCE/read", json=read, headers=system)
    assert (granted.status_code, refused.status_code, unknown.status_code) == (200, 403, 404)
    after = await _reads(client)
    assert after.get((LEGAL, "granted"), 0) - before.get((LEGAL, "granted"), 0) == 1
    assert after.get((LEGAL, "refused"), 0) - before.get((LEGAL, "refused"), 0) == 1
    assert {resource for resource, _ in after} <= {resource for resource, _ in before} | {
        LEGAL
    }  # no typed codes
    assert COMPANY not in str(after)
