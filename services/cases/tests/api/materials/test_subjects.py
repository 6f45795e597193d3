"""Issue 19 failure 1: a case knows its applicant AND its subject. After 新生儿出生一件事 the 出生医学证明 was issued
to the mother, and her second child's 出生登记 was satisfied with the first child's certificate: certificates were
issued to the applicant and materials looked up for the applicant. Now the filing names the subject (identity's
records decide whether the applicant may), every member case of a bundle carries it, the certificate is issued to
it and materials are looked up for it. identity and the exchange are faked at the outer edge (MockTransport)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import func, select

from cases.store.case_models import Case, CaseMaterial
from cases.store.models import OUTBOX
from cases.store.repositories import OpenBundleRepository, OpenMatterRepository
from cases.use_cases.exchange_work import MeshCalls, RetryPolicy
from cases.use_cases.issuing import issue_due_certificates
from cases.use_cases.resolution import resolve_due_materials
from meshkit.db import Database

from ...conftest import NEWBORN_A, NEWBORN_B
from ..conftest import Flow, filing
from .conftest import CHEN_ID_NUMBER, FakeMesh, Worker

pytestmark = pytest.mark.api

POLICY = RetryPolicy(max_attempts=3, base_seconds=5, max_seconds=60)
BUNDLE = "500110-WSJKW-XSECS-YJS"
BIRTH_CERTIFICATE = ("500110-WSJKW-CSYXZM", "出生医学证明签发", "500110-WSJKW", "ZZ-CSYXZM")
BIRTH_REGISTRATION = ("500110-GAJ-HJ-CS", "出生登记", "500110-GAJ", "ZZ-JMHKB")
BIRTH_PROOF = {"name": "出生医学证明", "requirement": "required", "source": "government"}


async def _open_newborn_matters(database: Database) -> None:
    """出生医学证明签发 and 出生登记 (which asks for the 出生医学证明), alone and as 新生儿出生一件事."""
    async with database.sessions() as session, session.begin():
        for code, name, department, certificate in (BIRTH_CERTIFICATE, BIRTH_REGISTRATION):
            materials = (
                [{**BIRTH_PROOF, "certificate_type": "ZZ-CSYXZM"}] if code == BIRTH_REGISTRATION[0] else []
            )
            await OpenMatterRepository(session).upsert_newer(
                {
                    "matter_id": f"m-{code}",
                    "code": code,
                    "version": 1,
                    "name": name,
                    "matter_type": "07",
                    "department_code": department,
                    "statutory_days": 20,
                    "promised_days": 5,
                    "result_certificate_type": certificate,
                    "materials": materials,
                }
            )
        await OpenBundleRepository(session).upsert_newer(
            {
                "bundle_id": "b-newborn",
                "code": BUNDLE,
                "version": 1,
                "name": "新生儿出生一件事",
                "lead_department_code": "500110-WSJKW",
                "lead_department_name": "区卫生健康委",
                "members": [
                    {"code": c, "version": 1, "name": n, "department_code": d}
                    for c, n, d, _ in (BIRTH_CERTIFICATE, BIRTH_REGISTRATION)
                ],
                "materials": [
                    {
                        **BIRTH_PROOF,
                        "certificate_type": "ZZ-CSYXZM",
                        "asked_by": [BIRTH_REGISTRATION[0]],
                        "produced_by": BIRTH_CERTIFICATE[0],
                    }
                ],
                "statutory_days": 20,
                "statutory_unit": "working_day",
                "promised_days": 10,
                "promised_unit": "working_day",
            }
        )


async def _file(flow: Flow, headers: dict[str, str] | None = None, **body: Any) -> dict[str, Any]:
    response = await flow.client.post("/cases", json=body, headers=filing(headers or flow.citizen()))
    assert response.status_code == 201, response.text
    return dict(response.json())


async def _approve_member(flow: Flow, case_id: str, department: str) -> None:
    reviewer = flow.staff("reviewer", org=department)
    for action in ("start_review", "approve"):
        response = await flow.act(case_id, reviewer, action, reason="符合条件")
        assert response.status_code == 200, response.text


async def test_failure1_newborn_certificates_are_the_childs(
    flow: Flow,
    worker: Worker,
    fake_mesh: FakeMesh,
    mesh_calls: MeshCalls,
    database: Database,
) -> None:
    """The mother files 新生儿出生一件事 for her newborn: every member case is about the child, the 出生医学证明 is
    issued to the child (not to her ID number), and the 出生登记 of her second child asks the registry for the
    second child's certificate — the first child's does not satisfy it."""
    await flow.open_matter()  # publishes the calendar years the deadlines need
    await _open_newborn_matters(database)
    fake_mesh.newborns.update({NEWBORN_A: "陈小宝", NEWBORN_B: "陈二宝"})
    parent = await _file(
        flow, bundle_code=BUNDLE, subject_kind="newborn", subject_id=NEWBORN_A, form={"新生儿姓名": "陈小宝"}
    )
    assert (parent["subject_kind"], parent["subject_id"], parent["subject_label"]) == (
        "newborn",
        NEWBORN_A,
        "新生儿",
    )
    detail = (await flow.client.get(f"/cases/{parent['id']}", headers=flow.citizen())).json()
    members = {m["matter_code"]: m for m in detail["members"]}
    assert {(m["subject_kind"], m["subject_id"]) for m in members.values()} == {("newborn", NEWBORN_A)}
    async with database.sessions() as session:  # every event carries applicant and subject
        submitted = (
            await session.scalars(
                select(OUTBOX.c.envelope).where(OUTBOX.c.subject == "cases.case_submitted.v1")
            )
        ).all()
    assert {
        (e["data"]["applicant_id"], e["data"]["subject_kind"], e["data"]["subject_id"]) for e in submitted
    } == {("person-1", "newborn", NEWBORN_A)}

    clerk = flow.staff("window_clerk", org="500110-ZWFWZX")
    assert (await flow.act(parent["id"], clerk, "accept")).status_code == 200
    birth_certificate = members[BIRTH_CERTIFICATE[0]]["id"]
    await _approve_member(flow, birth_certificate, BIRTH_CERTIFICATE[2])
    await worker.deliver("cases.case_concluded.v1", {"case_id": birth_certificate, "status": "approved"})
    now = datetime.now(UTC)
    assert await issue_due_certificates(database, mesh_calls, policy=POLICY, now=now) == 1
    [issue] = [body for method, path, body in fake_mesh.calls if (method, path) == ("POST", "/certificates")]
    assert (issue["holder_kind"], issue["holder_identifier"], issue["holder_id"], issue["holder_name"]) == (
        "newborn",
        NEWBORN_A,
        NEWBORN_A,
        "陈小宝",
    )
    assert CHEN_ID_NUMBER not in str(issue)  # not the mother's
    first_child_certificate = fake_mesh.issued[members[BIRTH_CERTIFICATE[0]]["number"]]
    fake_mesh.certificates[(NEWBORN_A, "ZZ-CSYXZM")] = first_child_certificate
    # the mother's own certificates, had she any of this type, must not count for a child either
    fake_mesh.certificates[(CHEN_ID_NUMBER, "ZZ-CSYXZM")] = "1.2.156.3005.2.MOTHER.1"

    # Her second child's 出生登记, filed on its own: the 出生医学证明 is looked up for the second child.
    second = await _file(
        flow, matter_code=BIRTH_REGISTRATION[0], subject_kind="newborn", subject_id=NEWBORN_B
    )
    # and, for comparison, the first child's 出生登记 filed on its own
    first = await _file(flow, matter_code=BIRTH_REGISTRATION[0], subject_kind="newborn", subject_id=NEWBORN_A)
    await resolve_due_materials(database, mesh_calls, policy=POLICY, now=datetime.now(UTC))
    asked = [
        (item["case_ref"], item["holder_kind"], item["holder_identifier"])
        for _, path, body in fake_mesh.calls
        if path == "/reads"
        for item in body["reads"]
        if item["kind"] == "certificates"
    ]
    assert sorted(asked) == sorted(
        [(second["number"], "newborn", NEWBORN_B), (first["number"], "newborn", NEWBORN_A)]
    )
    async with database.sessions() as session:
        proofs = {
            m.case_id: m
            for m in await session.scalars(
                select(CaseMaterial).where(CaseMaterial.case_id.in_([first["id"], second["id"]]))
            )
        }
    assert proofs[second["id"]].status == "missing"  # the first child's certificate is not the second's
    assert (proofs[first["id"]].status, proofs[first["id"]].reference) == (
        "obtained",
        first_child_certificate,
    )


async def _counts(database: Database) -> tuple[int, int]:
    async with database.sessions() as session:
        cases = await session.scalar(select(func.count()).select_from(Case))
        events = await session.scalar(select(func.count()).select_from(OUTBOX))
    return int(cases or 0), int(events or 0)


@pytest.mark.parametrize(
    ("who", "subject_kind", "subject_id"),
    [
        ("person-2", "newborn", NEWBORN_A),  # somebody else's child
        ("person-1", "person", "person-2"),  # another adult: she files herself, or a clerk for her (代办)
        ("person-2", "enterprise", "enterprise-1"),  # neither its representative nor its agent
        ("enterprise", "newborn", NEWBORN_A),  # an enterprise has no children
    ],
    ids=["other-familys-child", "another-adult", "unrelated-enterprise", "enterprise-for-a-child"],
)
async def test_failure1_a_subject_without_a_link_in_identity_is_refused(
    flow: Flow, database: Database, who: str, subject_kind: str, subject_id: str
) -> None:
    """Whom a case is about is decided by identity's records (guardian, legal representative, agent), never by
    the caller's word: no link, 403 in Chinese, and nothing written."""
    await flow.open_matter()
    await _open_newborn_matters(database)
    headers = (
        flow.tokens.headers(sub="rep-1", kind="enterprise", org="enterprise-1")
        if who == "enterprise"
        else flow.citizen(who)
    )
    before = await _counts(database)
    refused = await flow.client.post(
        "/cases",
        json={"matter_code": BIRTH_REGISTRATION[0], "subject_kind": subject_kind, "subject_id": subject_id},
        headers=filing(headers),
    )
    assert refused.status_code == 403, refused.text
    assert refused.headers["content-type"].startswith("application/problem+json")
    assert refused.json()["code"] == "subject_not_permitted"
    assert "监护" in refused.json()["detail"]
    assert await _counts(database) == before


