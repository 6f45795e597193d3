"""Issue 19 failure 1 at the hub: a case's parties are its applicant AND its subject. After 新生儿出生一件事 the
mother's lookup listed the child's 出生医学证明 as hers. Now the cases events name the subject (a newborn, by the
identifier identity issued it), the hub counts it among the case's parties, the certificate is registered to the
child, a department handling the case finds it under the child, and the mother's lookup does not list it."""

from datetime import UTC, date, datetime
from typing import Any

import httpx
import pytest

from exchange.consumers.case_events import on_case_events
from meshkit.db import Database
from meshkit.events import CloudEvent

pytestmark = pytest.mark.api

CHEN = "500222199803070028"  # 陈晓梅, the mother
MOTHER = ("person", f"p-{CHEN}")
NEWBORN, SECOND_CHILD = "6a1f0c3e-8d2b-4f6a-9c1e-0b7d5e3a2f10", "7b2e1d4f-9e3c-4a7b-8d2f-1c8e6f4b3a21"
WSJKW = "500110-WSJKW"
PLATFORM_SCOPE = "exchange:read exchange:platform exchange:certificates:issue"


def _event(name: str, status: str, national: int, *, subject: tuple[str, str] | None) -> CloudEvent:
    data: dict[str, Any] = {
        "case_id": "nb-1",
        "case_number": "NB-1",
        "parent_case_id": None,
        "matter_code": "500110-WSJKW-CSYXZM",
        "matter_version": 1,
        "handling_org": WSJKW,
        "received_by_org": "500110-ZWFWZX",
        "channel": "online",
        "status": status,
        "national_code": national,
        "occurred_at": "2026-12-01T10:00:00+08:00",
        "applicant_kind": MOTHER[0],
        "applicant_id": MOTHER[1],
    }
    if subject is not None:
        data |= {"subject_kind": subject[0], "subject_id": subject[1]}
    return CloudEvent(
        id=f"ev-nb-1-{name}",
        source="/tongban/cases",
        type=f"cases.{name}.v1",
        subject="nb-1",
        time=datetime(2026, 12, 1, 2, tzinfo=UTC),
        sequence=1 if name == "case_submitted" else 2,
        data=data,
    )


async def _approved_case_about(demo: Database, subject: tuple[str, str] | None) -> None:
    async with demo.sessions() as session, session.begin():
        await on_case_events(
            session,
            [
                _event("case_submitted", "received", 1, subject=subject),
                _event("case_concluded", "approved", 3, subject=subject),
            ],
        )


def _lookup(kind: str, identifier: str) -> dict[str, Any]:
    return {
        "holder_kind": kind,
        "holder_identifier": identifier,
        "type_code": "ZZ-CSYXZM",
        "purpose": "出生登记 材料核验",
        "case_ref": "NB-1",
    }


async def test_failure1_newborn_certificates_are_the_childs_not_the_mothers(
    client: httpx.AsyncClient,
    demo: Database,
    headers,  # type: ignore[no-untyped-def]
    mesh,  # type: ignore[no-untyped-def]
) -> None:
    mesh.open_world = False  # only the case the events name exists
    await _approved_case_about(demo, ("newborn", NEWBORN))
    platform = headers.system("500110-ZWFWZX", client_id="tongban-cases", scope=PLATFORM_SCOPE)
    issued = await client.post(
        "/certificates",
        headers=platform,
        json={
            "type_code": "ZZ-CSYXZM",
            "issuer_org": WSJKW,
            "holder_kind": "newborn",
            "holder_identifier": NEWBORN,
            "holder_name": "陈小宝",
            "holder_id": NEWBORN,
            "case_ref": "NB-1",
            "valid_from": date(2026, 12, 1).isoformat(),
        },
    )
    # the child is a party of the case: it may hold the certificate
    assert issued.status_code == 201, issued.text
    assert issued.json()["holder_kind"] == "newborn"
    certificate = issued.json()["identifier"]
    # a newborn's identifier is the id identity issued it: its subject ref needs no call to identity
    assert not [call for call in mesh.calls if NEWBORN in call or "newborn" in call]

    department = headers.system(WSJKW)
    mothers = await client.post("/certificates/lookup", headers=department, json=_lookup("person", CHEN))
    assert mothers.status_code == 200, mothers.text
    assert mothers.json()["certificates"] == []  # the mother's lookup no longer lists the child's certificate
    childs = await client.post("/certificates/lookup", headers=department, json=_lookup("newborn", NEWBORN))
    assert childs.status_code == 200, childs.text  # a read of the case's subject rests on the case
    assert [c["identifier"] for c in childs.json()["certificates"]] == [certificate]
    # a second child is no party of this case: reading it under this case is refused (and logged)
    second = await client.post(
        "/certificates/lookup", headers=department, json=_lookup("newborn", SECOND_CHILD)
    )
    assert (second.status_code, second.json()["code"]) == (403, "subject_not_in_case")


