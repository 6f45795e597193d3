"""Dependency aliases for catalog routes.

Who may call a write at all (role or scope, ``catalog.domain.permissions``) is a route dependency, refused with 403
before the body is looked at; what depends on the record (an editor's own department) is decided in the use
cases."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request

from catalog.domain.permissions import ADMIN, EDITOR, REVIEWER
from catalog.store.unit_of_work import CatalogUnitOfWork
from meshkit.auth import Principal, Requires

__all__ = ["AdministratorDep", "EditorDep", "ReviewerDep", "UowDep"]


async def _uow(request: Request) -> AsyncIterator[CatalogUnitOfWork]:
    async with CatalogUnitOfWork(request.app.state.database) as uow:
        yield uow


UowDep = Annotated[CatalogUnitOfWork, Depends(_uow)]


def _requires(grant: tuple[str, str], what: str) -> Requires:
    role, scope = grant
    return Requires(roles=(role,), scopes=(scope,), what=what)


EditorDep = Annotated[Principal, Depends(_requires(EDITOR, "编辑事项"))]
ReviewerDep = Annotated[Principal, Depends(_requires(REVIEWER, "审核发布"))]
AdministratorDep = Annotated[Principal, Depends(_requires(ADMIN, "管理字典和同义词"))]
