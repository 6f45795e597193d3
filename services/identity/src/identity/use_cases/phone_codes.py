"""One-time codes by SMS (短信验证码): sending them under per-number and per-source limits, and checking them.

A code is six digits, kept only as a keyed hash, valid ``ttl`` and once; a few wrong tries kill it. Sending is
limited per number (one a minute, a few an hour) and per source address (some an hour): 429 ``too_many_codes``
with ``Retry-After``. Numbers and codes are never logged."""

from __future__ import annotations

import hmac
import logging
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from identity.clients.sms import SmsGateway, SmsUnavailable
from identity.domain.phone_codes import (
    WINDOW,
    CodePurpose,
    SendingLimits,
    code_hash,
    new_code,
    wait_before_sending,
)
from identity.pii import PiiCipher
from identity.store.models import PhoneCode
from identity.store.unit_of_work import IdentityUnitOfWork
from meshkit.errors import ProblemError

__all__ = [
    "CodePolicy",
    "CodeRefused",
    "SmsDown",
    "TooManyCodes",
    "check_code",
    "count_unaddressed_request",
    "send_code",
]

log = logging.getLogger("identity.phone_codes")

NO_NUMBER = "-"  # phone_lookup of a request that named no usable number: counted for its source, never usable


@dataclass(frozen=True)
class CodePolicy:
    secret: str
    ttl: timedelta
    attempts: int
    limits: SendingLimits


class TooManyCodes(ProblemError):
    status = 429
    code = "too_many_codes"

    def __init__(self, retry_after: int) -> None:
        super().__init__(
            f"验证码发送过于频繁，请 {retry_after} 秒后再试。", headers={"Retry-After": str(retry_after)}
        )


class CodeRefused(ProblemError):
    status = 400
    code = "phone_code_invalid"

    def __init__(self) -> None:
        super().__init__("短信验证码错误或已失效，请重新获取验证码后再试。")


class SmsDown(ProblemError):
    status = 503
    code = "sms_unavailable"

    def __init__(self) -> None:
        super().__init__("短信暂时无法发送，请稍后再试。", headers={"Retry-After": "30"})


def source_lookup(cipher: PiiCipher, source: str) -> str:
    return cipher.lookup("source", source)


async def _admit(
    uow: IdentityUnitOfWork, *, policy: CodePolicy, phone_lookup: str, source_key: str, now: datetime
) -> None:
    """Wait for concurrent requests of this number and source, then refuse if a limit is reached."""
    await uow.phone_codes.serialize_sending(phone_lookup, source_key)
    since = now - WINDOW
    to_number = (
        await uow.phone_codes.sent_since(phone_lookup=phone_lookup, source_key=None, since=since)
        if phone_lookup != NO_NUMBER
        else []
    )
    from_source = await uow.phone_codes.sent_since(phone_lookup=None, source_key=source_key, since=since)
    wait = wait_before_sending(policy.limits, now=now, to_number=to_number, from_source=from_source)
    if wait is not None:
        await uow.rollback()
        raise TooManyCodes(wait)


async def send_code(
    uow: IdentityUnitOfWork,
    sms: SmsGateway,
    *,
    cipher: PiiCipher,
    policy: CodePolicy,
    purpose: CodePurpose,
    phone: str,
    source: str,
    now: datetime,
) -> None:
    """Send a new code to ``phone`` (normalized) for ``purpose``; the row is kept only if the gateway took it."""
    phone_lookup = cipher.lookup("phone", phone)
    source_key = source_lookup(cipher, source)
    await _admit(uow, policy=policy, phone_lookup=phone_lookup, source_key=source_key, now=now)
    code = new_code()
    uow.phone_codes.add(
        PhoneCode(
            id=str(uuid.uuid4()),
            purpose=purpose.value,
            phone_lookup=phone_lookup,
            source_key=source_key,
            code_hash=code_hash(policy.secret, purpose=purpose, phone_lookup=phone_lookup, code=code),
            created_at=now,
            expires_at=now + policy.ttl,
            failed_attempts=0,
        )
    )
    await uow.flush()
    minutes = max(1, int(policy.ttl.total_seconds()) // 60)
    action = "注册账号" if purpose is CodePurpose.REGISTER else "登录"
    text = f"【通办】您正在{action}，验证码 {code}，{minutes} 分钟内有效。工作人员不会向您索取验证码，请勿告诉他人。"
    try:
        await sms.send(phone=phone, text=text)
    except SmsUnavailable as exc:
        await uow.rollback()
        log.warning("sms not sent", extra={"reason": str(exc), "purpose": purpose.value})
        raise SmsDown() from None
    await uow.commit()
    log.info("phone code sent", extra={"purpose": purpose.value})


async def count_unaddressed_request(
    uow: IdentityUnitOfWork, *, cipher: PiiCipher, policy: CodePolicy, login: str, source: str, now: datetime
) -> None:
    """A request that names no account with a phone is answered like any other: it counts for its source (so
    that nobody can try numbers unthrottled where nothing is sent) and, under a keyed stand-in for the number it
    would have gone to, against the same per-number limits — a second request within the interval is refused
    exactly as for a registered account, so the limits do not tell which ID numbers are registered."""
    source_key = source_lookup(cipher, source)
    stand_in = cipher.lookup("unaddressed_login", login.strip().upper())
    await _admit(uow, policy=policy, phone_lookup=stand_in, source_key=source_key, now=now)
    uow.phone_codes.add(
        PhoneCode(
            id=str(uuid.uuid4()),
            purpose=CodePurpose.LOGIN.value,
            phone_lookup=stand_in,
            source_key=source_key,
            code_hash="",
            created_at=now,
            expires_at=now,
            used_at=now,
            failed_attempts=0,
        )
    )
    await uow.commit()


async def check_code(
    uow: IdentityUnitOfWork,
    *,
    policy: CodePolicy,
    purpose: CodePurpose,
    phone_lookup: str,
    code: str,
    now: datetime,
) -> PhoneCode:
    """The open code row (locked) if ``code`` is its code; the caller marks it used in its own commit.

    A wrong code counts a failed try (committed at once); after ``attempts`` the code is dead."""
    row = await uow.phone_codes.latest_open(purpose=purpose.value, phone_lookup=phone_lookup, now=now)
    if row is None or row.failed_attempts >= policy.attempts:
        raise CodeRefused()
    expected = code_hash(policy.secret, purpose=purpose, phone_lookup=phone_lookup, code=code.strip())
    if not hmac.compare_digest(row.code_hash, expected):
        row.failed_attempts += 1
        await uow.commit()
        raise CodeRefused()
    return row
