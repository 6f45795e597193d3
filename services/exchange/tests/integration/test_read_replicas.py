"""Reads with real commits through two exchange apps on one database (as two processes of `tongban up`
with TONGBAN_WORKERS=exchange=2): group commit shares transactions, every answered read has its entry, the chain
is intact, and the per-client rate limit holds across both replicas."""

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest

from exchange.demo import load
from exchange.main import create_app
from exchange.settings import ExchangeSettings
from exchange.signing import sm2_public_key
from exchange.store import SERVICE_ROOT
from exchange.store.group_commit import Batched, GroupCommit
from exchange.store.unit_of_work import ExchangeUnitOfWork
from exchange.use_cases.access_log import verify_chain
from meshkit.db import Database
from meshkit.embedded import EmbeddedNats, EmbeddedPostgres
from meshkit.testing import migrated_database
from meshkit.testing.service import TEST_SECRET, app_client
from meshkit.testing.tokens import TokenFactory

pytestmark = pytest.mark.integration

LEGAL = "500110-SCJGJ-FR-001"
COMPANY = "92500110MA5U3G7K2T"


class Auditor:
    org, sub, client_id, kind = "500110-ZWFWZX", "auditor-1", "audit-console", "staff"
    roles, scopes = frozenset({"auditor"}), frozenset[str]()


async def _chain_is_intact(database: Database) -> None:
    async with ExchangeUnitOfWork(database) as uow:
        report = await verify_chain(uow, caller=Auditor())
    assert report.intact, report.first_broken


@pytest.fixture(scope="module")
async def committed(embedded_postgres: EmbeddedPostgres) -> AsyncIterator[tuple[str, Database]]:
    url = await asyncio.to_thread(
        migrated_database, embedded_postgres, "exchange_replicas_test", SERVICE_ROOT
    )
    database = Database.from_url(url, pool_size=10)
    await load(
        database,
        ExchangeSettings(
            database_url=url,
            environment="test",
            secret_key=TEST_SECRET,
            city_sm2_private_key="1" * 64,
            city_public_key=sm2_public_key("5" * 64),  # not the simulator's development key
            client_secret="test-client-secret",
            checkpoint_signing_key="2" * 64,
            witness_public_key="3" * 64,
        ),
    )  # type: ignore[arg-type]
    yield url, database
    await database.dispose()


async def test_group_commit_shares_transactions_and_isolates_a_failure(
    committed: tuple[str, Database],
) -> None:
    _, database = committed
    commits = GroupCommit(lambda: database)

    async def txid(connection: Any) -> int:
        return int(await connection.fetchval("SELECT txid_current()"))

    async def broken(connection: Any) -> None:
        await connection.execute("SELECT 1 / 0")

    ids = await asyncio.gather(*(commits.run(txid) for _ in range(40)))
    assert len(set(ids)) < 40  # several reads per transaction
    results = await asyncio.gather(
        commits.run(txid), commits.run(broken), commits.run(txid), return_exceptions=True
    )
    assert isinstance(results[0], int)
    assert isinstance(results[2], int)
    assert isinstance(results[1], Exception)  # only the failing statement fails


async def test_one_shared_transaction_at_a_time_and_reads_arriving_meanwhile_go_in_the_next(
    committed: tuple[str, Database],
) -> None:
    _, database = committed
    commits = GroupCommit(lambda: database)
    running = 0
    most = 0
    started = asyncio.Event()

    async def slow_txid(connection: Any) -> int:
        nonlocal running, most
        running += 1
        most = max(most, running)
        started.set()
        try:
            await connection.execute("SELECT pg_sleep(0.05)")
            return int(await connection.fetchval("SELECT txid_current()"))
        finally:
            running -= 1

    first = asyncio.create_task(commits.run(slow_txid))
    await started.wait()  # the first transaction is under way
    later = await asyncio.gather(*(commits.run(slow_txid) for _ in range(10)))
    assert most == 1  # never a second transaction beside the first (each would wait on the chain lock)
    assert len(set(later)) == 1  # the ten that waited went together, in the one after it
    assert await first not in later


