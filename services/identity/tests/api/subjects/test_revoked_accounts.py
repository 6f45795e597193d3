"""Issue 17, failure 3 (identity's side): a deactivated staff member's token and the tokens of a deactivated or
re-keyed client are refused by identity's own routes at once, and the revocation is announced (through the
outbox) for every other service. Tokens issued after a reactivation or with the new secret work."""

import asyncio
import time
from datetime import UTC, datetime

import httpx
import pytest

from identity.domain.tokens import TokenPolicy
from identity.store.unit_of_work import IdentityUnitOfWork
from identity.use_cases.revocations import deny_person

from .conftest import World

pytestmark = pytest.mark.api


async def test_deactivated_staff_token_is_refused_at_once_and_announced(
    client: httpx.AsyncClient, world: World
) -> None:
    clerk = world.ids["clerk"]
    token = world.headers("clerk", iat=int(time.time()) - 5)
    assert (await client.get("/me", headers=token)).status_code == 200

    off = await client.post(f"/staff/{clerk}/deactivate", headers=world.headers("admin"))
    assert off.status_code == 200, off.text

    refused = await client.get("/me", headers=token)
    assert refused.status_code == 401
    assert refused.headers["content-type"] == "application/problem+json"
    assert refused.json()["code"] == "invalid_token"
    assert "停用" in refused.json()["detail"]
    [event] = await world.events("identity.subject_deactivated.v1", about=clerk)
    assert event["data"]["subject_kind"] == "staff"
    assert event["data"]["token_subjects"] == [clerk]

    await client.post(f"/staff/{clerk}/activate", headers=world.headers("admin"))
    assert (await client.get("/me", headers=token)).status_code == 401  # issued before: stays revoked
    fresh = world.headers("clerk", iat=int(time.time()) + 1)
    assert (await client.get("/me", headers=fresh)).status_code == 200


async def test_rotated_secret_and_deactivated_client_revoke_its_tokens(
    client: httpx.AsyncClient, world: World
) -> None:
    before = world.headers("system", iat=int(time.time()) - 5)
    assert (await client.get("/me", headers=before)).status_code == 200

    rotated = await client.post(f"/clients/{world.system}/secret", headers=world.headers("admin"))
    assert rotated.status_code == 200, rotated.text
    refused = await client.get("/me", headers=before)
    assert refused.status_code == 401
    assert refused.json()["code"] == "invalid_token"
    with_new_secret = world.headers("system", iat=int(time.time()) + 1)
    assert (await client.get("/me", headers=with_new_secret)).status_code == 200

    await asyncio.sleep(
        1.1
    )  # a whole second after the rotation: a token issued now predates only what follows
    current = world.headers("system", iat=int(time.time()))
    assert (await client.get("/me", headers=current)).status_code == 200
    off = await client.post(f"/clients/{world.system}/deactivate", headers=world.headers("admin"))
    assert off.status_code == 200, off.text
    assert (await client.get("/me", headers=current)).status_code == 401
    events = await world.events("identity.client_tokens_revoked.v1", about=world.system)
    assert [e["data"]["reason"] for e in events] == ["secret_rotated", "deactivated"]
    assert all(e["data"]["until"] > e["data"]["at"] for e in events)


async def test_deactivated_person_is_refused_under_every_subject_it_carries(
    client: httpx.AsyncClient, world: World
) -> None:
    """The hook for a person's deactivation (or a wrong holder's account): pairwise subjects and the person's
    enterprise tokens are matched too."""
    person = world.ids["citizen"]
    issued = int(time.time()) - 5
    own = world.headers("citizen", iat=issued)
    pairwise = world.tokens.headers(sub="pairwise-sub-1", kind="person", acr="2", iat=issued)
    as_company = world.tokens.headers(sub=person, kind="enterprise", org="ent-1", acr="2", iat=issued)
    async with IdentityUnitOfWork(world.database) as uow:
        await uow.clients.remember_pairwise(sector="gaj", subject="pairwise-sub-1", person_id=person)
        await deny_person(uow, person_id=person, policy=_policy(), now=datetime.now(UTC))
        await uow.commit()

    for headers in (own, pairwise, as_company):
        refused = await client.get("/me", headers=headers)
        assert refused.status_code == 401, refused.text
    [event] = await world.events("identity.subject_deactivated.v1", about=person)
    assert sorted(event["data"]["token_subjects"]) == sorted([person, "pairwise-sub-1"])


def _policy() -> TokenPolicy:
    return TokenPolicy(
        issuer="http://issuer.test",
        audience="tongban",
        access_ttl=900,
        id_token_ttl=900,
        refresh_ttl=86_400,
        code_ttl=60,
        session_ttl=3600,
    )
