"""Issue 18 failure 5: six concurrent retries of one application with one Idempotency-Key, through the real app on
a database that commits (each request its own connection and transaction): one 201 and five 200 with the same
case, for a 一件事 bundle as for a single matter — one mechanism (``cases.store.idempotency``), never a 500."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator

import httpx
import pytest
from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from cases.main import create_app
from cases.settings import CasesSettings
from cases.store.case_models import Case, CaseMaterial, ClockEntry, TimelineEntry
from cases.store.models import OUTBOX, OpenBundle, OpenMatter
from cases.store.repositories import OpenBundleRepository, OpenMatterRepository
from meshkit.db import Database
from meshkit.embedded import EmbeddedNats
from meshkit.testing.service import TEST_SECRET, app_client
from meshkit.testing.tokens import TokenFactory

pytestmark = pytest.mark.integration

RUN = uuid.uuid4().hex[:6].upper()
MEMBERS = (f"IDEM-{RUN}-A", f"IDEM-{RUN}-B")
BUNDLE = f"IDEM-{RUN}-YJS"
DEPARTMENTS = ("500110-SCJGJ", "500110-YJJ")


async def _open(database: Database) -> None:
    async with database.sessions() as session, session.begin():
        for code, department in zip(MEMBERS, DEPARTMENTS, strict=True):
            await OpenMatterRepository(session).upsert_newer(
                {
                    "matter_id": f"id-{code}",
                    "code": code,
                    "version": 1,
                    "name": f"重试测试事项 {code}",
                    "matter_type": "01",
                    "department_code": department,
                    "statutory_days": 20,
                    "promised_days": 5,
                    "materials": [{"name": "申请书"}],
                }
            )
        await OpenBundleRepository(session).upsert_newer(
            {
                "bundle_id": f"b-{RUN}",
                "code": BUNDLE,
                "version": 1,
                "name": "重试测试一件事",
                "lead_department_code": DEPARTMENTS[0],
                "lead_department_name": "区市场监管局",
                "members": [
                    {"code": c, "version": 1, "name": f"重试测试事项 {c}", "department_code": d}
                    for c, d in zip(MEMBERS, DEPARTMENTS, strict=True)
                ],
                "materials": [
                    {"name": "经营场所平面布局图", "requirement": "required", "asked_by": [MEMBERS[1]]}
                ],
                "statutory_days": 20,
                "statutory_unit": "working_day",
                "promised_days": 15,
                "promised_unit": "working_day",
            }
        )


async def _clean(engine: AsyncEngine) -> None:
    codes = (*MEMBERS, BUNDLE)
    async with engine.begin() as conn:
        mine = select(Case.id).where(Case.matter_code.in_(codes)).scalar_subquery()
        for table in (TimelineEntry, CaseMaterial, ClockEntry):
            await conn.execute(delete(table).where(table.case_id.in_(mine)))
        await conn.execute(delete(OUTBOX).where(OUTBOX.c.aggregate_id.in_(mine)))
        await conn.execute(delete(Case).where(Case.matter_code.in_(codes), Case.parent_id.is_not(None)))
        await conn.execute(delete(Case).where(Case.matter_code.in_(codes)))
        await conn.execute(delete(OpenBundle).where(OpenBundle.code == BUNDLE))
        await conn.execute(delete(OpenMatter).where(OpenMatter.code.in_(MEMBERS)))


@pytest.fixture
async def committing(
    migrated_url: str, engine: AsyncEngine, nats_server: EmbeddedNats, tokens: TokenFactory
) -> AsyncIterator[httpx.AsyncClient]:
    """The app with its own database (not the rolled-back test connection): every request commits for real."""
    settings = CasesSettings(
        database_url=migrated_url,
        nats_url=nats_server.url_for("cases"),
        environment="test",
        secret_key=TEST_SECRET,
        issuer="http://issuer.test",
        client_secret="test-client-secret",
    )
    setup = Database(engine)
    await _open(setup)
    try:
        async with app_client(create_app(settings), tokens=tokens) as client:
            yield client
    finally:
        await _clean(engine)


async def _six_retries(client: httpx.AsyncClient, headers: dict[str, str], body: dict[str, object]) -> None:
    key = f"retry-{uuid.uuid4()}"
    answers = await asyncio.gather(
        *(client.post("/cases", json=body, headers={**headers, "Idempotency-Key": key}) for _ in range(6))
    )
    statuses = sorted(a.status_code for a in answers)
    assert statuses == [200, 200, 200, 200, 200, 201], [a.text[:300] for a in answers]
    assert len({a.json()["id"] for a in answers}) == 1
    assert len({a.json()["number"] for a in answers}) == 1


async def test_issue_18_failure_5_concurrent_bundle_retries_make_one_case(
    committing: httpx.AsyncClient, tokens: TokenFactory, engine: AsyncEngine
) -> None:
    """Issue 18 failure 5: used to be one 201 and five 500 (IntegrityError during autoflush in file_bundle)."""
    citizen = tokens.headers(sub=f"person-idem-{RUN}", kind="person", acr="2")

    await _six_retries(committing, citizen, {"bundle_code": BUNDLE, "form": {"字号": "綦河小馆"}})

    async with engine.connect() as conn:
        parents = await conn.scalar(
            select(func.count()).where(Case.bundle_code == BUNDLE, Case.kind == "bundle")
        )
        members = await conn.scalar(
            select(func.count()).where(Case.bundle_code == BUNDLE, Case.kind == "member")
        )
    assert (parents, members) == (1, 2)  # one parent, one case per member matter: nothing half-written


async def test_issue_18_failure_5_concurrent_matter_retries_same_mechanism(
    committing: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    """Issue 18 failure 5, the single-matter path through the same mechanism: 201 once, 200 with the same case."""
    citizen = tokens.headers(sub=f"person-idem-m-{RUN}", kind="person", acr="2")

    await _six_retries(committing, citizen, {"matter_code": MEMBERS[0], "form": {"字号": "綦河小馆"}})
