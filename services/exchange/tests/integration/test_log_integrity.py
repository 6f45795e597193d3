"""A log no one can rewrite quietly: the guards and the service role's privileges (the service connects as
``exchange_service``, never as the owner or a superuser), and the attacks of an administrator who holds the
database — a cut tail with the head moved back, an entry edited and re-hashed forward with the published
algorithm, the whole log truncated with the head reset — each reported by the verifier against the signed
checkpoints. Real commits (the chain trigger fires at commit) on a database of each test's own."""

from __future__ import annotations

import asyncio
import itertools
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg
import httpx
import pytest
import uvicorn

from exchange.clients.witness import WitnessClient
from exchange.domain.chain import GENESIS_HASH, canonical_json, link_hash
from exchange.domain.checkpoints import CheckpointSigner, SignedCheckpoint, TrustedKeys
from exchange.domain.sharing import Outcome, Purpose
from exchange.store import SERVICE_ROOT
from exchange.store.driver import append_many
from exchange.store.unit_of_work import ExchangeUnitOfWork
from exchange.use_cases.access_entries import ReadContext, new_entry
from exchange.use_cases.access_log import ChainReport, CheckpointTrust, verify_chain
from exchange.use_cases.checkpoints import CheckpointPolicy, sign_if_due, witness_due
from meshkit.db import Database
from meshkit.embedded import EmbeddedPostgres, free_port
from meshkit.http import service_client
from meshkit.migrations import upgrade
from meshkit.roles import ServiceRoles
from meshkit.testing import migrated_database
from tongban.simulators.timestamping import TsaSimSettings
from tongban.simulators.timestamping import create_app as timestamping_app

pytestmark = pytest.mark.integration

ROLES = ServiceRoles.of("exchange")
CHECKPOINT_KEY = "2" * 64
WITNESS_PUBLIC_KEY = (
    "17cb79fb2b4120f2b1ec65e4198d6e08b28e813feb01e4a400839b85e18080ce"  # of the seed "3" * 64
)
SIGNER = CheckpointSigner(CHECKPOINT_KEY)
TRUST = CheckpointTrust.of(
    signing_public_key=SIGNER.public_key.hex(), earlier_keys=[], witness_keys=[WITNESS_PUBLIC_KEY]
)
# every new link makes a checkpoint due: the tests decide when to sign by calling sign_if_due
POLICY = CheckpointPolicy(interval=timedelta(0), every_entries=1, backoff_base=0.05, backoff_cap=0.2)
LOG_TABLES = ("access_log", "access_chain", "access_chain_head", "access_checkpoints")
_names = itertools.count()


class Auditor:
    org, sub, client_id, kind = "500110-ZWFWZX", "audit-1", "audit-console", "staff"
    roles, scopes = frozenset({"auditor"}), frozenset[str]()


class Reader:
    org, sub, client_id, kind = "500110-RSJ", "sys-500110-RSJ", "sys-500110-RSJ", "system"
    roles, scopes = frozenset[str](), frozenset[str]()


