"""Review finding (issue 19): listing the access log's checkpoints said "operators and auditors" while only the hub's
operators may. What the route answers, its refusal and its documentation now say the same."""

import httpx
import pytest

from meshkit.db import Database

pytestmark = pytest.mark.api


async def test_issue19_review_checkpoints_are_listed_by_operators_only_and_say_so(
    client: httpx.AsyncClient, demo: Database, headers
) -> None:  # type: ignore[no-untyped-def]
    assert (await client.get("/access-log/checkpoints", headers=headers.operator())).status_code == 200
    for caller in (
        headers.staff("500110-ZFBGS", "auditor"),
        headers.system("500110-ZFBGS", scope="exchange:audit"),
    ):
        refused = await client.get("/access-log/checkpoints", headers=caller)
        assert refused.status_code == 403
        assert "审计" not in refused.json()["detail"] or "运维" in refused.json()["detail"]
    # the auditor's way to the last checkpoint, as the description says
    report = await client.get("/access-log/chain", headers=headers.staff("500110-ZFBGS", "auditor"))
    assert report.status_code == 200
    assert "last_checkpoint" in report.json()

    operation = (await client.get("/openapi.json")).json()["paths"]["/access-log/checkpoints"]["get"]
    assert "operators only" in operation["description"]
    assert "auditors)" not in operation["description"]
    assert "auditors:" not in operation["description"]
