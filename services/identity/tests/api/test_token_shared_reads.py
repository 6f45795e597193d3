"""Issue 21 (token endpoint at least as fast as oidc-provider): concurrent client-credentials requests share the
client read — one statement, one round trip, for the requests waiting at the same moment — and each still gets
its own client's answer, fresh: a deactivation committed before a request is seen by it."""

from __future__ import annotations

import asyncio
from datetime import date
from typing import Any

import httpx
import jwt
import pytest

from identity import use_cases
from identity.store.models import Organization
from identity.store.unit_of_work import IdentityUnitOfWork
from meshkit.db import Database
from meshkit.testing.service import TEST_SECRET

pytestmark = pytest.mark.api

SECRET = "t25-secret-value"


async def _register(database: Database) -> None:
    async with IdentityUnitOfWork(database) as uow:
        for code, division in (("500110-T25A", "500110"), ("500110-T25B", "500111")):
            uow.organizations.add(
                Organization(
                    code=code,
                    name="测试局",
                    kind="department",
                    division_code=division,
                    valid_from=date(2020, 1, 1),
                )
            )
        await uow.commit()
        for client_id, organization in (("t25-a", "500110-T25A"), ("t25-b", "500110-T25B")):
            await use_cases.register_client(
                uow,
                client_id=client_id,
                name="测试系统",
                secret=SECRET,
                scopes=["catalog:write"],
                organization_code=organization,
                pepper=TEST_SECRET,
            )


async def _grant(client: httpx.AsyncClient, client_id: str, secret: str = SECRET) -> httpx.Response:
    return await client.post("/token", data={"grant_type": "client_credentials"}, auth=(client_id, secret))


async def test_issue21_concurrent_token_requests_share_one_client_read(
    client: httpx.AsyncClient, database: Database
) -> None:
    """Issue 21, the token endpoint's PostgreSQL share: every token was one statement and one round trip of its own
    (PostgreSQL's CPU per token ≈ a quarter of identity's, which the peer does not pay). Twelve requests at once
    of two clients, an unknown one and a wrong secret now take far fewer client reads than requests, and each
    answer is its own: the right client's organization and region, refusals where due."""
    await _register(database)
    reads: list[str] = []

    def logged(record: Any) -> None:
        if "FROM clients" in record.query:
            reads.append(record.query)

    async with database.driver() as connection:  # the test's bound connection: every driver read runs on it
        connection.add_query_logger(logged)
    asks = [("t25-a", SECRET), ("t25-b", SECRET)] * 5 + [("nobody", SECRET), ("t25-a", "wrong")]
    try:
        answers = await asyncio.gather(*(_grant(client, *ask) for ask in asks))
    finally:
        async with database.driver() as connection:
            connection.remove_query_logger(logged)
    for (client_id, secret), answer in zip(asks, answers, strict=True):
        if client_id == "nobody" or secret != SECRET:
            assert (answer.status_code, answer.json()["error"]) == (401, "invalid_client")
            continue
        assert answer.status_code == 200, answer.text
        claims = jwt.decode(answer.json()["access_token"], options={"verify_signature": False})
        expected = {"t25-a": ("500110-T25A", "500110"), "t25-b": ("500110-T25B", "500111")}[client_id]
        assert (claims["sub"], claims["org"], claims["region"]) == (client_id, *expected)
    assert 1 <= len(reads) <= len(asks) // 2, f"{len(reads)} client reads for {len(asks)} requests"


async def test_issue21_shared_reads_see_a_deactivation_committed_before_the_requests(
    client: httpx.AsyncClient, database: Database
) -> None:
    """Issue 21: sharing the client read is no cache. Requests at once before a deactivation are granted; every
    one of the requests at once after its commit is refused (401 invalid_client), the other client unaffected."""
    await _register(database)
    before = await asyncio.gather(*(_grant(client, "t25-a") for _ in range(6)))
    assert [answer.status_code for answer in before] == [200] * 6
    async with IdentityUnitOfWork(database) as uow:
        stored = await uow.clients.get("t25-a")
        assert stored is not None
        stored.active = False
        await uow.commit()
    after = await asyncio.gather(*(_grant(client, client_id) for client_id in ("t25-a", "t25-b") * 4))
    assert [answer.status_code for answer in after] == [401, 200] * 4
    assert all(answer.json()["error"] == "invalid_client" for answer in after[::2])


async def test_issue21_a_client_id_postgresql_cannot_hold_is_an_unknown_client(
    client: httpx.AsyncClient, database: Database
) -> None:
    """Issue 21: a client id with a NUL byte (Basic credentials, or ``%00`` in them) named no client, yet its
    read failed in PostgreSQL and the token endpoint answered 500; sent among good requests it must not fail them
    either. Now it is an unknown client (401 invalid_client) and the others are granted."""
    await _register(database)
    answers = await asyncio.gather(
        _grant(client, "t25-a\x00"),
        _grant(client, "t25-a%00"),
        _grant(client, "t25-a"),
        _grant(client, "t25-b"),
    )
    assert [answer.status_code for answer in answers] == [401, 401, 200, 200]
    assert all(answer.json()["error"] == "invalid_client" for answer in answers[:2])


@pytest.mark.parametrize("path", ["/introspect", "/revoke"])
async def test_issue21_a_nul_client_id_is_an_unknown_client_at_every_client_authentication(
    client: httpx.AsyncClient, database: Database, path: str
) -> None:
    """Issue 21, the same class at the other endpoints that authenticate a client from Basic credentials
    (introspection, revocation): a NUL byte in the client id is an unknown client (401), not a 500."""
    await _register(database)
    answer = await client.post(path, data={"token": "x" * 40}, auth=("t25-a\x00", SECRET))
    assert answer.status_code == 401, answer.text
    assert answer.json()["error"] == "invalid_client"
