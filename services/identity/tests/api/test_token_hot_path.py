"""Issue 21 (token endpoint slower than a certified OpenID Provider): the client-credentials grant reads its client
and organization in one statement on the driver pool, with no ORM session on the way — and keeps every rule."""

from datetime import UTC, date, datetime
from typing import Any

import httpx
import jwt
import pytest
from sqlalchemy import event

from identity import use_cases
from identity.store.models import Organization
from identity.store.unit_of_work import IdentityUnitOfWork
from meshkit.db import Database
from meshkit.testing.service import TEST_SECRET

pytestmark = pytest.mark.api


async def _register(database: Database) -> None:
    async with IdentityUnitOfWork(database) as uow:
        uow.organizations.add(
            Organization(
                code="500110-T21",
                name="测试局",
                kind="department",
                division_code="500110",
                valid_from=date(2020, 1, 1),
            )
        )
        await uow.commit()
        await use_cases.register_client(
            uow,
            client_id="t21-system",
            name="测试系统",
            secret="t21-secret-value",
            scopes=["catalog:write"],
            organization_code="500110-T21",
            pepper=TEST_SECRET,
        )


async def test_issue21_token_endpoint_client_credentials_skips_the_orm(
    client: httpx.AsyncClient, database: Database
) -> None:
    """Issue 21, token endpoint throughput: the grant made a transaction and two ORM reads per token (most of its
    CPU); now the ORM engine sees no statement for it, and the token still carries the organization's region."""
    await _register(database)
    statements: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(database.engine.sync_engine, "before_cursor_execute", seen)
    try:
        response = await client.post(
            "/token", data={"grant_type": "client_credentials"}, auth=("t21-system", "t21-secret-value")
        )
    finally:
        event.remove(database.engine.sync_engine, "before_cursor_execute", seen)
    assert response.status_code == 200, response.text
    orm_reads = [s for s in statements if "clients" in s or "organizations" in s]
    assert orm_reads == []
    claims = jwt.decode(response.json()["access_token"], options={"verify_signature": False})
    assert (claims["sub"], claims["org"], claims["region"]) == ("t21-system", "500110-T21", "500110")


@pytest.mark.parametrize(
    ("auth", "status", "code"),
    [
        (("t21-system", "wrong"), 401, "invalid_client"),
        (("nobody", "t21-secret-value"), 401, "invalid_client"),
    ],
)
async def test_issue21_token_hot_path_refuses_like_before(
    client: httpx.AsyncClient, database: Database, auth: tuple[str, str], status: int, code: str
) -> None:
    """Issue 21: the fast path refuses a wrong secret and an unknown client alike (401 invalid_client)."""
    await _register(database)
    response = await client.post("/token", data={"grant_type": "client_credentials"}, auth=auth)
    assert response.status_code == status
    assert response.json()["error"] == code


async def test_issue21_token_hot_path_refuses_an_inactive_client_and_notes_a_previous_secret(
    client: httpx.AsyncClient, database: Database
) -> None:
    """Issue 21: the one-statement read still sees a deactivation at once, and a rotation's old secret still
    records its use (retiring it waits until it is quiet)."""
    await _register(database)
    async with IdentityUnitOfWork(database) as uow:
        stored = await uow.clients.get("t21-system")
        assert stored is not None
        stored.previous_secret_hash = stored.secret_hash
        stored.secret_hash = use_cases.client_secret_hash("t21-new-secret", TEST_SECRET)
        await uow.commit()
    before = datetime.now(UTC)
    response = await client.post(
        "/token", data={"grant_type": "client_credentials"}, auth=("t21-system", "t21-secret-value")
    )
    assert response.status_code == 200, response.text
    async with IdentityUnitOfWork(database) as uow:
        stored = await uow.clients.get("t21-system")
        assert stored is not None
        assert stored.previous_secret_used_at is not None
        assert stored.previous_secret_used_at >= before
        stored.active = False
        await uow.commit()
    response = await client.post(
        "/token", data={"grant_type": "client_credentials"}, auth=("t21-system", "t21-new-secret")
    )
    assert response.status_code == 401
    assert response.json()["error"] == "invalid_client"