async def test_batched_rows_run_as_one_statement_and_a_bad_row_fails_alone(
    committed: tuple[str, Database],
) -> None:
    _, database = committed
    commits = GroupCommit(lambda: database)
    calls: list[int] = []

    async def squares(connection: Any, rows: list[int]) -> list[int]:
        calls.append(len(rows))  # the divisor fails the whole statement when a row is 0
        values = await connection.fetchval(
            "SELECT array_agg(v * v / v ORDER BY n) FROM unnest($1::int[]) WITH ORDINALITY AS t(v, n)", rows
        )
        return [int(v) for v in values]

    answers = await asyncio.gather(*(commits.run(Batched(squares, n)) for n in range(1, 41)))
    assert answers == list(range(1, 41))  # each caller gets its own row's result
    assert len(calls) < 40  # rows of one batch went in one statement
    mixed = await asyncio.gather(
        commits.run(Batched(squares, 7)),
        commits.run(Batched(squares, 0)),
        commits.run(Batched(squares, 9)),
        return_exceptions=True,
    )
    assert (mixed[0], mixed[2]) == (7, 9)
    assert isinstance(mixed[1], Exception)  # only the bad row fails, after the batch is retried row by row


async def test_concurrent_reads_found_and_not_found_are_each_logged_with_their_outcome(
    committed: tuple[str, Database],
    nats_server: EmbeddedNats,
    make_settings: Any,
    headers: Any,
    tokens: TokenFactory,
    meshed,
) -> None:
    url, database = committed
    unknown = "91500110MA0000000W"  # a valid code the provider holds no record of
    async with app_client(
        create_app(make_settings(url, nats_server.url_for("exchange"))), tokens=tokens
    ) as client:
        meshed(client)
        caller = headers.system("500110-RSJ")
        bodies = [
            {
                "identifier": COMPANY if n % 4 else unknown,
                "purpose": "核验",
                "case_ref": f"5001102026061500{n:04d}",
            }
            for n in range(40)
        ]
        answers = await asyncio.gather(
            *(client.post(f"/resources/{LEGAL}/read", json=body, headers=caller) for body in bodies)
        )
        assert [a.status_code for a in answers] == [200 if n % 4 else 404 for n in range(40)]
        ids = [a.json()["access_log_id"] for a in answers]
        async with database.driver() as connection:
            rows = await connection.fetch(
                "SELECT id::text, outcome, case_ref FROM access_log WHERE id = ANY($1::uuid[])", ids
            )
        outcome = {row["id"]: (row["outcome"], row["case_ref"]) for row in rows}
        assert [outcome[i] for i in ids] == [
            ("granted" if n % 4 else "not_found", body["case_ref"]) for n, body in enumerate(bodies)
        ]
    await _chain_is_intact(database)


async def test_two_replicas_log_every_read_in_one_chain(
    committed: tuple[str, Database],
    nats_server: EmbeddedNats,
    make_settings: Any,
    headers: Any,
    tokens: TokenFactory,
    meshed,
) -> None:
    url, database = committed
    apps = [create_app(make_settings(url, nats_server.url_for("exchange"), replicas=2)) for _ in range(2)]
    async with app_client(apps[0], tokens=tokens) as first, app_client(apps[1], tokens=tokens) as second:
        meshed(first)
        meshed(second)
        async with database.driver() as connection:
            before = await connection.fetchval("SELECT count(*) FROM access_chain")
        caller = headers.system("500110-RSJ")
        body = {"identifier": COMPANY, "purpose": "核验", "case_ref": "50011020260615000001"}
        answers = await asyncio.gather(
            *(
                client.post(f"/resources/{LEGAL}/read", json=body, headers=caller)
                for _ in range(30)
                for client in (first, second)
            )
        )
        assert {a.status_code for a in answers} == {200}
        async with database.driver() as connection:
            after = await connection.fetchval("SELECT count(*) FROM access_chain")
            logged = await connection.fetch("SELECT id::text FROM access_log")
        assert after - before == len(answers)
        assert {a.json()["access_log_id"] for a in answers} <= {row["id"] for row in logged}
    await _chain_is_intact(database)


