"""Issue 19 outside try, failures 2 and 3 of "who read my data": the organization a platform read served, and
whose own refused lookup an entry was."""

from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from exchange.consumers.case_events import on_case_events
from meshkit.db import Database
from meshkit.events import CloudEvent

pytestmark = pytest.mark.api

CHEN = "500222199803070028"  # 陈晓梅, the mother
LI = "500222200506120047"  # 李华, another resident the fake identity knows


def lookup_body(holder: str, **overrides: Any) -> dict[str, Any]:
    return {
        "holder_kind": "person",
        "holder_identifier": holder,
        "type_code": "11100000000013338W011",
        "purpose": "查询我的电子证照",
        "case_ref": "50011020260616000002",
        **overrides,
    }


async def test_issue19_outside_try_own_refused_lookups_read_as_hers(
    client: httpx.AsyncClient, demo: Database, headers
) -> None:  # type: ignore[no-untyped-def]
    """issue 19 outside try: failure 3 — the mother's own refused certificate lookup and a stranger's (李华's) of
    her certificates both read "通办网上办事大厅 / 电子证照 / 已拒绝". Now her own attempt says 您本人 and the
    stranger's 其他人 (never who), from the log's recorded requester against her token; a department's read says
    neither (its organization names it)."""
    mother, stranger = headers.person(f"p-{CHEN}"), headers.person(f"p-{LI}")
    own = await client.post("/certificates/lookup", json=lookup_body(CHEN), headers=mother)
    other = await client.post("/certificates/lookup", json=lookup_body(CHEN), headers=stranger)
    assert (own.status_code, other.status_code) == (403, 403)
    department = await client.post(
        "/certificates/lookup", json=lookup_body(CHEN), headers=headers.system("500110-WSJKW")
    )
    assert department.status_code == 200, department.text

    mine = {e["id"]: e for e in (await client.get("/access-log/mine", headers=mother)).json()}
    assert (
        mine[own.json()["access_log_id"]]["requester"],
        mine[own.json()["access_log_id"]]["requester_label"],
    ) == (
        "self",
        "您本人",
    )
    theirs = mine[other.json()["access_log_id"]]
    assert (theirs["requester"], theirs["requester_label"]) == ("other", "其他人")
    assert f"p-{LI}" not in str(theirs)  # the stranger stays masked: no id of hers in the mother's log
    assert mine[department.json()["access_log_id"]]["requester_label"] is None

    # 李华 reads her own log: the mother's data is not in it, and her attempt is not "hers" there either
    stranger_log = (await client.get("/access-log/mine", headers=stranger)).json()
    assert other.json()["access_log_id"] not in {e["id"] for e in stranger_log}


COMPANY = "92500110MA5U3G7K2T"
LEGAL = "500110-SCJGJ-FR-001"  # 法人基础信息, hosted
GAJ, VILLAGE, TOWN = "500110-GAJ", "500110001001-center", "500110001000-center"
PLATFORM = "exchange:read exchange:platform"


def _case_event(number: str) -> CloudEvent:
    """``cases.case_submitted.v1`` of a case received at 綦河社区, accepted at 古南街道, handled by 区公安局."""
    data = {
        "case_id": f"id-{number}",
        "case_number": number,
        "matter_code": "M",
        "matter_version": 1,
        "handling_org": GAJ,
        "received_by_org": VILLAGE,
        "accepting_org": TOWN,
        "channel": "hall",
        "status": "received",
        "national_code": 1,
        "occurred_at": "2026-06-15T10:00:00+08:00",
        "applicant_kind": "enterprise",
        "applicant_id": f"e-{COMPANY}",
    }
    return CloudEvent(
        id=f"ev-{number}",
        source="/tongban/cases",
        type="cases.case_submitted.v1",
        subject=f"id-{number}",
        time=datetime(2026, 6, 15, 2, tzinfo=UTC),
        sequence=1,
        data=data,
    )


