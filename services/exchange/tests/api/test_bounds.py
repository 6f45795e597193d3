"""issue 18 failure 4: integers beyond the columns they are compared with are a 422 problem, never a 500
(``offset=9223372036854775808`` overflowed in PostgreSQL on the access log and the share requests)."""

import httpx
import pytest

from meshkit.db import Database

pytestmark = pytest.mark.api

HUGE = "9223372036854775808"  # 2**63: one past BIGINT


@pytest.mark.parametrize("value", [HUGE, "100001", "-1"])
async def test_issue_18_failure_4_offsets_and_cursors_beyond_their_bounds_are_refused(
    client: httpx.AsyncClient, demo: Database, headers, value: str
) -> None:  # type: ignore[no-untyped-def]
    operator = headers.staff("500110-ZFBGS", "operator")  # who may list checkpoints (403 comes before 422)
    attempts = [
        ("/access-log/mine", {"offset": value}, headers.person("person-chen")),
        ("/access-log/hidden", {"offset": value}, headers.staff("500110-ZFBGS", "auditor")),
        ("/share-requests", {"offset": value}, headers.system("500110-SCJGJ", scope="exchange:sharing")),
    ]
    if value != "100001":  # the checkpoint cursor is a BIGINT, compared as one
        attempts.append(("/access-log/checkpoints", {"after": value}, operator))
    for path, params, who in attempts:
        response = await client.get(path, params=params, headers=who)
        assert response.status_code == 422, f"{path} {response.text}"
        assert response.headers["content-type"].startswith("application/problem+json")
        assert response.json()["code"] == "validation_failed"


async def test_issue_18_failure_4_a_pushed_record_version_beyond_bigint_is_refused(
    client: httpx.AsyncClient, demo: Database, headers
) -> None:  # type: ignore[no-untyped-def]
    response = await client.put(
        "/resources/500110-GAJ-RK-001/records",
        json={"records": [{"identifier": "500222199803070028", "version": 2**63, "data": {}}]},
        headers=headers.system("500110-GAJ", scope="exchange:records:write"),
    )
    assert response.status_code == 422, response.text
    assert response.json()["code"] == "validation_failed"
