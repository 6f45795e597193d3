"""The city-platform link against the city-platform simulator: down for a while then back, every record arrives
once and in order per case; a record it keeps refusing is dead-lettered and replayable; 回流 pushes are verified."""

import json
import time
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from exchange.clients.city_platform import CityPlatformClient
from exchange.consumers.case_events import on_case_event
from exchange.settings import DEV_SM2_PRIVATE_KEY
from exchange.signing import Signer
from exchange.store.models import INBOX, OUTBOX, CityOutbound
from exchange.store.unit_of_work import ExchangeUnitOfWork
from exchange.use_cases.city import LinkPolicy, deliver_due
from meshkit.db import Database
from meshkit.events import CloudEvent
from meshkit.inbox import record_once
from tongban.simulators.city_platform import create_app as city_app
from tongban.simulators.signatures import CitySimSettings, sign

pytestmark = pytest.mark.api

HMAC_KEY = "a-shared-key-for-the-hmac-scheme"
POLICY = LinkPolicy(source="500110", max_attempts=3, backoff_base=1.0, backoff_cap=30.0)
STORY = [
    ("case_submitted", "received", 1, {}),
    ("case_accepted", "accepted", 2, {}),
    ("clock_paused", "special_procedure", 2, {"procedure": "现场核查"}),
    ("clock_resumed", "in_review", 2, {}),
    ("case_concluded", "approved", 3, {}),
    ("certificate_issued", "approved", 3, {"certificate_id": "1.2.156.3005.2.X"}),
]


def case_event(
    case: str, number: str, sequence: int, name: str, status: str, code: int, **extra: Any
) -> CloudEvent:
    data = {
        "case_id": case,
        "case_number": number,
        "matter_code": "500110-SCJGJ-GTGSH-DJ",
        "matter_version": 1,
        "handling_org": "500110-SCJGJ",
        "received_by_org": "500110-ZWFWZX",
        "channel": "online",
        "status": status,
        "national_code": code,
        "occurred_at": "2026-06-15T10:00:00+08:00",
        **extra,
    }
    return CloudEvent(
        id=str(uuid.uuid4()),
        source="/tongban/cases",
        type=f"cases.{name}.v1",
        subject=case,
        time=datetime.now(UTC),
        sequence=sequence,
        data=data,
    )


async def consume(database: Database, events: list[CloudEvent]) -> None:
    """What the worker's consumer does for each delivery: inbox row and effect in one transaction."""
    for event in events:
        async with database.sessions() as session:
            if await record_once(session, INBOX, consumer="exchange-city-link", event=event):
                await on_case_event(session, event)
            await session.commit()


def story(case: str, number: str) -> list[CloudEvent]:
    return [
        case_event(case, number, i + 1, name, status, code, **extra)
        for i, (name, status, code, extra) in enumerate(STORY)
    ]


@pytest.fixture(autouse=True)
def real_time(clock) -> None:  # type: ignore[no-untyped-def]
    """Queued records are due from the database's now() and signatures carry real timestamps."""
    clock.now = datetime.now(UTC)


@pytest.fixture
async def platform() -> AsyncIterator[tuple[httpx.AsyncClient, CityPlatformClient]]:
    simulator = city_app(CitySimSettings(hmac_key=HMAC_KEY, signing="HMAC-SHA256"))
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=simulator), base_url="http://city.test"
    ) as http:
        link = CityPlatformClient(
            http,
            url="http://city.test/case-exchange/records",
            signer=Signer.hmac(HMAC_KEY.encode()),
            timeout=2.0,
        )
        yield http, link


async def drain(database: Database, link: CityPlatformClient, now: datetime, rounds: int = 50) -> int:
    delivered = 0
    for _ in range(rounds):
        async with ExchangeUnitOfWork(database) as uow:
            done = (await deliver_due(uow, platform=link, policy=POLICY, now=now)).delivered
        delivered += done
        if not done:
            break
    return delivered