def _record(number: str, **extra: Any) -> dict[str, Any]:
    return {
        "kind": "record",
        "resource_code": LEGAL,
        "identifier": COMPANY,
        "subject_kind": "enterprise",
        "purpose": "办件材料核验",
        "case_ref": number,
        **extra,
    }


def _certificates(number: str, **extra: Any) -> dict[str, Any]:
    return {
        "kind": "certificates",
        "holder_kind": "enterprise",
        "holder_identifier": COMPANY,
        "type_code": "11100000000013338W011",
        "purpose": "办件材料核验",
        "case_ref": number,
        **extra,
    }


async def test_issue19_outside_try_platform_reads_name_the_organization_they_served(
    client: httpx.AsyncClient, demo: Database, headers, mesh
) -> None:  # type: ignore[no-untyped-def]
    """issue 19 outside try: failure 2 — every read the cases platform made for 李华's case (received at 綦河社区,
    accepted by 古南街道, handled by 区公安局) was listed as "綦江区行政服务中心 / 通办办件平台", an organization that never
    touched the case. Now each entry — record reads and certificate lookups alike — names the organization the
    read served, as the platform says from the case's record and the hub checks against its own record of the
    case (the case's handling department when not said), and the system 通办办件平台; an organization the case
    does not have is refused and logged, and no other reader may name anyone but itself."""
    mesh.open_world = False
    number = "50011020260615000042"
    async with demo.sessions() as session, session.begin():
        await on_case_events(session, [_case_event(number)])
    platform = headers.system("500110-ZWFWZX", client_id="tongban-cases", scope=PLATFORM)
    batch = await client.post(
        "/reads",
        json={
            "reads": [
                _record(number, served_org=TOWN),
                _certificates(number, served_org=TOWN),
                _record(number),
                _record(number, served_org=VILLAGE),
                _record(number, served_org="500110-SWJ"),
                _certificates(number, served_org="500110-SWJ"),
            ]
        },
        headers=platform,
    )
    assert batch.status_code == 200, batch.text
    results = batch.json()["results"]
    assert [r["status"] for r in results] == [200, 200, 200, 200, 403, 403], results
    assert {r["problem"]["code"] for r in results[4:]} == {"served_org_not_in_case"}
    assert all("不能以其名义读取" in r["problem"]["detail"] for r in results[4:])
    ids = [(r.get("result") or r["problem"])["access_log_id"] for r in results]

    department = await client.post(
        f"/resources/{LEGAL}/read",
        json={
            k: v for k, v in _record(number, served_org=TOWN).items() if k not in ("kind", "resource_code")
        },
        headers=headers.system(GAJ),
    )
    assert (department.status_code, department.json()["code"]) == (403, "served_org_not_in_case")
    own = await client.post(
        f"/resources/{LEGAL}/read",
        json={k: v for k, v in _record(number).items() if k not in ("kind", "resource_code")},
        headers=headers.system(GAJ),
    )
    assert own.status_code == 200, own.text

    mine = {
        e["id"]: e
        for e in (await client.get("/access-log/mine", headers=headers.enterprise(f"e-{COMPANY}"))).json()
    }
    served = [mine[i]["organization_code"] for i in ids]
    # the refused claims are logged under the platform's own organization: the hub did not accept them
    assert served == [TOWN, TOWN, GAJ, VILLAGE, "500110-ZWFWZX", "500110-ZWFWZX"]
    assert [mine[i]["organization"] for i in ids[:4]] == [
        "古南街道公共服务中心",
        "古南街道公共服务中心",
        "区公安局",
        "古南街道綦河社区便民服务中心",
    ]
    assert {mine[i]["system_name"] for i in ids} == {"通办办件平台"}
    assert mine[ids[4]]["reason_label"] == "所称办理单位不是该办件的办理或受理单位"
    assert mine[own.json()["access_log_id"]]["organization_code"] == GAJ
