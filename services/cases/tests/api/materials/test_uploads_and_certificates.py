"""Uploads (type, size, hash, who), paper at the window, the paper-free statistics, and e-certificates issued
through the exchange on approval — including a 一件事 member's certificate satisfying the bundle's material."""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from cases.store.case_models import Case, CaseMaterial
from cases.store.models import OUTBOX
from cases.store.unit_of_work import CasesUnitOfWork
from cases.use_cases.exchange_work import MeshCalls, RetryPolicy
from cases.use_cases.issuing import issue_due_certificates, record_certificate
from meshkit.db import Database
from meshkit.legaldate import local_date

from ..conftest import Flow, filing
from .conftest import CHEN_ID_NUMBER, PDF, REGISTRATION, FakeMesh, Worker

pytestmark = pytest.mark.api

POLICY = RetryPolicy(max_attempts=3, base_seconds=5, max_seconds=60)


async def _apply(flow: Flow) -> dict[str, str]:
    response = await flow.client.post(
        "/cases", json={"matter_code": REGISTRATION}, headers=filing(flow.citizen())
    )
    assert response.status_code == 201, response.text
    return dict(response.json())


def _file(
    headers: dict[str, str], content_type: str = "application/pdf", name: str = "a.pdf"
) -> dict[str, str]:
    return {**headers, "Content-Type": content_type, "X-Filename": name}