async def test_down_then_back_every_record_once_in_order(
    client: httpx.AsyncClient, database: Database, platform, headers
) -> None:  # type: ignore[no-untyped-def]
    admin, link = platform
    events = story("case-a", "50011020260615000001") + story("case-b", "50011020260615000002")
    await consume(database, events)
    await consume(database, events[:3])  # JetStream redelivers: the inbox absorbs it
    now = datetime.now(UTC) + timedelta(seconds=1)
    await admin.post("/admin/mode", json={"down": True})
    assert await drain(database, link, now) == 0
    status = (await client.get("/city-link/status", headers=headers.operator())).json()
    assert (status["backlog"], status["delivered"]) == (2 * 11, 0)
    assert status["lag_seconds"] >= 0
    await admin.post("/admin/mode", json={"down": False})
    assert await drain(database, link, now) == 0  # still backing off
    assert await drain(database, link, now + timedelta(seconds=2)) == 22
    received = (await admin.get("/admin/received")).json()
    assert received["duplicates"] == 0
    for number in ("50011020260615000001", "50011020260615000002"):
        mine = [r for r in received["records"] if r["case_number"] == number]
        assert [(r["kind"], r["operation"]) for r in mine] == [
            ("process", "I"),
            ("acceptance", "I"),
            ("process", "I"),
            ("special_procedure", "I"),
            ("process", "I"),
            ("special_procedure", "U"),
            ("process", "I"),
            ("process", "I"),
            ("result", "I"),
            ("process", "I"),
            ("result", "U"),
        ]
        assert [r["sequence"] for r in mine] == sorted(r["sequence"] for r in mine)
        assert all(r["source"] == "500110" and r["batch"] and r["sync_time"] for r in mine)
    status = (await client.get("/city-link/status", headers=headers.operator())).json()
    assert (status["backlog"], status["delivered"], status["dead"]) == (0, 22, 0)


async def test_issue20_failure9_a_platform_down_longer_than_every_backoff_drains_by_itself(
    client: httpx.AsyncClient, database: Database, platform, headers
) -> None:  # type: ignore[no-untyped-def]
    """Issue 20, failure 9: after 8 failed attempts (about 64 s of outage) the first waiting record of each case went
    dead, everything behind it waited, and nothing moved when the platform returned until an operator replayed it.
    Now an unreachable platform is waited out (capped backoff) and the queue drains in per-case order by itself."""
    admin, link = platform
    await consume(database, story("case-e", "50011020260615000005"))
    now = datetime.now(UTC) + timedelta(seconds=1)
    await admin.post("/admin/mode", json={"down": True})
    for minute in range(3 * POLICY.max_attempts):
        assert await drain(database, link, now + timedelta(minutes=minute)) == 0
    status = (await client.get("/city-link/status", headers=headers.operator())).json()
    assert (status["dead"], status["backlog"]) == (0, 11)
    await admin.post("/admin/mode", json={"down": False})
    assert await drain(database, link, now + timedelta(hours=1)) == 11
    received = (await admin.get("/admin/received", params={"case_number": "50011020260615000005"})).json()
    assert [r["sequence"] for r in received["records"]] == sorted(r["sequence"] for r in received["records"])
    status = (await client.get("/city-link/status", headers=headers.operator())).json()
    assert (status["dead"], status["backlog"], status["delivered"]) == (0, 0, 11)


async def test_kept_refusing_is_dead_lettered_and_replayable(
    client: httpx.AsyncClient, database: Database, platform, headers
) -> None:  # type: ignore[no-untyped-def]
    admin, link = platform
    await consume(database, story("case-c", "50011020260615000003") + story("case-d", "50011020260615000004"))
    await admin.post("/admin/mode", json={"refuse_case": "50011020260615000003"})
    now = datetime.now(UTC) + timedelta(seconds=1)
    for attempt in range(POLICY.max_attempts):
        await drain(database, link, now + timedelta(minutes=attempt))
    dead = (await client.get("/city-link/dead-letters", headers=headers.operator())).json()
    assert [(d["case_number"], d["kind"], d["attempts"]) for d in dead] == [
        ("50011020260615000003", "process", 3)
    ]
    assert "refused" in dead[0]["last_error"]
    status = (await client.get("/city-link/status", headers=headers.operator())).json()
    assert (status["dead"], status["held_behind_dead"], status["delivered"]) == (
        1,
        10,
        11,
    )  # case d went through
    assert (
        await client.post("/city-link/replay", json={}, headers=headers.system("500110-GAJ"))
    ).status_code == 403
    await admin.post("/admin/mode", json={})
    replayed = await client.post(
        "/city-link/replay", json={"ids": [dead[0]["id"]]}, headers=headers.operator()
    )
    assert replayed.json() == {"requeued": 1}
    await drain(database, link, datetime.now(UTC) + timedelta(seconds=1))
    received = (await admin.get("/admin/received", params={"case_number": "50011020260615000003"})).json()
    assert len(received["records"]) == 11
    assert received["records"][0]["kind"] == "process"


