"""A small driver for case API tests: an open matter, tokens for each kind of caller, apply and act."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from cases.store.case_repositories import CalendarRepository
from cases.store.repositories import OpenBundleRepository, OpenMatterRepository
from meshkit.db import Database
from meshkit.testing import filing
from meshkit.testing.tokens import TokenFactory

MATTER = "500110-SCJGJ-SPJY-XK"
DEPT = "500110-SCJGJ"
BUNDLE = "500110-SCJGJ-KBCYD-YJS"
# A bundle across two departments: registration at market regulation, a fire-safety check at emergency management.
REGISTRATION = ("500110-SCJGJ-GTGSH-SL", "个体工商户设立登记", DEPT, "ZZ-YYZZ")
FIRE_CHECK = ("500110-YJJ-XFAQ-JC", "公众聚集场所投入使用前消防安全检查", "500110-YJJ", None)


class Flow:
    def __init__(self, client: httpx.AsyncClient, tokens: TokenFactory, database: Database) -> None:
        self.client, self.tokens, self.database = client, tokens, database

    async def open_matter(
        self,
        *,
        statutory: int = 20,
        promised: int = 10,
        level: int = 1,
        levels: tuple[str, ...] = ("district",),
        code: str = MATTER,
    ) -> None:
        async with self.database.sessions() as session, session.begin():
            await OpenMatterRepository(session).upsert_newer(
                {
                    "matter_id": f"m-{code}",
                    "code": code,
                    "version": 3,
                    "name": "食品经营许可",
                    "matter_type": "01",
                    "department_code": DEPT,
                    "statutory_days": statutory,
                    "promised_days": promised,
                    "min_real_name_level": level,
                    "levels": list(levels),
                }
            )
            # Deadlines must not depend on the day the suite runs: publish the next years as plain weeks.
            await CalendarRepository(session).seed(frozenset({2027, 2028}), [], source="test")

    async def open_bundle(self) -> None:
        """Two member matters of two departments in one 一件事, combined limit 15 working days."""
        async with self.database.sessions() as session, session.begin():
            for code, name, department, certificate in (REGISTRATION, FIRE_CHECK):
                await OpenMatterRepository(session).upsert_newer(
                    {
                        "matter_id": f"id-{code}",
                        "code": code,
                        "version": 1,
                        "name": name,
                        "matter_type": "01",
                        "department_code": department,
                        "statutory_days": 20,
                        "promised_days": 5,
                        "result_certificate_type": certificate,
                        "materials": [
                            {
                                "name": "申请人身份证明",
                                "requirement": "required",
                                "source": "government",
                                "certificate_type": "ZZ-JMSFZ",
                                "resource_code": "500110-GAJ-RK-001",
                                "data_items": ["姓名"],
                            }
                        ],
                    }
                )
            await OpenBundleRepository(session).upsert_newer(
                {
                    "bundle_id": "b-1",
                    "code": BUNDLE,
                    "version": 2,
                    "name": "开办餐饮店一件事",
                    "lead_department_code": DEPT,
                    "lead_department_name": "区市场监管局",
                    "members": [
                        {"code": c, "version": 1, "name": n, "department_code": d}
                        for c, n, d, _ in (REGISTRATION, FIRE_CHECK)
                    ],
                    "materials": [
                        {
                            "name": "申请人身份证明",
                            "requirement": "required",
                            "source": "government",
                            "resource_code": "500110-GAJ-RK-001",
                            "data_items": ["姓名"],
                            "asked_by": [REGISTRATION[0]],
                        },
                        {
                            "name": "营业执照",
                            "requirement": "required",
                            "source": "government",
                            "certificate_type": "ZZ-YYZZ",
                            "asked_by": [FIRE_CHECK[0]],
                            "produced_by": REGISTRATION[0],
                        },
                        {
                            "name": "经营场所平面布局图",
                            "requirement": "required",
                            "asked_by": [FIRE_CHECK[0]],
                        },
                    ],
                    "statutory_days": 20,
                    "statutory_unit": "working_day",
                    "promised_days": 15,
                    "promised_unit": "working_day",
                }
            )
            await CalendarRepository(session).seed(frozenset({2027, 2028}), [], source="test")

    def citizen(self, sub: str = "person-1") -> dict[str, str]:
        return self.tokens.headers(sub=sub, kind="person", acr="2")

    def staff(self, role: str, org: str = DEPT, region: str = "500110000000") -> dict[str, str]:
        return self.tokens.headers(sub=f"{role}@{org}", kind="staff", roles=[role], org=org, region=region)

    async def apply(self, headers: dict[str, str], **extra: Any) -> httpx.Response:
        body = {"matter_code": MATTER, "form": {"店名": "綦河小馆"}, **extra}
        return await self.client.post("/cases", json=body, headers=filing(headers))

    async def supply_paper(self, case_id: str, org: str = "500110-ZWFWZX") -> list[str]:
        """Record every material still missing as paper received at ``org``'s window; the codes recorded."""
        clerk = self.staff("window_clerk", org=org)
        listed = await self.client.get(f"/cases/{case_id}/materials", headers=clerk)
        assert listed.status_code == 200, listed.text
        missing = [m["material_code"] for m in listed.json()["materials"] if m["status"] == "missing"]
        for code in missing:
            recorded = await self.client.post(
                f"/cases/{case_id}/materials/{code}/paper", json={"note": "窗口收取"}, headers=clerk
            )
            assert recorded.status_code == 200, recorded.text
        return missing

    async def act(self, case_id: str, headers: dict[str, str], action: str, **extra: Any) -> httpx.Response:
        return await self.client.post(
            f"/cases/{case_id}/actions", json={"action": action, **extra}, headers=headers
        )


@pytest.fixture
def flow(client: httpx.AsyncClient, tokens: TokenFactory, database: Database) -> Flow:
    return Flow(client, tokens, database)
