"""The window receives on paper what a case still lacks, so that it can be accepted and granted (受理 and 准予许可
need every required material, and a 容缺 one before the grant: issue 19 outside try 1)."""

from __future__ import annotations

import httpx

__all__ = ["paper_for_missing"]


async def paper_for_missing(http: httpx.AsyncClient, case_id: str, clerk: dict[str, str]) -> list[str]:
    """Record every required or 容缺 material still missing as paper received at ``clerk``'s window; the names.
    A material the exchange obtained meanwhile is left as it is (409 ``material_obtained``)."""
    listed = await http.get(f"/cases/cases/{case_id}/materials", headers=clerk)
    assert listed.status_code == 200, listed.text
    recorded = []
    for material in listed.json()["materials"]:
        if material["status"] != "missing" or material["requirement"] == "optional":
            continue
        response = await http.post(
            f"/cases/cases/{case_id}/materials/{material['material_code']}/paper",
            headers=clerk,
            json={"note": "窗口收取纸质材料"},
        )
        if response.status_code == 409 and response.json()["code"] == "material_obtained":
            continue
        assert response.status_code == 200, response.text
        recorded.append(material["name"])
    return recorded