@dataclass
class Log:
    """One test's own exchange database: the service (its role), and URLs for the owner and the superuser."""

    service: Database
    name: str
    postgres: EmbeddedPostgres

    def url(self, user: str) -> str:
        return self.postgres.database_url(self.name, "asyncpg", user=user).replace(
            "postgresql+asyncpg", "postgresql"
        )

    async def connect(self, user: str) -> asyncpg.Connection:
        return await asyncpg.connect(self.url(user))

    async def append(self, count: int) -> None:
        """``count`` reads logged by the service, each committed on its own (as each read's group commit is)."""
        for _ in range(count):
            n = next(_names)
            context = ReadContext(
                caller=Reader(),
                resource_code="500110-SCJGJ-FR-001",
                subject_ref=f"{n:064x}",
                purpose=Purpose("核验", case_ref=f"case-{n}"),
                now=datetime.now(UTC),
            )
            async with self.service.driver() as connection:
                await append_many(connection, [new_entry(context, items=["name"], outcome=Outcome.GRANTED)])

    async def checkpoint(self) -> SignedCheckpoint:
        async with ExchangeUnitOfWork(self.service) as uow:
            signed = await sign_if_due(uow, signer=SIGNER, policy=POLICY, now=datetime.now(UTC))
        assert signed is not None
        return signed

    async def verify(self) -> ChainReport:
        async with ExchangeUnitOfWork(self.service) as uow:
            return await verify_chain(uow, caller=Auditor(), trust=TRUST)

    async def as_attacker(self, work: Callable[[asyncpg.Connection], Awaitable[None]]) -> None:
        """The superuser who holds the database: the guards switched off (DDL: they fire whatever
        session_replication_role says), the work done, the guards switched on again."""
        connection = await self.connect("postgres")
        try:
            async with connection.transaction():
                for table in LOG_TABLES:
                    await connection.execute(f"ALTER TABLE {table} DISABLE TRIGGER USER")
                await work(connection)
                for table in LOG_TABLES:
                    await connection.execute(f"ALTER TABLE {table} ENABLE TRIGGER USER")
        finally:
            await connection.close()


@pytest.fixture
async def log(embedded_postgres: EmbeddedPostgres) -> AsyncIterator[Log]:
    name = f"exchange_integrity_{next(_names)}"
    url = await asyncio.to_thread(migrated_database, embedded_postgres, name, SERVICE_ROOT)
    assert url.startswith(f"postgresql+asyncpg://{ROLES.service}@")
    service = Database.from_url(url, pool_size=2)
    yield Log(service, name, embedded_postgres)
    await service.dispose()
    await asyncio.to_thread(embedded_postgres.drop_database, name)


async def refused(connection: asyncpg.Connection, statement: str, match: str) -> None:
    with pytest.raises(asyncpg.PostgresError, match=match):
        async with connection.transaction():
            await connection.execute(statement)


async def test_truncate_of_the_log_is_refused(log: Log) -> None:
    await log.append(3)
    await log.checkpoint()
    for user in (ROLES.owner, "postgres"):  # whoever may TRUNCATE at all (the service role may not: below)
        connection = await log.connect(user)
        try:
            for table in LOG_TABLES:
                await refused(connection, f"TRUNCATE {table}", "TRUNCATE refused")
            if user == "postgres":  # the guards fire even for replication
                await connection.execute("SET session_replication_role = replica")
                await refused(
                    connection, "TRUNCATE access_log, access_chain, access_chain_head", "TRUNCATE refused"
                )
        finally:
            await connection.close()
    assert (await log.verify()).intact


async def test_head_cannot_be_moved_back(log: Log) -> None:
    await log.append(4)
    back = "UPDATE access_chain_head SET seq = 2, hash = (SELECT hash FROM access_chain WHERE seq = 2)"
    for user in (ROLES.owner, "postgres"):
        connection = await log.connect(user)
        try:
            if user == "postgres":
                await connection.execute("SET session_replication_role = replica")
            await refused(connection, back, "moves only forward")
            await refused(connection, "UPDATE access_chain_head SET seq = seq + 1", "moves only forward")
            await refused(connection, "DELETE FROM access_chain_head", "moves only forward")
            await refused(
                connection, "INSERT INTO access_chain_head VALUES (2, 0, repeat('0', 64))", "moves only"
            )
        finally:
            await connection.close()
    service = await log.connect(ROLES.service)
    try:
        await refused(service, back, "permission denied")
    finally:
        await service.close()
    report = await log.verify()
    assert (report.intact, report.head_seq) == (True, 4)


