"""OAuth clients managed by administrators: department systems, the city platform, web and mobile apps.

A confidential client's secret is generated here and returned once; only its keyed hash is stored.
"""

from __future__ import annotations

import dataclasses
import logging
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.exc import IntegrityError

from identity.domain.authorization import Actor, admin_reaches, is_admin, is_district_admin, may_grant_scopes
from identity.domain.clients import GrantType, client_problems
from identity.domain.organizations import division_prefix
from identity.domain.tokens import TokenPolicy
from identity.store.models import Client
from identity.store.unit_of_work import IdentityUnitOfWork
from identity.use_cases.errors import Forbidden, Invalid, NotFound
from identity.use_cases.revocations import deny_client
from identity.use_cases.tokens import client_secret_hash
from meshkit.errors import ProblemError

__all__ = [
    "ClientFields",
    "IssuedClient",
    "create_client",
    "get_client",
    "list_clients",
    "rotate_client_secret",
    "set_client_active",
    "update_client",
]

log = logging.getLogger("identity.clients")


@dataclass(frozen=True)
class ClientFields:
    name: str
    organization_code: str | None
    scopes: tuple[str, ...]
    audiences: tuple[str, ...]
    sector: str | None
    redirect_uris: tuple[str, ...]
    grant_types: tuple[GrantType, ...]
    confidential: bool = True


@dataclass(frozen=True)
class IssuedClient:
    client: Client
    secret: str | None  # shown once; None for public clients


def _exists(client_id: str) -> ProblemError:
    return ProblemError(f"客户端 {client_id} 已存在", status=409, code="client_exists")


async def _checked(uow: IdentityUnitOfWork, actor: Actor, fields: ClientFields) -> None:
    problems = client_problems(
        confidential=fields.confidential, grant_types=fields.grant_types, redirect_uris=fields.redirect_uris
    )
    if problems:
        raise Invalid(
            f"客户端设置有误: {problems[0]['message']}", code="invalid_client_settings", errors=problems
        )
    division = None
    if fields.organization_code is not None:
        organization = await uow.organizations.get(fields.organization_code)
        if organization is None:
            message = f"组织 {fields.organization_code} 不存在"
            raise Invalid(
                message,
                code="unknown_organization",
                errors=[{"field": "organization_code", "message": message}],
            )
        division = organization.division_code
    if not admin_reaches(actor, division):
        raise Forbidden(
            "该客户端的组织不在您的管辖范围内 (outside your territory)", code="outside_admin_scope"
        )
    if not may_grant_scopes(actor, fields.scopes):
        raise Forbidden("只有区级管理员可以授予 identity:* 权限范围", code="privileged_scope")


async def _reachable(uow: IdentityUnitOfWork, actor: Actor, client_id: str) -> Client:
    if not is_admin(actor):
        raise Forbidden("只有管理员可以管理客户端 (administrators only)")
    client = await uow.clients.get(client_id)
    if client is None:
        raise NotFound(f"客户端 {client_id} 不存在", code="client_not_found")
    organization = await uow.organizations.get(client.organization_code) if client.organization_code else None
    if not admin_reaches(actor, organization.division_code if organization else None):
        raise Forbidden("该客户端不在您的管辖范围内 (outside your territory)", code="outside_admin_scope")
    return client


def _fields_of(client: Client) -> ClientFields:
    return ClientFields(
        name=client.name,
        organization_code=client.organization_code,
        scopes=tuple(client.scopes.split()),
        audiences=tuple(client.audiences),
        sector=client.sector,
        redirect_uris=tuple(client.redirect_uris),
        grant_types=tuple(GrantType(g) for g in client.grant_types),
        confidential=client.secret_hash is not None,
    )


def _apply(client: Client, fields: ClientFields) -> None:
    client.name = fields.name.strip()
    client.organization_code = fields.organization_code
    client.scopes = " ".join(dict.fromkeys(fields.scopes))
    client.audiences = list(dict.fromkeys(fields.audiences))
    client.sector = fields.sector
    client.redirect_uris = list(dict.fromkeys(fields.redirect_uris))
    client.grant_types = [str(g) for g in dict.fromkeys(fields.grant_types)]


