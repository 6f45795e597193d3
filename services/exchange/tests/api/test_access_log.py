"""The access log: every decision logged, "who read my data", hidden entries, and the hash-chain verifier
catching a tampered, a deleted and a reordered row."""

from typing import Any

import httpx
import pytest
from sqlalchemy import text

from meshkit.db import Database

pytestmark = pytest.mark.api

COMPANY = "92500110MA5U3G7K2T"
LEGAL = "500110-SCJGJ-FR-001"


async def read(client: httpx.AsyncClient, headers: dict[str, str], **overrides: Any) -> httpx.Response:
    body = {
        "identifier": COMPANY,
        "subject_kind": "enterprise",
        "purpose": "个体工商户设立登记 核验",
        "case_ref": "50011020260615000001",
        **overrides,
    }
    return await client.post(f"/resources/{LEGAL}/read", json=body, headers=headers)


ENTERPRISE = f"e-{COMPANY}"  # identity's id of the enterprise (the fake identity knows it)


async def test_who_read_my_data_newest_first(
    client: httpx.AsyncClient, demo: Database, headers, clock, duty
) -> None:  # type: ignore[no-untyped-def]
    await duty("500110-SWJ-ZG-001", "500110-SWJ", statute="《税收征收管理法》第五十七条")
    await read(client, headers.system("500110-RSJ"))
    clock.advance(minutes=5)
    await read(client, headers.system("500110-SWJ"), case_ref=None, legal_basis="500110-SWJ-ZG-001")
    clock.advance(minutes=5)
    await read(client, headers.system("500110-GAJ"), purpose=None)  # refused: logged too
    clock.advance(minutes=5)
    # the reader's person_id is not believed: the hub decides whose data it read
    await read(client, headers.system("500110-YBJ"), person_id="someone-else")
    mine = (await client.get("/access-log/mine", headers=headers.enterprise(ENTERPRISE))).json()
    assert [(m["organization"], m["outcome"]) for m in mine] == [
        ("区医保局", "refused"),
        ("区公安局", "refused"),
        ("区税务局", "granted"),
        ("区人力社保局", "granted"),
    ]
    assert "《税收征收管理法》第五十七条" in mine[2]["legal_basis"]
    assert mine[3]["case_ref"] == "50011020260615000001"
    assert mine[3]["resource"] == "法人基础信息"
    assert mine[1]["reason"] == "purpose_required"
    assert mine[0]["reason"] == "case_not_handled_by_reader"
    assert (await client.get("/access-log/mine", headers=headers.person("nobody"))).json() == []
    # the representative's own (person) view is not the company's
    assert (await client.get("/access-log/mine", headers=headers.person("p-representative"))).json() == []
    staff = await client.get("/access-log/mine", headers=headers.system("500110-GAJ"))
    assert staff.status_code == 403


async def test_entries_hidden_until_a_date(
    client: httpx.AsyncClient, demo: Database, headers, clock, duty
) -> None:  # type: ignore[no-untyped-def]
    await duty("500110-GAJ-ZC-001", "500110-GAJ", allows_hiding=True, max_hidden_days=180)
    await duty("500110-GAJ-XZ-001", "500110-GAJ")
    head = headers.staff("500110-GAJ", "department_head")
    clerk = headers.staff("500110-GAJ", "window_clerk")
    until = "2026-09-01T00:00:00Z"
    refused = [
        await read(client, head, hidden_until=until),  # under a case: no hiding
        await read(client, head, case_ref=None, legal_basis="500110-GAJ-XZ-001", hidden_until=until),
        await read(client, clerk, case_ref=None, legal_basis="500110-GAJ-ZC-001", hidden_until=until),
        await read(
            client, head, case_ref=None, legal_basis="500110-GAJ-ZC-001", hidden_until="2027-06-01T00:00:00Z"
        ),
    ]
    assert [(r.status_code, r.json()["code"]) for r in refused] == [(403, "hiding_not_allowed")] * 4
    hidden = await read(client, head, case_ref=None, legal_basis="500110-GAJ-ZC-001", hidden_until=until)
    assert hidden.status_code == 200, hidden.text
    mine = (await client.get("/access-log/mine", headers=headers.enterprise(ENTERPRISE))).json()
    assert [m["outcome"] for m in mine] == [
        "refused"
    ] * 4  # the refused attempts show; the hidden read does not
    clock.advance(days=90)
    later = (await client.get("/access-log/mine", headers=headers.enterprise(ENTERPRISE))).json()
    [shown] = [m for m in later if m["outcome"] == "granted"]
    assert "500110-GAJ-ZC-001" in shown["legal_basis"]