async def test_sm2_signatures_verify_on_the_other_side(database: Database) -> None:
    simulator = city_app(CitySimSettings())  # SM2: the hub's development public key
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=simulator), base_url="http://city.test"
    ) as http:
        link = CityPlatformClient(
            http,
            url="http://city.test/case-exchange/records",
            signer=Signer.sm2(DEV_SM2_PRIVATE_KEY),
            timeout=5.0,
        )
        await consume(database, story("case-e", "50011020260615000005")[:2])
        assert await drain(database, link, datetime.now(UTC) + timedelta(seconds=1)) == 3
        forged = CityPlatformClient(
            http, url="http://city.test/case-exchange/records", signer=Signer.sm2("1" * 64), timeout=5.0
        )
        await consume(database, story("case-f", "50011020260615000006")[:1])
        assert await drain(database, forged, datetime.now(UTC) + timedelta(seconds=1)) == 0
        assert (await http.get("/admin/received")).json()["bad_signatures"] == 1


def signed(body: bytes, *, timestamp: str | None = None, nonce: str | None = None) -> dict[str, str]:
    settings = CitySimSettings(
        hmac_key="city-link:test-secret-that-is-long-enough-for-the-checks", signing="HMAC-SHA256"
    )
    return sign(settings, timestamp or str(int(time.time())), nonce or uuid.uuid4().hex, body)


async def test_inbound_pushes_are_verified_stored_and_announced(
    client: httpx.AsyncClient, database: Database
) -> None:
    body = json.dumps(
        {
            "batch": "CQ-20260615-01",
            "items": [
                {
                    "case_number": "500000202606150001",
                    "matter_code": "11500000MB1234567X-XK-001",
                    "status": "已受理",
                },
                {
                    "case_number": "500000202606150002",
                    "matter_code": "11500000MB1234567X-XK-001",
                    "status": "已办结",
                },
            ],
        },
        ensure_ascii=False,
    ).encode()
    headers = signed(body)
    accepted = await client.post("/city-link/inbound/cases", content=body, headers=headers)
    assert accepted.status_code == 202, accepted.text
    assert accepted.json()["received"] == 2
    again = await client.post("/city-link/inbound/cases", content=body, headers=headers)
    assert again.json()["code"] == "replayed_push"
    tampered = await client.post(
        "/city-link/inbound/cases", content=body.replace(b"0001", b"0009"), headers=signed(body)
    )
    assert tampered.json()["code"] == "invalid_signature"
    stale = await client.post(
        "/city-link/inbound/cases", content=body, headers=signed(body, timestamp="1700000000")
    )
    assert stale.json()["code"] == "signature_expired"
    async with database.sessions() as session:
        subjects = (
            await session.execute(select(OUTBOX.c.subject, func.count()).group_by(OUTBOX.c.subject))
        ).all()
    assert ("exchange.city_case_received.v1", 2) in [tuple(s) for s in subjects]


KINDS = [
    ("process", "I"),
    ("acceptance", "I"),
    ("process", "I"),
    ("special_procedure", "I"),
    ("process", "I"),
    ("special_procedure", "U"),
    ("process", "I"),
    ("process", "I"),
    ("result", "I"),
    ("process", "I"),
    ("result", "U"),
]


async def rows_of(database: Database, number: str) -> list[CityOutbound]:
    async with database.sessions() as session:
        query = select(CityOutbound).where(CityOutbound.case_number == number).order_by(CityOutbound.id)
        return list((await session.scalars(query)).all())


async def test_batches_keep_each_case_in_order_across_rounds(database: Database, platform) -> None:  # type: ignore[no-untyped-def]
    admin, link = platform
    numbers = [f"5001102026061510{i:04d}" for i in range(5)]
    await consume(database, [e for i, n in enumerate(numbers) for e in story(f"case-o{i}", n)])
    small = LinkPolicy(
        source="500110", max_attempts=3, backoff_base=1.0, backoff_cap=30.0, cases=3, per_case=4, batch=6
    )
    now = datetime.now(UTC) + timedelta(seconds=1)
    total, rounds = 0, 0
    while rounds < 50:
        async with ExchangeUnitOfWork(database) as uow:
            result = await deliver_due(uow, platform=link, policy=small, now=now)
        if not result.delivered:
            break
        total, rounds = total + result.delivered, rounds + 1
    assert total == 5 * 11
    received = (await admin.get("/admin/received")).json()
    assert received["duplicates"] == 0
    assert received["batches"] > rounds  # several signed batches per round, each case in one of them
    for number in numbers:
        mine = [r for r in received["records"] if r["case_number"] == number]
        assert [(r["kind"], r["operation"]) for r in mine] == KINDS
        assert [r["record_id"] for r in mine] == [r.record_id for r in await rows_of(database, number)]
    assert len({r["record_id"] for r in received["records"]}) == 55


