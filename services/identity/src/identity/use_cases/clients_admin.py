"""OAuth clients managed by administrators: department systems, the city platform, web and mobile apps.

A confidential client's secret is generated here and returned once; only its keyed hash is stored.
"""

from __future__ import annotations

import dataclasses
import logging
import secrets
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
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
    "begin_secret_rotation",
    "create_client",
    "get_client",
    "list_clients",
    "retire_previous_secret",
    "rotate_client_secret",
    "set_client_active",
    "update_client",
]

# What a built-in client may not lose through the admin API: the mesh itself logs in with them.
_SYSTEM_FIELDS = frozenset(
    {"scopes", "audiences", "grant_types", "redirect_uris", "organization_code", "sector"}
)
_ROTATION = (
    "轮换流程：POST /identity/clients/{id}/secret/next 生成新密钥（旧密钥在重叠期内仍有效）→ 用新密钥重启使用它的服务 → "
    "POST /identity/clients/{id}/secret/retire-previous 停用旧密钥（见 docs/runbook.md「轮换密钥」）"
)

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


def _system_client(client_id: str, what: str) -> ProblemError:
    return ProblemError(
        f"客户端 {client_id} 是通办平台自身使用的内置系统客户端，{what}会使平台停止工作，不能通过管理接口执行"
        f" (built-in system client: refused)",
        status=409,
        code="system_client_protected",
    )


async def update_client(
    uow: IdentityUnitOfWork,
    actor: Actor,
    *,
    client_id: str,
    changes: Mapping[str, Any],
    system_clients: Collection[str] = (),
) -> Client:
    """Change settings; whether the client is confidential stays as registered. A built-in system client keeps
    what the mesh relies on (scopes, audiences, grants, redirect URIs, organization); its name may change."""
    client = await _reachable(uow, actor, client_id)
    if client_id in system_clients and _SYSTEM_FIELDS & set(changes):
        raise _system_client(client_id, "修改其权限范围、授权类型、受众、回调地址或所属组织")
    allowed = {k: v for k, v in changes.items() if k != "confidential"}
    fields = dataclasses.replace(_fields_of(client), **allowed)
    await _checked(uow, actor, fields)
    _apply(client, fields)
    await uow.commit()
    log.info("client updated", extra={"client_id": client_id, "by": actor.id})
    return client


async def set_client_active(
    uow: IdentityUnitOfWork,
    actor: Actor,
    *,
    client_id: str,
    active: bool,
    policy: TokenPolicy,
    system_clients: Collection[str] = (),
) -> Client:
    """A deactivated client can no longer get tokens, and its live tokens stop working: at identity at once,
    at every other service when the announcement arrives (seconds). Built-in system clients (``system_clients``)
    are never deactivated here: the mesh would stop."""
    client = await _reachable(uow, actor, client_id)
    if not active and client_id in system_clients:
        raise _system_client(client_id, "停用")
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
    uow: IdentityUnitOfWork,
    actor: Actor,
    *,
    pepper: str,
    client_id: str,
    policy: TokenPolicy,
    system_clients: Collection[str] = (),
) -> IssuedClient:
    """A new secret replaces the old one at once (shown once); tokens issued with the old one are revoked
    everywhere (a rotation is what one does when the old secret may be known to someone else). Not for built-in
    system clients: their services would stop logging in; they rotate with :func:`begin_secret_rotation` and
    :func:`retire_previous_secret` (a planned rotation: tokens stay valid until they expire)."""
    client = await _reachable(uow, actor, client_id)
    if client_id in system_clients:
        raise ProblemError(
            f"客户端 {client_id} 是内置系统客户端，立即更换密钥会使平台停止工作；请按"
            + _ROTATION.replace("{id}", client_id)
            + " (built-in system client: rotate with overlap)",
            status=409,
            code="system_client_rotation",
        )
    _confidential(client)
    secret = secrets.token_urlsafe(32)
    client.secret_hash = client_secret_hash(secret, pepper)
    client.previous_secret_hash = None
    client.previous_secret_used_at = None
    await deny_client(uow, client_id=client_id, reason="secret_rotated", policy=policy, now=datetime.now(UTC))
    await uow.commit()
    log.info("client secret rotated", extra={"client_id": client_id, "by": actor.id})
    return IssuedClient(client, secret)


def _confidential(client: Client) -> None:
    if client.secret_hash is None:
        raise ProblemError("公开客户端没有密钥 (public client)", status=409, code="public_client")


async def begin_secret_rotation(
    uow: IdentityUnitOfWork, actor: Actor, *, pepper: str, client_id: str
) -> IssuedClient:
    """Step 1 of a rotation with overlap: a new secret (shown once) becomes current, the old one stays accepted
    until :func:`retire_previous_secret`, so the services using it keep working until they restart with the new."""
    client = await _reachable(uow, actor, client_id)
    _confidential(client)
    if client.previous_secret_hash is not None:
        raise ProblemError(
            f"客户端 {client_id} 的上一次密钥轮换尚未完成：请先停用旧密钥 (POST /identity/clients/{client_id}/secret/"
            "retire-previous) (a rotation is in progress)",
            status=409,
            code="rotation_in_progress",
        )
    secret = secrets.token_urlsafe(32)
    client.previous_secret_hash = client.secret_hash
    client.previous_secret_used_at = None
    client.secret_hash = client_secret_hash(secret, pepper)
    await uow.commit()
    log.info("client secret rotation begun", extra={"client_id": client_id, "by": actor.id})
    return IssuedClient(client, secret)


async def retire_previous_secret(
    uow: IdentityUnitOfWork, actor: Actor, *, client_id: str, now: datetime, quiet: timedelta
) -> Client:
    """Step 3: the old secret stops working — refused while it still got a token within ``quiet`` (a service
    still runs with it and would stop logging in)."""
    client = await _reachable(uow, actor, client_id)
    if client.previous_secret_hash is None:
        raise ProblemError(
            f"客户端 {client_id} 没有进行中的密钥轮换 (no previous secret to retire)",
            status=409,
            code="no_rotation_in_progress",
        )
    used = client.previous_secret_used_at
    if used is not None and now - used < quiet:
        minutes = max(1, int((quiet - (now - used)).total_seconds() // 60) + 1)
        raise ProblemError(
            f"客户端 {client_id} 的旧密钥在 {used.astimezone(UTC):%Y-%m-%d %H:%M:%S} UTC 仍被使用：请先用新密钥重启所有使用它的服务，"
            f"约 {minutes} 分钟内旧密钥不再被使用后再停用 (previous secret still in use)",
            status=409,
            code="previous_secret_in_use",
        )
    client.previous_secret_hash = None
    client.previous_secret_used_at = None
    await uow.commit()
    log.info("client previous secret retired", extra={"client_id": client_id, "by": actor.id})
    return client


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