async def test_service_role_cannot_switch_guards_off(log: Log) -> None:
    await log.append(2)
    await log.checkpoint()
    connection = await log.connect(ROLES.service)
    try:
        assert (
            await connection.fetchval("SELECT rolsuper FROM pg_roles WHERE rolname = current_user") is False
        )
        await refused(connection, "SET session_replication_role = replica", "permission denied")
        for table in LOG_TABLES:
            await refused(connection, f"ALTER TABLE {table} DISABLE TRIGGER USER", "must be owner")
            await refused(connection, f"TRUNCATE {table}", "permission denied")
        await refused(
            connection, "ALTER TABLE access_log DISABLE TRIGGER access_log_append_only", "must be owner"
        )
        await refused(connection, "UPDATE access_log SET purpose = 'x'", "permission denied")
        await refused(connection, "DELETE FROM access_log", "permission denied")
        await refused(connection, "DELETE FROM access_chain", "permission denied")
        await refused(
            connection, "INSERT INTO access_chain VALUES (99, gen_random_uuid(), 'x', 'y')", "permission"
        )
        await refused(connection, "UPDATE access_chain_head SET seq = 0", "permission denied")
        await refused(connection, "DELETE FROM access_checkpoints", "permission denied")
        await refused(connection, "UPDATE access_checkpoints SET hash = repeat('0', 64)", "permission denied")
        await refused(connection, "DROP TRIGGER access_log_append_only ON access_log", "must be owner")
        await refused(connection, "CREATE TABLE access_log_copy (id int)", "permission denied")
        # the one delivery column it may set is still guarded: a receipt, once kept, never changes
        await connection.execute("UPDATE access_checkpoints SET receipt = '{}'::jsonb")
        await refused(connection, "UPDATE access_checkpoints SET receipt = NULL", "never changed")
    finally:
        await connection.close()
    await log.append(1)  # and it still logs: the chain is appended by the owner's function
    report = await log.verify()
    assert (report.head_seq, report.checked) == (3, 3)


async def test_cut_tail_with_head_moved_back_is_reported(log: Log) -> None:
    await log.append(6)
    checkpoint = await log.checkpoint()
    await log.append(4)
    assert (await log.verify()).intact

    async def cut(connection: asyncpg.Connection) -> None:
        await connection.execute(
            "DELETE FROM access_log WHERE id IN (SELECT entry_id FROM access_chain WHERE seq > 3)"
        )
        await connection.execute("DELETE FROM access_chain WHERE seq > 3")
        await connection.execute(
            "UPDATE access_chain_head SET seq = 3, hash = (SELECT hash FROM access_chain WHERE seq = 3)"
        )

    await log.as_attacker(cut)
    report = await log.verify()
    assert report.intact is False
    assert report.first_broken is not None
    assert report.first_broken.problem == "head_behind_checkpoint"
    assert (report.first_broken.checkpoint, report.first_broken.since_checkpoint) == (checkpoint.n, None)
    assert report.head_seq == 3


async def _rehash_forward(connection: asyncpg.Connection, edited_seq: int) -> None:
    """Edit one entry, then re-hash it and every later link with the published algorithm, and move the head."""
    rows = await connection.fetch(
        "SELECT c.seq, c.prev_hash, l.* FROM access_chain c JOIN access_log l ON l.id = c.entry_id "
        "WHERE c.seq >= $1 ORDER BY c.seq",
        edited_seq,
    )
    previous = str(rows[0]["prev_hash"])
    for row in rows:
        entry: dict[str, Any] = dict(row)
        entry["roles"], entry["items"] = json.loads(entry["roles"]), json.loads(entry["items"])
        if row["seq"] == edited_seq:
            entry["purpose"] = "无关用途"
        canonical = canonical_json(entry)
        new_hash = link_hash(previous, canonical)
        await connection.execute(
            "UPDATE access_log SET purpose = $2, canonical = $3 WHERE id = $1",
            row["id"],
            entry["purpose"],
            canonical,
        )
        await connection.execute(
            "UPDATE access_chain SET prev_hash = $2, hash = $3 WHERE seq = $1", row["seq"], previous, new_hash
        )
        previous = new_hash
    await connection.execute("UPDATE access_chain_head SET hash = $1", previous)


