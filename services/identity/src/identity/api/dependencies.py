"""Dependency aliases for identity routes."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Annotated

from fastapi import Depends, Request

from identity.clients import Registers, SmsGateway
from identity.domain.phone_codes import SendingLimits
from identity.pii import PiiCipher
from identity.settings import IdentitySettings
from identity.store.unit_of_work import IdentityUnitOfWork
from identity.use_cases.phone_codes import CodePolicy
from identity.use_cases.registration import SystemIdentity
from meshkit.peers import client_address

__all__ = [
    "CipherDep",
    "CodePolicyDep",
    "RegistersDep",
    "SettingsDep",
    "SmsDep",
    "SourceDep",
    "SystemIdentityDep",
    "UowDep",
]


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


def _registers(request: Request) -> Registers:
    registers: Registers = request.app.state.registers
    return registers


def _sms(request: Request) -> SmsGateway:
    sms: SmsGateway = request.app.state.sms
    return sms


def _code_policy(settings: SettingsDep) -> CodePolicy:
    return CodePolicy(
        secret=settings.secret_key.get_secret_value(),
        ttl=timedelta(seconds=settings.phone_code_ttl),
        attempts=settings.phone_code_attempts,
        limits=SendingLimits(
            interval=timedelta(seconds=settings.phone_code_interval),
            per_number=settings.phone_code_per_number,
            per_source=settings.phone_code_per_source,
        ),
    )


def _system_identity(settings: SettingsDep) -> SystemIdentity:
    return SystemIdentity(settings.system_client_id)


def _source(request: Request) -> str:
    """The caller's address as the gateway settled it (``X-Tongban-Client-Address``), else the peer."""
    return client_address(request)


UowDep = Annotated[IdentityUnitOfWork, Depends(_uow)]
SettingsDep = Annotated[IdentitySettings, Depends(_settings)]
CipherDep = Annotated[PiiCipher, Depends(_cipher)]
RegistersDep = Annotated[Registers, Depends(_registers)]
SmsDep = Annotated[SmsGateway, Depends(_sms)]
CodePolicyDep = Annotated[CodePolicy, Depends(_code_policy)]
SystemIdentityDep = Annotated[SystemIdentity, Depends(_system_identity)]
SourceDep = Annotated[str, Depends(_source)]
