"""One-time codes (短信验证码): their form, their keyed hash, and when another one may be sent."""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

__all__ = ["CODE_DIGITS", "CodePurpose", "SendingLimits", "code_hash", "new_code", "wait_before_sending"]

CODE_DIGITS = 6
WINDOW = timedelta(hours=1)


class CodePurpose(StrEnum):
    REGISTER = "register"  # 注册: proves the phone being registered
    LOGIN = "login"  # 验证码登录: proves the account's registered phone (also while the password is locked)


def new_code() -> str:
    return f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"


def code_hash(secret: str, *, purpose: CodePurpose, phone_lookup: str, code: str) -> str:
    """Keyed (HMAC-SHA256), so that a copy of the table does not open a six-digit code by trying all of them."""
    message = f"{purpose.value}|{phone_lookup}|{code}".encode()
    return hmac.new(f"phone-codes:{secret}".encode(), message, hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class SendingLimits:
    interval: timedelta  # between two codes to one number
    per_number: int  # codes to one number per hour
    per_source: int  # codes asked from one source address per hour


def wait_before_sending(
    limits: SendingLimits,
    *,
    now: datetime,
    to_number: list[datetime],
    from_source: list[datetime],
) -> int | None:
    """Seconds until a code may be sent (the ``Retry-After``), or None when it may be sent now.

    ``to_number`` and ``from_source``: when the codes of the last hour were sent to this number and asked from
    this source."""
    waits: list[float] = []
    if to_number:
        since_last = now - max(to_number)
        if since_last < limits.interval:
            waits.append((limits.interval - since_last).total_seconds())
    for sent, limit in ((to_number, limits.per_number), (from_source, limits.per_source)):
        recent = sorted(t for t in sent if t > now - WINDOW)
        if len(recent) >= limit:
            waits.append((recent[len(recent) - limit] + WINDOW - now).total_seconds())
    return max(1, math.ceil(max(waits))) if waits else None
