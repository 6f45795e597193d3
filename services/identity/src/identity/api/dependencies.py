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


def _source(request: Request, settings: SettingsDep) -> str:
    """The caller's address: the peer, or — when the peer is a trusted proxy (the gateway) — the address that
    proxy saw, which it appends last to X-Forwarded-For (what a caller wrote before it is not trusted)."""
    peer = request.client.host if request.client else ""
    trusted = {p.strip() for p in settings.trusted_proxies.split(",") if p.strip()}
    forwarded = request.headers.get("x-forwarded-for", "")
    if peer in trusted and forwarded:
        return forwarded.split(",")[-1].strip()[:64] or peer
    return peer


UowDep = Annotated[IdentityUnitOfWork, Depends(_uow)]
SettingsDep = Annotated[IdentitySettings, Depends(_settings)]
CipherDep = Annotated[PiiCipher, Depends(_cipher)]
RegistersDep = Annotated[Registers, Depends(_registers)]
SmsDep = Annotated[SmsGateway, Depends(_sms)]
CodePolicyDep = Annotated[CodePolicy, Depends(_code_policy)]
SystemIdentityDep = Annotated[SystemIdentity, Depends(_system_identity)]
SourceDep = Annotated[str, Depends(_source)]
