"""What the exchange does: one async function per operation."""

from __future__ import annotations

from collections.abc import Sequence

from exchange.store.models import Resource
from exchange.store.unit_of_work import ExchangeUnitOfWork
from meshkit.errors import ProblemError

__all__ = ["ResourceNotFound", "get_resource", "list_resources", "register_resource"]


class ResourceNotFound(ProblemError):
    status = 404
    code = "resource_not_found"


async def list_resources(uow: ExchangeUnitOfWork, *, provider_code: str | None) -> Sequence[Resource]:
    return await uow.resources.list(provider_code=provider_code)


async def get_resource(uow: ExchangeUnitOfWork, *, code: str) -> Resource:
    resource = await uow.resources.get(code)
    if resource is None:
        raise ResourceNotFound(f"数据资源 {code} 不存在")
    return resource


async def register_resource(uow: ExchangeUnitOfWork, *, resource: Resource) -> None:
    await uow.resources.merge(resource)
    await uow.commit()
