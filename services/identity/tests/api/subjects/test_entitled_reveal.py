"""An entitled platform system (scope ``identity:reveal``, e.g. the cases platform) may read a subject's full
identifier to act for them; every such reveal is logged without the value, and every other caller still gets
the masked record."""

import logging

import httpx
import pytest

from identity.store.models import Client
from identity.store.unit_of_work import IdentityUnitOfWork

from .conftest import World, add_enterprise, credit_code

pytestmark = pytest.mark.api

CASES_CLIENT = "tongban-cases"


@pytest.fixture
async def entitled(world: World) -> dict[str, str]:
    async with IdentityUnitOfWork(world.database) as uow:
        uow.clients.add(
            Client(
                client_id=CASES_CLIENT,
                name="通办办件系统",
                secret_hash="x" * 64,
                organization_code="500110-ZFBGS",
                scopes="identity:reveal",
            )
        )
        await uow.commit()
    return world.tokens.headers(
        sub=CASES_CLIENT, kind="system", scope="identity:reveal", client_id=CASES_CLIENT
    )


async def test_system_with_reveal_scope_reads_the_full_id_number(
    client: httpx.AsyncClient, world: World, entitled: dict[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    path = f"/persons/{world.ids['citizen']}"
    with caplog.at_level(logging.DEBUG):
        revealed = await client.get(path, params={"reveal": "true"}, headers=entitled)
    assert revealed.status_code == 200, revealed.text
    body = revealed.json()
    assert body["revealed"] is True
    assert body["id_number"] == world.citizen_id_number
    assert body["phone"] is None  # the entitlement covers the identifier, not the phone
    reveals = [r for r in caplog.records if r.getMessage() == "id number revealed to system"]
    assert len(reveals) == 1
    assert reveals[0].__dict__["client_id"] == CASES_CLIENT
    assert reveals[0].__dict__["person_id"] == world.ids["citizen"]
    assert all(
        world.citizen_id_number not in r.getMessage() and world.citizen_id_number not in str(r.__dict__)
        for r in caplog.records
    )
    masked = await client.get(path, headers=entitled)
    assert masked.json()["id_number"] is None


async def test_other_callers_stay_masked(client: httpx.AsyncClient, world: World) -> None:
    path = f"/persons/{world.ids['citizen']}"
    verifying = await client.get(path, params={"reveal": "true"}, headers=world.headers("system"))
    assert verifying.status_code == 403  # identity:verify alone does not open records
    for caller in ("clerk", "reviewer"):
        response = await client.get(path, params={"reveal": "true"}, headers=world.headers(caller))
        assert response.status_code == 200
        assert response.json()["revealed"] is False
        assert world.citizen_id_number not in response.text
    other = await client.get(path, params={"reveal": "true"}, headers=world.headers("other_citizen"))
    assert other.status_code == 403


async def test_scope_not_held_by_the_client_opens_nothing(client: httpx.AsyncClient, world: World) -> None:
    """A token claiming the scope counts only if the client record still holds it."""
    headers = world.headers("system", scope="identity:reveal")  # exchange-hub: identity:verify exchange:read
    response = await client.get(
        f"/persons/{world.ids['citizen']}", params={"reveal": "true"}, headers=headers
    )
    assert response.status_code == 403


async def test_system_reads_an_enterprise_credit_code(
    client: httpx.AsyncClient, world: World, entitled: dict[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    code = credit_code(5)
    enterprise_id = await add_enterprise(world, "晓梅小吃店", code)
    path = f"/enterprises/{enterprise_id}"
    with caplog.at_level(logging.DEBUG):
        revealed = await client.get(path, params={"reveal": "true"}, headers=entitled)
    assert revealed.status_code == 200, revealed.text
    assert revealed.json()["credit_code"] == code
    assert any(r.getMessage() == "credit code revealed to system" for r in caplog.records)
    assert all(code not in str(r.__dict__) for r in caplog.records)
    clerk = await client.get(path, params={"reveal": "true"}, headers=world.headers("clerk"))
    assert clerk.json()["credit_code"] is None
