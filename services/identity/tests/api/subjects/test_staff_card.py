"""issue 19, last outside try: failure 2 — services showed staff as UUIDs because identity had no way to read a
staff member's name except the administrators' GET /staff/{id}. GET /staff/{id}/card answers the name and the
organization to staff and to systems holding ``identity:staff_names``; persons and other systems get 403."""

import httpx
import pytest

from identity.store.models import Client
from identity.store.unit_of_work import IdentityUnitOfWork

from .conftest import GUNAN, World, add_staff

pytestmark = pytest.mark.api


async def test_issue19_last_failure2_staff_and_the_platform_read_a_staff_members_name(
    client: httpx.AsyncClient, world: World
) -> None:
    """issue 19, last outside try: failure 2 — a staff member's name, for staff and the platform only."""
    staff_id = await add_staff(world, "clerk.card", f"{GUNAN}-center", ["window_clerk"], GUNAN)
    async with IdentityUnitOfWork(world.database) as uow:
        uow.clients.add(
            Client(
                client_id="tongban-cases",
                name="办件平台",
                secret_hash="z" * 64,
                organization_code="500110-ZFBGS",
                scopes="identity:staff_names",
            )
        )
        await uow.commit()
    card = await client.get(f"/staff/{staff_id}/card", headers=world.headers("reviewer"))
    assert card.status_code == 200, card.text
    assert card.json() == {"id": staff_id, "name": "测试clerk.card", "organization_code": f"{GUNAN}-center"}
    platform = world.headers("system", client_id="tongban-cases", scope="identity:staff_names")
    assert (await client.get(f"/staff/{staff_id}/card", headers=platform)).json()["name"] == "测试clerk.card"
    for caller in ("citizen", "system"):  # a person; a system without the scope
        refused = await client.get(f"/staff/{staff_id}/card", headers=world.headers(caller))
        assert refused.status_code == 403, refused.text
    assert (await client.get(f"/staff/{staff_id}/card")).status_code == 401
    unknown = await client.get(
        "/staff/00000000-0000-0000-0000-000000000000/card", headers=world.headers("clerk")
    )
    assert unknown.status_code == 404