async def create_client(
    uow: IdentityUnitOfWork, actor: Actor, *, pepper: str, client_id: str, fields: ClientFields
) -> IssuedClient:
    if not is_admin(actor):
        raise Forbidden("只有管理员可以管理客户端 (administrators only)")
    await _checked(uow, actor, fields)
    if await uow.clients.get(client_id) is not None:
        raise _exists(client_id)
    secret = secrets.token_urlsafe(32) if fields.confidential else None
    client = Client(
        client_id=client_id,
        secret_hash=client_secret_hash(secret, pepper) if secret else None,
        active=True,
        created_at=datetime.now(UTC),
    )
    _apply(client, fields)
    uow.clients.add(client)
    try:
        await uow.flush()
    except IntegrityError:
        raise _exists(client_id) from None
    await uow.commit()
    log.info("client created", extra={"client_id": client_id, "by": actor.id})
    return IssuedClient(client, secret)


async def update_client(
    uow: IdentityUnitOfWork, actor: Actor, *, client_id: str, changes: Mapping[str, Any]
) -> Client:
    """Change settings; whether the client is confidential stays as registered."""
    client = await _reachable(uow, actor, client_id)
    allowed = {k: v for k, v in changes.items() if k != "confidential"}
    fields = dataclasses.replace(_fields_of(client), **allowed)
    await _checked(uow, actor, fields)
    _apply(client, fields)
    await uow.commit()
    log.info("client updated", extra={"client_id": client_id, "by": actor.id})
    return client


async def set_client_active(
    uow: IdentityUnitOfWork, actor: Actor, *, client_id: str, active: bool, policy: TokenPolicy
) -> Client:
    """A deactivated client can no longer get tokens, and its live tokens stop working: at identity at once,
    at every other service when the announcement arrives (seconds)."""
    client = await _reachable(uow, actor, client_id)
    if actor.kind == "system" and actor.id == client_id and not active:
        raise ProblemError("不能停用自己", status=409, code="cannot_deactivate_self")
    if client.active != active:
        client.active = active
        if not active:
            await deny_client(
                uow, client_id=client_id, reason="deactivated", policy=policy, now=datetime.now(UTC)
            )
        await uow.commit()
        log.info("client active changed", extra={"client_id": client_id, "active": active, "by": actor.id})
    return client


async def rotate_client_secret(
    uow: IdentityUnitOfWork, actor: Actor, *, pepper: str, client_id: str, policy: TokenPolicy
) -> IssuedClient:
    """A new secret replaces the old one at once (shown once); tokens issued with the old one are revoked
    everywhere (a rotation is what one does when the old secret may be known to someone else)."""
    client = await _reachable(uow, actor, client_id)
    if client.secret_hash is None:
        raise ProblemError("公开客户端没有密钥 (public client)", status=409, code="public_client")
    secret = secrets.token_urlsafe(32)
    client.secret_hash = client_secret_hash(secret, pepper)
    await deny_client(uow, client_id=client_id, reason="secret_rotated", policy=policy, now=datetime.now(UTC))
    await uow.commit()
    log.info("client secret rotated", extra={"client_id": client_id, "by": actor.id})
    return IssuedClient(client, secret)


async def get_client(uow: IdentityUnitOfWork, actor: Actor, *, client_id: str) -> Client:
    return await _reachable(uow, actor, client_id)


async def list_clients(
    uow: IdentityUnitOfWork, actor: Actor, *, limit: int, offset: int
) -> tuple[Sequence[Client], int]:
    if not is_admin(actor):
        raise Forbidden("只有管理员可以管理客户端 (administrators only)")
    if is_district_admin(actor):
        return await uow.clients.search(division_prefix=None, limit=limit, offset=offset)
    if not actor.region:
        return [], 0
    return await uow.clients.search(division_prefix=division_prefix(actor.region), limit=limit, offset=offset)
