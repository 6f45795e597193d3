"""After submission the worker resolves materials through the exchange: the applicant's ID card by data sharing
(never storing the number), failures back off and give up; the case's materials are readable by those who may
see it."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, text

from cases.store.case_models import CaseMaterial
from cases.use_cases.exchange_work import MeshCalls, RetryPolicy
from cases.use_cases.resolution import GAVE_UP, Resolution, resolve_due_materials
from meshkit.db import Database

from ..conftest import Flow, filing
from .conftest import CHEN_ID_NUMBER, PDF, POPULATION, FakeMesh

pytestmark = pytest.mark.api

POLICY = RetryPolicy(max_attempts=2, base_seconds=5, max_seconds=60)


async def _apply(flow: Flow, matter: str, citizen: str = "person-1") -> dict[str, str]:
    response = await flow.client.post(
        "/cases", json={"matter_code": matter, "form": {}}, headers=filing(flow.citizen(citizen))
    )
    assert response.status_code == 201, response.text
    return dict(response.json())


async def test_id_card_is_obtained_by_data_sharing(
    flow: Flow,
    registration: str,
    fake_mesh: FakeMesh,
    mesh_calls: MeshCalls,
    database: Database,
) -> None:
    case = await _apply(flow, registration)
    before = (await flow.client.get(f"/cases/{case['id']}/materials", headers=flow.citizen())).json()
    assert [(m["material_code"], m["status"]) for m in before["materials"]] == [
        ("M01", "missing"),
        ("M02", "missing"),
        ("M03", "missing"),
    ]
    assert (before["still_missing"], before["paper_free_share"]) == (3, None)

    # due for the worker from the moment the case was filed: only the one the exchange may hold
    due = [(await _material(database, case["id"], code)).next_attempt_at for code in ("M01", "M02", "M03")]
    assert due == [None, datetime.fromisoformat(case["received_at"]), None]
    resolved = await resolve_due_materials(database, mesh_calls, policy=POLICY, now=datetime.now(UTC))
    assert (resolved.claimed, resolved.obtained) == (1, 1)

    after = (await flow.client.get(f"/cases/{case['id']}/materials", headers=flow.citizen())).json()
    id_card = after["materials"][1]
    assert (id_card["status"], id_card["method"], id_card["reference"]) == (
        "obtained",
        "data_sharing",
        POPULATION,
    )
    assert id_card["detail"] == {"access_log_id": "log-1", "items": ["name", "id_number"]}
    assert (after["still_missing"], after["paper_free_share"]) == (2, 1.0)
    [read] = [item for item in fake_mesh.asked if item["kind"] == "record"]
    assert read.pop("traceparent").startswith("00-")  # the filing trace (the issue 20 test below)
    assert read == {
        "kind": "record",
        "resource_code": POPULATION,
        "identifier": CHEN_ID_NUMBER,
        "subject_kind": "person",
        "items": ["name", "id_number"],
        "purpose": "办件材料核验 个体工商户设立登记",
        "case_ref": case["number"],
        "served_org": "500110-ZWFWZX",  # the hall that accepts it (issue 19 outside try, failure 2)
    }
    # the e-certificate way was asked first; the exchange does not know this catalog type
    assert [item["kind"] for item in fake_mesh.asked] == ["certificates", "record"]
    async with database.sessions() as session:  # the ID number is nowhere in the cases database
        dump = await session.scalar(text("SELECT string_agg(t::text, '') FROM case_materials t"))
    assert CHEN_ID_NUMBER not in (dump or "")
    visible = await flow.client.get(f"/cases/{case['id']}/materials", headers=flow.staff("reviewer"))
    assert visible.status_code == 200
    hidden = await flow.client.get(f"/cases/{case['id']}/materials", headers=flow.citizen("person-2"))
    assert hidden.status_code == 404


async def test_one_scan_asks_in_batches_and_each_material_fares_on_its_own(
    flow: Flow,
    registration: str,
    fake_mesh: FakeMesh,
    mesh_calls: MeshCalls,
    database: Database,
) -> None:
    fake_mesh.persons["person-2"] = (
        "510223195806120035",
        "周德明",
    )  # the population resource lacks his record
    fake_mesh.missing_records.add("510223195806120035")
    first = [await _apply(flow, registration) for _ in range(3)]
    neighbour = await _apply(flow, registration, "person-2")
    stranger = await _apply(flow, registration, "person-3")  # identity does not know her
    resolved = await resolve_due_materials(database, mesh_calls, policy=POLICY, now=datetime.now(UTC))
    assert (resolved.claimed, resolved.obtained) == (5, 3)
    batches = [body["reads"] for _, path, body in fake_mesh.calls if path == "/reads"]
    # round one: every applicant's e-certificate; round two: shared data for those it did not settle
    assert [[item["kind"] for item in batch] for batch in batches] == [["certificates"] * 4, ["record"] * 4]
    assert sorted(item["case_ref"] for item in batches[1]) == sorted(c["number"] for c in [*first, neighbour])
    assert [(await _material(database, c["id"], "M02")).status for c in first] == ["obtained"] * 3
    missed = await _material(database, neighbour["id"], "M02")
    assert (missed.status, missed.last_error, missed.next_attempt_at) == (  # final answers: not asked again
        "missing",
        f"{GAVE_UP} (e_certificate:unknown_certificate_type; data_sharing:record_not_found)",
        None,
    )
    unknown = await _material(database, stranger["id"], "M02")
    assert (unknown.status, unknown.last_error) == ("missing", f"{GAVE_UP} (person_not_found)")


async def test_failures_back_off_then_leave_it_for_upload(
    flow: Flow,
    registration: str,
    fake_mesh: FakeMesh,
    mesh_calls: MeshCalls,
    database: Database,
) -> None:
    case = await _apply(flow, registration)
    fake_mesh.down = True
    now = datetime.now(UTC)
    assert (await resolve_due_materials(database, mesh_calls, policy=POLICY, now=now)).obtained == 0
    material = await _material(database, case["id"], "M02")
    assert (material.status, material.attempts) == ("missing", 1)
    assert material.last_error == "identity_token_503"
    assert material.next_attempt_at == now + timedelta(seconds=5)
    fake_mesh.calls.clear()
    later = await resolve_due_materials(database, mesh_calls, policy=POLICY, now=now + timedelta(seconds=1))
    assert later == Resolution(0, 0)
    assert fake_mesh.calls == []  # not due yet
    await resolve_due_materials(database, mesh_calls, policy=POLICY, now=now + timedelta(seconds=6))
    material = await _material(database, case["id"], "M02")
    assert (material.attempts, material.next_attempt_at) == (2, None)
    assert material.last_error is not None
    assert material.last_error.startswith(GAVE_UP)
    fake_mesh.down = False
    resolved = await resolve_due_materials(database, mesh_calls, policy=POLICY, now=now + timedelta(days=1))
    assert resolved == Resolution(0, 0)  # given up: no longer due

    uploaded = await flow.client.post(
        f"/cases/{case['id']}/materials/M02/upload",
        content=PDF,
        headers={
            **flow.citizen(),
            "Content-Type": "application/pdf",
            "X-Filename": "%E8%BA%AB%E4%BB%BD%E8%AF%81.pdf",
        },
    )
    assert uploaded.status_code == 201, uploaded.text
    assert uploaded.json()["filename"] == "身份证.pdf"
    assert uploaded.json()["sha256"] == hashlib.sha256(PDF).hexdigest()
    # issue 19's outside try: a material handed in still showed "please upload or bring paper" and the codes
    after = await _material(database, case["id"], "M02")
    assert (after.status, after.method, after.last_error) == ("obtained", "upload", None)


async def _material(database: Database, case_id: str, code: str) -> CaseMaterial:
    async with database.sessions() as session:
        query = select(CaseMaterial).where(
            CaseMaterial.case_id == case_id, CaseMaterial.material_code == code
        )
        material = (await session.scalars(query)).one()
        session.expunge(material)
        return material


async def test_issue20_the_reads_for_an_applications_materials_continue_its_trace(
    flow: Flow,
    registration: str,
    fake_mesh: FakeMesh,
    mesh_calls: MeshCalls,
    database: Database,
) -> None:
    """Issue 20 (one trace from the gateway to the population system): the worker reads an application's materials
    later, in batches of many cases, outside any request — the trace ended at the cases API. The case keeps its
    filing request's trace context, and each read of the batch carries it for the exchange to continue."""
    trace_id = "4bf92f3577b34da6a3ce929d0e0e4736"
    headers = filing({**flow.citizen(), "traceparent": f"00-{trace_id}-00f067aa0ba902b7-01"})
    filed = await flow.client.post("/cases", json={"matter_code": registration, "form": {}}, headers=headers)
    assert filed.status_code == 201, filed.text
    fake_mesh.persons["person-2"] = ("510223195806120035", "周德明")
    untraced = await _apply(flow, registration, citizen="person-2")  # no trace context sent: one of its own
    async with database.sessions() as session:
        kept = dict(
            (
                await session.execute(
                    text("SELECT id, traceparent FROM cases WHERE id IN (:a, :b)"),
                    {"a": filed.json()["id"], "b": untraced["id"]},
                )
            ).all()
        )
    assert kept[filed.json()["id"]].split("-")[1] == trace_id
    assert kept[untraced["id"]] is not None
    assert trace_id not in kept[untraced["id"]]

    await resolve_due_materials(database, mesh_calls, policy=POLICY, now=datetime.now(UTC))
    reads = [read for method, path, body in fake_mesh.calls if path == "/reads" for read in body["reads"]]
    assert len(reads) >= 2
    by_case = {read["case_ref"]: read["traceparent"] for read in reads}
    assert len(by_case) == 2
    assert by_case[filed.json()["number"]].split("-")[1] == trace_id
    assert by_case[untraced["number"]] == kept[untraced["id"]]


