"""The basis the exchange checks reads against (GET /case-bases/{number}): systems with scope cases:basis only."""

from __future__ import annotations

from typing import Any as Flow  # the `flow` fixture of conftest.py (test modules cannot import it)

import pytest

DEPT = "500110-SCJGJ"

pytestmark = pytest.mark.api


async def test_case_basis_names_the_organizations_and_the_applicant(flow: Flow) -> None:
    await flow.open_matter()
    case = (await flow.apply(flow.citizen("person-7"))).json()
    exchange = flow.tokens.headers(
        sub="tongban-exchange", kind="system", scope="cases:basis", org="500110-ZWFWZX"
    )
    response = await flow.client.get(f"/case-bases/{case['number']}", headers=exchange)
    assert response.status_code == 200, response.text
    basis = response.json()
    assert basis["case_id"] == case["id"]
    assert basis["applicant_kind"] == "person"
    assert basis["applicant_id"] == "person-7"
    assert DEPT in basis["orgs"]
    assert basis["concluded_at"] is None


async def test_case_basis_refused_without_the_scope(flow: Flow) -> None:
    await flow.open_matter()
    case = (await flow.apply(flow.citizen())).json()
    for headers in (
        flow.tokens.headers(sub="sys", kind="system", scope="exchange:read", org=DEPT),
        flow.staff("reviewer"),
        flow.citizen(),
    ):
        response = await flow.client.get(f"/case-bases/{case['number']}", headers=headers)
        assert response.status_code == 403
        assert response.json()["code"] == "not_permitted"


async def test_case_basis_of_an_unknown_number_is_404(flow: Flow) -> None:
    exchange = flow.tokens.headers(sub="tongban-exchange", kind="system", scope="cases:basis")
    response = await flow.client.get("/case-bases/NO-SUCH-CASE", headers=exchange)
    assert response.status_code == 404
    assert response.json()["code"] == "case_not_found"
