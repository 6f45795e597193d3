"""Provider endpoints belong to the provider: who may set one, where it may point, and the hosts each member's
endpoints may name (kept by the hub's operators)."""

from __future__ import annotations

from collections.abc import Sequence

from exchange.clients.outbound import Outbound
from exchange.domain.access import Caller, Operation, may
from exchange.domain.outbound import EndpointHost, endpoint_admitted
from exchange.store.models import Resource
from exchange.store.unit_of_work import ExchangeUnitOfWork
from exchange.use_cases.errors import Forbidden, Invalid, NotFound

__all__ = [
    "allow_endpoint_host",
    "changes_endpoint",
    "check_endpoint_url",
    "endpoint_hosts_of",
    "may_set_endpoint",
    "set_endpoint_hosts",
]

MAX_HOSTS = 50


def changes_endpoint(resource: Resource, existing: tuple[str, str | None] | None) -> bool:
    """Does registering ``resource`` over ``existing`` (its provider and endpoint, None when new) set a new
    endpoint, clear one, or hand the same endpoint to another provider? Anything but leaving the endpoint as it
    was with the same provider counts as setting it."""
    old_provider, old_endpoint = existing if existing is not None else (resource.provider_code, None)
    return resource.endpoint_url != old_endpoint or (
        resource.endpoint_url is not None and old_provider != resource.provider_code
    )


def may_set_endpoint(caller: Caller, provider: str) -> None:
    """Only the provider's administrators or its own system set its endpoints."""
    if not may(caller, Operation.SET_ENDPOINT, org=provider):
        raise Forbidden(
            f"只有提供部门 {provider} 的管理员（admin 角色）或其本单位系统（exchange:resources:write 权限）可以设置或"
            "更改接口地址；请由该部门管理员办理 (only the provider's administrators or its own system set its "
            "endpoint)",
            code="endpoint_not_allowed",
        )


async def check_endpoint_url(uow: ExchangeUnitOfWork, *, url: str, provider: str, outbound: Outbound) -> None:
    """The URL must pass the outbound policy as written (and as its name resolves now) and be on one of the
    provider's endpoint hosts. The connection-time check still decides each call: a name may resolve anywhere
    later, and operators may take a host off the list."""
    refusal = await outbound.screen(url)
    if refusal is not None:
        raise Invalid(
            f"接口地址不符合出站策略：{refusal.message}",
            code="endpoint_refused",
            errors=[{"field": "endpoint_url", "reason": refusal.reason, "message": refusal.message}],
        )
    listed = [EndpointHost.parse(host) for host in await uow.endpoint_hosts.of_member(provider)]
    if not endpoint_admitted(url, listed):
        host = str(EndpointHost.of_url(url))
        raise Invalid(
            f"接口地址的主机 {host} 不在提供部门 {provider} 的接口主机名单中；请平台运维人员先登记 "
            f"(PUT /members/{provider}/endpoint-hosts) (the host is not listed for the provider)",
            code="endpoint_host_not_allowed",
            errors=[{"field": "endpoint_url", "message": f"主机 {host} 未登记为 {provider} 的接口主机"}],
        )


def _may_administer(caller: Caller) -> bool:
    """The hub's operators proper (role ``operator``, scope ``exchange:admin``): not the transitional
    ``is_operator``, whose older roles include every organization's ``admin`` — who must not widen where
    its own endpoints may point."""
    return may(caller, Operation.ADMINISTER)


async def endpoint_hosts_of(uow: ExchangeUnitOfWork, *, caller: Caller, member_code: str) -> list[str]:
    """The member's endpoint hosts: for operators and for those who set the member's endpoints."""
    if not (_may_administer(caller) or may(caller, Operation.SET_ENDPOINT, org=member_code)):
        raise Forbidden(
            "只有平台运维人员或该部门管理员可以查看接口主机名单 (operators or the member's administrators)"
        )
    if await uow.members.get(member_code) is None:
        raise NotFound(f"成员单位 {member_code} 不存在", code="member_not_found")
    return await uow.endpoint_hosts.of_member(member_code)


async def set_endpoint_hosts(
    uow: ExchangeUnitOfWork, *, caller: Caller, member_code: str, hosts: Sequence[str]
) -> list[str]:
    """Replace the member's endpoint hosts (operators only). Endpoints already set on hosts no longer listed are
    refused at their next read, never called."""
    if not _may_administer(caller):
        raise Forbidden(
            "只有平台运维人员（operator 角色或 exchange:admin 权限）可以维护接口主机名单 (operators only)",
            code="forbidden",
        )
    if await uow.members.get(member_code) is None:
        raise NotFound(f"成员单位 {member_code} 不存在", code="member_not_found")
    if len(hosts) > MAX_HOSTS:
        raise Invalid(f"每个成员单位至多登记 {MAX_HOSTS} 个接口主机", code="too_many_hosts")
    parsed: list[str] = []
    problems: list[dict[str, str]] = []
    for index, text in enumerate(hosts):
        try:
            parsed.append(str(EndpointHost.parse(text)))
        except ValueError as exc:
            problems.append({"field": f"hosts.{index}", "message": str(exc)})
    if problems:
        raise Invalid(
            "接口主机名单有误: " + "; ".join(p["message"] for p in problems),
            code="invalid_endpoint_host",
            errors=problems,
        )
    await uow.endpoint_hosts.replace(member_code, parsed, by=caller.sub)
    await uow.commit()
    return await uow.endpoint_hosts.of_member(member_code)


async def allow_endpoint_host(uow: ExchangeUnitOfWork, *, member_code: str, url: str) -> None:
    """List the host and port of ``url`` for the member unless listed (the demo loader, acting as operators)."""
    await uow.endpoint_hosts.add(member_code, str(EndpointHost.of_url(url)), by="demo")
    await uow.commit()