async def test_failure1_links_identity_confirms_are_accepted(flow: Flow, database: Database) -> None:
    """Her own child and the enterprise she represents; a clerk's 代办 about the applicant's child; the default
    subject is the applicant (existing clients keep working)."""
    await flow.open_matter()
    await _open_newborn_matters(database)
    own = await _file(flow, matter_code=BIRTH_REGISTRATION[0])
    assert (own["subject_kind"], own["subject_id"]) == ("person", "person-1")
    enterprise = await _file(
        flow, matter_code=BIRTH_REGISTRATION[0], subject_kind="enterprise", subject_id="enterprise-1"
    )
    assert (enterprise["applicant_kind"], enterprise["subject_kind"]) == ("person", "enterprise")
    clerk = flow.staff("window_clerk", org="500110-ZWFWZX")
    for_her_child = await _file(
        flow,
        clerk,
        matter_code=BIRTH_REGISTRATION[0],
        applicant_id="person-1",
        consent_ref="委托书-0019",
        subject_kind="newborn",
        subject_id=NEWBORN_B,
    )
    assert (for_her_child["subject_kind"], for_her_child["subject_id"]) == ("newborn", NEWBORN_B)
    # the clerk's queue shows whom each case is about
    queue = (await flow.client.get("/queue", headers=clerk)).json()
    shown = {c["id"]: (c["subject_kind"], c["subject_label"]) for c in queue["items"]}
    assert shown[for_her_child["id"]] == ("newborn", "新生儿")
    # a clerk may not file about a child for someone who is not its guardian
    refused = await flow.client.post(
        "/cases",
        json={
            "matter_code": BIRTH_REGISTRATION[0],
            "applicant_id": "person-2",
            "consent_ref": "委托书-0020",
            "subject_kind": "newborn",
            "subject_id": NEWBORN_B,
        },
        headers=filing(clerk),
    )
    assert (refused.status_code, refused.json()["code"]) == (403, "subject_not_permitted")
