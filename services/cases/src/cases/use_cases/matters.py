"""Matters open for application (the read model of catalog events)."""

from __future__ import annotations

from collections.abc import Sequence

from cases.store.models import OpenMatter
from cases.store.unit_of_work import CasesUnitOfWork
from meshkit.errors import ProblemError

__all__ = ["MatterNotOpen", "get_open_matter", "list_open_matters"]


class MatterNotOpen(ProblemError):
    status = 404
    code = "matter_not_open"


async def list_open_matters(
    uow: CasesUnitOfWork, *, limit: int, offset: int
) -> tuple[Sequence[OpenMatter], int]:
    return await uow.open_matters.page(limit=limit, offset=offset)


async def get_open_matter(uow: CasesUnitOfWork, *, code: str) -> OpenMatter:
    matter = await uow.open_matters.get(code)
    if matter is None:
        raise MatterNotOpen(f"事项 {code} 尚未发布或不可申请")
    return matter
