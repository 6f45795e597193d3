"""Whose material the exchange is asked for, and how often (issue 19, outside try): in a case about a newborn the
mother's own ID card is hers — it is looked up for her, the 出生医学证明 for the child — and one material of one
case is read once from the holder's records unless the read failed in a way that may pass. identity and the
exchange are faked at the outer edge (MockTransport), the matter comes through the real consumer."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from cases.consumers.matter_published import on_matter_published
from cases.store.case_models import CaseMaterial
from cases.use_cases.exchange_work import MeshCalls, RetryPolicy
from cases.use_cases.resolution import GAVE_UP, resolve_due_materials
from meshkit.db import Database
from meshkit.events import CloudEvent
from meshkit.testing import filing

from ...conftest import NEWBORN_A
from ..conftest import Flow
from .conftest import CHEN_ID_NUMBER, POPULATION, FakeMesh

pytestmark = pytest.mark.api

POLICY = RetryPolicy(max_attempts=6, base_seconds=5, max_seconds=60)
BIRTH_REGISTRATION = "500110-GAJ-HJ-CS"
MATERIALS: list[dict[str, Any]] = [
    {"name": "出生医学证明", "source": "government", "certificate_type": "ZZ-CSYXZM"},  # the child's
    {
        "name": "父母（申请人）身份证明",
        "source": "government",
        "certificate_type": "ZZ-JMSFZ",
        "resource_code": POPULATION,
        "data_items": ["姓名", "公民身份号码"],
        "belongs_to": "applicant",
    },
    {"name": "父母结婚证", "source": "government", "certificate_type": "ZZ-JHZ", "belongs_to": "applicant"},
]


async def _publish(database: Database, materials: list[dict[str, Any]]) -> None:
    """``catalog.matter_published.v1`` as the catalog sends it, through the cases consumer."""
    event = CloudEvent(
        id="e-birth-registration",
        source="/tongban/catalog",
        type="catalog.matter_published.v1",
        subject=BIRTH_REGISTRATION,
        time=datetime.now(UTC),
        sequence=1,
        data={
            "matter_id": "m-birth",
            "code": BIRTH_REGISTRATION,
            "version": 1,
            "name": "出生登记",
            "matter_type": "07",
            "department_code": "500110-GAJ",
            "statutory_days": 20,
            "promised_days": 5,
            "materials": [{"requirement": "required", "form": "original", **m} for m in materials],
        },
    )
    async with database.sessions() as session, session.begin():
        await on_matter_published(session, event)


async def _file_for_newborn(flow: Flow, fake_mesh: FakeMesh) -> dict[str, Any]:
    fake_mesh.newborns[NEWBORN_A] = "陈小宝"
    response = await flow.client.post(
        "/cases",
        json={"matter_code": BIRTH_REGISTRATION, "subject_kind": "newborn", "subject_id": NEWBORN_A},
        headers=filing(flow.citizen()),
    )
    assert response.status_code == 201, response.text
    return dict(response.json())


def _reads(fake_mesh: FakeMesh, case_number: str) -> list[tuple[str, str, str, str]]:
    """(kind, what, holder kind, holder identifier) of every read the exchange was asked for the case."""
    return [
        (
            item["kind"],
            item.get("type_code") or item.get("resource_code"),
            item.get("holder_kind") or item.get("subject_kind"),
            item.get("holder_identifier") or item.get("identifier"),
        )
        for item in fake_mesh.asked
        if item["case_ref"] == case_number
    ]


async def _materials(database: Database, case_id: str) -> dict[str, CaseMaterial]:
    async with database.sessions() as session:
        rows = (await session.scalars(select(CaseMaterial).where(CaseMaterial.case_id == case_id))).all()
        for row in rows:
            session.expunge(row)
    return {row.material_code: row for row in rows}


async def test_outside_try_3_the_mothers_materials_are_looked_up_for_her_the_childs_for_the_child(
    flow: Flow, fake_mesh: FakeMesh, mesh_calls: MeshCalls, database: Database
) -> None:
    """issue 19 outside try: 3 — in a case about a newborn (subject) filed by the mother (applicant), her own
    身份证 and 结婚证 were resolved for the baby and so never found. Each material now says whose it is
    (``belongs_to`` from the catalog's event): hers are read from her records, the 出生医学证明 from the child's."""
    await _publish(database, MATERIALS)
    case = await _file_for_newborn(flow, fake_mesh)
    fake_mesh.certificates[(NEWBORN_A, "ZZ-CSYXZM")] = "1.2.156.3005.2.CHILD.1"
    resolved = await resolve_due_materials(database, mesh_calls, policy=POLICY, now=datetime.now(UTC))
    assert (resolved.claimed, resolved.obtained) == (3, 2)
    reads = _reads(fake_mesh, case["number"])
    assert sorted(reads) == sorted(
        [
            ("certificates", "ZZ-CSYXZM", "newborn", NEWBORN_A),  # the child's certificate, for the child
            ("certificates", "ZZ-JMSFZ", "person", CHEN_ID_NUMBER),  # her ID card, for her
            ("certificates", "ZZ-JHZ", "person", CHEN_ID_NUMBER),  # her marriage certificate, for her
            ("record", POPULATION, "person", CHEN_ID_NUMBER),  # her population record, for her
        ]
    )
    materials = await _materials(database, case["id"])
    assert (materials["M01"].status, materials["M01"].reference) == ("obtained", "1.2.156.3005.2.CHILD.1")
    assert (materials["M02"].status, materials["M02"].method) == ("obtained", "data_sharing")
    listed = (await flow.client.get(f"/cases/{case['id']}/materials", headers=flow.citizen())).json()
    assert [(m["material_code"], m["belongs_to"]) for m in listed["materials"]] == [
        ("M01", "subject"),
        ("M02", "applicant"),
        ("M03", "applicant"),
    ]


async def test_outside_try_3_a_material_of_the_matter_without_a_holder_stays_the_subjects(
    flow: Flow, fake_mesh: FakeMesh, mesh_calls: MeshCalls, database: Database
) -> None:
    """issue 19 outside try: 3 — events published before ``belongs_to`` existed (and materials that omit it)
    keep meaning the subject: the child's certificate is never looked up for the mother."""
    await _publish(database, [{k: v for k, v in MATERIALS[0].items() if k != "belongs_to"}])
    case = await _file_for_newborn(flow, fake_mesh)
    fake_mesh.certificates[(CHEN_ID_NUMBER, "ZZ-CSYXZM")] = "1.2.156.3005.2.MOTHER.1"  # hers, not the child's
    await resolve_due_materials(database, mesh_calls, policy=POLICY, now=datetime.now(UTC))
    assert _reads(fake_mesh, case["number"]) == [("certificates", "ZZ-CSYXZM", "newborn", NEWBORN_A)]
    assert (await _materials(database, case["id"]))["M01"].status == "missing"


async def test_outside_try_4_one_read_per_case_material_and_holder_unless_it_failed(
    flow: Flow, fake_mesh: FakeMesh, mesh_calls: MeshCalls, database: Database
) -> None:
    """issue 19 outside try: 4 — the same material of the same subject was read several times for one case (several
    lines in the child's "who read my data"): a final answer (no certificate, no record, nothing granted) counted
    as a failure and was asked again at every backoff until the limit. Now a way that answered is not asked
    again; only a read that failed in a way that may pass (the exchange down) is repeated, and only that way."""
    await _publish(database, MATERIALS)
    case = await _file_for_newborn(flow, fake_mesh)
    fake_mesh.missing_records.add(CHEN_ID_NUMBER)  # her record is not in the population resource
    now = datetime.now(UTC)
    for minutes in range(0, 120, 5):  # two hours of scans: every backoff would have come due
        await resolve_due_materials(database, mesh_calls, policy=POLICY, now=now + timedelta(minutes=minutes))
    reads = _reads(fake_mesh, case["number"])
    assert sorted(reads) == sorted(set(reads))  # never the same read twice
    assert len(reads) == 4  # three certificate lookups, one record read
    materials = await _materials(database, case["id"])
    for code in ("M01", "M02", "M03"):
        assert materials[code].next_attempt_at is None  # answered: not due again
        assert (materials[code].last_error or "").startswith(GAVE_UP)
    assert materials["M02"].answered_ways == ["e_certificate", "data_sharing"]

    # A read that failed because the exchange was down is repeated — that way only, once it is up again.
    again = await _file_for_newborn(flow, fake_mesh)
    fake_mesh.certificates[(NEWBORN_A, "ZZ-CSYXZM")] = "1.2.156.3005.2.CHILD.2"
    fake_mesh.down = True
    await resolve_due_materials(database, mesh_calls, policy=POLICY, now=now)
    down = await _materials(database, again["id"])
    assert all(m.next_attempt_at is not None for m in down.values())  # may pass: due again
    fake_mesh.down = False
    for minutes in range(1, 120, 5):
        await resolve_due_materials(database, mesh_calls, policy=POLICY, now=now + timedelta(minutes=minutes))
    reads = _reads(fake_mesh, again["number"])
    assert sorted(reads) == sorted(set(reads))
    assert (await _materials(database, again["id"]))["M01"].status == "obtained"
