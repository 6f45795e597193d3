"""Issue 17, failure 2: anyone at real-name level 2 could register any company (a name and a valid credit code)
and become its representative; the real legal representative then got 409. Now the 法人 record is read from the
market-regulation register through the exchange, only the person it names (by ID number) becomes the
representative, agents (经办人) act for it until their authorization ends, and an administrator hands a company
claimed wrongly back to its registered representative, ending the wrong claim's logins."""

from datetime import UTC, datetime, timedelta

import httpx
import pytest
from sqlalchemy import select, update

from identity.domain.oauth import opaque_token_hash, session_sid
from identity.store.models import (
    AuthorizationCode,
    Client,
    EnterpriseAgent,
    LoginSession,
    RefreshToken,
    Revocation,
    RevokedToken,
)
from identity.store.unit_of_work import IdentityUnitOfWork
from identity.use_cases.login import authenticate
from meshkit.db import Database

from .conftest import PASSWORD, World, add_enterprise, credit_code, in_registry
from .edge import DUTY, LEGAL_ENTITIES, Edge

pytestmark = pytest.mark.api

CODE = credit_code(71)


async def test_failure_2_only_the_registered_legal_representative_registers_the_company(
    client: httpx.AsyncClient, world: World, edge: Edge
) -> None:
    """李华 (level 2) tries 陈晓梅's shop: 403 with what to do; a code the register lacks: 403; 陈晓梅: 201 with
    the register's name, read under identity's duty."""
    in_registry(edge, world, CODE, "綦江区古南街道晓梅小吃店")
    other = world.headers("other_citizen")
    stolen = await client.post("/enterprises", json={"name": "我的店", "credit_code": CODE}, headers=other)
    assert (stolen.status_code, stolen.json()["code"]) == (403, "not_legal_representative")
    assert "法定代表人" in stolen.json()["detail"]
    assert "经办人" in stolen.json()["detail"]
    unknown = await client.post("/enterprises", json={"credit_code": credit_code(72)}, headers=other)
    assert (unknown.status_code, unknown.json()["code"]) == (403, "enterprise_not_in_registry")

    mine = await client.post(
        "/enterprises", json={"name": "随便写的名字", "credit_code": CODE}, headers=world.headers("citizen")
    )
    assert mine.status_code == 201, mine.text
    assert mine.json()["name"] == "綦江区古南街道晓梅小吃店"
    assert mine.json()["legal_representative_id"] == world.ids["citizen"]
    resource, read, claims = edge.exchange.reads[-1]
    assert (resource, read["identifier"], read["legal_basis"]) == (LEGAL_ENTITIES, CODE, DUTY)
    assert read["subject_kind"] == "enterprise"
    assert claims["client_id"] == "tongban-identity"


async def test_a_company_claimed_by_someone_else_tells_its_representative_how_to_reclaim_it(
    client: httpx.AsyncClient, world: World, edge: Edge
) -> None:
    await add_enterprise(
        world, "綦江区古南街道晓梅小吃店", CODE, representative="other_citizen"
    )  # claimed before
    in_registry(edge, world, CODE, "綦江区古南街道晓梅小吃店")
    claimed = await client.post("/enterprises", json={"credit_code": CODE}, headers=world.headers("citizen"))
    assert (claimed.status_code, claimed.json()["code"]) == (409, "enterprise_claimed")
    assert "政务服务大厅" in claimed.json()["detail"]


async def test_registry_down_is_503_and_writes_nothing(
    client: httpx.AsyncClient, world: World, edge: Edge
) -> None:
    in_registry(edge, world, CODE, "晓梅小吃店")
    edge.exchange.down = True
    down = await client.post("/enterprises", json={"credit_code": CODE}, headers=world.headers("citizen"))
    assert (down.status_code, down.json()["code"]) == (503, "verification_unavailable")
    assert (await client.get("/me/enterprises", headers=world.headers("citizen"))).json() == []


