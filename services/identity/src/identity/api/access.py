"""Dependencies for the subject routes: the acting subject and the personal-data cipher."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from identity.api.dependencies import CipherDep, UowDep
from identity.domain.authorization import Actor
from identity.use_cases.actors import resolve_actor
from identity.use_cases.revocations import refusal
from meshkit.auth import CurrentPrincipal, OptionalPrincipal, Principal, Unauthorized

__all__ = ["ActorDep", "CipherDep", "OptionalActorDep"]


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