async def test_entry_rehashed_forward_is_reported_between_checkpoints(log: Log) -> None:
    await log.append(4)
    first = await log.checkpoint()
    await log.append(4)
    second = await log.checkpoint()
    await log.append(2)
    await log.as_attacker(lambda connection: _rehash_forward(connection, 6))
    report = await log.verify()
    assert report.intact is False
    broken = report.first_broken
    assert broken is not None
    assert (broken.problem, broken.seq) == ("checkpoint_mismatch", second.seq)
    assert (broken.since_checkpoint, broken.checkpoint) == (first.n, second.n)
    assert f"#{first.n}" in broken.detail
    assert f"#{second.n}" in broken.detail


async def test_a_rewrite_after_the_last_checkpoint_is_not_seen(log: Log) -> None:
    """The honest limit (docs/exchange.md): links after the last checkpoint are protected by nothing else."""
    await log.append(3)
    await log.checkpoint()
    await log.append(3)
    await log.as_attacker(lambda connection: _rehash_forward(connection, 5))
    report = await log.verify()
    assert report.intact is True
    assert report.last_checkpoint is not None
    assert report.last_checkpoint.signed.seq == 3


async def test_truncate_with_head_reset_is_reported(log: Log) -> None:
    await log.append(5)
    checkpoint = await log.checkpoint()

    async def empty(connection: asyncpg.Connection) -> None:
        await connection.execute("TRUNCATE access_log, access_chain")
        await connection.execute("UPDATE access_chain_head SET seq = 0, hash = $1", GENESIS_HASH)

    await log.as_attacker(empty)
    report = await log.verify()
    assert report.intact is False
    assert report.first_broken is not None
    assert (report.first_broken.problem, report.first_broken.checkpoint) == (
        "head_behind_checkpoint",
        checkpoint.n,
    )
    # a log made up again to the same length misses the checkpoint's hash instead
    await log.append(5)
    report = await log.verify()
    assert report.first_broken is not None
    assert (report.first_broken.problem, report.first_broken.since_checkpoint) == (
        "checkpoint_mismatch",
        None,
    )


async def test_a_forged_checkpoint_is_reported(log: Log) -> None:
    await log.append(3)
    checkpoint = await log.checkpoint()
    await log.append(3)

    async def forge(connection: asyncpg.Connection) -> None:
        await _rehash_forward(connection, 2)
        await connection.execute(
            "UPDATE access_checkpoints SET hash = (SELECT hash FROM access_chain WHERE seq = 3) WHERE n = $1",
            checkpoint.n,
        )

    await log.as_attacker(forge)
    report = await log.verify()
    assert report.first_broken is not None
    assert (report.first_broken.problem, report.first_broken.checkpoint) == (
        "checkpoint_signature_invalid",
        checkpoint.n,
    )


@pytest.fixture
async def witness() -> AsyncIterator[httpx.AsyncClient]:
    """The time-stamping simulator on a loopback port (its key the seed "3" * 64); the test drives its admin
    routes through the yielded client."""
    port = free_port()
    app = timestamping_app(TsaSimSettings(private_key="3" * 64))
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    )
    serving = asyncio.create_task(server.serve())
    while not server.started:  # noqa: ASYNC110 - uvicorn.Server offers a flag, not an event
        await asyncio.sleep(0.01)
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as http:
            yield http
    finally:
        server.should_exit = True
        await serving


