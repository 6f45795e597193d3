"""Issue 17, failure 3 (identity's side): a revoked access token, the access tokens of a family revoked for
refresh-token reuse, and the tokens of an ended session are refused by identity's own routes at once —
``GET /persons/{sub}?reveal=true`` no longer returns a full ID number — and each revocation is announced through
the outbox, with the claims (``jti``, ``tb_fam``, ``sid``) every other service matches it by."""

from collections.abc import AsyncIterator
from typing import Any

import httpx
import jwt
import pytest
from sqlalchemy import select

from identity.domain.authorization import Actor
from identity.main import create_app
from identity.settings import IdentitySettings
from identity.store.models import OUTBOX
from identity.store.unit_of_work import IdentityUnitOfWork
from identity.use_cases.staff import set_staff_active
from meshkit.db import Database
from meshkit.embedded import EmbeddedNats
from meshkit.testing.service import TEST_SECRET, app_client

from .conftest import (
    ISSUER,
    QIJIANG,
    WEB,
    WEB_REDIRECT,
    Browser,
    OpWorld,
    logged_in_tokens,
    query_of,
    refresh,
)

pytestmark = pytest.mark.api


@pytest.fixture
async def op_client(
    migrated_url: str, nats_server: EmbeddedNats, database: Database
) -> AsyncIterator[httpx.AsyncClient]:
    """Identity with its own verifier (the OP's keys), so the tokens it issues reach its subject routes."""
    settings = IdentitySettings(
        database_url=migrated_url,
        nats_url=nats_server.url_for("identity"),
        environment="test",
        secret_key=TEST_SECRET,
        issuer=ISSUER,
    )
    async with app_client(create_app(settings), database=database) as client:
        yield client


def claims_of(token: str) -> dict[str, Any]:
    return jwt.decode(token, options={"verify_signature": False})


async def reveal(client: httpx.AsyncClient, op: OpWorld, access_token: str) -> httpx.Response:
    return await client.get(
        f"/persons/{op.person_id}",
        params={"reveal": "true"},
        headers={"Authorization": f"Bearer {access_token}"},
    )


async def announced(database: Database, subject: str) -> list[dict[str, Any]]:
    query = select(OUTBOX.c.envelope).where(OUTBOX.c.subject == subject).order_by(OUTBOX.c.position)
    async with database.sessions() as session:
        return [envelope["data"] for envelope in (await session.scalars(query)).all()]


async def test_revoked_access_token_no_longer_reveals_the_id_number(
    op_client: httpx.AsyncClient, op: OpWorld
) -> None:
    _, tokens = await logged_in_tokens(op_client, op)
    shown = await reveal(op_client, op, tokens["access_token"])
    assert shown.status_code == 200, shown.text
    assert op.person_id_number in shown.text

    revoked = await op_client.post("/revoke", data={"token": tokens["access_token"], "client_id": WEB})
    assert revoked.status_code == 200

    refused = await reveal(op_client, op, tokens["access_token"])
    assert refused.status_code == 401
    assert refused.json()["code"] == "invalid_token"
    assert op.person_id_number not in refused.text
    [event] = await announced(op.database, "identity.access_token_revoked.v1")
    assert event["jtis"] == [claims_of(tokens["access_token"])["jti"]]
    assert event["reason"] == "revoked"


async def test_reused_refresh_token_revokes_the_family_access_tokens(
    op_client: httpx.AsyncClient, op: OpWorld
) -> None:
    _, first = await logged_in_tokens(op_client, op)
    second = (await refresh(op_client, first["refresh_token"])).json()
    family = claims_of(first["access_token"])["tb_fam"]
    assert claims_of(second["access_token"])["tb_fam"] == family  # one family, one claim
    assert (await reveal(op_client, op, second["access_token"])).status_code == 200

    reused = await refresh(op_client, first["refresh_token"])
    assert reused.json()["error"] == "invalid_grant"

    for access_token in (first["access_token"], second["access_token"]):
        refused = await reveal(op_client, op, access_token)
        assert refused.status_code == 401
        assert refused.json()["code"] == "invalid_token"
    [event] = await announced(op.database, "identity.token_family_revoked.v1")
    assert event["family"] == family
    assert event["reason"] == "refresh_token_reused"


async def test_ended_session_revokes_its_access_tokens(op_client: httpx.AsyncClient, op: OpWorld) -> None:
    browser = Browser(op_client)
    tokens = (await browser.exchange(await browser.log_in(op.person_id_number))).json()
    sid = claims_of(tokens["access_token"])["sid"]
    assert sid not in browser.cookies["tb_session"]  # names the session without being its key
    assert (
        await op_client.get("/me", headers={"Authorization": f"Bearer {tokens['access_token']}"})
    ).is_success

    ended = await browser.request(
        "GET",
        "/end-session",
        params={"id_token_hint": tokens["id_token"], "post_logout_redirect_uri": WEB_REDIRECT, "state": "s"},
    )
    assert ended.status_code == 303
    assert query_of(ended.headers["location"])["state"] == "s"

    refused = await op_client.get("/me", headers={"Authorization": f"Bearer {tokens['access_token']}"})
    assert refused.status_code == 401
    assert "会话已结束" in refused.json()["detail"]
    [event] = await announced(op.database, "identity.session_ended.v1")
    assert event["sid"] == sid
    assert event["reason"] == "logout"


async def test_deactivation_ends_the_sessions_so_a_reactivation_revives_no_refresh_token(
    op_client: httpx.AsyncClient, op: OpWorld
) -> None:
    browser = Browser(op_client)
    tokens = (await browser.exchange(await browser.log_in(op.staff_username))).json()
    sid = claims_of(tokens["access_token"])["sid"]
    admin = Actor(kind="staff", id="district-admin", roles=frozenset({"admin"}), region=QIJIANG)
    policy = IdentitySettings().token_policy()
    async with IdentityUnitOfWork(op.database) as uow:
        await set_staff_active(uow, admin, staff_id=op.staff_id, active=False, policy=policy)
    async with IdentityUnitOfWork(op.database) as uow:
        await set_staff_active(uow, admin, staff_id=op.staff_id, active=True, policy=policy)

    assert (await refresh(op_client, tokens["refresh_token"])).json()["error"] == "invalid_grant"
    refused = await op_client.get("/me", headers={"Authorization": f"Bearer {tokens['access_token']}"})
    assert refused.status_code == 401
    [ended] = await announced(op.database, "identity.session_ended.v1")
    assert (ended["sid"], ended["reason"]) == (sid, "subject_deactivated")
    [deactivated] = await announced(op.database, "identity.subject_deactivated.v1")
    assert deactivated["token_subjects"] == [op.staff_id]