async def test_uploads_paper_and_statistics(flow: Flow, registration: str) -> None:
    case = await _apply(flow)
    url = f"/cases/{case['id']}/materials"
    uploaded = await flow.client.post(f"{url}/M01/upload", content=PDF, headers=_file(flow.citizen()))
    assert uploaded.status_code == 201, uploaded.text
    upload = uploaded.json()
    assert (upload["size"], upload["sha256"]) == (len(PDF), hashlib.sha256(PDF).hexdigest())
    center = flow.staff("window_clerk", org="500110-ZWFWZX")
    download = await flow.client.get(f"/cases/{case['id']}/uploads/{upload['id']}", headers=center)
    assert download.status_code == 200
    assert download.content == PDF
    assert download.headers["x-content-sha256"] == upload["sha256"]
    assert (
        await flow.client.get(f"/cases/{case['id']}/uploads/{upload['id']}", headers=flow.citizen("person-2"))
    ).status_code == 404

    refusals = [
        (flow.citizen(), "text/plain", b"hello", 415, "upload_type_not_allowed"),
        (flow.citizen(), "image/png", PDF, 415, "upload_content_mismatch"),
        (flow.citizen(), "application/pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024), 413, "upload_too_large"),
        (flow.citizen("person-2"), "application/pdf", PDF, 404, "case_not_found"),
        (flow.staff("reviewer"), "application/pdf", PDF, 403, "not_permitted"),
    ]
    for headers, content_type, content, status, code in refusals:
        refused = await flow.client.post(
            f"{url}/M03/upload", content=content, headers=_file(headers, content_type)
        )
        assert (refused.status_code, refused.json()["code"]) == (status, code)
        assert refused.headers["content-type"] == "application/problem+json"

    assert (await flow.client.post(f"{url}/M03/paper", json={}, headers=flow.citizen())).status_code == 403
    paper = await flow.client.post(f"{url}/M03/paper", json={"note": "原件核验"}, headers=center)
    assert paper.status_code == 200, paper.text
    assert (paper.json()["method"], paper.json()["reference"]) == ("paper", "500110-ZWFWZX")
    assert (await flow.client.post(f"{url}/M09/paper", json={}, headers=center)).status_code == 404

    listed = (await flow.client.get(url, headers=flow.citizen())).json()
    assert [(m["material_code"], m["method"]) for m in listed["materials"]] == [
        ("M01", "upload"),
        ("M02", None),
        ("M03", "paper"),
    ]
    assert (listed["still_missing"], listed["paper_free_share"]) == (1, 0.5)
    assert [u["id"] for u in listed["uploads"]] == [upload["id"]]
    timeline = (await flow.client.get(f"/cases/{case['id']}", headers=flow.citizen())).json()["timeline"]
    supplied = [(t["action"], t["actor_role"], t["from_status"] == t["to_status"]) for t in timeline[1:]]
    assert supplied == [("upload_material", "applicant", True), ("paper_material", "window_clerk", True)]

    stats = await flow.client.get("/statistics/materials", headers=flow.staff("reviewer"))
    assert stats.status_code == 200, stats.text
    assert stats.json() == {
        "total": 3,
        "obtained": 2,
        "missing_required": 1,
        "awaiting_member": 0,
        "by_method": {"paper": 1, "upload": 1},
        "paper_free_share": 0.5,
    }
    supervisor = flow.staff("supervisor", org="500110-ZFBGS")
    assert (await flow.client.get("/statistics/materials", headers=supervisor)).json()["total"] == 3
    elsewhere = flow.staff("reviewer", org="500110-GAJ")
    assert (await flow.client.get("/statistics/materials", headers=elsewhere)).json()["total"] == 0
    assert (await flow.client.get("/statistics/materials", headers=flow.citizen())).status_code == 403


async def test_certificate_is_issued_on_approval(
    flow: Flow,
    registration: str,
    worker: Worker,
    fake_mesh: FakeMesh,
    mesh_calls: MeshCalls,
    database: Database,
) -> None:
    await flow.open_matter()  # publishes the calendar years the deadlines need
    case = await _apply(flow)
    await flow.supply_paper(case["id"])  # 受理 needs the required materials
    clerk, reviewer = flow.staff("window_clerk"), flow.staff("reviewer")
    for headers, action in ((clerk, "accept"), (reviewer, "start_review"), (reviewer, "approve")):
        assert (await flow.act(case["id"], headers, action, reason="符合条件")).status_code == 200
    await worker.deliver("cases.case_concluded.v1", {"case_id": case["id"], "status": "approved"})
    fake_mesh.down = True
    now = datetime.now(UTC)
    assert await issue_due_certificates(database, mesh_calls, policy=POLICY, now=now) == 0
    async with CasesUnitOfWork(database) as uow:
        failed = await uow.cases.get(case["id"])
        assert failed is not None
        assert (failed.certificate_attempts, failed.certificate_last_error) == (1, "identity_token_503")
        due = failed.certificate_next_attempt_at
    fake_mesh.down = False
    assert due is not None
    assert await issue_due_certificates(database, mesh_calls, policy=POLICY, now=due) == 1

    [issue] = [body for method, path, body in fake_mesh.calls if (method, path) == ("POST", "/certificates")]
    async with CasesUnitOfWork(database) as uow:
        decision = await uow.cases.decision(case["id"])
        assert decision is not None
        decision_number = decision.number
    assert issue == {
        "type_code": "ZZ-YYZZ",
        "issuer_org": "500110-SCJGJ",
        "holder_kind": "person",
        "holder_identifier": CHEN_ID_NUMBER,
        "holder_name": "陈晓梅",
        "holder_id": "person-1",
        "case_ref": case["number"],
        "valid_from": local_date(due).isoformat(),
        # issue 19 outside try: failure 4 — the certificate's face (照面信息) was empty
        "content": {
            "持证主体": "陈晓梅",
            "持证主体类别": "自然人",
            "证件号码": "500*************28",
            "发证机关": "重庆市綦江区市场监督管理局",
            "办理事项": "个体工商户设立登记",
            "办件编号": case["number"],
            "决定书编号": decision_number,
            "有效期起": local_date(due).isoformat(),
        },
    }
    async with database.sessions() as session:
        stored = await session.get(Case, case["id"])
        assert stored is not None
        assert stored.certificate_id == fake_mesh.issued[case["number"]]
        assert stored.certificate_issued_at is not None
        envelopes = (
            await session.scalars(
                select(OUTBOX.c.envelope).where(OUTBOX.c.subject == "cases.certificate_issued.v1")
            )
        ).all()
    [event] = envelopes
    assert event["data"]["certificate_id"] == stored.certificate_id
    assert (event["data"]["status"], event["data"]["national_code"]) == ("approved", 3)
    assert await issue_due_certificates(database, mesh_calls, policy=POLICY, now=due) == 0  # nothing due


async def test_a_certificate_that_failed_shows_and_is_issued_again_on_request(
    flow: Flow,
    registration: str,
    worker: Worker,
    fake_mesh: FakeMesh,
    mesh_calls: MeshCalls,
    database: Database,
) -> None:
    await flow.open_matter()
    case, other = await _apply(flow), await _apply(flow)
    await flow.supply_paper(case["id"])
    clerk, reviewer = flow.staff("window_clerk"), flow.staff("reviewer")
    for headers, action in ((clerk, "accept"), (reviewer, "start_review"), (reviewer, "approve")):
        assert (await flow.act(case["id"], headers, action, reason="符合条件")).status_code == 200
    url = f"/cases/{case['id']}"
    assert (await flow.client.get(url, headers=reviewer)).json()["certificate_state"] == "pending"
    await worker.deliver("cases.case_concluded.v1", {"case_id": case["id"], "status": "approved"})
    fake_mesh.unknown_types = {"ZZ-YYZZ"}  # the exchange's type directory lacks it
    due: datetime | None = datetime.now(UTC)
    for _ in range(POLICY.max_attempts):
        assert due is not None
        assert await issue_due_certificates(database, mesh_calls, policy=POLICY, now=due) == 0
        async with CasesUnitOfWork(database) as uow:
            stored = await uow.cases.get(case["id"])
            assert stored is not None
            due = stored.certificate_next_attempt_at
    assert due is None  # given up
    failed = (await flow.client.get(url, headers=flow.citizen())).json()
    assert (failed["certificate_state"], failed["certificate_state_label"], failed["certificate_error"]) == (
        "failed",
        "签发失败",
        "unknown_certificate_type",
    )

    retry = f"{url}/certificate/retry"
    for headers, status in (
        (flow.citizen(), 403),
        (clerk, 403),
        (flow.staff("reviewer", org="500110-GAJ"), 404),
    ):
        assert (await flow.client.post(retry, headers=headers)).status_code == status
    fake_mesh.unknown_types.clear()  # an operator entered the type
    asked = await flow.client.post(retry, headers=reviewer)
    assert asked.status_code == 200, asked.text
    assert (asked.json()["certificate_state"], asked.json()["certificate_error"]) == (
        "pending",
        "unknown_certificate_type",
    )
    [entry] = [
        t
        for t in (await flow.client.get(url, headers=reviewer)).json()["timeline"]
        if t["action"] == "retry_certificate"
    ]
    assert (entry["actor_role"], entry["to_status"]) == ("reviewer", "approved")
    assert "3 次" in entry["opinion"]
    assert await issue_due_certificates(database, mesh_calls, policy=POLICY, now=datetime.now(UTC)) == 1
    issued = (await flow.client.get(url, headers=flow.citizen())).json()
    assert (issued["certificate_state"], issued["certificate_error"]) == ("issued", None)
    assert issued["certificate_id"] == fake_mesh.issued[case["number"]]

    for target in (case, other):  # issued already; not approved
        again = await flow.client.post(f"/cases/{target['id']}/certificate/retry", headers=reviewer)
        assert (again.status_code, again.json()["code"]) == (409, "certificate_not_retryable")
    head = flow.staff("department_head")
    assert (
        await flow.client.post(f"/cases/{other['id']}/certificate/retry", headers=head)
    ).status_code == 409


async def test_a_member_certificate_satisfies_the_bundle_material(flow: Flow, database: Database) -> None:
    now = datetime.now(UTC)
    parent_id, member_id = str(uuid.uuid4()), str(uuid.uuid4())

    def case(case_id: str, number: str, kind: str, matter: str, parent: str | None) -> Case:
        return Case(
            id=case_id,
            number=number,
            parent_id=parent,
            matter_code=matter,
            matter_version=1,
            matter_name=matter,
            kind=kind,
            applicant_kind="person",
            applicant_id="person-1",
            submitted_by="person-1",
            channel="online",
            received_by_org="500110-ZWFWZX",
            region="500110000000",
            handling_org="500110-SCJGJ",
            status="approved",
            national_code=3,
            form={},
            received_at=now,
            limit_days=10,
            limit_unit="working_day",
            statutory_days=20,
            result_certificate_type="ZZ-YYZZ",
        )

    async with CasesUnitOfWork(database) as uow:
        uow.cases.add(case(parent_id, "B-1", "bundle", "500110-SCJGJ-KBCYD-YJS", None))
        await uow.flush()
        uow.cases.add(case(member_id, "B-1-1", "member", REGISTRATION, parent_id))
        uow.cases.add(
            CaseMaterial(
                case_id=parent_id,
                material_code="M02",
                name="营业执照",
                requirement="required",
                status="awaiting_member",
                produced_by=REGISTRATION,
                certificate_type="ZZ-YYZZ",
                data_items=[],
                detail={},
                attempts=0,
                source="government",
            )
        )
        await uow.commit()
    async with CasesUnitOfWork(database) as uow:
        assert await record_certificate(uow, case_id=member_id, certificate_id="CERT-1", now=now) == 1
    async with CasesUnitOfWork(database) as uow:
        [material] = await uow.materials.of_case(parent_id)
        assert (material.status, material.method, material.reference) == (
            "obtained",
            "bundle_member",
            "CERT-1",
        )
        assert material.detail["member_case_id"] == member_id


async def test_a_file_name_that_hides_its_type_or_is_not_utf8_is_refused(
    flow: Flow, registration: str
) -> None:
    """Issue 18, found by an outside try: X-Filename `%E2%80%AEfdp.exe` was stored and served back in the
    download's Content-Disposition (an .exe shown as "exe.pdf"); `%FF%FE` and overlong `%C0%AF` were stored as
    U+FFFD; `%C2%85`, `%7F` and `%09` were stripped without a word."""
    case = await _apply(flow)
    url = f"/cases/{case['id']}/materials/M01/upload"
    for name in ("%E2%80%AEfdp.exe", "%FF%FE.pdf", "%C0%AF.pdf", "a%C2%85b.pdf", "a%7Fb.pdf", "a%09b.pdf"):
        refused = await flow.client.post(url, content=PDF, headers=_file(flow.citizen(), name=name))
        assert refused.status_code == 422, (name, refused.text)
        assert refused.json()["code"] == "upload_filename_invalid"
    accepted = await flow.client.post(
        url, content=PDF, headers=_file(flow.citizen(), name="%E8%BA%AB%E4%BB%BD.pdf")
    )
    assert accepted.status_code == 201
    assert accepted.json()["filename"] == "身份.pdf"