async def test_the_rate_limit_is_split_between_replicas(
    committed: tuple[str, Database],
    nats_server: EmbeddedNats,
    make_settings: Any,
    headers: Any,
    tokens: TokenFactory,
    meshed,
) -> None:
    url, _ = committed
    settings = make_settings(
        url, nats_server.url_for("exchange"), rate_limit_per_second=0.01, rate_limit_burst=4, replicas=2
    )
    apps = [create_app(settings) for _ in range(2)]
    async with app_client(apps[0], tokens=tokens) as first, app_client(apps[1], tokens=tokens) as second:
        meshed(first)
        meshed(second)
        caller = headers.system("500110-RSJ", client_id="rsj-split")
        body = {"identifier": COMPANY, "purpose": "核验", "case_ref": "50011020260615000001"}
        statuses = [
            (await client.post(f"/resources/{LEGAL}/read", json=body, headers=caller)).status_code
            for _ in range(3)
            for client in (first, second)
        ]
    assert statuses.count(200) == 4  # the configured burst, two per replica
    assert statuses.count(429) == 2


async def test_a_batch_of_lookups_finds_and_logs_each_on_its_own(
    committed: tuple[str, Database],
    nats_server: EmbeddedNats,
    make_settings: Any,
    headers: Any,
    tokens: TokenFactory,
    meshed,
) -> None:
    url, database = committed
    resident, neighbour = "500222199803070028", "510223195806120035"
    licence = "1.2.156.3005.2.11100000000013338W011.11500110MB1A0001X2.20230000403.001.B"
    async with app_client(
        create_app(make_settings(url, nats_server.url_for("exchange"))), tokens=tokens
    ) as client:
        meshed(client)
        issued = await client.post(
            "/certificates",
            headers=headers.system("500110-SCJGJ", scope="exchange:certificates:issue"),
            json={
                "identifier": licence,
                "type_name": "营业执照",
                "holder_kind": "person",
                "holder_identifier": resident,
                "holder_name": "陈晓梅",
                "valid_from": "2026-06-15",
                "case_ref": "C-batch",
            },
        )
        assert issued.status_code in (200, 201), issued.text
        asks = [
            (resident, "11100000000013338W011"),
            (resident, "11100000000013338W025"),
            (resident, None),
            (neighbour, "11100000000013338W011"),
        ] * 10
        reads = [
            {
                "kind": "certificates",
                "holder_kind": "person",
                "holder_identifier": holder,
                "type_code": kind,
                "purpose": "核验",
                "case_ref": f"C-{n}",
            }
            for n, (holder, kind) in enumerate(asks)
        ]
        answers = await asyncio.gather(
            *(
                client.post(
                    "/reads", json={"reads": reads[n : n + 4]}, headers=headers.system("500110-WSJKW")
                )
                for n in range(0, 40, 4)
            )
        )
        results = [r for answer in answers for r in answer.json()["results"]]
        found = [[c["identifier"] for c in r["result"]["certificates"]] for r in results]
        assert found == [[licence], [], [licence], []] * 10
        ids = [r["result"]["access_log_id"] for r in results]
        async with database.driver() as connection:
            rows = await connection.fetch(
                "SELECT id::text, outcome, case_ref FROM access_log WHERE id = ANY($1::uuid[])", ids
            )
        outcome = {row["id"]: (row["outcome"], row["case_ref"]) for row in rows}
        assert [outcome[i] for i in ids] == [
            ("granted" if found[n] else "not_found", f"C-{n}") for n in range(40)
        ]
    await _chain_is_intact(database)
