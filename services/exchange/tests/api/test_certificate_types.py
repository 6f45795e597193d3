"""The e-certificate type directory as data: operators enter types and aliases, issuing and lookups follow."""

from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from exchange.consumers.matter_published import on_matter_published
from exchange.demo_data import CERTIFICATE_TYPES as DEMO_TYPES
from meshkit.db import Database
from meshkit.events import CloudEvent

pytestmark = pytest.mark.api

ISSUING = "exchange:read exchange:certificates:issue"

RESIDENT = "500222199803070028"
PERMIT = "11500110MB1A00036W900"  # a type the demo does not enter: 个体工商户经营证明


def issue(type_code: str, **overrides: Any) -> dict[str, Any]:
    return {
        "type_code": type_code,
        "holder_kind": "person",
        "holder_identifier": RESIDENT,
        "holder_name": "陈晓梅",
        "holder_id": "person-chen",
        "valid_from": "2026-06-15",
        "case_ref": "50011020260615000009",
        **overrides,
    }


def lookup(type_code: str) -> dict[str, Any]:
    return {
        "holder_kind": "person",
        "holder_identifier": RESIDENT,
        "type_code": type_code,
        "person_id": "person-chen",
        "purpose": "材料免提交",
        "case_ref": "50011020260616000002",
    }


async def test_an_entered_type_can_be_issued_and_looked_up_by_its_alias(
    client: httpx.AsyncClient, demo: Database, headers
) -> None:  # type: ignore[no-untyped-def]
    department = headers.system("500110-SCJGJ", scope=ISSUING)
    before = await client.post("/certificates", json=issue("ZZ-GTJYZM"), headers=department)
    assert (before.status_code, before.json()["code"]) == (422, "unknown_certificate_type")
    asked = await client.post("/certificates/lookup", json=lookup("ZZ-GTJYZM"), headers=department)
    assert asked.json()["code"] == "unknown_certificate_type"  # and this process now keeps a copy without it

    entered = await client.put(
        f"/certificate-types/{PERMIT.lower()}",
        json={"name": "个体工商户经营证明", "aliases": ["zz-gtjyzm", "ZZ-GTJYZM"]},
        headers=headers.operator(),
    )
    assert entered.status_code == 200, entered.text
    assert entered.json() == {"code": PERMIT, "name": "个体工商户经营证明", "aliases": ["ZZ-GTJYZM"]}
    assert entered.json() in (await client.get("/certificate-types")).json()

    issued = await client.post("/certificates", json=issue("zz-gtjyzm"), headers=department)
    assert issued.status_code == 201, issued.text
    assert (issued.json()["type_code"], issued.json()["type_name"]) == (PERMIT, "个体工商户经营证明")
    assert f".{PERMIT}.11500110MB1A0001X2." in issued.json()["identifier"]
    found = await client.post("/certificates/lookup", json=lookup("ZZ-GTJYZM"), headers=department)
    assert [c["identifier"] for c in found.json()["certificates"]] == [issued.json()["identifier"]]


async def test_aliases_are_replaced_whole_and_name_one_type(
    client: httpx.AsyncClient, demo: Database, headers
) -> None:  # type: ignore[no-untyped-def]
    operator = headers.operator()
    taken = await client.put(
        f"/certificate-types/{PERMIT}",
        json={"name": "个体工商户经营证明", "aliases": ["ZZ-GTJYZM", "ZZ-YYZZ"]},
        headers=operator,
    )
    assert (taken.status_code, taken.json()["code"]) == (409, "alias_taken")
    assert PERMIT not in {
        t["code"] for t in (await client.get("/certificate-types")).json()
    }  # nothing half-entered

    first = await client.put(
        f"/certificate-types/{PERMIT}",
        json={"name": "个体经营证明", "aliases": ["ZZ-GTJYZM"]},
        headers=operator,
    )
    again = await client.put(
        f"/certificate-types/{PERMIT}",
        json={"name": "个体工商户经营证明", "aliases": ["ZZ-GTJY"]},
        headers=operator,
    )
    assert (first.status_code, again.status_code) == (200, 200)
    [listed] = [t for t in (await client.get("/certificate-types")).json() if t["code"] == PERMIT]
    assert listed == {"code": PERMIT, "name": "个体工商户经营证明", "aliases": ["ZZ-GTJY"]}
    dropped = await client.post(
        "/certificates", json=issue("ZZ-GTJYZM"), headers=headers.system("500110-SCJGJ", scope=ISSUING)
    )
    assert dropped.json()["code"] == "unknown_certificate_type"


