"""The members' systems (接入系统) by name: entered by the hub's operators, read by "who read my data"."""

from __future__ import annotations

from collections.abc import Sequence

from exchange.domain.access import Caller, Operation, may
from exchange.store.models import MemberSystem
from exchange.store.unit_of_work import ExchangeUnitOfWork
from exchange.use_cases.errors import Forbidden, NotFound

__all__ = ["put_system", "systems_of"]


async def put_system(
    uow: ExchangeUnitOfWork, *, caller: Caller | None, member_code: str, client_id: str, name: str
) -> Sequence[MemberSystem]:
    """Enter (or rename) one of the member's systems by identity's client id and name; the hub's operators only
    (``caller=None``: the demo loader). Returns the member's systems."""
    if caller is not None and not may(caller, Operation.ADMINISTER):
        raise Forbidden(
            "只有平台运维人员（operator 角色或 exchange:admin 权限）可以登记接入系统 (operators only)",
            code="forbidden",
        )
    if await uow.members.get(member_code) is None:
        raise NotFound(f"成员单位 {member_code} 不存在，请先登记成员单位", code="member_not_found")
    by = "demo" if caller is None else caller.sub
    await uow.systems.put(client_id=client_id, member_code=member_code, name=name.strip(), by=by)
    await uow.commit()
    return await uow.systems.of_member(member_code)


async def systems_of(uow: ExchangeUnitOfWork, *, member_code: str) -> Sequence[MemberSystem]:
    if await uow.members.get(member_code) is None:
        raise NotFound(f"成员单位 {member_code} 不存在", code="member_not_found")
    return await uow.systems.of_member(member_code)
