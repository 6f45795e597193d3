"""A small driver for case API tests: an open matter, tokens for each kind of caller, apply and act."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from cases.store.case_repositories import CalendarRepository
from cases.store.repositories import OpenMatterRepository
from meshkit.db import Database
from meshkit.testing.tokens import TokenFactory

MATTER = "500110-SCJGJ-SPJY-XK"
DEPT = "500110-SCJGJ"


class Flow:
    def __init__(self, client: httpx.AsyncClient, tokens: TokenFactory, database: Database) -> None:
        self.client, self.tokens, self.database = client, tokens, database

    async def open_matter(self, *, statutory: int = 20, promised: int = 10) -> None:
        async with self.database.sessions() as session, session.begin():
            await OpenMatterRepository(session).upsert_newer({
                "matter_id": "m-1", "code": MATTER, "version": 3, "name": "食品经营许可", "matter_type": "01",
                "department_code": DEPT, "statutory_days": statutory, "promised_days": promised,
            })  # fmt: skip
            # Deadlines must not depend on the day the suite runs: publish the next years as plain weeks.
            await CalendarRepository(session).seed(frozenset({2027, 2028}), [], source="test")

    def citizen(self, sub: str = "person-1") -> dict[str, str]:
        return self.tokens.headers(sub=sub, kind="person", acr="2")

    def staff(self, role: str, org: str = DEPT, region: str = "500110000000") -> dict[str, str]:
        return self.tokens.headers(sub=f"{role}@{org}", kind="staff", roles=[role], org=org, region=region)

    async def apply(self, headers: dict[str, str], **extra: Any) -> httpx.Response:
        body = {"matter_code": MATTER, "form": {"店名": "綦河小馆"}, **extra}
        return await self.client.post("/cases", json=body, headers=headers)

    async def act(self, case_id: str, headers: dict[str, str], action: str, **extra: Any) -> httpx.Response:
        return await self.client.post(
            f"/cases/{case_id}/actions", json={"action": action, **extra}, headers=headers
        )


@pytest.fixture
def flow(client: httpx.AsyncClient, tokens: TokenFactory, database: Database) -> Flow:
    return Flow(client, tokens, database)
