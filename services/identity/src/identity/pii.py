"""Personal data at rest: ID numbers, credit codes and phones are stored encrypted, looked up by a keyed hash,
and shown masked. Validation uses python-stdnum and says which check failed."""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass
from datetime import date

import phonenumbers
from cryptography.fernet import Fernet, InvalidToken
from stdnum import numdb
from stdnum.cn import ric, uscc
from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength, ValidationError

from meshkit.legaldate import today as legal_today

__all__ = [
    "EARLIEST_BIRTH",
    "InvalidIdentifier",
    "PiiCipher",
    "Sealed",
    "is_mobile",
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


class _ResidentId:
    """python-stdnum's resident ID number check without one part of it: stdnum also requires the area code to
    have existed in the birth year, but the code says where the number was issued — 綦江's 500222 (1997–2011) and
    500110 are carried by residents born long before 1997, who were refused everywhere. The area must still be
    one the administrative division table knows."""

    @staticmethod
    def validate(value: str) -> str:
        try:
            return str(ric.validate(value))
        except InvalidComponent:
            number = ric.compact(value)
            ric.get_birth_date(number)  # raises InvalidComponent for a date that is not one
            if not any("county" in props for _, props in numdb.get("cn/loc").info(number[:6])):
                raise
            return number


EARLIEST_BIRTH = date(1900, 1, 1)
"""No resident identity number carries an earlier birth date (the numbers date from 1984/1999)."""


def valid_id_number(value: str, *, today: date | None = None) -> str:
    """A resident identity number (GB 11643-1999), normalized; the region part is not required to be 500110.
    Its birth date lies between 1900-01-01 and ``today`` (Beijing date by default): stdnum checks only that it
    is a calendar date, so a number "born" next year passes it."""
    number = _validate("id_number", "公民身份号码", value.strip().upper(), _ResidentId)
    born = ric.get_birth_date(number)
    if born > (today or legal_today()):
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


_MOBILE = {phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE}
_FIXED = {phonenumbers.PhoneNumberType.FIXED_LINE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE}


def valid_phone(value: str, *, landline: bool = False) -> str:
    """A mainland number, normalized: a mobile as its 11 digits; with ``landline``, also a fixed line with its
    area code, as dialled in China (``02348621234``). Numbers are checked with libphonenumber (``phonenumbers``),
    which knows the area codes and lengths. Codes and notices go only to mobiles (:func:`is_mobile`); a landline
    is for a person without a mobile phone, registered at a window."""
    try:
        number = phonenumbers.parse(value.strip(), "CN")
    except phonenumbers.NumberParseException:
        number = None
    kind = phonenumbers.number_type(number) if number is not None else None
    valid = number is not None and number.country_code == 86 and phonenumbers.is_valid_number(number)
    if valid and number is not None and kind in _MOBILE:
        return phonenumbers.national_significant_number(number)
    if valid and number is not None and landline and kind in _FIXED:
        return "0" + phonenumbers.national_significant_number(number)
    detail = (
        "电话号码无效：手机号码为 11 位数字、以 1 开头；固定电话须带区号，如 023-48621234 (format check failed)"
        if landline
        else "手机号码应为 11 位数字，以 1 开头 (format check failed)"
    )
    raise InvalidIdentifier("phone", "format", detail)


def is_mobile(phone: str) -> bool:
    """A normalized number (:func:`valid_phone`) that can receive SMS."""
    return len(phone) == 11 and phone.startswith("1")


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
