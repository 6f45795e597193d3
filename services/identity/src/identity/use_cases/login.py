"""Authenticating a person (by resident ID number) or a staff member (by username) with a password.

Every failure says the same thing, whether the account exists, is locked or the password is wrong. After five
consecutive failures *from one source address* the account locks for that source for 1, 2, 4 … minutes (at most an
hour): someone elsewhere who knows a citizen's ID number cannot keep her out. After twenty failures from anywhere
within fifteen minutes every source gets one password try per ten seconds (a distributed guess is slowed). A
success from a source resets that source's count. Password checks (argon2, ~0.1 s of CPU each) run at most
``PASSWORD_CHECKS`` at a time per process, so a flood of logins queues instead of starving everything else.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from dataclasses import dataclass
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from identity.domain.oauth import SLOWDOWN_WINDOW, locked_until, slowed_until
from identity.domain.subjects import IdentityLevel
from identity.pii import InvalidIdentifier, PiiCipher, valid_credit_code, valid_id_number
from identity.store.models import LoginFailure, Person, Staff
from identity.store.unit_of_work import IdentityUnitOfWork
from identity.use_cases.representation import acting_role
from meshkit.errors import ProblemError

__all__ = ["LOGIN_FAILED", "AuthenticatedSubject", "LoginFailed", "authenticate"]

log = logging.getLogger("identity.login")

LOGIN_FAILED = "证件号码/用户名或密码不正确，或账号因多次登录失败已被暂时锁定，请稍后再试。"
STAFF_LEVEL = IdentityLevel.IN_PERSON  # staff accounts are opened by an administrator who knows the person

_HASHER = PasswordHasher()
PASSWORD_CHECKS = 2
_checking = asyncio.Semaphore(PASSWORD_CHECKS)


@functools.cache
def _dummy_hash() -> str:
    """Verified against when there is no account, so an unknown login costs as much as a wrong password."""
    return _HASHER.hash("no account has this password 0")


class LoginFailed(ProblemError):
    status = 401
    code = "login_failed"

    def __init__(self) -> None:
        super().__init__(LOGIN_FAILED)


@dataclass(frozen=True)
class AuthenticatedSubject:
    kind: (
        str  # person | staff | enterprise (a person logged in as the legal representative of the enterprise)
    )
    id: str  # person id or staff id
    acr: int
    enterprise_id: str | None = None


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


async def _checked(password_hash: str, password: str) -> bool:
    async with _checking:
        return await asyncio.to_thread(_verify, password_hash, password)


async def _find(uow: IdentityUnitOfWork, login: str, cipher: PiiCipher) -> Person | Staff | None:
    try:
        number = valid_id_number(login)
    except InvalidIdentifier:
        return await uow.staff.by_username(login)
    return await uow.persons.by_id_number(cipher.lookup("id_number", number))


async def _enterprise_of(
    uow: IdentityUnitOfWork, person: Person, credit_code: str, cipher: PiiCipher, now: datetime
) -> str | None:
    """The enterprise the person logs in for: as its legal representative or a current agent (经办人)."""
    try:
        code = valid_credit_code(credit_code)
    except InvalidIdentifier:
        return None
    enterprise = await uow.enterprises.by_credit_code(cipher.lookup("credit_code", code))
    if (
        enterprise is None
        or await acting_role(uow, enterprise=enterprise, person_id=person.id, now=now) is None
    ):
        return None
    return enterprise.id


async def authenticate(
    uow: IdentityUnitOfWork,
    *,
    login: str,
    password: str,
    cipher: PiiCipher,
    now: datetime,
    source: str,
    credit_code: str | None = None,
) -> AuthenticatedSubject:
    """The subject whose credentials these are, or :class:`LoginFailed` (after committing the failure count).

    ``source``: the client's address (as the gateway saw it); only its keyed hash is stored. On success the reset
    count is left in the unit of work for the caller's commit (with the new session). ``credit_code``: a legal
    representative logging in for their enterprise (tb_kind ``enterprise``).
    """
    subject = await _find(uow, login.strip(), cipher)
    source_key = cipher.lookup("login_source", source)
    pair = await uow.login_failures.of(subject.id, source_key) if subject is not None else None
    usable = (
        subject is not None
        and subject.password_hash is not None
        and (not isinstance(subject, Staff) or subject.active)
        and (subject.locked_until is None or subject.locked_until <= now)  # the account-wide slow-down
        and (pair is None or pair.locked_until is None or pair.locked_until <= now)
    )
    password_hash = subject.password_hash if usable and subject is not None else None
    matches = await _checked(password_hash or _dummy_hash(), password)
    if subject is None or not usable or not matches:
        if subject is not None and usable:
            await _count_failure(uow, subject, source_key, now)
        raise LoginFailed()
    enterprise_id = None
    if isinstance(subject, Person) and credit_code:
        enterprise_id = await _enterprise_of(uow, subject, credit_code, cipher, now)
        if enterprise_id is None:
            raise LoginFailed()
    await uow.login_failures.forget(subject.id, source_key)
    subject.failed_logins = 0
    if password_hash is not None and _HASHER.check_needs_rehash(password_hash):
        subject.password_hash = await asyncio.to_thread(_HASHER.hash, password)
    if isinstance(subject, Staff):
        return AuthenticatedSubject(kind="staff", id=subject.id, acr=STAFF_LEVEL)
    kind = "enterprise" if enterprise_id else "person"
    return AuthenticatedSubject(kind=kind, id=subject.id, acr=subject.acr, enterprise_id=enterprise_id)


async def _count_failure(
    uow: IdentityUnitOfWork, subject: Person | Staff, source: str, now: datetime
) -> None:
    await uow.sessions.lock_subject(subject)  # concurrent failures of one account count one by one
    pair = await uow.login_failures.of(subject.id, source, for_update=True)
    if pair is None:
        pair = LoginFailure(subject_id=subject.id, source=source, failures=0, updated_at=now)
        uow.login_failures.add(pair)
    pair.failures += 1
    pair.locked_until = locked_until(pair.failures, now)
    pair.updated_at = now
    await uow.flush()
    recent = await uow.login_failures.recent_total(subject.id, since=now - SLOWDOWN_WINDOW)
    subject.failed_logins = recent
    subject.locked_until = slowed_until(recent, now)
    await uow.commit()
    kind = "staff" if isinstance(subject, Staff) else "person"
    if pair.locked_until is not None:
        log.warning(
            "account locked for one source after failed logins",
            extra={
                "subject_kind": kind,
                "subject_id": subject.id,
                "failures": pair.failures,
                "locked_until": pair.locked_until.isoformat(),
            },
        )
    if subject.locked_until is not None:
        log.warning(
            "account slowed down after failed logins from several sources",
            extra={"subject_kind": kind, "subject_id": subject.id, "recent_failures": recent},
        )