async def test_a_refused_record_holds_the_rest_of_its_case_and_not_the_others(
    database: Database, platform
) -> None:  # type: ignore[no-untyped-def]
    admin, link = platform
    await consume(database, story("case-p", "50011020260615000011") + story("case-q", "50011020260615000012"))
    await admin.post("/admin/mode", json={"refuse_kind": "acceptance"})
    now = datetime.now(UTC) + timedelta(seconds=1)
    async with ExchangeUnitOfWork(database) as uow:
        result = await deliver_due(uow, platform=link, policy=POLICY, now=now)
    assert (result.delivered, result.failed) == (2, 2)  # one batch: each case's first record, then a refusal
    received = (await admin.get("/admin/received")).json()
    assert received["batches"] == 1
    assert [r["kind"] for r in received["records"]] == ["process", "process"]
    for number in ("50011020260615000011", "50011020260615000012"):
        rows = await rows_of(database, number)
        assert [(r.status, r.attempts) for r in rows[:3]] == [
            ("delivered", 1),
            ("pending", 1),
            ("pending", 0),
        ]
        assert "refused" in (rows[1].last_error or "")
        assert rows[1].next_attempt_at > now  # backing off; the records behind it were not attempted
        assert all(r.status == "pending" and r.attempts == 0 for r in rows[2:])
    assert await drain(database, link, now) == 0  # still backing off: nothing behind it jumps the queue
    await admin.post("/admin/mode", json={})
    assert await drain(database, link, now + timedelta(seconds=2)) == 20
    received = (await admin.get("/admin/received")).json()
    for number in ("50011020260615000011", "50011020260615000012"):
        assert [
            (r["kind"], r["operation"]) for r in received["records"] if r["case_number"] == number
        ] == KINDS
    assert received["duplicates"] == 0


async def test_dead_letter_after_the_limit_in_a_batch_then_replay(
    client: httpx.AsyncClient, database: Database, platform, headers
) -> None:  # type: ignore[no-untyped-def]
    admin, link = platform
    await consume(database, story("case-r", "50011020260615000013"))
    await admin.post("/admin/mode", json={"refuse_kind": "special_procedure"})
    now = datetime.now(UTC) + timedelta(seconds=1)
    for attempt in range(POLICY.max_attempts):
        await drain(database, link, now + timedelta(minutes=attempt))
    rows = await rows_of(database, "50011020260615000013")
    assert [r.status for r in rows] == ["delivered"] * 3 + ["dead"] + ["pending"] * 7
    assert rows[3].attempts == POLICY.max_attempts
    assert all(r.attempts == 0 for r in rows[4:])
    status = (await client.get("/city-link/status", headers=headers.operator())).json()
    assert (status["dead"], status["held_behind_dead"]) == (1, 7)
    await drain(database, link, now + timedelta(hours=1))  # dead: nothing of the case moves
    assert len((await admin.get("/admin/received")).json()["records"]) == 3
    await admin.post("/admin/mode", json={})
    assert (await client.post("/city-link/replay", json={}, headers=headers.operator())).json() == {
        "requeued": 1
    }
    assert await drain(database, link, datetime.now(UTC) + timedelta(seconds=1)) == 8
    received = (await admin.get("/admin/received")).json()
    assert [(r["kind"], r["operation"]) for r in received["records"]] == KINDS
    assert received["duplicates"] == 0


async def test_a_lost_answer_never_delivers_a_record_twice(database: Database, platform) -> None:  # type: ignore[no-untyped-def]
    admin, link = platform
    await consume(
        database, story("case-s", "50011020260615000014")[:2] + story("case-t", "50011020260615000015")
    )
    await admin.post("/admin/mode", json={"lose_answers": 1})  # recorded, but the hub hears 502
    now = datetime.now(UTC) + timedelta(seconds=1)
    assert await drain(database, link, now) == 0
    assert len((await admin.get("/admin/received")).json()["records"]) == 3 + 11
    assert await drain(database, link, now + timedelta(seconds=2)) == 14  # resent: the platform knows them
    received = (await admin.get("/admin/received")).json()
    assert received["duplicates"] == 14
    assert len(received["records"]) == len({r["record_id"] for r in received["records"]}) == 14
    for number in ("50011020260615000014", "50011020260615000015"):
        assert all(r.status == "delivered" for r in await rows_of(database, number))