async def test_issue19_outside_try_the_reads_name_the_organization_handling_the_case(
    flow: Flow,
    registration: str,
    fake_mesh: FakeMesh,
    mesh_calls: MeshCalls,
    database: Database,
) -> None:
    """issue 19 outside try: failure 2 — the worker's reads for a case were logged as the platform's own
    organization's. Each read now names the organization it serves, from the case's own record: the hall that
    accepts it until acceptance, the handling department from then on (the exchange checks it against the case)."""
    case = await _apply(flow, registration)
    await resolve_due_materials(database, mesh_calls, policy=POLICY, now=datetime.now(UTC))
    detail = (await flow.client.get(f"/cases/{case['id']}", headers=flow.citizen())).json()
    reads = [read for method, path, body in fake_mesh.calls if path == "/reads" for read in body["reads"]]
    assert reads
    assert {read["served_org"] for read in reads} == {detail["accepting_org"]}

    fake_mesh.calls.clear()
    async with database.sessions() as session, session.begin():  # accepted since; a material due again
        await session.execute(
            text("UPDATE cases SET accepted_at = now(), status = 'accepted' WHERE id = :id"),
            {"id": case["id"]},
        )
        await session.execute(
            text(
                "UPDATE case_materials SET status = 'missing', next_attempt_at = now() - interval '1 second' "
                "WHERE case_id = :id AND material_code = 'M02'"
            ),
            {"id": case["id"]},
        )
    await resolve_due_materials(database, mesh_calls, policy=POLICY, now=datetime.now(UTC))
    reads = [read for method, path, body in fake_mesh.calls if path == "/reads" for read in body["reads"]]
    assert reads
    assert {read["served_org"] for read in reads} == {detail["handling_org"]} == {"500110-SCJGJ"}