async def _log_some(client: httpx.AsyncClient, headers) -> None:  # type: ignore[no-untyped-def]
    for org in ("500110-RSJ", "500110-SWJ", "500110-GAJ", "500110-YBJ", "500110-MZJ"):
        await read(client, headers.system(org), purpose=f'核验「{org}」"引号"\n换行')
    await read(client, headers.system("500110-RSJ"), purpose=None)


async def _verify(client: httpx.AsyncClient, headers) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    response = await client.get("/access-log/chain", headers=headers.operator())
    assert response.status_code == 200
    return dict(response.json())


LOG_TABLES = ("access_log", "access_chain", "access_chain_head")


async def _tamper(database: Database, statement: str) -> None:
    """What a database administrator could do behind the service's back: as the superuser, the log's triggers
    switched off (its guards fire whatever session_replication_role says, so it takes DDL), then the service's
    role again."""
    async with database.sessions() as session:
        await session.execute(text("RESET ROLE"))
        for table in LOG_TABLES:
            await session.execute(text(f"ALTER TABLE {table} DISABLE TRIGGER USER"))
        await session.execute(text(statement))
        for table in LOG_TABLES:
            await session.execute(text(f"ALTER TABLE {table} ENABLE TRIGGER USER"))
        await session.execute(text("SET ROLE exchange_service"))
        await session.commit()


async def test_chain_is_intact_and_verifiable(client: httpx.AsyncClient, demo: Database, headers) -> None:  # type: ignore[no-untyped-def]
    await _log_some(client, headers)
    report = await _verify(client, headers)
    assert report["intact"] is True
    assert report["checked"] == report["head_seq"] >= 6
    forbidden = await client.get("/access-log/chain", headers=headers.system("500110-GAJ"))
    assert forbidden.status_code == 403


async def test_the_log_is_append_only(client: httpx.AsyncClient, demo: Database, headers) -> None:  # type: ignore[no-untyped-def]
    await _log_some(client, headers)
    for statement in (
        "UPDATE access_log SET purpose = 'x'",
        "DELETE FROM access_log",
        "DELETE FROM access_chain",
    ):
        # the service role may only INSERT and SELECT
        with pytest.raises(Exception, match="permission denied"):
            async with demo.sessions() as session:
                await session.execute(text(statement))


async def _seq(database: Database, query: str) -> int:
    async with database.sessions() as session:
        return int((await session.execute(text(query))).scalar_one())


async def test_verifier_finds_a_tampered_row(client: httpx.AsyncClient, demo: Database, headers) -> None:  # type: ignore[no-untyped-def]
    await _log_some(client, headers)
    target = await _seq(demo, "SELECT min(seq) + 2 FROM access_chain")
    await _tamper(
        demo,
        "UPDATE access_log SET purpose = '无关用途' "  # noqa: S608
        f"WHERE id = (SELECT entry_id FROM access_chain WHERE seq = {target})",
    )
    broken = (await _verify(client, headers))["first_broken"]
    assert (broken["seq"], broken["problem"]) == (target, "content_changed")


async def test_verifier_finds_a_deleted_row(client: httpx.AsyncClient, demo: Database, headers) -> None:  # type: ignore[no-untyped-def]
    await _log_some(client, headers)
    target = await _seq(demo, "SELECT min(seq) + 1 FROM access_chain")
    entry = f"SELECT entry_id FROM access_chain WHERE seq = {target}"  # noqa: S608
    await _tamper(demo, f"DELETE FROM access_log WHERE id = ({entry})")  # noqa: S608
    broken = (await _verify(client, headers))["first_broken"]
    assert (broken["seq"], broken["problem"]) == (target, "missing_entries")


async def test_verifier_finds_a_deleted_link(client: httpx.AsyncClient, demo: Database, headers) -> None:  # type: ignore[no-untyped-def]
    await _log_some(client, headers)
    target = await _seq(demo, "SELECT min(seq) + 3 FROM access_chain")
    await _tamper(demo, f"DELETE FROM access_chain WHERE seq = {target}")  # noqa: S608
    broken = (await _verify(client, headers))["first_broken"]
    assert (broken["seq"], broken["problem"]) == (target, "missing_entries")


