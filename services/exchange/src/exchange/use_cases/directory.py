"""The directory: members (from identity's organizations), resources, and what a caller may read."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from exchange.clients.outbound import Outbound
from exchange.domain.access import Caller, Operation, is_operator, may
from exchange.domain.resources import resource_problems
from exchange.domain.sharing import Decision, GrantTerms, Purpose, ResourceTerms, SharingType, decide_read
from exchange.store.models import Member, Resource, ShareRequest
from exchange.store.unit_of_work import ExchangeUnitOfWork
from exchange.use_cases import endpoints
from exchange.use_cases.errors import Forbidden, Invalid, ResourceNotFound
from meshkit.legaldate import today as legal_today

__all__ = [
    "ResourceAccess",
    "access_of",
    "get_resource",
    "grant_terms",
    "list_members",
    "list_resources",
    "register_member",
    "register_resource",
    "resource_terms",
]

_ANY_PURPOSE = Purpose(purpose="目录查询", legal_basis="目录查询")


@dataclass(frozen=True)
class ResourceAccess:
    resource: Resource
    decision: Decision | None  # None for anonymous callers


def resource_terms(resource: Resource) -> ResourceTerms:
    return ResourceTerms(
        code=resource.code,
        provider_code=resource.provider_code,
        sharing_type=SharingType(resource.sharing_type),
        items=resource.item_keys,
        legal_basis=resource.legal_basis,
    )


def grant_terms(requests: Sequence[ShareRequest]) -> list[GrantTerms]:
    return [GrantTerms(str(r.id), tuple(r.items), r.valid_from, r.valid_to) for r in requests]


def access_of(resource: Resource, caller: Caller, grants: Sequence[ShareRequest], today: date) -> Decision:
    """What this caller could read of the resource today (for a read with a proper purpose)."""
    return decide_read(
        resource=resource_terms(resource),
        caller_kind=caller.kind,
        caller_org=caller.org,
        grants=grant_terms([g for g in grants if g.resource_code == resource.code]),
        requested=None,
        purpose=_ANY_PURPOSE,
        today=today,
    )


async def list_members(uow: ExchangeUnitOfWork) -> Sequence[Member]:
    return await uow.members.list()


async def register_member(uow: ExchangeUnitOfWork, *, caller: Caller | None, member: Member) -> Member:
    """Operators register members; ``caller=None`` is the demo loader."""
    if caller is not None and not is_operator(caller):
        raise Forbidden("只有平台运维人员可以登记成员单位 (operators only)")
    merged = await uow.members.merge(member)
    await uow.commit()
    return merged


async def list_resources(
    uow: ExchangeUnitOfWork,
    *,
    provider_code: str | None,
    caller: Caller | None = None,
    today: date | None = None,
) -> list[ResourceAccess]:
    resources = await uow.resources.list(provider_code=provider_code)
    if caller is None or not caller.org:
        return [ResourceAccess(resource, None) for resource in resources]
    grants = await uow.grants.granted_to(caller.org)
    day = today or legal_today()
    return [ResourceAccess(resource, access_of(resource, caller, grants, day)) for resource in resources]


async def get_resource(uow: ExchangeUnitOfWork, *, code: str) -> Resource:
    """The resource, or 404 (the read path keeps its own copies: ``store.driver.ResourceSnapshots``)."""
    resource = await uow.resources.get(code)
    if resource is None:
        raise ResourceNotFound(f"数据资源 {code} 不存在")
    return resource


async def register_resource(
    uow: ExchangeUnitOfWork,
    *,
    resource: Resource,
    caller: Caller | None = None,
    outbound: Outbound | None = None,
) -> None:
    """Providers register their own resources (operators any); the provider must be a member. Setting, changing
    or clearing a resource's endpoint is the provider's own administrators' or system's alone, on a host listed
    for the provider; ``outbound`` screens the URL (``caller=None`` is the demo loader, acting as operators)."""
    existing = await uow.resources.get(resource.code)
    before = (existing.provider_code, existing.endpoint_url) if existing is not None else None
    new_endpoint = endpoints.changes_endpoint(resource, before)
    if caller is not None:
        if new_endpoint:
            endpoints.may_set_endpoint(caller, resource.provider_code)
        moved_from = {before[0]} if before is not None else set()
        for provider in {resource.provider_code} | moved_from:
            if not may(caller, Operation.DEFINE_RESOURCES, org=provider):
                raise Forbidden(
                    f"只有提供部门 {provider} 的管理员（admin 角色）或其本单位系统（exchange:resources:write 权限）"
                    "可以登记、修改该部门的数据资源 (only the provider registers its resources)",
                    code="not_permitted",
                )
    problems = resource_problems(
        code=resource.code,
        provider_code=resource.provider_code,
        sharing_type=resource.sharing_type,
        sharing_method=resource.sharing_method,
        items=resource.items,
        legal_basis=resource.legal_basis,
        sharing_condition=resource.sharing_condition,
        endpoint_url=resource.endpoint_url,
    )
    if await uow.members.get(resource.provider_code) is None:
        problems.append(
            {"field": "provider_code", "message": f"提供部门 {resource.provider_code} 尚未加入共享平台"}
        )
    if problems:
        raise Invalid(
            "数据资源登记信息不符合要求: " + "; ".join(p["message"] for p in problems), errors=problems
        )
    if caller is not None and new_endpoint and resource.endpoint_url is not None:
        if outbound is None:
            raise TypeError("a caller's endpoint is screened: pass the outbound client")
        await endpoints.check_endpoint_url(
            uow, url=resource.endpoint_url, provider=resource.provider_code, outbound=outbound
        )
    await uow.resources.merge(resource)
    await uow.commit()
