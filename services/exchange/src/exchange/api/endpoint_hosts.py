"""The hosts each member's provider endpoints may point at (接口主机名单), kept by the hub's operators."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request
from pydantic import BaseModel, Field

from exchange.api.dependencies import UowDep, permitted
from exchange.domain.access import Operation
from exchange.runtime import runtime_of
from exchange.use_cases import endpoints
from meshkit.auth import Principal
from meshkit.errors import problem_responses

__all__ = ["router"]

router = APIRouter(prefix="/members/{code}/endpoint-hosts", tags=["数据资源目录 (directory)"])

MemberCode = Annotated[str, Path(max_length=40, description="member code (成员单位代码)")]


class EndpointHostsIn(BaseModel):
    hosts: list[Annotated[str, Field(min_length=1, max_length=300)]] = Field(
        max_length=endpoints.MAX_HOSTS,
        examples=[["population.gaj.example", "10.20.3.4:8443"]],
        description="host (any port) or host:port; a DNS name or an address",
    )


class EndpointHostsOut(BaseModel):
    member_code: str
    hosts: list[str] = Field(description="canonical: lower case, IDNA, one spelling per address")


@router.get("", response_model=EndpointHostsOut, responses=problem_responses(403, 404))
async def endpoint_hosts(
    uow: UowDep,
    principal: Annotated[
        Principal,
        permitted(Operation.ADMINISTER, Operation.SET_ENDPOINT, what="查看接口主机名单", code="forbidden"),
    ],
    code: MemberCode,
) -> EndpointHostsOut:
    """The hosts the member's provider endpoints may point at (operators, and the member's administrators)."""
    hosts = await endpoints.endpoint_hosts_of(uow, caller=principal, member_code=code)
    return EndpointHostsOut(member_code=code, hosts=hosts)


@router.put("", response_model=EndpointHostsOut, responses=problem_responses(403, 404, 422))
async def set_endpoint_hosts(
    request: Request,
    uow: UowDep,
    principal: Annotated[
        Principal, permitted(Operation.ADMINISTER, what="维护接口主机名单", code="forbidden")
    ],
    code: MemberCode,
    body: EndpointHostsIn,
) -> EndpointHostsOut:
    """Replace the member's endpoint hosts (operators only). A resource whose endpoint is on a host taken off the
    list is refused at its next read (``endpoint_refused``), never called."""
    hosts = await endpoints.set_endpoint_hosts(uow, caller=principal, member_code=code, hosts=body.hosts)
    providers = runtime_of(request).read_path.providers
    # this replica's reads see the change at once; the others within their ttl
    providers.endpoint_hosts.forget(code)
    return EndpointHostsOut(member_code=code, hosts=hosts)
