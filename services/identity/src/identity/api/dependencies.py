"""Dependency aliases for identity routes."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request

from identity.settings import IdentitySettings
from identity.store.unit_of_work import IdentityUnitOfWork

__all__ = ["SettingsDep", "UowDep"]


async def _uow(request: Request) -> AsyncIterator[IdentityUnitOfWork]:
    async with IdentityUnitOfWork(request.app.state.database) as uow:
        yield uow


def _settings(request: Request) -> IdentitySettings:
    settings: IdentitySettings = request.app.state.settings
    return settings


UowDep = Annotated[IdentityUnitOfWork, Depends(_uow)]
SettingsDep = Annotated[IdentitySettings, Depends(_settings)]