async def test_failure1_a_case_without_a_subject_is_about_its_applicant(
    client: httpx.AsyncClient,
    demo: Database,
    headers,  # type: ignore[no-untyped-def]
    mesh,  # type: ignore[no-untyped-def]
) -> None:
    """Events of cases filed before subjects existed (no ``subject_*``): the applicant is the only party, so a
    read of some newborn under such a case is refused; a newborn identifier that is not one is a 422 in Chinese."""
    mesh.open_world = False
    await _approved_case_about(demo, None)
    department = headers.system(WSJKW)
    refused = await client.post("/certificates/lookup", headers=department, json=_lookup("newborn", NEWBORN))
    assert (refused.status_code, refused.json()["code"]) == (403, "subject_not_in_case")
    mothers = await client.post("/certificates/lookup", headers=department, json=_lookup("person", CHEN))
    assert mothers.status_code == 200, mothers.text
    malformed = await client.post(
        "/certificates/lookup", headers=department, json=_lookup("newborn", "newborn-of-chen")
    )
    assert malformed.status_code == 422, malformed.text
    assert malformed.headers["content-type"].startswith("application/problem+json")
    assert "新生儿" in malformed.json()["detail"]


async def test_failure1_the_guardian_sees_who_read_her_childs_data(
    client: httpx.AsyncClient,
    demo: Database,
    headers,  # type: ignore[no-untyped-def]
    mesh,  # type: ignore[no-untyped-def]
) -> None:
    """Reads made for the child's case are logged for the child: the mother's own list does not show them; with
    ``newborn_id`` she sees them — only as the guardian identity's records name."""
    mesh.open_world = False
    mesh.wards.add((MOTHER[1], NEWBORN))
    await _approved_case_about(demo, ("newborn", NEWBORN))
    looked = await client.post(
        "/certificates/lookup", headers=headers.system(WSJKW), json=_lookup("newborn", NEWBORN)
    )
    assert looked.status_code == 200, looked.text
    mother = headers.person(MOTHER[1])
    own = await client.get("/access-log/mine", headers=mother)
    assert own.status_code == 200, own.text
    assert looked.json()["access_log_id"] not in {e["id"] for e in own.json()}
    childs = await client.get("/access-log/mine", params={"newborn_id": NEWBORN}, headers=mother)
    assert childs.status_code == 200, childs.text
    assert [e["purpose"] for e in childs.json() if e["id"] == looked.json()["access_log_id"]] == [
        "出生登记 材料核验"
    ]
    for who, child in ((f"p-{'510223195806120035'}", NEWBORN), (MOTHER[1], SECOND_CHILD), (MOTHER[1], "x")):
        refused = await client.get(
            "/access-log/mine", params={"newborn_id": child}, headers=headers.person(who)
        )
        assert refused.status_code == 403, refused.text
        assert "监护" in refused.json()["detail"]