async def _agent(
    client: httpx.AsyncClient, world: World, enterprise_id: str, **extra: object
) -> httpx.Response:
    body = {
        "id_number": world.other_id_number,
        "expires_at": (datetime.now(UTC) + timedelta(days=90)).isoformat(),
    }
    return await client.post(
        f"/enterprises/{enterprise_id}/agents", json={**body, **extra}, headers=world.headers("citizen")
    )


async def test_an_agent_acts_for_the_company_until_revoked(
    client: httpx.AsyncClient, world: World, database: Database
) -> None:
    enterprise_id = await add_enterprise(world, "晓梅小吃店", CODE)
    acting = world.tokens.headers(
        sub=world.ids["other_citizen"], kind="enterprise", org=enterprise_id, acr="2"
    )
    assert (await client.get("/me", headers=acting)).json()["code"] == "representation_ended"  # not yet

    granted = await _agent(client, world, enterprise_id)
    assert granted.status_code == 201, granted.text
    agent = granted.json()
    assert (agent["person_id"], agent["active"]) == (world.ids["other_citizen"], True)
    assert world.other_id_number not in granted.text
    assert (await client.get("/me", headers=acting)).json()["enterprise"]["id"] == enterprise_id
    revealed = await client.get(f"/enterprises/{enterprise_id}", params={"reveal": "true"}, headers=acting)
    assert revealed.json()["credit_code"] == CODE
    listed = await client.get("/me/enterprises", headers=world.headers("other_citizen"))
    assert [e["id"] for e in listed.json()] == [enterprise_id]
    # the agent logs in for the company with the credit code, like the representative
    async with IdentityUnitOfWork(database) as uow:
        subject = await authenticate(
            uow,
            login=world.other_id_number,
            password=PASSWORD,
            cipher=world.cipher,
            now=datetime.now(UTC),
            source="203.0.113.7",
            credit_code=CODE,
        )
    assert (subject.kind, subject.enterprise_id) == ("enterprise", enterprise_id)
    # an agent authorizes nobody
    body = {
        "id_number": world.citizen_id_number,
        "expires_at": (datetime.now(UTC) + timedelta(days=9)).isoformat(),
    }
    by_agent = await client.post(f"/enterprises/{enterprise_id}/agents", json=body, headers=acting)
    assert (by_agent.status_code, by_agent.json()["code"]) == (403, "not_legal_representative")

    revoked = await client.delete(
        f"/enterprises/{enterprise_id}/agents/{agent['id']}", headers=world.headers("citizen")
    )
    assert revoked.status_code == 204
    assert (await client.get("/me", headers=acting)).json()["code"] == "representation_ended"
    assert (await client.get("/me/enterprises", headers=world.headers("other_citizen"))).json() == []
    (listed_agent,) = (
        await client.get(f"/enterprises/{enterprise_id}/agents", headers=world.headers("citizen"))
    ).json()
    assert listed_agent["active"] is False


async def test_an_agent_authorization_ends_at_its_expiry(
    client: httpx.AsyncClient, world: World, database: Database
) -> None:
    enterprise_id = await add_enterprise(world, "晓梅小吃店", CODE)
    assert (await _agent(client, world, enterprise_id)).status_code == 201
    acting = world.tokens.headers(
        sub=world.ids["other_citizen"], kind="enterprise", org=enterprise_id, acr="2"
    )
    assert (await client.get("/me", headers=acting)).status_code == 200
    async with database.sessions() as session:
        await session.execute(
            update(EnterpriseAgent).values(expires_at=datetime.now(UTC) - timedelta(seconds=1))
        )
        await session.commit()
    assert (await client.get("/me", headers=acting)).json()["code"] == "representation_ended"
    too_long = await _agent(
        client, world, enterprise_id, expires_at=(datetime.now(UTC) + timedelta(days=2000)).isoformat()
    )
    assert (too_long.status_code, too_long.json()["code"]) == (422, "invalid_agent_expiry")