async def test_the_witness_time_stamps_checkpoints_and_a_witness_away_only_delays_them(
    log: Log, witness: httpx.AsyncClient
) -> None:
    http = service_client(timeout=2.0)
    client = WitnessClient(
        http, url=f"{witness.base_url}/timestamp", keys=TrustedKeys([WITNESS_PUBLIC_KEY]), timeout=2.0
    )

    async def deliver(now: datetime) -> tuple[int, int]:
        async with ExchangeUnitOfWork(log.service) as uow:
            return await witness_due(uow, witness=client, policy=POLICY, now=now)

    try:
        await log.append(3)
        first = await log.checkpoint()
        assert await deliver(datetime.now(UTC)) == (1, 0)
        stamped = (await witness.get("/admin/stamped")).json()["stamped"]
        assert [s["hashed_message"] for s in stamped] == [first.digest]
        report = await log.verify()
        assert (report.intact, report.checkpoints_checked, report.unwitnessed) == (True, 1, 0)
        assert report.last_checkpoint is not None
        assert report.last_checkpoint.receipt is not None
        assert report.last_checkpoint.witnessed_at is not None

        await witness.post("/admin/mode", json={"down": True})
        await log.append(2)
        second = await log.checkpoint()
        now = datetime.now(UTC)
        assert await deliver(now) == (0, 1)
        assert await deliver(now) == (0, 0)  # not due again before its backoff
        async with ExchangeUnitOfWork(log.service) as uow:
            kept = await uow.checkpoints.last()
            assert kept is not None
            assert (kept.n, kept.receipt, kept.attempts) == (second.n, None, 1)
            assert kept.last_error == "witness answered 503"
        report = await log.verify()
        assert (report.intact, report.unwitnessed) == (True, 1)  # the checkpoint holds while it waits

        await witness.post("/admin/mode", json={"down": False})
        assert await deliver(now + timedelta(seconds=1)) == (1, 0)
        report = await log.verify()
        assert (report.intact, report.checkpoints_checked, report.unwitnessed) == (True, 2, 0)
    finally:
        await http.aclose()


async def test_a_forged_receipt_is_reported(log: Log, witness: httpx.AsyncClient) -> None:
    http = service_client(timeout=2.0)
    client = WitnessClient(
        http, url=f"{witness.base_url}/timestamp", keys=TrustedKeys([WITNESS_PUBLIC_KEY]), timeout=2.0
    )
    try:
        await log.append(2)
        first = await log.checkpoint()
        await log.append(2)
        second = await log.checkpoint()
        async with ExchangeUnitOfWork(log.service) as uow:
            assert await witness_due(uow, witness=client, policy=POLICY, now=datetime.now(UTC)) == (2, 0)
    finally:
        await http.aclose()

    async def swap(connection: asyncpg.Connection) -> None:  # the first checkpoint's receipt on the second
        await connection.execute(
            "UPDATE access_checkpoints SET receipt = (SELECT receipt FROM access_checkpoints WHERE n = $1) "
            "WHERE n = $2",
            first.n,
            second.n,
        )

    await log.as_attacker(swap)
    report = await log.verify()
    assert report.first_broken is not None
    assert (report.first_broken.problem, report.first_broken.checkpoint) == ("receipt_invalid", second.n)


async def test_a_database_migrated_before_the_roles_is_adopted(embedded_postgres: EmbeddedPostgres) -> None:
    """A var/ from before the roles: everything owned by postgres up to 0006. The launcher's bootstrap gives it
    to the owner role, the remaining migrations run as the owner, and the service role ends with INSERT/SELECT."""
    name = f"exchange_adopted_{next(_names)}"

    def old_then_new() -> None:
        embedded_postgres.drop_database(name)
        embedded_postgres.create_database(name)
        upgrade(SERVICE_ROOT, embedded_postgres.database_url(name), "0006")
        embedded_postgres.create_service_database(name, ROLES)
        upgrade(SERVICE_ROOT, embedded_postgres.database_url(name, user=ROLES.owner))

    await asyncio.to_thread(old_then_new)
    service = Database.from_url(embedded_postgres.database_url(name, user=ROLES.service), pool_size=2)
    try:
        adopted = Log(service, name, embedded_postgres)
        await adopted.append(2)
        await adopted.checkpoint()
        assert (await adopted.verify()).intact
        connection = await adopted.connect(ROLES.service)
        try:
            await refused(connection, "DELETE FROM access_log", "permission denied")
            await connection.execute("UPDATE members SET name = name")  # its other tables: DML as before
        finally:
            await connection.close()
    finally:
        await service.dispose()
        await asyncio.to_thread(embedded_postgres.drop_database, name)
