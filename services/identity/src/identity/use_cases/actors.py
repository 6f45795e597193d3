"""Who is acting: the verified token's subject, completed from identity's own records."""

from __future__ import annotations

from collections.abc import Iterable

from identity.domain.authorization import Actor
from identity.store.unit_of_work import IdentityUnitOfWork
from identity.use_cases.errors import Forbidden

__all__ = ["resolve_actor"]


async def resolve_actor(
    uow: IdentityUnitOfWork,
    *,
    kind: str,
    subject: str,
    client_id: str,
    scopes: Iterable[str],
    acr: int,
    org: str | None,
) -> Actor:
    """Staff and system clients are re-read, so a deactivated account or a removed role or scope counts at once.

    Persons are taken from the token (``acr`` is the level the token was issued at); an enterprise token is a
    legal representative (``sub``) acting for the enterprise in ``org``.
    """
    if kind == "staff":
        staff = await uow.staff.get(subject)
        if staff is None or not staff.active:
            raise Forbidden("工作人员账号不存在或已停用 (staff account inactive)", code="account_inactive")
        return Actor(
            kind="staff",
            id=staff.id,
            roles=frozenset(staff.roles),
            region=staff.scope_division,
            org=staff.organization_code,
        )
    if kind == "system":
        client = await uow.clients.get(client_id or subject)
        if client is None or not client.active:
            raise Forbidden("客户端不存在或已停用 (client inactive)", code="account_inactive")
        allowed = set(client.scopes.split())
        return Actor(
            kind="system",
            id=client.client_id,
            scopes=frozenset(s for s in scopes if s in allowed),
            org=client.organization_code,
        )
    if kind == "enterprise":
        return Actor(kind=kind, id=subject, acr=acr, org=org)
    return Actor(kind=kind, id=subject, acr=acr)
