"""Personal data at rest: ID numbers, credit codes and phones are stored encrypted, looked up by a keyed hash,
and shown masked. Validation uses python-stdnum and says which check failed."""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from cryptography.fernet import Fernet, InvalidToken
from stdnum.cn import ric, uscc
from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength, ValidationError

__all__ = [
    "EARLIEST_BIRTH",
    "InvalidIdentifier",
    "PiiCipher",
    "Sealed",
    "mask",
    "valid_credit_code",
    "valid_id_number",
    "valid_phone",
]


class InvalidIdentifier(ValueError):
    """Carries which check failed: ``length``, ``format``, ``checksum`` or ``component`` (e.g. birth date)."""

    def __init__(self, field: str, check: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.check = check


_CHECKS: list[tuple[type[ValidationError], str, str]] = [
    (InvalidLength, "length", "长度不正确"),
    (InvalidFormat, "format", "格式不正确"),
    (InvalidChecksum, "checksum", "校验码不正确"),
    (InvalidComponent, "component", "出生日期或组成部分无效"),
]


def _validate(field: str, label: str, value: str, validator: object) -> str:
    try:
        return str(validator.validate(value))  # type: ignore[attr-defined]
    except ValidationError as exc:
        for kind, check, text in _CHECKS:
            if isinstance(exc, kind):
                raise InvalidIdentifier(field, check, f"{label}{text} ({check} check failed)") from exc
        raise InvalidIdentifier(field, "format", f"{label}无效") from exc


EARLIEST_BIRTH = date(1900, 1, 1)
"""No resident identity number carries an earlier birth date (the numbers date from 1984/1999)."""
_CHINA = ZoneInfo("Asia/Shanghai")


def valid_id_number(value: str, *, today: date | None = None) -> str:
    """A resident identity number (GB 11643-1999), normalized; the region part is not required to be 500110.
    Its birth date lies between 1900-01-01 and ``today`` (Beijing date by default): stdnum checks only that it
    is a calendar date, so a number "born" next year passes it."""
    number = _validate("id_number", "公民身份号码", value.strip().upper(), ric)
    born = ric.get_birth_date(number)
    if born > (today or datetime.now(_CHINA).date()):
        raise InvalidIdentifier(
            "id_number", "component", "公民身份号码的出生日期晚于今天 (component check failed)"
        )
    if born < EARLIEST_BIRTH:
        raise InvalidIdentifier(
            "id_number", "component", "公民身份号码的出生日期早于 1900 年 (component check failed)"
        )
    return number


def valid_credit_code(value: str) -> str:
    """A unified social credit code (GB 32100-2015), normalized."""
    return _validate("credit_code", "统一社会信用代码", value.strip().upper(), uscc)


def valid_phone(value: str) -> str:
    digits = value.strip().replace(" ", "").replace("-", "")
    if digits.startswith("+86"):
        digits = digits[3:]
    if len(digits) != 11 or not digits.isdigit() or digits[0] != "1":
        raise InvalidIdentifier("phone", "format", "手机号码应为 11 位数字，以 1 开头 (format check failed)")
    return digits


def mask(value: str, *, keep_start: int = 6, keep_end: int = 4) -> str:
    """``500222********1234``; short values keep less."""
    if len(value) <= keep_start + keep_end:
        keep_start, keep_end = min(3, len(value) // 3), min(2, len(value) // 3)
    return value[:keep_start] + "*" * (len(value) - keep_start - keep_end) + value[len(value) - keep_end :]


@dataclass(frozen=True)
class Sealed:
    """What is stored for one sensitive value."""

    ciphertext: bytes
    lookup: str
    masked: str


class PiiCipher:
    def __init__(self, secret: str) -> None:
        self._fernet = Fernet(
            base64.urlsafe_b64encode(hashlib.sha256(f"pii-encryption:{secret}".encode()).digest())
        )
        self._hash_key = hashlib.sha256(f"pii-lookup:{secret}".encode()).digest()

    def lookup(self, kind: str, value: str) -> str:
        """Keyed hash for equality lookups; useless without the secret."""
        return hmac.new(self._hash_key, f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()

    def seal(self, kind: str, value: str, *, keep_start: int = 6, keep_end: int = 4) -> Sealed:
        return Sealed(
            ciphertext=self._fernet.encrypt(value.encode()),
            lookup=self.lookup(kind, value),
            masked=mask(value, keep_start=keep_start, keep_end=keep_end),
        )

    def open(self, ciphertext: bytes) -> str:
        try:
            return self._fernet.decrypt(ciphertext).decode()
        except InvalidToken as exc:
            raise ValueError("sealed value does not open with this key") from exc
