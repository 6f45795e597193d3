"""Dependencies for the subject routes: the acting subject and the personal-data cipher.

A route states which kinds of token may call it at all (:class:`meshkit.auth.Requires`), refused with 403 before
the body is looked at. Only the kind: identity reads a staff member's roles and a client's scopes from its current
record (``resolve_actor``), not from the token, and the use cases decide with them."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import Depends

from identity.api.dependencies import CipherDep, UowDep
from identity.domain.authorization import Actor, is_admin
from identity.use_cases.actors import resolve_actor
from identity.use_cases.errors import Forbidden
from identity.use_cases.revocations import refusal
from meshkit.auth import CurrentPrincipal, OptionalPrincipal, Principal, Requires, Unauthorized

__all__ = [
    "STAFF_NAMES_SCOPE",
    "ActorDep",
    "AdminOnlyActorDep",
    "AdministratorActorDep",
    "CipherDep",
    "ClerkActorDep",
    "OptionalActorDep",
    "PersonActorDep",
    "RepresentativeActorDep",
    "StaffCardReaderDep",
    "VerifierActorDep",
]


async def _resolve(uow: UowDep, principal: Principal) -> Actor:
    # identity's own deny list, from its store: a revocation counts here at once (elsewhere within seconds)
    reason = await refusal(uow, principal.claims)
    if reason is not None:
        raise Unauthorized(reason)
    return await resolve_actor(
        uow,
        kind=principal.kind,
        subject=principal.sub,
        client_id=principal.client_id,
        scopes=principal.scopes,
        acr=principal.acr,
        org=principal.org,
    )


async def _actor(uow: UowDep, principal: CurrentPrincipal) -> Actor:
    return await _resolve(uow, principal)


async def _optional_actor(uow: UowDep, principal: OptionalPrincipal) -> Actor | None:
    return None if principal is None else await _resolve(uow, principal)


ActorDep = Annotated[Actor, Depends(_actor)]
OptionalActorDep = Annotated[Actor | None, Depends(_optional_actor)]


def _actor_of(*kinds: str, what: str) -> Callable[..., Awaitable[Actor]]:
    requires = Requires(kinds=kinds, what=what, code="forbidden")

    async def actor(uow: UowDep, principal: Principal = Depends(requires)) -> Actor:
        return await _resolve(uow, principal)

    return actor


async def _admin(
    actor: Actor = Depends(_actor_of("staff", "system", what="管理客户端、工作人员和组织机构")),
) -> Actor:
    """An administrator by the current record (role ``admin`` or scope ``identity:admin``), refused before a
    body is looked at: an auditor's invalid body was answered 422 before the 403 it deserved."""
    if not is_admin(actor):
        raise Forbidden("只有管理员可以管理客户端、工作人员和组织机构 (administrators only)")
    return actor


AdminOnlyActorDep = Annotated[Actor, Depends(_admin)]
"""For the writes only administrators may make (within their territory, which the use case checks)."""

AdministratorActorDep = Annotated[
    Actor, Depends(_actor_of("staff", "system", what="管理客户端、工作人员和组织机构"))
]
STAFF_NAMES_SCOPE = "identity:staff_names"


async def _staff_card_reader(
    actor: Actor = Depends(_actor_of("staff", "system", what="查看工作人员姓名")),
) -> Actor:
    """Staff, or a system holding scope ``identity:staff_names`` (or an admin system)."""
    if actor.kind == "system" and not (actor.has_scope(STAFF_NAMES_SCOPE) or is_admin(actor)):
        raise Forbidden("查看工作人员姓名需要 identity:staff_names 权限范围")
    return actor


StaffCardReaderDep = Annotated[Actor, Depends(_staff_card_reader)]
ClerkActorDep = Annotated[Actor, Depends(_actor_of("staff", what="按身份证号查找自然人"))]
VerifierActorDep = Annotated[Actor, Depends(_actor_of("staff", "system", what="提升实名等级"))]
PersonActorDep = Annotated[Actor, Depends(_actor_of("person", what="登记企业"))]
RepresentativeActorDep = Annotated[Actor, Depends(_actor_of("person", "enterprise", what="管理经办人授权"))]
