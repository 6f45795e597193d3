"""Failure 7: an administrator could disable the mesh itself by deactivating, narrowing or re-keying the clients the
mesh logs in with. Built-in system clients are refused with a reason; their secrets rotate with an overlap."""

from datetime import UTC, datetime, timedelta

import httpx
import pytest

from identity.store.unit_of_work import IdentityUnitOfWork
from identity.use_cases.tokens import register_client, register_public_client
from meshkit.db import Database
from meshkit.testing.service import TEST_SECRET

from .conftest import World

pytestmark = pytest.mark.api

# the confidential clients the mesh's own processes log in with (client credentials), each with its secret
CONFIDENTIAL = {
    "tongban-cases": ["identity:reveal", "exchange:read"],
    "tongban-exchange": ["identity:reveal", "cases:basis"],
    "catalog-editor": ["catalog:write", "catalog:publish"],
}
SECRET = "the-mesh-secret-of-{}-" + "s" * 24


async def _register(database: Database) -> None:
    for client_id, scopes in CONFIDENTIAL.items():
        async with IdentityUnitOfWork(database) as uow:
            await register_client(
                uow,
                client_id=client_id,
                name=client_id,
                secret=SECRET.format(client_id),
                scopes=scopes,
                organization_code="500110-SCJGJ",
                pepper=TEST_SECRET,
            )
    async with IdentityUnitOfWork(database) as uow:
        await register_public_client(
            uow,
            client_id="tongban-web",
            name="通办网上办事大厅",
            scopes=["openid"],
            redirect_uris=["http://127.0.0.1:3000/callback"],
        )


async def _token(client: httpx.AsyncClient, client_id: str, secret: str) -> int:
    response = await client.post(
        "/token", data={"grant_type": "client_credentials"}, auth=(client_id, secret)
    )
    return response.status_code


def _refused(response: httpx.Response, code: str) -> None:
    assert response.status_code == 409, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["code"] == code
    assert "内置系统客户端" in body["detail"]


async def test_failure_7_built_in_clients_cannot_be_deactivated_rotated_or_narrowed(
    client: httpx.AsyncClient, world: World, database: Database
) -> None:
    """Failure 7: deactivating tongban-cases / tongban-exchange / catalog-editor / tongban-web or rotating their
    secrets through the admin API left nobody able to log in; now each is refused and the mesh still logs in."""
    await _register(database)
    admin = world.headers("admin")
    for client_id in [*CONFIDENTIAL, "tongban-web"]:
        _refused(
            await client.post(f"/clients/{client_id}/deactivate", headers=admin), "system_client_protected"
        )
        _refused(await client.post(f"/clients/{client_id}/secret", headers=admin), "system_client_rotation")
        narrowed = await client.patch(f"/clients/{client_id}", json={"scopes": []}, headers=admin)
        _refused(narrowed, "system_client_protected")
        stored = (await client.get(f"/clients/{client_id}", headers=admin)).json()
        assert stored["active"] is True
        assert stored["scopes"]
    for client_id in CONFIDENTIAL:
        assert await _token(client, client_id, SECRET.format(client_id)) == 200  # the mesh still logs in
    renamed = await client.patch("/clients/tongban-cases", json={"name": "通办办件平台"}, headers=admin)
    assert renamed.status_code == 200  # what the mesh does not rely on may change


async def test_failure_7_a_built_in_secret_rotates_with_an_overlap_that_keeps_the_mesh_working(
    client: httpx.AsyncClient, world: World, database: Database
) -> None:
    """The documented rotation: a new secret beside the old one, services restarted with it, then the old one
    retired — refused while a service still logs in with the old secret."""
    await _register(database)
    admin = world.headers("admin")
    old = SECRET.format("tongban-cases")
    begun = await client.post("/clients/tongban-cases/secret/next", headers=admin)
    assert begun.status_code == 200, begun.text
    assert begun.headers["cache-control"] == "no-store"
    new = begun.json()["client_secret"]
    assert await _token(client, "tongban-cases", old) == 200  # the running services keep working
    assert await _token(client, "tongban-cases", new) == 200  # restarted ones use the new secret
    again = await client.post("/clients/tongban-cases/secret/next", headers=admin)
    assert again.status_code == 409
    assert again.json()["code"] == "rotation_in_progress"

    in_use = await client.post("/clients/tongban-cases/secret/retire-previous", headers=admin)
    assert in_use.status_code == 409
    assert in_use.json()["code"] == "previous_secret_in_use"
    assert "重启" in in_use.json()["detail"]

    async with IdentityUnitOfWork(database) as uow:  # every service restarted: the old secret went quiet
        stored = await uow.clients.get("tongban-cases")
        assert stored is not None
        stored.previous_secret_used_at = datetime.now(UTC) - timedelta(hours=1)
        await uow.commit()
    retired = await client.post("/clients/tongban-cases/secret/retire-previous", headers=admin)
    assert retired.status_code == 200, retired.text
    assert await _token(client, "tongban-cases", old) == 401
    assert await _token(client, "tongban-cases", new) == 200
    nothing = await client.post("/clients/tongban-cases/secret/retire-previous", headers=admin)
    assert nothing.json()["code"] == "no_rotation_in_progress"
