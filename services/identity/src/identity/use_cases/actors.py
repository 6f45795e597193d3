"""Who is acting: the verified token's subject, completed from identity's own records."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from identity.domain.authorization import Actor
from identity.store.unit_of_work import IdentityUnitOfWork
from identity.use_cases.errors import Forbidden
from identity.use_cases.representation import acting_role

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
    legal representative or a current agent (``sub``) acting for the enterprise in ``org``, re-checked here, so a
    revoked or expired authorization or a reclaimed enterprise counts at once.
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
        enterprise = await uow.enterprises.get(org) if org else None
        now = datetime.now(UTC)
        if (
            enterprise is None
            or await acting_role(uow, enterprise=enterprise, person_id=subject, now=now) is None
        ):
            raise Forbidden(
                "已不能代表该企业办事（授权已撤销或到期，或企业已由法定代表人找回），请重新登录",
                code="representation_ended",
            )
        return Actor(kind=kind, id=subject, acr=acr, org=org)
    return Actor(kind=kind, id=subject, acr=acr)
