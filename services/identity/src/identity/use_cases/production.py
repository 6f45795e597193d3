"""What a production identity refuses to run with: clients still holding the published demo secret.

The demo loader never runs in prod (the launcher skips it and it refuses itself), but a database first filled by a
dev run, or copied from one, would still let the demo secret in. Checked once at start-up; names only.
"""

from __future__ import annotations

from identity.domain.demo_credentials import DEMO_CLIENT_SECRET
from identity.store.unit_of_work import IdentityUnitOfWork
from identity.use_cases.tokens import client_secret_hash

__all__ = ["demo_clients"]


async def demo_clients(uow: IdentityUnitOfWork, *, pepper: str) -> list[str]:
    """The clients whose current or previous secret is the published demo secret."""
    clients = await uow.clients.with_secret_hash(client_secret_hash(DEMO_CLIENT_SECRET, pepper))
    return sorted(client.client_id for client in clients)