async def test_reclaim_hands_the_company_to_its_registered_representative_and_ends_the_wrong_claims_logins(
    client: httpx.AsyncClient, world: World, edge: Edge, database: Database
) -> None:
    """李华 claimed 陈晓梅's shop (before the register was consulted) and logged in for it; an administrator,
    with 陈晓梅 at the hall, reclaims it: it is hers, 李华's enterprise login and its tokens end."""
    enterprise_id = await add_enterprise(world, "晓梅小吃店", CODE, representative="other_citizen")
    in_registry(edge, world, CODE, "綦江区古南街道晓梅小吃店")
    now = datetime.now(UTC)
    async with IdentityUnitOfWork(database) as uow:
        uow.clients.add(Client(client_id="web", name="网上大厅", secret_hash=None, scopes="openid"))
        uow.sessions.add(
            LoginSession(
                id=opaque_token_hash("wrong-claim-cookie"),
                subject_kind="enterprise",
                subject_id=world.ids["other_citizen"],
                enterprise_id=enterprise_id,
                acr=2,
                auth_time=now,
                expires_at=now + timedelta(hours=8),
            )
        )
        await uow.flush()
        uow.codes.add(
            AuthorizationCode(
                code_hash="c" * 64,
                client_id="web",
                session_id=opaque_token_hash("wrong-claim-cookie"),
                redirect_uri="https://web.example/cb",
                scope="openid",
                code_challenge="x" * 43,
                expires_at=now,
                used_at=now,
                issued_jti="jti-from-code",
                issued_family="family-1",
            )
        )
        uow.refresh_tokens.add(
            RefreshToken(
                token_hash="r" * 64,
                family_id="family-1",
                client_id="web",
                session_id=opaque_token_hash("wrong-claim-cookie"),
                scope="openid",
                access_jti="jti-from-refresh",
                expires_at=now + timedelta(days=1),
            )
        )
        await uow.commit()
    wrong = world.tokens.headers(
        sub=world.ids["other_citizen"], kind="enterprise", org=enterprise_id, acr="2"
    )
    assert (await client.get("/me", headers=wrong)).status_code == 200

    refused = await client.post(f"/enterprises/{enterprise_id}/reclaim", headers=world.headers("clerk"))
    assert refused.status_code == 403
    done = await client.post(f"/enterprises/{enterprise_id}/reclaim", headers=world.headers("admin"))
    assert done.status_code == 200, done.text
    assert done.json()["enterprise"]["legal_representative_id"] == world.ids["citizen"]
    assert done.json()["previous_representative_id"] == world.ids["other_citizen"]
    assert done.json()["sessions_ended"] == 1

    assert (await client.get("/me", headers=wrong)).json()["code"] == "representation_ended"
    async with database.sessions() as session:
        login = await session.get(LoginSession, opaque_token_hash("wrong-claim-cookie"))
        assert login is not None
        assert login.ended_at is not None
        refresh = await session.get(RefreshToken, "r" * 64)
        assert refresh is not None
        assert refresh.revoked_at is not None
        denied = set((await session.scalars(select(RevokedToken.jti))).all())
        entries = {
            (r.kind, r.value)
            for r in (await session.execute(select(Revocation.kind, Revocation.value))).all()
        }
    assert "jti-from-code" in denied
    # the session's sid is denied (and announced): every access token issued in it is refused everywhere
    assert ("sid", session_sid(opaque_token_hash("wrong-claim-cookie"))) in entries
    ended = await world.events("identity.session_ended.v1")
    assert [e["data"]["reason"] for e in ended] == ["representation_ended"]
    hers = world.tokens.headers(sub=world.ids["citizen"], kind="enterprise", org=enterprise_id, acr="2")
    assert (await client.get("/me", headers=hers)).json()["enterprise"]["name"] == "綦江区古南街道晓梅小吃店"
    again = await client.post(f"/enterprises/{enterprise_id}/reclaim", headers=world.headers("admin"))
    assert (again.status_code, again.json()["code"]) == (409, "already_with_representative")