@pytest.mark.parametrize(
    ("code", "body", "problem"),
    [
        ("ZZ-GTJYZM", {"name": "个体工商户经营证明"}, "invalid_type_code"),
        ("11100000000013338X011", {"name": "个体工商户经营证明"}, "invalid_type_code"),
        (PERMIT, {"name": "个体工商户经营证明", "aliases": ["证明"]}, "invalid_alias"),
        (PERMIT, {"name": "个体工商户经营证明", "aliases": ["11100000000013338W011"]}, "invalid_alias"),
        (PERMIT, {"name": "证"}, "validation_failed"),
    ],
)
async def test_bad_entries_are_refused_with_the_reason(
    client: httpx.AsyncClient, demo: Database, headers, code, body, problem
) -> None:  # type: ignore[no-untyped-def]
    response = await client.put(f"/certificate-types/{code}", json=body, headers=headers.operator())
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["code"] == problem


async def test_only_operators_change_the_directory(
    client: httpx.AsyncClient, demo: Database, headers
) -> None:  # type: ignore[no-untyped-def]
    body = {"name": "个体工商户经营证明", "aliases": ["ZZ-GTJYZM"]}
    for caller in (
        headers.system("500110-SCJGJ", scope=ISSUING),
        headers.staff("500110-SCJGJ", "window_clerk"),
        headers.person(f"p-{RESIDENT}"),
    ):
        response = await client.put(f"/certificate-types/{PERMIT}", json=body, headers=caller)
        assert response.status_code == 403
    assert (await client.put(f"/certificate-types/{PERMIT}", json=body)).status_code == 401


async def test_the_demo_enters_every_type_of_the_demo_catalog(
    client: httpx.AsyncClient, demo: Database, headers, mesh
) -> None:  # type: ignore[no-untyped-def]
    types = (await client.get("/certificate-types")).json()
    aliases = {alias for t in types for alias in t["aliases"]}
    assert {"ZZ-YYZZ", "ZZ-SPJYXKZ", "ZZ-JMSFZ", "ZZ-JHZ", "ZZ-HJZM"} <= aliases
    assert len(types) == 2 + len(DEMO_TYPES)
    mesh.case("M-1", handling_org="500110-MZJ", applicant=("person", f"p-{RESIDENT}"), outcome="approved")
    marriage = await client.post(
        "/certificates",
        json={**issue("ZZ-JHZ"), "case_ref": "M-1"},
        headers=headers.system("500110-MZJ", scope=ISSUING),
    )
    assert marriage.status_code == 201, marriage.text
    assert marriage.json()["type_name"] == "结婚证"


async def test_the_types_the_catalog_names_but_the_directory_lacks(
    client: httpx.AsyncClient, demo: Database, headers
) -> None:  # type: ignore[no-untyped-def]
    matter = {
        "code": "500110-SCJGJ-GTJY-ZM",
        "version": 1,
        "name": "个体经营证明开具",
        "department_code": "500110-SCJGJ",
        "result_certificate_type": "ZZ-GTJYZM",
        "materials": [
            {"name": "营业执照", "certificate_type": "ZZ-YYZZ"},
            {"name": "原个体经营证明", "certificate_type": "zz-gtjyzm"},
            {"name": "结婚证", "certificate_type": "ZZ-JHZ"},
            {"name": "国家目录中的证照", "certificate_type": "11100000000013338W099"},
        ],
    }
    async with demo.sessions() as session, session.begin():
        await on_matter_published(
            session,
            CloudEvent(
                id="e-1",
                source="/tongban/catalog",
                type="catalog.matter_published.v1",
                subject=matter["code"],
                time=datetime.now(UTC),
                sequence=1,
                data=matter,
            ),
        )
    missing = (await client.get("/certificate-types/missing")).json()
    assert missing == [
        {
            "name": "ZZ-GTJYZM",
            "matters": [
                {
                    "matter_code": "500110-SCJGJ-GTJY-ZM",
                    "matter_name": "个体经营证明开具",
                    "used_as": "result",
                },
                {
                    "matter_code": "500110-SCJGJ-GTJY-ZM",
                    "matter_name": "个体经营证明开具",
                    "used_as": "material",
                },
            ],
        }
    ]
    entered = await client.put(
        f"/certificate-types/{PERMIT}",
        json={"name": "个体工商户经营证明", "aliases": ["ZZ-GTJYZM"]},
        headers=headers.operator(),
    )
    assert entered.status_code == 200
    assert (await client.get("/certificate-types/missing")).json() == []
