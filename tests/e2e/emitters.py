"""The real user actions that make every service publish each of its event types, through the gateway of the e2e
mesh (issue 18, failure 14). Each helper drives one service's events; nothing is published by the test itself."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from datetime import date, timedelta
from typing import Any

import httpx
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from identity.demo import DEMO_CLIENT_SECRET, DEMO_PASSWORD, DEMO_PERSONS, DEMO_WEB_CLIENT
from meshkit.legaldate import today as legal_today
from meshkit.testing import eventually
from tongban.mesh import Mesh
from tongban.simulators.residents import residents

from .paper import paper_for_missing
from .test_revocation_reaches_every_service import REDIRECT, Login, browser_login

__all__ = ["Cases", "catalog_events", "exchange_events", "identity_events", "register_applicant"]

LogIn = Callable[..., Awaitable[tuple[dict[str, str], dict[str, Any]]]]
REGISTRATION = "500110-SCJGJ-GTGSH-SL"  # 个体工商户设立登记: its result is the 营业执照, an e-certificate
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


async def ok(response: httpx.Response, status: int = 200) -> Any:
    assert response.status_code == status, (
        f"{response.request.method} {response.request.url}: {response.text}"
    )
    return response.json()


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def register_applicant(http: httpx.AsyncClient, log_in: LogIn) -> tuple[str, str]:
    """A resident of the population register registered at the district center's window (level 3, with a
    password): ``identity.person_registered`` and ``identity.identity_level_raised``. Returns (id number, id)."""
    demo = {person[1] for person in DEMO_PERSONS}
    resident = next(p for p in residents().values() if p["id_number"] not in demo)
    clerk, _ = await log_in("clerk.zwfwzx")
    body = {"name": resident["name"], "id_number": resident["id_number"], "password": "Shijian2026"}
    person = await ok(await http.post("/identity/persons", json=body, headers=clerk), 201)
    return resident["id_number"], person["id"]


async def identity_events(
    http: httpx.AsyncClient, log_in: LogIn, gateway_url: str, client_address: dict[str, str]
) -> None:
    """organization_changed, staff_changed, subject_deactivated and the four revocations."""
    admin, _ = await log_in("admin")
    tag = uuid.uuid4().hex[:8]
    organization = {
        "code": f"500110-EVT{tag.upper()}",
        "name": "事件核验科",
        "kind": "department",
        "division_code": "500110000000",
        "parent_code": "500110-ZFBGS",
    }
    await ok(await http.post("/identity/organizations", json=organization, headers=admin), 201)
    staff = {
        "username": f"clerk.events.{tag}",
        "name": "事件测试",
        "organization_code": "500110001000-center",
        "roles": ["window_clerk"],
        "scope_division": "500110001000",
        "password": DEMO_PASSWORD,
    }
    created = await ok(await http.post("/identity/staff", json=staff, headers=admin), 201)

    def login(name: str) -> Awaitable[Login]:
        return browser_login(gateway_url, name, client_address)

    chen = DEMO_PERSONS[0][1]
    revoked = (await login(chen)).tokens["access_token"]  # access_token_revoked (RFC 7009)
    await ok(await http.post("/identity/revoke", data={"token": revoked, "client_id": DEMO_WEB_CLIENT}))
    session = await login(chen)  # session_ended (logout)
    ended = await http.get(
        "/identity/end-session",
        params={"id_token_hint": session.tokens["id_token"], "post_logout_redirect_uri": REDIRECT},
        headers={"Cookie": session.cookie},
    )
    assert ended.status_code == 303, ended.text
    first = (await login(chen)).tokens  # token_family_revoked (a refresh token used twice)
    refresh = {
        "grant_type": "refresh_token",
        "refresh_token": first["refresh_token"],
        "client_id": DEMO_WEB_CLIENT,
    }
    await ok(await http.post("/identity/token", data=refresh))
    assert (await http.post("/identity/token", data=refresh)).json()["error"] == "invalid_grant"
    await login(staff["username"])  # subject_deactivated and staff_changed
    await ok(await http.post(f"/identity/staff/{created['id']}/deactivate", headers=admin))
    client_id = f"events-{tag}"  # client_tokens_revoked (secret rotated)
    client = {"client_id": client_id, "name": "事件测试系统", "organization_code": "500110-SCJGJ"}
    await ok(await http.post("/identity/clients", json=client, headers=admin), 201)
    await ok(await http.post(f"/identity/clients/{client_id}/secret", headers=admin))


async def catalog_events(http: httpx.AsyncClient) -> None:
    """Two matters published, a 一件事 of them published and retired, then one matter retired."""
    token = await ok(
        await http.post(
            "/identity/token",
            data={"grant_type": "client_credentials", "scope": "catalog:write catalog:publish"},
            auth=("catalog-editor", DEMO_CLIENT_SECRET),
        )
    )
    editor = _bearer(token["access_token"])
    tag = uuid.uuid4().hex[:6].upper()
    published = []
    for suffix, name in (("A", "事件核验甲"), ("B", "事件核验乙")):
        body = {
            "code": f"500110-SCJGJ-EVT{tag}{suffix}",
            "name": name,
            "matter_type": "01",
            "department_code": "500110-SCJGJ",
            "department_name": "区市场监管局",
            "statutory_days": 20,
            "promised_days": 10,
            "levels": ["district"],
            "audiences": ["1"],
            "valid_from": "2025-01-01",
            "materials": [{"name": "书面申请书", "form": "original", "paper_copies": 0}],
        }
        draft = await ok(await http.post("/catalog/matters", json=body, headers=editor), 201)
        await ok(await http.post(f"/catalog/matter-versions/{draft['id']}/submit", headers=editor))
        published.append(
            await ok(await http.post(f"/catalog/matter-versions/{draft['id']}/publish", headers=editor))
        )
    bundle = {
        "code": f"500110-SCJGJ-EVT{tag}-YJS",
        "name": "事件核验一件事",
        "lead_department_code": "500110-SCJGJ",
        "lead_department_name": "区市场监管局",
        "member_codes": [matter["code"] for matter in published],
        "keywords": ["事件核验"],
    }
    draft = await ok(await http.post("/catalog/bundles", json=bundle, headers=editor), 201)
    await ok(await http.post(f"/catalog/bundle-versions/{draft['id']}/submit", headers=editor))
    await ok(await http.post(f"/catalog/bundle-versions/{draft['id']}/publish", headers=editor))
    await ok(await http.post(f"/catalog/bundle-versions/{draft['id']}/retire", headers=editor))
    retired = published[-1]["id"]
    await ok(
        await http.post(
            f"/catalog/matter-versions/{retired}/retire", json={"note": "事件核验"}, headers=editor
        )
    )


async def exchange_events(http: httpx.AsyncClient, mesh: Mesh) -> None:
    """The city platform pushes a matter and a case down (回流), signed; the hub verifies and stores them."""
    city = mesh.config.url(next(sim for sim in mesh.config.simulators if sim.name == "city-platform-sim"))
    tag = uuid.uuid4().hex[:10]
    pushes = {
        "matters": {"matter_code": f"11500000MB1234567X-EVT-{tag}", "name": "食品经营许可"},
        "cases": {"case_number": f"5001002026{uuid.uuid4().int % 10**10:010d}", "matter_code": "X"},
    }
    for kind, item in pushes.items():
        pushed = await ok(
            await http.post(f"{city}/admin/push", json={"kind": kind, "batch": tag, "items": [item]})
        )
        assert pushed["status"] == 202, pushed


class Cases:
    """A resident's applications for 个体工商户设立登记, handled by the district center and 区市场监管局."""

    def __init__(self, http: httpx.AsyncClient, log_in: LogIn, mesh: Mesh, applicant: str) -> None:
        self.http, self.log_in, self.mesh, self.applicant = http, log_in, mesh, applicant

    async def calendar(self) -> None:
        """calendar_published: the administrator enters the next year's holiday notice (plain weeks here)."""
        admin, _ = await self.log_in("admin")
        years = {y["year"] for y in await ok(await self.http.get("/cases/calendar/years", headers=admin))}
        body = {"source": "测试数据: 按平常周计"}
        await ok(await self.http.put(f"/cases/calendar/years/{max(years) + 1}", headers=admin, json=body))

    async def apply(self) -> dict[str, Any]:
        her, _ = await self.log_in(self.applicant, "Shijian2026")
        body = {"matter_code": REGISTRATION, "form": {"字号": "綦河事件小店"}}
        headers = {**her, "Idempotency-Key": uuid.uuid4().hex}
        case: dict[str, Any] = await ok(await self.http.post("/cases/cases", json=body, headers=headers), 201)
        return case

    async def paper(self, case_id: str) -> None:
        """受理 needs the required materials: the district window takes on paper what the case still lacks."""
        await paper_for_missing(self.http, case_id, (await self.log_in("clerk.zwfwzx"))[0])

    async def act(self, case_id: str, who: str | dict[str, str], action: str, **extra: Any) -> Any:
        headers = who if isinstance(who, dict) else (await self.log_in(who))[0]
        body = {"action": action, **extra}
        return await ok(await self.http.post(f"/cases/cases/{case_id}/actions", headers=headers, json=body))

    async def handled_to_the_end(self) -> None:
        """submitted, accepted, supplement_requested + clock_paused, case_supplemented + clock_resumed,
        concluded, certificate_issued (and the exchange's record_changed), evaluated, rectification_opened."""
        her, _ = await self.log_in(self.applicant, "Shijian2026")
        case = await self.apply()
        await self.paper(case["id"])
        await self.act(case["id"], "clerk.zwfwzx", "accept")
        await self.act(case["id"], "reviewer.djzc", "start_review")
        await self.act(case["id"], "reviewer.djzc", "request_review_supplement", reason="缺少经营场所照片")
        await self.act(case["id"], her, "supplement")
        await self.act(case["id"], "reviewer.djzc", "approve", reason="符合个体工商户登记条件")

        async def certificate_issued() -> None:
            current = await ok(await self.http.get(f"/cases/cases/{case['id']}", headers=her))
            assert current["certificate_id"], current

        await eventually(certificate_issued, timeout=90, interval=0.5)
        await self.act(case["id"], "clerk.zwfwzx", "deliver", delivery_channel="electronic")
        rating = {"score": 2, "comment": "等待时间长"}
        await ok(await self.http.post(f"/cases/cases/{case['id']}/evaluation", headers=her, json=rating), 201)

    async def refused(self) -> None:
        case = await self.apply()
        await self.act(case["id"], "clerk.zwfwzx", "refuse", reason="不属于本机关职权范围")

    async def past_its_deadlines(self) -> None:
        """deadline_warning, then deadline_overdue, from the worker's real supervision timer. The only set-up is
        the clock: the accepted case's due date is moved to today, then to yesterday, in the cases database, as if
        it had been accepted weeks ago (the timer compares it with the worker's legal date, Beijing time)."""
        case = await self.apply()
        await self.paper(case["id"])
        await self.act(case["id"], "clerk.zwfwzx", "accept")
        today = legal_today()
        await self._due(case["id"], today)
        await eventually(lambda: self._level(case["id"], "yellow"), timeout=90, interval=0.5)
        await self._due(case["id"], today - timedelta(days=1))
        await eventually(lambda: self._level(case["id"], "red"), timeout=90, interval=0.5)

    def _engine(self) -> Any:
        spec = next(s for s in self.mesh.config.services if s.name == "cases")
        return create_async_engine(self.mesh.config.database_url(spec))

    async def _due(self, case_id: str, day: date) -> None:
        engine = self._engine()
        try:
            async with engine.begin() as conn:
                await conn.execute(
                    text("UPDATE cases SET due_date = :day WHERE id = :id"), {"day": day, "id": case_id}
                )
        finally:
            await engine.dispose()

    async def _level(self, case_id: str, level: str) -> None:
        engine = self._engine()
        try:
            async with engine.connect() as conn:
                found = await conn.scalar(
                    text("SELECT warning_level FROM cases WHERE id = :id"), {"id": case_id}
                )
        finally:
            await engine.dispose()
        assert found == level, found
