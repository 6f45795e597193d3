"""Dependency aliases for identity routes."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request

from identity.pii import PiiCipher
from identity.settings import IdentitySettings
from identity.store.unit_of_work import IdentityUnitOfWork

__all__ = ["CipherDep", "SettingsDep", "UowDep"]


async def _uow(request: Request) -> AsyncIterator[IdentityUnitOfWork]:
    async with IdentityUnitOfWork(request.app.state.database) as uow:
        yield uow


def _settings(request: Request) -> IdentitySettings:
    settings: IdentitySettings = request.app.state.settings
    return settings


def _cipher(request: Request) -> PiiCipher:
    """One cipher per app, built on first use from the service secret."""
    cipher: PiiCipher | None = getattr(request.app.state, "pii_cipher", None)
    if cipher is None:
        settings: IdentitySettings = request.app.state.settings
        cipher = request.app.state.pii_cipher = PiiCipher(settings.secret_key.get_secret_value())
    return cipher


UowDep = Annotated[IdentityUnitOfWork, Depends(_uow)]
SettingsDep = Annotated[IdentitySettings, Depends(_settings)]
CipherDep = Annotated[PiiCipher, Depends(_cipher)]