async def test_verifier_finds_an_unchained_entry(client: httpx.AsyncClient, demo: Database, headers) -> None:  # type: ignore[no-untyped-def]
    await _log_some(client, headers)
    await _tamper(
        demo,
        "INSERT INTO access_log (id, at, client_id, caller, caller_kind, roles, resource_code, items, "
        "subject_ref, outcome, canonical) VALUES (gen_random_uuid(), now(), 'x', 'x', 'system', '[]', "
        "'R', '[]', 'r', 'granted', '{}')",
    )
    report = await _verify(client, headers)
    assert report["first_broken"]["problem"] == "not_chained"


async def test_verifier_finds_reordered_rows(client: httpx.AsyncClient, demo: Database, headers) -> None:  # type: ignore[no-untyped-def]
    await _log_some(client, headers)
    first = await _seq(demo, "SELECT min(seq) + 1 FROM access_chain")
    second = first + 1
    await _tamper(demo, f"UPDATE access_chain SET seq = -1 WHERE seq = {first}")  # noqa: S608
    await _tamper(demo, f"UPDATE access_chain SET seq = {first} WHERE seq = {second}")  # noqa: S608
    await _tamper(demo, f"UPDATE access_chain SET seq = {second} WHERE seq = -1")  # noqa: S608
    broken = (await _verify(client, headers))["first_broken"]
    assert (broken["seq"], broken["problem"]) == (first, "link_broken")


async def test_verifier_finds_a_cut_off_tail(client: httpx.AsyncClient, demo: Database, headers) -> None:  # type: ignore[no-untyped-def]
    await _log_some(client, headers)
    await _tamper(demo, "DELETE FROM access_chain WHERE seq = (SELECT max(seq) FROM access_chain)")
    report = await _verify(client, headers)
    assert report["intact"] is False
    assert report["first_broken"]["problem"] == "head_mismatch"


async def test_operators_keep_duties_and_auditors_see_hidden_reads(
    client: httpx.AsyncClient, demo: Database, headers
) -> None:  # type: ignore[no-untyped-def]
    duty = {
        "member_code": "500110-GAJ",
        "name": "刑事案件侦查",
        "statute": "《中华人民共和国刑事诉讼法》第一百四十四条",
        "resources": [LEGAL],
        "allows_hiding": True,
        "max_hidden_days": 90,
        "valid_from": "2026-01-01",
    }
    refused = await client.put(
        "/duties/500110-GAJ-ZC-002", json=duty, headers=headers.staff("500110-GAJ", "admin")
    )
    assert refused.status_code == 403  # a department's own admin does not grant itself a duty
    invalid = await client.put(
        "/duties/500110-GAJ-ZC-002", json={**duty, "max_hidden_days": 0}, headers=headers.operator()
    )
    assert (invalid.status_code, invalid.json()["code"]) == (422, "invalid_duty")
    entered = await client.put("/duties/500110-GAJ-ZC-002", json=duty, headers=headers.operator())
    assert entered.status_code == 200, entered.text
    own = (await client.get("/duties", headers=headers.system("500110-GAJ"))).json()
    assert [d["code"] for d in own] == ["500110-GAJ-ZC-002"]
    assert (await client.get("/duties", headers=headers.system("500110-RSJ"))).json() == []

    head = headers.staff("500110-GAJ", "department_head", sub="investigator-7")
    hidden = await read(
        client, head, case_ref=None, legal_basis="500110-GAJ-ZC-002", hidden_until="2026-08-01T00:00:00Z"
    )
    assert hidden.status_code == 200, hidden.text
    assert (await client.get("/access-log/mine", headers=headers.enterprise(ENTERPRISE))).json() == []
    for outsider in (headers.staff("500110-GAJ", "department_head"), headers.system("500110-GAJ")):
        assert (await client.get("/access-log/hidden", headers=outsider)).status_code == 403
    [seen] = (await client.get("/access-log/hidden", headers=headers.staff("500110-ZFBGS", "auditor"))).json()
    assert (seen["reader"], seen["organization"]) == ("investigator-7", "区公安局")
    assert "刑事诉讼法" in seen["legal_basis"]
